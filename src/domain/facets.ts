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

export interface FacetColumn {
  /** Value id for each code. */
  values: string[];
  codeOf: ReadonlyMap<string, number>;
  /** codes[offsets[i] .. offsets[i+1]) are actor i's values. */
  offsets: Uint32Array;
  codes: Uint16Array;
}

export type FacetIndex = Record<Facet, FacetColumn> & { size: number };

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
  return { values, codeOf, offsets, codes };
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

/**
 * @param candidates optional mask (1 = eligible), e.g. the search hits or the actors in view.
 */
export function filterAndCount(
  index: FacetIndex,
  filters: Filters,
  candidates?: Uint8Array,
): FacetResult {
  const n = index.size;
  const active: { facet: Facet; bit: number; column: FacetColumn; selected: Uint8Array }[] = [];
  FACETS.forEach((facet, f) => {
    const column = index[facet];
    const selected = new Uint8Array(column.values.length);
    let any = false;
    for (const id of filters[facet]) {
      const code = column.codeOf.get(id);
      if (code !== undefined) {
        selected[code] = 1;
        any = true;
      }
    }
    // A selection of unknown values only matches nothing: keep the facet active.
    if (any || filters[facet].length > 0) active.push({ facet, bit: 1 << f, column, selected });
  });

  const counts = {} as Record<Facet, Uint32Array>;
  const columns = FACETS.map((facet) => index[facet]);
  FACETS.forEach((facet, f) => (counts[facet] = new Uint32Array(columns[f]?.values.length ?? 0)));
  const countArrays = FACETS.map((facet) => counts[facet]);

  const matches = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (candidates && candidates[i] === 0) continue;
    let mask = 0;
    for (let a = 0; a < active.length; a++) {
      const { column, selected, bit } = active[a]!;
      let hit = false;
      for (let p = column.offsets[i]!; p < column.offsets[i + 1]!; p++) {
        if (selected[column.codes[p]!]) {
          hit = true;
          break;
        }
      }
      if (!hit) {
        mask |= bit;
        // Failing two facets rules the actor out of every count.
        if (mask & (mask - 1)) break;
      }
    }
    if (mask & (mask - 1)) continue;
    if (mask === 0) matches[m++] = i;
    for (let f = 0; f < columns.length; f++) {
      if (mask !== 0 && mask !== 1 << f) continue;
      const column = columns[f]!;
      const target = countArrays[f]!;
      const end = column.offsets[i + 1]!;
      for (let p = column.offsets[i]!; p < end; p++) {
        const code = column.codes[p]!;
        target[code] = target[code]! + 1;
      }
    }
  }
  return { matches: matches.slice(0, m), counts };
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
