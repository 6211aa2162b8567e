/**
 * Accent and case folding for search: "Södertälje", "SÖDERTÄLJE" and "sodertalje" all fold to
 * "sodertalje", in both directions (query and text are folded alike). ø, æ and ß have no
 * combining form, so they are spelled out.
 */
const SPECIAL: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
};
const SPECIAL_RE = /[øæœßđłþ]/g;
const MARKS = /[\u0300-\u036f]/g;

// Anything outside printable ASCII needs the slow path.
const NON_ASCII = /[^ -~]/;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

/** Folded words: letters and digits; everything else (hyphens, punctuation) separates words. */
export function tokenize(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
