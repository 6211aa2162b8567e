/**
 * The summary snapshot: the page's first view of a dataset (DatasetSummary), written at build
 * time beside the dataset file (`aktorskartan.geojson` → `aktorskartan.summary.json`).
 *
 * Why: at 100,000 actors, reading, parsing and validating the 115 MB dataset takes the worker
 * 4 s or more before anything can be drawn, while the page needs only names, kinds, places and
 * facet codes to draw the map and the list. The snapshot holds just that (a quarter of the bytes,
 * no validation of records), so the first view comes from it while the worker loads the full
 * file behind it; the full file then confirms the snapshot or replaces it (backend.ts). A
 * snapshot is never trusted for content, only for shape: decodeSummary() checks everything the
 * page would index with, and a snapshot that fails is ignored, never shown.
 */
import { z } from 'zod';
import type { DatasetSummary } from './backend.ts';
import { buildPlaceIndex } from '@/domain/places.ts';
import { FACETS, type Facet } from '@/domain/url-state.ts';
import { DatasetMetadata, Precision, Programme, Source, Vocabularies } from './schema.ts';

export const SNAPSHOT_FORMAT = 'aktorskartan-summary/1';

/** Where the snapshot of a dataset lives, or null for a dataset URL that has none. */
export function snapshotUrlOf(datasetUrl: string): string | null {
  const url = new URL(datasetUrl);
  if (!url.pathname.endsWith('.geojson')) return null;
  url.pathname = url.pathname.replace(/\.geojson$/, '.summary.json');
  return url.href;
}

export class SnapshotError extends Error {
  constructor(reason: string) {
    super(`the summary snapshot is not usable: ${reason}`);
    this.name = 'SnapshotError';
  }
}

/** JSON has no NaN: an actor without a point is null there. */
const coordinatesOut = (column: Float64Array) =>
  Array.from(column, (v) => (Number.isNaN(v) ? null : v));

/** Writes a full file's summary (`provisional` is the reader's to set, not written). */
export function encodeSummary(summary: DatasetSummary): string {
  const { columns, forward } = summary;
  return JSON.stringify({
    format: SNAPSHOT_FORMAT,
    metadata: summary.metadata,
    vocabularies: summary.vocabularies,
    programmes: summary.programmes,
    sources: summary.sources,
    problems: summary.problems,
    problemTotals: summary.problemTotals,
    recordCount: summary.recordCount,
    facetValues: summary.facetValues,
    facetTotals: summary.facetTotals,
    yearRange: summary.yearRange,
    columns: { ...columns, lon: coordinatesOut(columns.lon), lat: coordinatesOut(columns.lat) },
    // Each facet's values are facetValues' again: only the codes are written.
    forward: Object.fromEntries(
      FACETS.map((f) => [
        f,
        { offsets: Array.from(forward[f].offsets), codes: Array.from(forward[f].codes) },
      ]),
    ),
    nameOrder: Array.from(summary.nameOrder),
  });
}

const Count = z.number().int().nonnegative();

/** What the problems dialog reads; the codes are the app's own, checked when translated. */
const SnapshotProblem = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string().max(60),
  message: z.string().max(2000),
  file: z.string().max(300).optional(),
  recordId: z.string().max(300).optional(),
  field: z.string().max(300).optional(),
  params: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
  effect: z.enum(['record-excluded', 'value-dropped', 'none']),
});

const FacetRecord = <T extends z.ZodType>(item: T) =>
  z.object(
    Object.fromEntries(FACETS.map((f) => [f, z.array(item)])) as Record<Facet, z.ZodArray<T>>,
  );

const Envelope = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  metadata: DatasetMetadata,
  vocabularies: Vocabularies,
  programmes: z.array(Programme),
  sources: z.array(Source),
  problems: z.array(SnapshotProblem).max(10_000),
  problemTotals: z.object({ excludedRecords: Count, other: Count }),
  recordCount: Count,
  facetValues: FacetRecord(z.string().max(300)),
  facetTotals: FacetRecord(Count),
  yearRange: z.tuple([z.number().int(), z.number().int()]),
  // The long arrays are checked below by hand: zod would visit every element.
  columns: z.record(z.string(), z.unknown()),
  forward: z.record(z.string(), z.object({ offsets: z.unknown(), codes: z.unknown() })),
  nameOrder: z.unknown(),
});

/**
 * Column checks by hand, not by zod: at 100,000 actors a per-element schema would cost more than
 * the snapshot saves.
 */
function strings(raw: unknown, n: number, name: string, nullable: boolean): (string | null)[] {
  if (!Array.isArray(raw) || raw.length !== n)
    throw new SnapshotError(`column ${name} has the wrong length`);
  for (const v of raw)
    if (typeof v !== 'string' && !(nullable && v === null))
      throw new SnapshotError(`column ${name} holds a ${typeof v}`);
  return raw as (string | null)[];
}

function coordinatesIn(
  raw: unknown,
  n: number,
  name: string,
  min: number,
  max: number,
): Float64Array {
  if (!Array.isArray(raw) || raw.length !== n)
    throw new SnapshotError(`column ${name} has the wrong length`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v: unknown = raw[i];
    if (v === null) out[i] = Number.NaN;
    else if (typeof v === 'number' && v >= min && v <= max) out[i] = v;
    else throw new SnapshotError(`column ${name} holds ${String(v)}`);
  }
  return out;
}

function integers<T extends Uint16Array | Uint32Array>(
  raw: unknown,
  make: new (n: number) => T,
  below: number,
  name: string,
): T {
  if (!Array.isArray(raw)) throw new SnapshotError(`${name} is not a list`);
  const out = new make(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= below)
      throw new SnapshotError(`${name} holds ${String(v)}`);
    out[i] = v;
  }
  return out;
}

/** Turns a parsed snapshot into a summary, or throws a SnapshotError saying what is wrong. */
export function decodeSummary(json: unknown): DatasetSummary {
  const parsed = Envelope.safeParse(json);
  if (!parsed.success)
    throw new SnapshotError(
      parsed.error.issues
        .slice(0, 2)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    );
  const s = parsed.data;
  const c = s.columns;
  const ids = strings(c.ids, Array.isArray(c.ids) ? c.ids.length : -1, 'ids', false) as string[];
  const n = ids.length;
  if (n > s.recordCount) throw new SnapshotError('more actors than records');
  const precisions = strings(c.precisions, n, 'precisions', true);
  for (const p of precisions)
    if (p !== null && !Precision.safeParse(p).success)
      throw new SnapshotError(`unknown precision ${p}`);
  const lon = coordinatesIn(c.lon, n, 'lon', -180, 180);
  const lat = coordinatesIn(c.lat, n, 'lat', -90, 90);
  const forward = { size: n } as DatasetSummary['forward'];
  for (const facet of FACETS) {
    const values = s.facetValues[facet];
    if (s.facetTotals[facet].length !== values.length)
      throw new SnapshotError(`facet ${facet}: totals and values differ in length`);
    const column = s.forward[facet];
    if (!column) throw new SnapshotError(`facet ${facet} has no codes`);
    const codes = integers(column.codes, Uint16Array, values.length, `facet ${facet}`);
    const offsets = integers(column.offsets, Uint32Array, codes.length + 1, `facet ${facet}`);
    if (offsets.length !== n + 1 || offsets[0] !== 0 || offsets[n] !== codes.length)
      throw new SnapshotError(`facet ${facet}: offsets do not cover the codes`);
    for (let i = 0; i < n; i++)
      if (offsets[i]! > offsets[i + 1]!) throw new SnapshotError(`facet ${facet}: offsets go back`);
    forward[facet] = { values: [...values], offsets, codes };
  }
  const nameOrder = integers(s.nameOrder, Uint32Array, n, 'the name order');
  if (nameOrder.length !== n) throw new SnapshotError('the name order has the wrong length');
  const seen = new Uint8Array(n);
  for (const i of nameOrder) {
    if (seen[i]) throw new SnapshotError('the name order repeats an actor');
    seen[i] = 1;
  }
  return {
    metadata: s.metadata,
    vocabularies: s.vocabularies,
    programmes: s.programmes,
    sources: s.sources,
    problems: s.problems as DatasetSummary['problems'],
    problemTotals: s.problemTotals,
    recordCount: s.recordCount,
    columns: {
      ids,
      names: strings(c.names, n, 'names', false) as string[],
      kinds: strings(c.kinds, n, 'kinds', false) as string[],
      aka: strings(c.aka, n, 'aka', false) as string[],
      municipalities: strings(c.municipalities, n, 'municipalities', true),
      siteNames: strings(c.siteNames, n, 'siteNames', true),
      precisions: precisions as DatasetSummary['columns']['precisions'],
      snippetSv: strings(c.snippetSv, n, 'snippetSv', false) as string[],
      snippetEn: strings(c.snippetEn, n, 'snippetEn', true),
      lon,
      lat,
    },
    places: buildPlaceIndex({ lon, lat }),
    facetValues: s.facetValues,
    facetTotals: s.facetTotals,
    forward,
    nameOrder,
    yearRange: s.yearRange,
    provisional: true,
  };
}

/**
 * True when two summaries say the same (typed arrays by value, NaN equal to NaN). The worker asks
 * this once the full file is in: a snapshot that differs in anything is replaced.
 */
export function sameSummary(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor)
      return false;
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++)
      if (x[i] !== y[i] && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameSummary(a[i], y[i])) return false;
    return true;
  }
  // Keys whose value is undefined are absent in JSON: both sides are read the same way.
  const keys = (o: object) =>
    Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka)
    if (
      !Object.hasOwn(b, k) ||
      !sameSummary((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    )
      return false;
  return true;
}
