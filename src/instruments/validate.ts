/**
 * Checks the question bank as a whole: structure, skip logic, reporting rules, published lengths and
 * wording. It lists every problem rather than stopping at the first, so one run shows an author all
 * they must fix; the app refuses to start on a bank with problems (assertValidBank).
 */
import { answerValues, ruleFitsScale } from './registry.ts';
import { DECLINED_LABEL } from './scales.ts';
import { countedItems, itemOf } from './structure.ts';
import { messageKeys, type Condition, type Instrument, type Question } from './types.ts';

/** Message catalogues by language (the shape of messages/<lang>.json once merged). */
export type Catalogues = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Every question id a condition refers to, with the codes it tests (if any). */
function references(c: Condition): { question: string; codes: readonly string[] }[] {
  if ('all' in c) return c.all.flatMap(references);
  if ('any' in c) return c.any.flatMap(references);
  if ('not' in c) return references(c.not);
  return [{ question: c.question, codes: 'in' in c ? c.in : [] }];
}

const duplicates = (values: readonly string[]): string[] => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

/** A question is reported (needs a positive rule) unless it is demographic, free text or tick-all. */
const isReported = (q: Question): boolean => q.demographic !== true && q.scale.kind !== 'text' && q.scale.kind !== 'multi';

function checkStructure(inst: Instrument, problem: (msg: string) => void): void {
  for (const id of duplicates(inst.questions.map((q) => q.id))) problem(`duplicate question id '${id}'`);
  for (const key of duplicates(inst.questions.map((q) => q.key))) problem(`duplicate comparison key '${key}' within the instrument`);
  for (const id of duplicates(inst.pages.map((p) => p.id))) problem(`duplicate page id '${id}'`);
  const ids = new Set(inst.questions.map((q) => q.id));
  const placed = inst.pages.flatMap((p) => p.questions.map((id) => ({ id, page: p.id })));
  for (const { id, page } of placed) if (!ids.has(id)) problem(`page '${page}' refers to unknown question '${id}'`);
  for (const q of inst.questions) {
    const on = placed.filter((p) => p.id === q.id).map((p) => p.page);
    if (on.length === 0) problem(`question '${q.id}' is on no page`);
    if (on.length > 1) problem(`question '${q.id}' is on more than one page (${on.join(', ')})`);
  }
  for (const p of inst.pages) {
    if (p.questions.length === 0) problem(`page '${p.id}' has no questions`);
    for (const id of p.questions) {
      const q = inst.questions.find((x) => x.id === id);
      if (q === undefined) continue;
      if ((q.askedOf === 'adult') !== (p.forAdult === true)) problem(`question '${id}' is asked of the ${q.askedOf} but page '${p.id}' ${p.forAdult === true ? 'is' : 'is not'} for the adult`);
      if (q.askedOf === 'adult' && q.demographic !== true) problem(`question '${id}' is asked of the adult but is not demographic`);
    }
  }
  // Rows of one grid must sit together on one page, or the printed number would be split.
  const itemById = new Map(inst.questions.map((q) => [q.id, itemOf(q)]));
  const order = inst.pages.flatMap((p) => p.questions.map((id) => ({ item: itemById.get(id), page: p.id })));
  for (const item of new Set(inst.questions.filter((q) => q.item !== undefined).map(itemOf))) {
    const at = order.flatMap((o, i) => (o.item === item ? [{ i, page: o.page }] : []));
    const first = at[0];
    if (first !== undefined && !at.every((r, k) => r.page === first.page && r.i === first.i + k)) {
      problem(`the rows of item '${item}' are not together on one page`);
    }
  }
}

function checkSkipLogic(inst: Instrument, problem: (msg: string) => void): void {
  const pageOf = new Map<string, number>();
  inst.pages.forEach((p, i) => p.questions.forEach((id) => pageOf.has(id) || pageOf.set(id, i)));
  const byId = new Map(inst.questions.map((q) => [q.id, q]));
  const edges = new Map<string, string[]>();
  for (const q of inst.questions) {
    if (q.showIf === undefined) continue;
    const refs = references(q.showIf);
    edges.set(q.id, refs.map((r) => r.question));
    for (const ref of refs) {
      const target = byId.get(ref.question);
      if (target === undefined) {
        problem(`skip condition of '${q.id}' refers to unknown question '${ref.question}'`);
        continue;
      }
      const here = pageOf.get(q.id);
      const there = pageOf.get(ref.question);
      if (here !== undefined && there !== undefined && there >= here) {
        problem(`skip condition of '${q.id}' refers to '${ref.question}' on the same or a later page`);
      }
      const values = answerValues(target.scale).map(String);
      for (const code of ref.codes) {
        if (!values.includes(code)) problem(`skip condition of '${q.id}' tests '${ref.question}' for '${code}', which it cannot answer`);
      }
    }
  }
  // Depth-first search for cycles (a question shown only if a later one, which depends on it...).
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      problem(`skip conditions form a cycle: ${[...path.slice(path.indexOf(id)), id].join(' -> ')}`);
      return;
    }
    state.set(id, 'open');
    for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of edges.keys()) visit(id, []);
}

function checkReporting(inst: Instrument, problem: (msg: string) => void): void {
  for (const q of inst.questions) {
    const rule = q.positive;
    if (rule === undefined) {
      if (isReported(q)) problem(`question '${q.id}' is reported but has no positive rule`);
      continue;
    }
    if (!ruleFitsScale(rule, q.scale)) {
      problem(`positive rule of '${q.id}' does not fit its ${q.scale.kind} scale`);
      continue;
    }
    const values = answerValues(q.scale);
    if (rule.type === 'codes') {
      for (const code of [...rule.positive, ...(rule.excluded ?? [])]) {
        if (!values.includes(code)) problem(`positive rule of '${q.id}' names '${code}', which is not an option of scale '${q.scale.id}'`);
      }
      if (rule.positive.length === 0) problem(`positive rule of '${q.id}' names no positive answer`);
    } else {
      for (const band of [rule.positive, ...(rule.low ? [rule.low] : [])]) {
        if (!values.includes(band.from) || !values.includes(band.to) || band.from > band.to) {
          problem(`positive rule of '${q.id}' has band ${band.from}-${band.to} outside scale '${q.scale.id}'`);
        }
      }
    }
  }
  const items = countedItems(inst).length;
  if (items !== inst.publishedLength) {
    problem(`counts ${items} items for the young person but its published length is ${inst.publishedLength}`);
  }
}

function checkCatalogues(inst: Instrument, catalogues: Catalogues, problem: (msg: string) => void): void {
  for (const lang of inst.languages) {
    const cat = catalogues[lang];
    if (cat === undefined) {
      problem(`no '${lang}' catalogue`);
      continue;
    }
    const need = (key: string, what: string): void => {
      const v = cat[key];
      if (typeof v !== 'string' || v.trim() === '') problem(`'${lang}' catalogue lacks ${what} '${key}'`);
    };
    need(`instrument.${inst.id}.name`, 'the instrument name');
    for (const q of inst.questions) {
      const keys = messageKeys(inst.id, q.id);
      need(keys.text, 'question text');
      if (q.hasHelp === true) need(keys.help, 'help text');
      need(`indicator.${q.indicator}`, 'indicator name');
      need(`domain.${q.domain}`, 'domain name');
      const s = q.scale;
      if (s.kind === 'choice' || s.kind === 'multi') for (const o of s.options) need(o.label, 'option label');
      if (s.kind === 'score') for (const k of [s.minLabel, s.maxLabel]) need(k, 'scale end label');
      if (s.kind !== 'text') need(DECLINED_LABEL, 'the label for declining');
    }
    for (const p of inst.pages) need(p.title, 'page title');
  }
}

function checkComparisonKeys(instruments: readonly Instrument[], problem: (msg: string) => void): void {
  const groups = new Map<string, { inst: string; q: Question }[]>();
  for (const inst of instruments) for (const q of inst.questions) groups.set(q.key, [...(groups.get(q.key) ?? []), { inst: inst.id, q }]);
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const names = members.map((m) => `${m.inst}/${m.q.id}`).join(', ');
    const withRule = members.filter((m) => m.q.positive !== undefined);
    if (withRule.length > 0 && withRule.length < members.length) {
      problem(`comparison key '${key}': not every member declares a positive mapping (${names})`);
    }
    const kinds = new Set(members.map((m) => m.q.scale.kind));
    const choiceAndScore = kinds.size === 2 && kinds.has('choice') && kinds.has('score') && withRule.length === members.length;
    if (kinds.size > 1 && !choiceAndScore) problem(`comparison key '${key}' mixes incompatible scale kinds ${[...kinds].sort().join(' and ')} (${names})`);
  }
}

/** Every problem in the bank and its catalogues; an empty list means the bank is valid. */
export function validateBank(instruments: readonly Instrument[], catalogues: Catalogues): string[] {
  const problems: string[] = [];
  for (const id of duplicates(instruments.map((i) => i.id))) problems.push(`duplicate instrument id '${id}'`);
  for (const inst of instruments) {
    const problem = (msg: string): void => void problems.push(`${inst.id}: ${msg}`);
    checkStructure(inst, problem);
    checkSkipLogic(inst, problem);
    checkReporting(inst, problem);
    checkCatalogues(inst, catalogues, problem);
  }
  checkComparisonKeys(instruments, (msg) => problems.push(msg));
  return problems;
}

/** Throws one error listing every problem, or returns quietly when the bank is valid. */
export function assertValidBank(instruments: readonly Instrument[], catalogues: Catalogues): void {
  const problems = validateBank(instruments, catalogues);
  if (problems.length > 0) throw new Error(`The question bank has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
}
