/**
 * The young people's report's pictures as small SVG strings: topic icons and a row of 10 figures with
 * some filled in. The same SVG goes inline into the HTML file and into the PDF (svg-to-pdfkit), so the
 * two always match. Colours are presentation attributes, never style attributes (the staff page's
 * content security policy allows no inline styles).
 */

/** The pictures a section or a finding can carry. */
export type IconName = 'heart' | 'sun' | 'house' | 'star' | 'smile' | 'hands';

/** How a finding reads: good news, or something to work on. */
export type Tone = 'good' | 'work';

/** Colours with at least 3:1 contrast on white (4.5:1 where text uses them). */
export const COLOURS = {
  good: '#0f6e62',
  work: '#a34a12',
  empty: '#ddd5c8',
  heart: '#c0265b',
  sun: '#e8a100',
  house: '#1d5fa8',
  star: '#7a3fa0',
  smile: '#e8a100',
  hands: '#0f6e62',
  ink: '#1f1d1a',
} as const;

const svg = (w: number, h: number, body: string, label?: string): string =>
  label === undefined
    ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" aria-hidden="true" focusable="false">${body}</svg>`
    : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${body}</svg>`;

/** Text made safe inside SVG markup. */
export const escapeXml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function iconBody(name: IconName): string {
  const c = COLOURS[name];
  switch (name) {
    case 'heart':
      return `<path fill="${c}" d="M24 42 C12 33 4 26 4 16 C4 9 9 5 14.5 5 C18.5 5 22 7.5 24 11 C26 7.5 29.5 5 33.5 5 C39 5 44 9 44 16 C44 26 36 33 24 42 Z"/>`;
    case 'sun': {
      const rays = Array.from({ length: 8 }, (_, i) => {
        const a = (i * Math.PI) / 4;
        const p = (r: number) => `${(24 + r * Math.cos(a)).toFixed(1)} ${(24 + r * Math.sin(a)).toFixed(1)}`;
        return `<path stroke="${c}" stroke-width="3.5" stroke-linecap="round" d="M${p(14)} L${p(21)}"/>`;
      }).join('');
      return `<circle cx="24" cy="24" r="10" fill="${c}"/>${rays}`;
    }
    case 'house':
      return `<path fill="${c}" d="M24 5 L44 22 L39 22 L39 43 L9 43 L9 22 L4 22 Z"/><rect x="20" y="29" width="8" height="14" rx="1.5" fill="#ffffff"/><rect x="13" y="25" width="5" height="5" fill="#ffffff"/><rect x="30" y="25" width="5" height="5" fill="#ffffff"/>`;
    case 'star':
      return `<path fill="${c}" d="M24 3 L30 17.5 L45.5 18.8 L33.7 29 L37.3 44.2 L24 36 L10.7 44.2 L14.3 29 L2.5 18.8 L18 17.5 Z"/>`;
    case 'smile':
      return `<circle cx="24" cy="24" r="20" fill="${c}"/><circle cx="17" cy="19" r="2.8" fill="${COLOURS.ink}"/><circle cx="31" cy="19" r="2.8" fill="${COLOURS.ink}"/><path d="M14 27 C17 35 31 35 34 27" fill="none" stroke="${COLOURS.ink}" stroke-width="3" stroke-linecap="round"/>`;
    case 'hands':
      return `<circle cx="15" cy="11" r="6" fill="${c}"/><circle cx="33" cy="11" r="6" fill="${c}"/><path fill="${c}" d="M6 44 L6 27 C6 21 10 19 15 19 C20 19 24 22 24 27 C24 22 28 19 33 19 C38 19 42 21 42 27 L42 44 Z"/>`;
  }
}

/** A 48 x 48 topic icon; decorative unless a label is given. */
export function icon(name: IconName, size = 48, label?: string): string {
  const out = svg(48, 48, iconBody(name), label);
  return size === 48 ? out : out.replace('width="48" height="48"', `width="${size}" height="${size}"`);
}

/** One figure, 20 wide and 40 high, at x. */
const figure = (x: number, fill: string): string =>
  `<circle cx="${x + 10}" cy="7" r="6.5" fill="${fill}"/><rect x="${x + 2.5}" y="15.5" width="15" height="24" rx="6.5" fill="${fill}"/>`;

/** Alt text of a row of figures. */
export const pictogramLabel = (filled: number): string => `${filled} of 10 figures coloured in`;

/** A row of 10 figures, the first `filled` in the tone's colour: "about 7 in every 10" as a picture. */
export function pictogram(filled: number, tone: Tone): string {
  const n = Math.max(0, Math.min(10, Math.round(filled)));
  const body = Array.from({ length: 10 }, (_, i) => figure(i * 24, i < n ? COLOURS[tone] : COLOURS.empty)).join('');
  return svg(236, 40, body, pictogramLabel(n));
}

/** The cover: a sun over a house, with a heart and a star either side. */
export function coverPicture(label: string): string {
  const place = (name: IconName, x: number, y: number, scale: number) => `<g transform="translate(${x} ${y}) scale(${scale})">${iconBody(name)}</g>`;
  return svg(320, 170, `${place('star', 0, 90, 1.4)}${place('sun', 127, 0, 1.4)}${place('house', 102, 56, 2.4)}${place('heart', 252, 94, 1.4)}`, label);
}
