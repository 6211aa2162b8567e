/**
 * The one result set: search ∩ facet filters ∩ (optionally) the map view, sorted. The list, the
 * counts, the map and the charts all read it, so they can never disagree.
 */
import type { Actor, Dataset } from '@/data/dataset.ts';
import { swedishSortKey } from './collation.ts';
import { buildFacetIndex, filterAndCount, type FacetIndex } from './facets.ts';
import type { BBox } from './region.ts';
import { fold } from './fold.ts';
import { buildSearchIndexFrom, search, type SearchIndex } from './search-index.ts';
import { FACETS, type Facet, type Filters, type Sort } from './url-state.ts';

export interface ActorIndex {
  actors: readonly Actor[];
  /** Folded names, to reward names that start with what was typed. */
  readonly foldedNames: string[];
  /** Folded short names and acronyms, to put an exact acronym match ("KI") first. */
  readonly foldedShortNames: string[][];
  /**
   * A small relevance prior from how connected an actor is (relations both ways and programme
   * roles): among equally good text matches, the hub of the ecosystem comes before its satellites.
   */
  prior: Float32Array;
  facets: FacetIndex;
  /** Built on first access (see buildActorIndex). */
  readonly search: SearchIndex;
  /** Position of each actor in Swedish alphabetical order (å ä ö after z). */
  nameRank: Uint32Array;
  /** The inverse: actors in that order. */
  nameOrder: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
}

/** Pushes both languages, the English only where it says something else. */
function pushBoth(out: string[], t: { sv: string; en?: string } | undefined): void {
  if (!t) return;
  out.push(t.sv);
  if (t.en && t.en !== t.sv) out.push(t.en);
}

export function buildActorIndex(dataset: Dataset): ActorIndex {
  const { actors, vocab } = dataset;
  const n = actors.length;
  const lon = new Float64Array(n).fill(Number.NaN);
  const lat = new Float64Array(n).fill(Number.NaN);
  actors.forEach((a, i) => {
    if (a.coordinates) {
      lon[i] = a.coordinates[0];
      lat[i] = a.coordinates[1];
    }
  });
  const keys = actors.map((a) => swedishSortKey(a.name));
  const order = actors.map((_, i) => i);
  order.sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
  const nameRank = new Uint32Array(n);
  order.forEach((actor, rank) => (nameRank[actor] = rank));

  const columns: Record<Facet, string[][]> = {
    kind: actors.map((a) => [a.kind]),
    sector: actors.map((a) => a.sectors),
    facility: actors.map((a) => a.facilityTypes),
    programme: actors.map((a) => [...new Set(a.programmes.map((p) => p.programme))]),
    municipality: actors.map((a) => (a.location ? [a.location.municipality] : [])),
  };
  const searchSource = {
    size: n,
    names: (i: number, out: string[]) => {
      const a = actors[i]!;
      out.push(a.name, ...a.shortNames, ...a.formerNames);
    },
    text: (i: number, out: string[]) => {
      const a = actors[i]!;
      pushBoth(out, a.description);
      for (const f of a.facilityTypes) pushBoth(out, vocab.facilityTypes.get(f)?.label);
      if (a.location) {
        pushBoth(out, vocab.municipalities.get(a.location.municipality)?.label);
        if (a.location.siteName) out.push(a.location.siteName);
      }
    },
  };
  // The search index is the slowest part (about a second at 100,000 actors) and the first
  // screen does not need it: it is built on first use, or when the backend has time after load.
  let searchIndex: SearchIndex | null = null;
  let foldedNames: string[] | null = null;
  let foldedShortNames: string[][] | null = null;
  const degree = new Map<string, number>();
  const bump = (id: string, by = 1) => degree.set(id, (degree.get(id) ?? 0) + by);
  for (const a of actors) {
    bump(a.id, a.relations.length + a.programmes.length);
    for (const r of a.relations) bump(r.target);
  }
  const prior = Float32Array.from(actors, (a) => 0.5 * Math.log2(1 + (degree.get(a.id) ?? 0)));
  return {
    actors,
    // Only searches rank by these: folded on first use, like the search index.
    get foldedNames() {
      foldedNames ??= actors.map((a) => fold(a.name));
      return foldedNames;
    },
    get foldedShortNames() {
      foldedShortNames ??= actors.map((a) => a.shortNames.map(fold));
      return foldedShortNames;
    },
    prior,
    facets: buildFacetIndex(columns, n),
    get search() {
      searchIndex ??= buildSearchIndexFrom(searchSource);
      return searchIndex;
    },
    nameRank,
    nameOrder: Uint32Array.from(order),
    lon,
    lat,
  };
}

export interface ResultQuery {
  q: string;
  filters: Filters;
  sort: Sort;
  /** When set, only actors inside these bounds count ("search as I move the map"). */
  inView: BBox | null;
  /** Map centre, for sorting by distance. */
  center: readonly [number, number] | null;
  /** Optional mask of actors to consider at all (1), e.g. those present in the chosen year. */
  present?: Uint8Array | null;
}

export interface Results {
  /** Indices into `actors`, in display order. */
  order: Uint32Array;
  /** Per facet, in the facet index's code order: how many results choosing that value would give. */
  counts: Record<Facet, Uint32Array>;
  /** Folded search terms, for highlighting. */
  terms: string[];
}

function inViewMask(index: ActorIndex, [w, s, e, n]: BBox): Uint8Array {
  const mask = new Uint8Array(index.actors.length);
  for (let i = 0; i < mask.length; i++) {
    const x = index.lon[i]!;
    const y = index.lat[i]!;
    mask[i] = x >= w && x <= e && y >= s && y <= n ? 1 : 0;
  }
  return mask;
}

/** Squared equirectangular distance: enough to order by nearness at these latitudes. */
function distances(index: ActorIndex, [clon, clat]: readonly [number, number]): Float64Array {
  const k = Math.cos((clat * Math.PI) / 180);
  const d = new Float64Array(index.actors.length);
  for (let i = 0; i < d.length; i++) {
    const dx = (index.lon[i]! - clon) * k;
    const dy = index.lat[i]! - clat;
    // Actors without a place sort last.
    d[i] = Number.isNaN(dx) ? Infinity : dx * dx + dy * dy;
  }
  return d;
}

export function computeResults(index: ActorIndex, query: ResultQuery): Results {
  const hasQuery = query.q.trim() !== '';
  let candidates: Uint8Array | undefined;
  let scores: Float32Array | null = null;
  let terms: string[] = [];
  if (hasQuery) {
    const found = search(index.search, query.q);
    scores = found.scores;
    terms = found.terms;
    candidates = new Uint8Array(index.actors.length);
    for (const d of found.docs) candidates[d] = 1;
  }
  for (const mask of [
    query.inView ? inViewMask(index, query.inView) : null,
    query.present ?? null,
  ]) {
    if (!mask) continue;
    if (candidates) for (let i = 0; i < mask.length; i++) candidates[i] = candidates[i]! & mask[i]!;
    else candidates = mask.slice();
  }
  const result = filterAndCount(index.facets, query.filters, candidates);
  const order = result.matches;
  const rank = index.nameRank;
  if (query.sort === 'distance' && query.center) {
    const d = distances(index, query.center);
    order.sort((a, b) => d[a]! - d[b]! || rank[a]! - rank[b]!);
    return { order, counts: result.counts, terms };
  }
  if (query.sort === 'relevance' && scores) {
    const sc = scores;
    const first = terms[0] ?? '';
    const foldedShortNames = index.foldedShortNames;
    const foldedNames = index.foldedNames;
    const whole = terms.join(' ');
    // The likeliest target: an acronym typed in full, then a name that starts with the first word.
    for (const i of order) {
      const acronym = foldedShortNames[i]!.includes(whole) ? 3 : 0;
      const starts = foldedNames[i]!.startsWith(first) ? 2 : 0;
      sc[i] = sc[i]! + index.prior[i]! + acronym + starts;
    }
    order.sort((a, b) => sc[b]! - sc[a]! || rank[a]! - rank[b]!);
    return { order, counts: result.counts, terms };
  }
  return { order: inNameOrder(order, index.nameOrder), counts: result.counts, terms };
}

/**
 * Matches (ascending actor indices) in name order: one walk of the precomputed order instead of
 * a comparison sort, which took tens of milliseconds for 100,000 matches.
 */
export function inNameOrder(matches: Uint32Array, nameOrder: Uint32Array): Uint32Array {
  if (matches.length === nameOrder.length) return nameOrder.slice();
  const isMatch = new Uint8Array(nameOrder.length);
  for (let k = 0; k < matches.length; k++) isMatch[matches[k]!] = 1;
  const out = new Uint32Array(matches.length);
  let j = 0;
  for (let k = 0; k < nameOrder.length; k++) {
    const i = nameOrder[k]!;
    if (isMatch[i] === 1) out[j++] = i;
  }
  return out;
}

export type Relaxation =
  | { kind: 'facet'; facet: Facet; count: number }
  | { kind: 'query'; count: number }
  | { kind: 'in-view'; count: number };

/**
 * When nothing matches: which single constraint, if removed, brings results back, best first.
 */
export function suggestRelaxations(index: ActorIndex, query: ResultQuery): Relaxation[] {
  const out: Relaxation[] = [];
  const count = (q: ResultQuery) => computeResults(index, q).order.length;
  for (const facet of FACETS) {
    if (query.filters[facet].length === 0) continue;
    const n = count({ ...query, filters: { ...query.filters, [facet]: [] } });
    if (n > 0) out.push({ kind: 'facet', facet, count: n });
  }
  if (query.q.trim()) {
    const n = count({ ...query, q: '' });
    if (n > 0) out.push({ kind: 'query', count: n });
  }
  if (query.inView) {
    const n = count({ ...query, inView: null });
    if (n > 0) out.push({ kind: 'in-view', count: n });
  }
  return out.sort((a, b) => b.count - a.count);
}
