/** Named random streams: each demo wave draws from its own, so adding one wave never changes another's answers. */

/** FNV-1a: a stable 32-bit number from a name (seed, LA and wave), to seed that wave's random stream. */
export function streamSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
