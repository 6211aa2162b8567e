/**
 * Facet filtering with disjunctive counts, over columnar typed arrays.
 *
 * Within a facet the selected values are OR-ed, across facets AND-ed. The count shown beside a
 * value is how many actors the reader would get by adding that value to the current selection:
 * every other facet's filter applies, the facet's own does not (disjunctive faceting).
 *
 * One pass over the actors does it all: for each actor a bit mask of the facets it fails; an
 * actor is a result when the mask is 0, and it counts towards facet f when the mask has no bit
 * other than f's.
 */
import type { Facet, Filters } from './url-state.ts';
import { FACETS } from './url-state.ts';

/** Each actor's values of one facet, as codes: enough to filter and count. */
export interface ForwardColumn {
  /** Value id for each code. */
  values: string[];
  /** codes[offsets[i] .. offsets[i+1]) are actor i's values. */
  offsets: Uint32Array;
  codes: Uint16Array;
}

export interface FacetColumn extends ForwardColumn {
  codeOf: ReadonlyMap<string, number>;
  /** The inverse: actors[postingOffsets[v] .. postingOffsets[v+1]) hold value v, ascending. */
  postingOffsets: Uint32Array;
  actors: Uint32Array;
}

export type FacetIndex = Record<Facet, FacetColumn> & { size: number };
/** The forward half of a FacetIndex: what the page keeps (see src/data/page-results.ts). */
export type ForwardIndex = Record<Facet, ForwardColumn> & { size: number };

export function buildColumn(valuesPerActor: readonly (readonly string[])[]): FacetColumn {
  const codeOf = new Map<string, number>();
  const values: string[] = [];
  let total = 0;
  for (const list of valuesPerActor) total += list.length;
  const offsets = new Uint32Array(valuesPerActor.length + 1);
  const codes = new Uint16Array(total);
  let k = 0;
  valuesPerActor.forEach((list, i) => {
    offsets[i] = k;
    for (const value of list) {
      let code = codeOf.get(value);
      if (code === undefined) {
        code = values.length;
        codeOf.set(value, code);
        values.push(value);
      }
      codes[k++] = code;
    }
  });
  offsets[valuesPerActor.length] = k;
  const postingOffsets = new Uint32Array(values.length + 1);
  for (let p = 0; p < k; p++) postingOffsets[codes[p]! + 1]!++;
  for (let v = 0; v < values.length; v++) postingOffsets[v + 1]! += postingOffsets[v]!;
  const actors = new Uint32Array(k);
  const fill = postingOffsets.slice(0, values.length);
  for (let i = 0; i < valuesPerActor.length; i++) {
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) actors[fill[codes[p]!]!++] = i;
  }
  return { values, codeOf, offsets, codes, postingOffsets, actors };
}

export function buildFacetIndex(
  columns: Record<Facet, readonly (readonly string[])[]>,
  size: number,
): FacetIndex {
  const index = { size } as FacetIndex;
  for (const facet of FACETS) index[facet] = buildColumn(columns[facet]);
  return index;
}

export interface FacetResult {
  /** Indices of the actors that pass every filter and the candidate mask, ascending. */
  matches: Uint32Array;
  /** counts[facet][code]: results if that value were (also) selected. */
  counts: Record<Facet, Uint32Array>;
}

interface Scratch {
  mask: Uint8Array;
  pass: Uint8Array;
  allMatches: Uint32Array;
  allNear: Uint32Array;
}
let scratch: Scratch | null = null;

/**
 * Working arrays, kept between calls: allocating a megabyte per filter click at 100,000 actors
 * cost more than the filtering itself once the garbage collector came round. Nothing here
 * outlives a call (matches are copied out), and calls never interleave.
 */
function scratchFor(n: number, fresh = true): Scratch {
  if (scratch?.mask.length !== n) {
    scratch = {
      mask: new Uint8Array(n),
      pass: new Uint8Array(n),
      allMatches: new Uint32Array(n),
      allNear: new Uint32Array(n),
    };
  } else if (fresh) scratch.pass.fill(0);
  return scratch;
}

/**
 * A bit no facet uses. With a candidate mask it is set in `pass` for the candidates and asked of
 * every actor, as if it were one more facet: the others then fail it, and with it always one bit
 * besides any facet's own, they never match and never count.
 */
const CANDIDATE = 0x80;

/**
 * @param candidates optional mask (1 = eligible), e.g. the search hits or the actors in view.
 *
 * Facet-major passes over flat typed arrays: one pass per active facet to mark failures, one to
 * collect matches, one per facet to count. Each pass is a tight loop V8 compiles well; at 100,000
 * actors the whole call takes a couple of milliseconds.
 */
export function filterAndCount(
  index: FacetIndex,
  filters: Filters,
  candidates?: Uint8Array,
): FacetResult {
  const { pass } = scratchFor(index.size);
  // Which facets each actor passes, from the postings of the selected values only: a
  // selective filter touches few actors.
  let active = 0;
  FACETS.forEach((facet, f) => {
    const wanted = filters[facet];
    if (wanted.length === 0) return;
    const bit = 1 << f;
    active |= bit;
    const { codeOf, postingOffsets, actors } = index[facet];
    for (const id of wanted) {
      const code = codeOf.get(id);
      if (code === undefined) continue;
      const end = postingOffsets[code + 1]!;
      for (let p = postingOffsets[code]!; p < end; p++) {
        const i = actors[p]!;
        pass[i] = pass[i]! | bit;
      }
    }
  });
  return matchAndCount(index, active, candidates);
}

/**
 * The matches alone, from the forward half of the index (the page's copy), in the given order (a
 * permutation of the actors, e.g. by name): what a list needs first. No counting and no sorting
 * afterwards: one scan of every actor's codes per selected facet, then one walk of `order`.
 */
export function matchForward(
  index: ForwardIndex,
  filters: Filters,
  order: Uint32Array,
): Uint32Array {
  if (order.length !== index.size)
    throw new RangeError(`an order of ${order.length} for ${index.size} actors`);
  const { pass, allMatches } = scratchFor(index.size);
  const active = markForward(index, filters, pass);
  let m = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if ((active & ~pass[i]!) === 0) allMatches[m++] = i;
  }
  return allMatches.slice(0, m);
}

/** Sets in `pass` the bit of each selected facet an actor passes; returns the selected facets' bits. */
function markForward(index: ForwardIndex, filters: Filters, pass: Uint8Array): number {
  let active = 0;
  FACETS.forEach((facet, f) => {
    const wanted = filters[facet];
    if (wanted.length === 0) return;
    const bit = 1 << f;
    active |= bit;
    const { values, offsets, codes } = index[facet];
    const chosen = new Uint8Array(values.length);
    for (const id of wanted) {
      const code = values.indexOf(id);
      if (code >= 0) chosen[code] = 1;
    }
    for (let i = 0; i < index.size; i++) {
      const end = offsets[i + 1]!;
      for (let p = offsets[i]!; p < end; p++) {
        if (chosen[codes[p]!] === 1) {
          pass[i] = pass[i]! | bit;
          break;
        }
      }
    }
  });
  return active;
}

/**
 * From `pass` (scratch: the facets each actor passes, bit per facet) to matches and counts. One
 * pass for the failure masks, the matches, and the actors failing at most one facet: only those
 * can count anywhere.
 */
function matchAndCount(
  index: FacetIndex,
  active: number,
  candidates: Uint8Array | undefined,
): FacetResult {
  const n = index.size;
  const { mask, pass, allMatches, allNear } = scratchFor(n, false);
  let asked = active;
  if (candidates !== undefined) {
    asked |= CANDIDATE;
    for (let i = 0; i < n; i++) if (candidates[i] !== 0) pass[i] = pass[i]! | CANDIDATE;
  }
  const counted = markMasks(n, asked, pass, mask, allMatches, allNear);
  const matches = allMatches.slice(0, counted.matches);
  const near = allNear.subarray(0, counted.near);
  const counts = {} as Record<Facet, Uint32Array>;
  FACETS.forEach((facet, f) => {
    const bit = 1 << f;
    const column = index[facet];
    // Every actor counts towards a facet that no other selection and no candidate mask restricts
    // (its own selection does not restrict its counts): those are the value totals, which the
    // postings hold. With one facet selected, counting it value by value walked every actor.
    if (candidates === undefined && (active & ~bit) === 0) counts[facet] = totalsOf(column);
    // A facet with no selection counts the matches only (nobody fails it alone).
    else
      counts[facet] = countFacet(
        column,
        bit,
        (active & bit) === 0 ? matches : near,
        mask,
        column.values.length,
      );
  });
  return { matches, counts };
}

/** How many actors hold each value: the lengths of its postings. */
function totalsOf(column: FacetColumn): Uint32Array {
  const { postingOffsets } = column;
  const totals = new Uint32Array(column.values.length);
  for (let v = 0; v < totals.length; v++) totals[v] = postingOffsets[v + 1]! - postingOffsets[v]!;
  return totals;
}

/** Failure masks, matches and near-matches (failing at most one facet) of every actor. */
function markMasks(
  n: number,
  asked: number,
  pass: Uint8Array,
  mask: Uint8Array,
  allMatches: Uint32Array,
  allNear: Uint32Array,
): { matches: number; near: number } {
  let m = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const mk = asked & ~pass[i]!;
    mask[i] = mk;
    if (mk === 0) allMatches[m++] = i;
    if ((mk & (mk - 1)) === 0) allNear[c++] = i;
  }
  return { matches: m, near: c };
}

/**
 * Counts for one facet: the actors that match, and those failing only this facet (its own
 * selection does not restrict its counts). A pass per facet over the near-matches, rather than a
 * call per actor, keeps the loop monomorphic and flat.
 */
function countFacet(
  column: ForwardColumn,
  bit: number,
  near: Uint32Array,
  mask: Uint8Array,
  valueCount: number,
): Uint32Array {
  const target = new Uint32Array(valueCount);
  const { offsets, codes } = column;
  for (let k = 0; k < near.length; k++) {
    const i = near[k]!;
    const mk = mask[i]!;
    if (mk !== 0 && mk !== bit) continue;
    const end = offsets[i + 1]!;
    for (let p = offsets[i]!; p < end; p++) {
      const code = codes[p]!;
      target[code] = target[code]! + 1;
    }
  }
  return target;
}

/** Value id → count, for one facet, in the column's code order. */
export function countsById(
  index: FacetIndex,
  result: FacetResult,
  facet: Facet,
): Map<string, number> {
  const column = index[facet];
  const out = new Map<string, number>();
  column.values.forEach((value, code) => out.set(value, result.counts[facet][code] ?? 0));
  return out;
}
