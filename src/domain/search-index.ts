/**
 * Full-text search over actors: accent- and case-insensitive, prefix matching while typing, one
 * typo forgiven in longer words, acronyms matched exactly, name hits ranked above text hits.
 *
 * Why not a library: measured on 100,000 synthetic actors (bench/search-libraries.ts), MiniSearch
 * took 4.5 s to index and 161 ms at p95 per query with prefix and fuzzy matching; FlexSearch took
 * 4–10 s to index, 16–19 ms at p95, and has no edit-distance fuzziness. The targets are an index
 * under 1 s and queries under 10 ms. This index keeps sorted term lists and postings in typed
 * arrays, which is what those libraries do internally, minus the features we do not use.
 */
import { fold, tokenize } from './fold.ts';

export interface SearchDocument {
  /** Name, short names, acronyms, former names: the strongest matches. */
  names: readonly string[];
  /** What the actor does, where it is: weaker matches. */
  text: readonly string[];
}

interface FieldIndex {
  /** Sorted unique folded terms. */
  terms: string[];
  /** postings[offsets[t] .. offsets[t+1]) are the documents containing terms[t], ascending. */
  offsets: Uint32Array;
  postings: Uint32Array;
  /**
   * Per term: its first two character codes (first << 16 | second) and its length. The typo scan
   * reads these before it touches a string: one edit leaves the first or second character of the
   * word (or of its beginning) equal to the term's first or second, so most of the vocabulary is
   * rejected from two typed arrays.
   */
  heads: Uint32Array;
  lengths: Uint16Array;
}

export interface SearchIndex {
  size: number;
  names: FieldIndex;
  text: FieldIndex;
}

/** Query terms shorter than this match whole words only: "KI" must not find "Kista". */
export const MIN_PREFIX_LENGTH = 3;
/** Query terms at least this long forgive one typo. */
export const MIN_FUZZY_LENGTH = 5;

const SCORE = {
  name: { exact: 10, prefix: 6, fuzzy: 4 },
  text: { exact: 2, prefix: 1.5, fuzzy: 1 },
} as const;

const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

/** A growable Uint32Array: posting pairs are counted in the millions at 100,000 actors. */
class U32List {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Two passes over typed arrays instead of one JS array of documents per term: the first gives
 * each distinct word an id and records (document, word) pairs in document order, the second lays
 * the pairs out by word in alphabetical order. At 100,000 actors this built the index in less
 * than half the time, mostly by leaving the garbage collector almost nothing to do.
 */
function buildField(
  size: number,
  fieldsOf: (doc: number, out: string[]) => void,
  foldCache: Map<string, string>,
): FieldIndex {
  /** Raw word → its term ids (several only when folding splits a word, e.g. rare ligatures). */
  const idsOf = new Map<string, number | number[]>();
  const idOfTerm = new Map<string, number>();
  const vocabulary: string[] = [];
  const lastDoc = new U32List();
  const pairTerms = new U32List();
  const docEnds = new Uint32Array(size);
  const fields: string[] = [];
  const termId = (term: string): number => {
    let id = idOfTerm.get(term);
    if (id === undefined) {
      id = vocabulary.length;
      idOfTerm.set(term, id);
      vocabulary.push(term);
      // Documents are numbered from 1 here, so 0 means "not seen yet".
      lastDoc.push(0);
    }
    return id;
  };
  const add = (id: number, doc: number) => {
    if (lastDoc.data[id] === doc) return;
    lastDoc.data[id] = doc;
    pairTerms.push(id);
  };
  for (let d = 0; d < size; d++) {
    const doc = d + 1;
    fields.length = 0;
    fieldsOf(d, fields);
    for (const field of fields) {
      // Splitting raw text first and folding each distinct word once is several times faster
      // than folding whole texts: most words repeat.
      for (const raw of field.split(WORD_SEPARATORS)) {
        if (!raw) continue;
        let ids = idsOf.get(raw);
        if (ids === undefined) {
          let folded = foldCache.get(raw);
          if (folded === undefined) {
            folded = fold(raw);
            foldCache.set(raw, folded);
          }
          const parts = folded.split(' ').filter(Boolean);
          ids = parts.length === 1 ? termId(parts[0] as string) : parts.map(termId);
          idsOf.set(raw, ids);
        }
        if (typeof ids === 'number') add(ids, doc);
        else for (const id of ids) add(id, doc);
      }
    }
    docEnds[d] = pairTerms.length;
  }

  const byName = vocabulary.map((_, id) => id);
  byName.sort((x, y) => ((vocabulary[x] as string) < (vocabulary[y] as string) ? -1 : 1));
  const rankOf = new Uint32Array(vocabulary.length);
  byName.forEach((id, rank) => (rankOf[id] = rank));
  const terms = byName.map((id) => vocabulary[id] as string);

  const counts = new Uint32Array(terms.length);
  const pairs = pairTerms.data;
  for (let k = 0; k < pairTerms.length; k++) counts[rankOf[pairs[k] as number] as number]! += 1;
  const offsets = new Uint32Array(terms.length + 1);
  for (let r = 0; r < terms.length; r++)
    offsets[r + 1] = (offsets[r] as number) + (counts[r] as number);
  const cursor = offsets.slice(0, terms.length);
  const postings = new Uint32Array(pairTerms.length);
  let k = 0;
  for (let d = 0; d < size; d++) {
    const end = docEnds[d] as number;
    for (; k < end; k++) {
      const rank = rankOf[pairs[k] as number] as number;
      postings[cursor[rank]!++] = d;
    }
  }
  const heads = Uint32Array.from(terms, (t) => (t.charCodeAt(0) << 16) | (t.charCodeAt(1) || 0));
  const lengths = Uint16Array.from(terms, (t) => Math.min(t.length, 0xffff));
  return { terms, offsets, postings, heads, lengths };
}

/**
 * The documents to index, handed over one at a time: each callback pushes a document's strings
 * into `out`. Building an array per document first took a fifth of the time at 100,000 actors.
 */
export interface SearchSource {
  size: number;
  names: (doc: number, out: string[]) => void;
  text: (doc: number, out: string[]) => void;
}

export function buildSearchIndexFrom(source: SearchSource): SearchIndex {
  const cache = new Map<string, string>();
  const index = {
    size: source.size,
    names: buildField(source.size, source.names, cache),
    text: buildField(source.size, source.text, cache),
  };
  warmUp(index);
  return index;
}

/** Throwaway queries before the first real one; see warmUp. */
const WARM_UP_RUNS = 6;

/**
 * Runs a few throwaway queries through every path (prefix, exact, typo scan, the AND over long
 * postings), so V8 has compiled the search loops before anyone types. Measured at 100,000 actors:
 * the first three or four searches after a build took 15–40 ms each while the loops still ran
 * unoptimised, then 1–2 ms. The warm-up costs about 0.1 s, once, where the index is built (the
 * dataset worker, after the first results).
 */
function warmUp(index: SearchIndex): void {
  const { terms, offsets } = index.text;
  if (terms.length === 0) return;
  let common = 0;
  for (let t = 1; t < terms.length; t++) {
    if (offsets[t + 1]! - offsets[t]! > offsets[common + 1]! - offsets[common]!) common = t;
  }
  const word = terms[common] as string;
  for (let i = 0; i < WARM_UP_RUNS; i++) search(index, `${word} ${word.slice(0, 3)} qzxjvw`);
}

export const buildSearchIndex = (docs: readonly SearchDocument[]): SearchIndex =>
  buildSearchIndexFrom({
    size: docs.length,
    names: (d, out) => out.push(...(docs[d]?.names ?? [])),
    text: (d, out) => out.push(...(docs[d]?.text ?? [])),
  });

function lowerBound(terms: readonly string[], value: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when the first `la` characters of a and the first `lb` of b differ by at most one
 * insertion, deletion or substitution. Comparing prefixes in place, without slicing, keeps the
 * typo scan over a whole vocabulary free of allocations (slices made it several times slower).
 */
function oneEditApart(a: string, la: number, b: string, lb: number): boolean {
  const d = la - lb;
  if (d > 1 || d < -1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la || i === lb) return true;
  // Past the first difference, skip one character in the longer string (both if equally long);
  // the rest must be equal.
  let x = d >= 0 ? i + 1 : i;
  let y = d <= 0 ? i + 1 : i;
  while (x < la) if (a.charCodeAt(x++) !== b.charCodeAt(y++)) return false;
  return true;
}

/** True when a and b differ by at most one insertion, deletion or substitution. */
export const withinOneEdit = (a: string, b: string): boolean =>
  oneEditApart(a, a.length, b, b.length);

/**
 * A vocabulary word one typo away from a query term: the whole word ("flemingsbert"), or, while
 * typing, its beginning ("sodertelj" → "sodertalje"). Either way, the word's first n - 1, n or
 * n + 1 characters (n = the term's length) are one edit from the term.
 */
export function typoMatch(candidate: string, term: string): boolean {
  const n = term.length;
  const c = candidate.length;
  for (let k = n - 1; k <= n + 1 && k <= c; k++) {
    if (k >= 0 && oneEditApart(candidate, k, term, n)) return true;
  }
  return false;
}

/** Vocabulary entries one typo away from a term of at least two characters. */
function typoCandidates({ terms, heads, lengths }: FieldIndex, term: string): number[] {
  const found: number[] = [];
  const n = term.length;
  const t0 = term.charCodeAt(0);
  const t1 = term.charCodeAt(1);
  for (let i = 0; i < heads.length; i++) {
    if ((lengths[i] as number) < n - 1) continue;
    const c0 = (heads[i] as number) >>> 16;
    const c1 = (heads[i] as number) & 0xffff;
    if (c0 !== t0 && c1 !== t1 && c0 !== t1 && c1 !== t0) continue;
    if (typoMatch(terms[i] as string, term)) found.push(i);
  }
  return found;
}

interface TermMatch {
  index: number;
  score: number;
}

/** Vocabulary entries a query term matches, best first. */
function matchTerms(
  field: FieldIndex,
  term: string,
  weights: { exact: number; prefix: number; fuzzy: number },
): TermMatch[] {
  const { terms } = field;
  const matches: TermMatch[] = [];
  const start = lowerBound(terms, term);
  if (term.length < MIN_PREFIX_LENGTH) {
    if (terms[start] === term) matches.push({ index: start, score: weights.exact });
    return matches;
  }
  for (let i = start; i < terms.length && (terms[i] as string).startsWith(term); i++) {
    matches.push({ index: i, score: terms[i] === term ? weights.exact : weights.prefix });
  }
  if (term.length >= MIN_FUZZY_LENGTH && matches.length === 0) {
    // A typo can sit anywhere, so the whole vocabulary is scanned.
    for (const i of typoCandidates(field, term)) matches.push({ index: i, score: weights.fuzzy });
  }
  return matches.sort((a, b) => b.score - a.score);
}

export interface SearchResult {
  /** Matching documents, in document order. */
  docs: Uint32Array;
  /** Relevance score per document (0 for non-matches); length = index size. */
  scores: Float32Array;
  /** Folded query terms, for highlighting. */
  terms: string[];
}

/** More terms than this are ignored (a hit counter per document is one byte). */
export const MAX_TERMS = 32;

/**
 * Adds one vocabulary term's documents to the running AND: a document counts for term t only if
 * it matched every earlier term (hits = t), and only once (then hits = t + 1). Kept as its own
 * small function over typed arrays so V8 optimises it early and keeps it optimised whatever the
 * query: inlined into search(), the first searches after a different kind of query ran several
 * times slower while it re-optimised.
 */
function accumulate(
  postings: Uint32Array,
  from: number,
  to: number,
  t: number,
  score: number,
  hits: Uint8Array,
  scores: Float32Array,
): void {
  const next = t + 1;
  for (let p = from; p < to; p++) {
    const doc = postings[p] as number;
    if (hits[doc] !== t) continue;
    hits[doc] = next;
    scores[doc] = (scores[doc] as number) + score;
  }
}

/** Documents that matched all `want` terms, ascending; other scores are zeroed. */
function collect(hits: Uint8Array, scores: Float32Array, want: number): Uint32Array {
  let count = 0;
  for (let d = 0; d < hits.length; d++) if (hits[d] === want) count++;
  const docs = new Uint32Array(count);
  let k = 0;
  for (let d = 0; d < hits.length; d++) {
    if (hits[d] === want) docs[k++] = d;
    else scores[d] = 0;
  }
  return docs;
}

/**
 * Documents matching every query term (AND), each term in the names or in the text. A term's
 * score for a document is its best match (names are scored before text and matches best-first,
 * so the first hit is the best); a document's score is the sum over terms.
 */
export function search(index: SearchIndex, query: string): SearchResult {
  const terms = [...new Set(tokenize(query))].slice(0, MAX_TERMS);
  const scores = new Float32Array(index.size);
  if (terms.length === 0) return { docs: new Uint32Array(0), scores, terms };
  const hits = new Uint8Array(index.size);
  const fields = [
    [index.names, SCORE.name],
    [index.text, SCORE.text],
  ] as const;
  for (let t = 0; t < terms.length; t++) {
    for (const [field, weights] of fields) {
      for (const match of matchTerms(field, terms[t] as string, weights)) {
        const from = field.offsets[match.index] as number;
        const to = field.offsets[match.index + 1] as number;
        accumulate(field.postings, from, to, t, match.score, hits, scores);
      }
    }
  }
  return { docs: collect(hits, scores, terms.length), scores, terms };
}
