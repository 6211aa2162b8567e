/**
 * The summary snapshot: written from the full file's summary, read back as the same summary, and
 * refused, with a reason, whenever its shape could mislead the page.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, type DatasetSummary } from '@/data/backend.ts';
import { parseDataset } from '@/data/parse-dataset.ts';
import {
  SnapshotError,
  decodeSummary,
  encodeSummary,
  sameSummary,
  snapshotUrlOf,
} from '@/data/summary-snapshot.ts';
import { buildActorIndex } from '@/domain/results.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';

const published = checkDataDir(join(import.meta.dirname, '../../data')).published!;
const dataset = parseDataset(JSON.parse(JSON.stringify(published)));
const summary = summarize(dataset, buildActorIndex(dataset));
const encoded = encodeSummary(summary);
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fresh = (): Json => JSON.parse(encoded) as Json;

describe('the summary snapshot', () => {
  it('reads back as the summary it was written from, marked provisional', () => {
    const read = decodeSummary(fresh());
    expect(read.provisional).toBe(true);
    expect(sameSummary({ ...read, provisional: false }, summary)).toBe(true);
    // Actors without a point are in the shipped data, and come back without one.
    const pointless = summary.columns.lon.findIndex((v) => Number.isNaN(v));
    expect(pointless).toBeGreaterThanOrEqual(0);
    expect(read.columns.lon[pointless]).toBeNaN();
    expect(read.places.size).toBe(summary.places.size);
    expect(Array.from(read.places.placeOf)).toEqual(Array.from(summary.places.placeOf));
  });

  it('is about half of the dataset file for the shipped data, and written once per facet value', () => {
    expect(encoded.length).toBeLessThan(JSON.stringify(published).length * 0.7);
    expect(fresh().forward.kind.values).toBeUndefined();
  });

  const n = summary.columns.ids.length;
  it.each<[string, (s: Json) => void]>([
    ['another format', (s) => (s.format = 'aktorskartan-summary/0')],
    ['no columns', (s) => delete s.columns],
    ['a column of the wrong length', (s) => s.columns.names.pop()],
    ['a number among names', (s) => (s.columns.names[3] = 42)],
    ['a missing kind', (s) => (s.columns.kinds[0] = null)],
    ['a longitude out of range', (s) => (s.columns.lon[0] = 500)],
    ['a coordinate as a string', (s) => (s.columns.lat[0] = '59.3')],
    ['an unknown precision', (s) => (s.columns.precisions[0] = 'street')],
    ['a facet code beyond its values', (s) => (s.forward.sector.codes[0] = 9999)],
    ['a negative facet code', (s) => (s.forward.kind.codes[0] = -1)],
    ['offsets that do not cover the codes', (s) => s.forward.kind.offsets.pop()],
    [
      'offsets that go back',
      (s) => {
        const o = s.forward.kind.offsets as number[];
        o[1] = o[2]! + 1;
      },
    ],
    ['a facet without codes', (s) => delete s.forward.programme],
    ['totals that do not match the values', (s) => s.facetTotals.kind.push(1)],
    ['a name order that repeats an actor', (s) => (s.nameOrder[0] = s.nameOrder[1])],
    ['a name order that is short', (s) => s.nameOrder.pop()],
    ['a name order pointing past the actors', (s) => (s.nameOrder[0] = n)],
    ['fewer records than actors', (s) => (s.recordCount = n - 1)],
    [
      'a problem without an effect',
      (s) => s.problems.push({ severity: 'error', code: 'x', message: 'm' }),
    ],
    ['an invalid programme', (s) => (s.programmes[0].id = '<script>')],
    ['metadata missing', (s) => delete s.metadata],
  ])('is refused, with the reason, for %s', (_what, spoil) => {
    const s = fresh();
    spoil(s);
    expect(() => decodeSummary(s)).toThrow(SnapshotError);
  });

  it('is refused when it is not an object at all', () => {
    for (const junk of [null, 42, 'text', [], [1, 2]])
      expect(() => decodeSummary(junk)).toThrow(SnapshotError);
  });

  it('keeps markup in text as text: the page renders it, never parses it', () => {
    const s = fresh();
    s.columns.names[0] = '<img src=x onerror=alert(1)>';
    expect(decodeSummary(s).columns.names[0]).toBe('<img src=x onerror=alert(1)>');
  });

  it('lives beside a .geojson dataset, and nowhere for other URLs', () => {
    expect(snapshotUrlOf('https://example.org/data/aktorskartan.geojson')).toBe(
      'https://example.org/data/aktorskartan.summary.json',
    );
    expect(snapshotUrlOf('https://example.org/x.geojson?v=3')).toBe(
      'https://example.org/x.summary.json?v=3',
    );
    expect(snapshotUrlOf('https://api.example.org/actors')).toBeNull();
    expect(snapshotUrlOf('https://example.org/actors.json')).toBeNull();
  });
});

describe('comparing summaries', () => {
  const copy = (): DatasetSummary => ({ ...decodeSummary(fresh()), provisional: false });

  it('finds any difference a page would show', () => {
    expect(sameSummary(copy(), summary)).toBe(true);
    const renamed = copy();
    renamed.columns.names[0] = `${renamed.columns.names[0]} (old)`;
    expect(sameSummary(renamed, summary)).toBe(false);
    const moved = copy();
    moved.columns.lon[1] = moved.columns.lon[1]! + 0.001;
    expect(sameSummary(moved, summary)).toBe(false);
    const reordered = copy();
    reordered.nameOrder = reordered.nameOrder.slice().reverse();
    expect(sameSummary(reordered, summary)).toBe(false);
    const recounted = copy();
    recounted.facetTotals.kind[0] = recounted.facetTotals.kind[0]! + 1;
    expect(sameSummary(recounted, summary)).toBe(false);
    expect(sameSummary({ ...copy(), yearRange: [1900, 2100] }, summary)).toBe(false);
  });

  it('holds NaN equal to NaN and an absent key equal to an undefined one', () => {
    expect(sameSummary(new Float64Array([Number.NaN]), new Float64Array([Number.NaN]))).toBe(true);
    expect(sameSummary({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameSummary(new Uint32Array([1]), new Uint16Array([1]))).toBe(false);
    expect(sameSummary([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
