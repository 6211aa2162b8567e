/**
 * Where the search terms occur in a text, as [start, end) ranges of the original string, found
 * on the folded text so that "sodertalje" highlights "Södertälje". Only the words' beginnings are
 * marked, as matching works by prefix.
 */
import { fold } from './fold.ts';

export type Range = readonly [start: number, end: number];

/** The folded text and, for each folded character, the index of the original it came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const part = fold(text[i] as string);
    folded += part;
    for (let k = 0; k < part.length; k++) origin.push(i);
  }
  return { folded, origin };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function highlightRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0 || !text) return [];
  const { folded, origin } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      // Only at the start of a word.
      if (at > 0 && WORD_CHAR.test(folded[at - 1] as string)) continue;
      const start = origin[at] as number;
      const end = (origin[at + term.length - 1] as number) + 1;
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
