/**
 * Young people's own words in a PDF drawn with the standard fonts, which hold the Windows-1252
 * characters only: emoji are left out (the web page and the HTML file keep them), accented letters the
 * fonts lack lose their accent (ŵ -> w), and anything else becomes "?", rather than drawing garbage. Pure.
 */

/** The characters Windows-1252 adds in 0x80-0x9F, which the standard fonts draw. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Letters with a stroke, which do not decompose into a plain letter and an accent. */
const STROKED: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ŧ: 't', Ŧ: 'T' };

const drawable = (ch: string): boolean => {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || CP1252_EXTRA.has(ch);
};

/** The text as the PDF's standard fonts can draw it. */
export function printable(text: string): string {
  const out: string[] = [];
  // An emoji goes with the space before it: "help 😀" -> "help".
  const withoutEmoji = text.replace(/[ \t]*(?:(?![©®™])\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u200D\uFE0E\uFE0F\u20E3])+/gu, '');
  for (const ch of withoutEmoji) {
    if (drawable(ch)) out.push(ch);
    else if (ch === '\t' || ch === '\r') out.push(' ');
    else {
      const plain = STROKED[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out.push([...plain].every(drawable) && plain !== '' ? plain : '?');
    }
  }
  return out.join('');
}
