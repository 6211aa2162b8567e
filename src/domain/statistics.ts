/**
 * Statistics of a result set, for the charts and the coverage view.
 *
 * The facet counts beside the filters are disjunctive (what choosing a value would give); a chart
 * of the results needs the plain counts: how many of the actors shown hold each value. Coverage
 * asks where things are missing: which facility types exist north of Stockholm, in Stockholm
 * municipality and south of it, and which municipalities with actors have no core facility.
 */
import type { FacetIndex } from './facets.ts';
import { FACETS, type Facet } from './url-state.ts';

export const ZONES = ['north', 'stockholm', 'south'] as const;
export type Zone = (typeof ZONES)[number];

export interface Statistics {
  total: number;
  /** counts[facet][code]: results holding that value (codes as in the facet index). */
  counts: Record<Facet, Uint32Array>;
  /** Results with no value in the facet (e.g. no facility type). */
  without: Record<Facet, number>;
  coverage: Coverage;
}

export interface Coverage {
  /** facilityByZone[zone][facility code]: results of that facility type in that zone. */
  facilityByZone: Record<Zone, Uint32Array>;
  /** Results in each zone; actors without a point are in none. */
  zoneTotals: Record<Zone, number>;
  /** Municipality codes that hold results but no core facility among them, by results, most first. */
  municipalitiesWithoutCore: number[];
}

export interface CoverageRules {
  /** The municipality counted as its own zone. */
  centreMunicipality: string;
  /** Latitude splitting north from south: the centre municipality's centre. */
  centreLatitude: number;
  /** The facility type whose absence the coverage view reports. */
  coreFacility: string;
}

export function computeStatistics(
  facets: FacetIndex,
  lat: Float64Array,
  order: ArrayLike<number>,
  rules: CoverageRules,
): Statistics {
  const counts = {} as Record<Facet, Uint32Array>;
  const without = {} as Record<Facet, number>;
  for (const facet of FACETS) {
    const column = facets[facet];
    const c = new Uint32Array(column.values.length);
    let none = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const from = column.offsets[i]!;
      const to = column.offsets[i + 1]!;
      if (from === to) none++;
      for (let p = from; p < to; p++) c[column.codes[p]!]!++;
    }
    counts[facet] = c;
    without[facet] = none;
  }

  const facility = facets.facility;
  const municipality = facets.municipality;
  const centre = municipality.codeOf.get(rules.centreMunicipality) ?? -1;
  const core = facility.codeOf.get(rules.coreFacility) ?? -1;
  const facilityByZone = Object.fromEntries(
    ZONES.map((z) => [z, new Uint32Array(facility.values.length)]),
  ) as Record<Zone, Uint32Array>;
  const zoneTotals = { north: 0, stockholm: 0, south: 0 };
  const hasCore = new Uint8Array(municipality.values.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const m =
      municipality.offsets[i]! < municipality.offsets[i + 1]!
        ? municipality.codes[municipality.offsets[i]!]!
        : -1;
    const y = lat[i]!;
    const zone: Zone | null =
      m === centre && m >= 0
        ? 'stockholm'
        : Number.isNaN(y)
          ? null
          : y > rules.centreLatitude
            ? 'north'
            : 'south';
    for (let p = facility.offsets[i]!; p < facility.offsets[i + 1]!; p++) {
      const code = facility.codes[p]!;
      if (zone) facilityByZone[zone][code]!++;
      if (code === core && m >= 0) hasCore[m] = 1;
    }
    if (zone) zoneTotals[zone]++;
  }
  const municipalitiesWithoutCore: number[] = [];
  const byMunicipality = counts.municipality;
  for (let m = 0; m < municipality.values.length; m++)
    if (byMunicipality[m]! > 0 && !hasCore[m]) municipalitiesWithoutCore.push(m);
  municipalitiesWithoutCore.sort((a, b) => byMunicipality[b]! - byMunicipality[a]! || a - b);

  return {
    total: order.length,
    counts,
    without,
    coverage: { facilityByZone, zoneTotals, municipalitiesWithoutCore },
  };
}

/** Bars for one facet: values with results, most first, ties by label. */
export interface Bar {
  id: string;
  label: string;
  count: number;
}

export function barsOf(
  values: readonly string[],
  counts: ArrayLike<number>,
  labelOf: (id: string) => string,
  compare: (a: string, b: string) => number,
): Bar[] {
  const bars: Bar[] = [];
  for (let code = 0; code < values.length; code++) {
    const count = counts[code] ?? 0;
    if (count === 0) continue;
    const id = values[code]!;
    bars.push({ id, label: labelOf(id), count });
  }
  return bars.sort((a, b) => b.count - a.count || compare(a.label, b.label));
}

/** "Most common: A (9), B (7) and C (3)." — the charts' text summary, in words. */
export function topOf(bars: readonly Bar[], n = 3): Bar[] {
  return bars.slice(0, n);
}
