/**
 * Reads the report's own HTML (the template every format shares) into blocks a PDF can draw: headings,
 * paragraphs, lists, tables and figures with their styled text. So the PDF says exactly what the web
 * report says, in the same order, with no second copy of the words. Only the markup our templates
 * use is understood (GOV.UK Frontend classes); anything else is read for its text. Pure.
 */
import type { Run, TagColour } from './layout.ts';

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string; readonly id: string | null }
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[] }
  /** A quotation (<blockquote>): young people's own words, set apart from the report's. */
  | { readonly kind: 'quote'; readonly runs: readonly Run[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Run[])[] }
  | { readonly kind: 'table'; readonly caption: readonly Run[]; readonly head: readonly (readonly Run[])[]; readonly rows: readonly (readonly (readonly Run[])[])[]; readonly rowHeaders: boolean; readonly numeric: readonly boolean[] }
  | { readonly kind: 'figure'; readonly svg: string; readonly ids: readonly string[]; readonly alt: string; readonly caption: readonly Run[] };

interface El {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Node[];
  /** The element's source, kept for <svg>, which is drawn as it is. */
  raw?: string;
}
type Node = El | string;

const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'col', 'wbr', 'source']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', middot: '·', pound: '£' };

/** Decodes the character references our templates produce. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attrsOf(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of src.matchAll(/([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = m[1];
    if (name !== undefined) out[name.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** A forgiving parse of well-formed template output into a tree; <svg> is kept whole as source. */
export function parseHtml(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  let at = 0;
  let m: RegExpExecArray | null;
  const top = (): El => stack[stack.length - 1] ?? root;
  while ((m = re.exec(html)) !== null) {
    if (m.index > at) top().children.push(decodeEntities(html.slice(at, m.index)));
    at = re.lastIndex;
    const [whole, close, rawTag, rest = ''] = m;
    if (rawTag === undefined || whole.startsWith('<!--')) continue;
    const tag = rawTag.toLowerCase();
    if (close === '/') {
      const i = stack.map((e) => e.tag).lastIndexOf(tag);
      if (i > 0) stack.length = i;
      continue;
    }
    const el: El = { tag, attrs: attrsOf(rest.replace(/\/\s*$/, '')), children: [] };
    top().children.push(el);
    if (tag === 'svg') {
      // Find the matching close, counting nested <svg>s, and keep the source as it is.
      let depth = 1;
      const inner = /<(\/?)svg\b[^>]*>/gi;
      inner.lastIndex = at;
      let end = html.length;
      let n: RegExpExecArray | null;
      while ((n = inner.exec(html)) !== null) {
        depth += n[1] === '/' ? -1 : n[0].endsWith('/>') ? 0 : 1;
        if (depth === 0) {
          end = inner.lastIndex;
          break;
        }
      }
      el.raw = html.slice(m.index, end);
      const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(el.raw)?.[1] ?? '';
      const desc = /<desc[^>]*>([\s\S]*?)<\/desc>/.exec(el.raw)?.[1] ?? '';
      el.children.push(decodeEntities([title, desc].filter((s) => s !== '').join('. ')));
      at = end;
      re.lastIndex = end;
      continue;
    }
    if (!VOID.has(tag) && !whole.endsWith('/>')) stack.push(el);
  }
  if (at < html.length) top().children.push(decodeEntities(html.slice(at)));
  return root;
}

const classes = (el: El): string[] => (el.attrs['class'] ?? '').split(/\s+/);
const hidden = (el: El): boolean => classes(el).some((c) => c === 'govuk-visually-hidden' || c === 'bs-print-hidden') || el.attrs['hidden'] !== undefined || el.attrs['aria-hidden'] === 'true';

interface Style {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly small?: boolean;
  readonly tag?: TagColour;
  readonly link?: string;
}

const TAG_COLOURS = new Set<TagColour>(['green', 'red', 'grey', 'blue', 'yellow', 'orange', 'purple']);

function styleFor(el: El, st: Style): Style {
  const cls = classes(el);
  let next: Style = st;
  if (el.tag === 'strong' || el.tag === 'b' || el.tag === 'th') next = { ...next, bold: true };
  if (el.tag === 'em' || el.tag === 'i') next = { ...next, italic: true };
  if (el.tag === 'small' || cls.some((c) => c === 'govuk-body-s' || c === 'govuk-hint' || c.startsWith('govuk-caption'))) next = { ...next, small: true };
  if (cls.includes('govuk-tag')) {
    const colour = cls.map((c) => /^govuk-tag--(\w+)$/.exec(c)?.[1]).find((c): c is TagColour => c !== undefined && TAG_COLOURS.has(c as TagColour));
    next = { ...next, tag: colour ?? 'blue' };
  }
  const href = el.attrs['href'];
  if (el.tag === 'a' && href !== undefined && /^https?:\/\//.test(href)) next = { ...next, link: href };
  return next;
}

/** The styled text of a node; block children (p, li, div) start on a new line. */
function inline(node: Node, st: Style = {}, out: Run[] = []): Run[] {
  if (typeof node === 'string') {
    const text = node.replace(/\s+/g, ' ');
    if (text !== '') out.push({ text, ...st });
    return out;
  }
  if (hidden(node) || node.tag === 'svg' || node.tag === 'script' || node.tag === 'style') return out;
  if (node.tag === 'br') {
    out.push({ text: '\n', ...st });
    return out;
  }
  const block = ['p', 'li', 'div', 'figcaption', 'caption', 'dt', 'dd', 'h3', 'h4', 'ul', 'ol', 'table', 'tr'].includes(node.tag);
  if (block && out.length > 0) out.push({ text: '\n' });
  const inner = styleFor(node, st);
  for (const c of node.children) inline(c, inner, out);
  if (block) out.push({ text: '\n' });
  return out;
}

/** Joins runs of the same style and drops spaces at line ends and breaks at the edges or repeated. */
export function tidy(input: readonly Run[]): Run[] {
  const out: { style: Run; text: string }[] = [];
  const same = (a: Run, b: Run): boolean => a.bold === b.bold && a.italic === b.italic && a.small === b.small && a.tag === b.tag && a.link === b.link && a.colour === b.colour;
  const lastChar = (): string => out[out.length - 1]?.text.slice(-1) ?? '';
  const dropTrailingSpace = (): void => {
    const last = out[out.length - 1];
    if (last === undefined || !last.text.endsWith(' ')) return;
    last.text = last.text.slice(0, -1);
    if (last.text === '') out.pop();
  };
  for (const r of input) {
    let text = r.text.replace(/ {2,}/g, ' ').replace(/ ?\n[\n ]*/g, '\n');
    const prev = lastChar();
    if (prev === '' || prev === '\n') text = text.replace(/^[ \n]+/, '');
    else if (prev === ' ') {
      text = text.replace(/^ +/, '');
      if (text.startsWith('\n')) dropTrailingSpace();
    }
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last !== undefined && same(last.style, r)) last.text += text;
    else out.push({ style: r, text });
  }
  for (;;) {
    const last = out[out.length - 1];
    if (last === undefined) break;
    last.text = last.text.replace(/[ \n]+$/, '');
    if (last.text !== '') break;
    out.pop();
  }
  return out.map((o) => ({ ...o.style, text: o.text }));
}

const textOf = (node: Node): string => tidy(inline(node)).map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
const elements = (el: El, tag: string): El[] => el.children.filter((c): c is El => typeof c !== 'string' && c.tag === tag);

function rowsOf(el: El): El[] {
  const direct = elements(el, 'tr');
  return [...direct, ...el.children.filter((c): c is El => typeof c !== 'string' && ['thead', 'tbody', 'tfoot'].includes(c.tag)).flatMap(rowsOf)];
}

function table(el: El): Block {
  const caption = elements(el, 'caption')[0];
  const thead = elements(el, 'thead')[0];
  const all = rowsOf(el);
  const cellsOf = (tr: El): El[] => tr.children.filter((c): c is El => typeof c !== 'string' && (c.tag === 'th' || c.tag === 'td'));
  const headRow = thead === undefined ? (all[0] !== undefined && cellsOf(all[0]).every((c) => c.tag === 'th') ? all[0] : undefined) : rowsOf(thead)[0];
  const body = all.filter((r) => r !== headRow && (thead === undefined || !rowsOf(thead).includes(r)));
  const head = headRow === undefined ? [] : cellsOf(headRow).map((c) => tidy(inline(c)));
  const rows = body.map((r) => cellsOf(r).map((c) => tidy(inline(c))));
  const firstCells = body.map((r) => cellsOf(r)[0]);
  const numericCells = headRow === undefined ? [] : cellsOf(headRow).map((c) => classes(c).some((k) => k.endsWith('--numeric')));
  return {
    kind: 'table',
    // A caption is a table's title, not secondary text, whatever its class.
    caption: caption === undefined ? [] : tidy(inline(caption)).map(({ small: _small, ...r }) => r),
    head,
    rows,
    rowHeaders: firstCells.length > 0 && firstCells.every((c) => c?.tag === 'th'),
    numeric: numericCells,
  };
}

function figure(el: El, svg: El): Block {
  const captionEl = el === svg ? undefined : elements(el, 'figcaption')[0];
  const ids = (svg.attrs['aria-labelledby'] ?? '').split(/\s+/).filter((s) => s !== '');
  return { kind: 'figure', svg: svg.raw ?? '', ids, alt: svg.children.filter((c): c is string => typeof c === 'string').join('').trim() || (svg.attrs['aria-label'] ?? ''), caption: captionEl === undefined ? [] : tidy(inline(captionEl)) };
}

function findSvg(el: El): El | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.tag === 'svg') return c;
    const found = findSvg(c);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The blocks of a fragment of report HTML, in document order. */
export function htmlBlocks(html: string): Block[] {
  const out: Block[] = [];
  let loose: Run[] = [];
  const flush = (): void => {
    const runs = tidy(loose);
    if (runs.length > 0) out.push({ kind: 'paragraph', runs });
    loose = [];
  };
  const walk = (node: Node): void => {
    if (typeof node === 'string') {
      inline(node, {}, loose);
      return;
    }
    if (hidden(node)) return;
    const t = node.tag;
    const heading = /^h([1-6])$/.exec(t);
    if (heading !== null) {
      flush();
      out.push({ kind: 'heading', level: Math.min(4, Number(heading[1])) as 1 | 2 | 3 | 4, text: textOf(node), id: node.attrs['id'] ?? null });
    } else if (t === 'blockquote') {
      flush();
      const runs = tidy(inline(node));
      if (runs.length > 0) out.push({ kind: 'quote', runs });
    } else if (t === 'p' || t === 'dt' || t === 'dd') {
      flush();
      inline(node, {}, loose);
      flush();
    } else if (t === 'ul' || t === 'ol') {
      flush();
      const items = elements(node, 'li').map((li) => tidy(inline(li))).filter((r) => r.length > 0);
      if (items.length > 0) out.push({ kind: 'list', ordered: t === 'ol', items });
    } else if (t === 'table') {
      flush();
      out.push(table(node));
    } else if (t === 'figure' || t === 'svg') {
      flush();
      const svg = t === 'svg' ? node : findSvg(node);
      if (svg !== undefined) out.push(figure(node, svg));
      else {
        // A figure without a chart (a quotation with its caption, say) is read for its content, never dropped.
        for (const c of node.children) walk(c);
        flush();
      }
    } else if (['span', 'strong', 'b', 'em', 'i', 'a', 'br', 'small', 'abbr', 'code'].includes(t)) {
      inline(node, {}, loose);
    } else if (!['script', 'style', 'form', 'button', 'nav'].includes(t)) {
      // A page's navigation (its contents list) is not content: the PDF makes its own.
      for (const c of node.children) walk(c);
      flush();
    }
  };
  walk(parseHtml(html));
  flush();
  return out;
}
