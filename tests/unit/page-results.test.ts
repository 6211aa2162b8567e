/**
 * The page answers plain filter requests itself; its answers must be the worker's, exactly.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalBackend, type ResultRequest } from '@/data/backend.ts';
import {
  answerableOnPage,
  countsOnPage,
  orderOnPage,
  warmUpMatching,
} from '@/data/page-results.ts';
import { parseDataset } from '@/data/parse-dataset.ts';
import { inNameOrder } from '@/domain/results.ts';
import { EMPTY_FILTERS, FACETS, type Filters } from '@/domain/url-state.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';

const published = checkDataDir(join(import.meta.dirname, '../../data')).published!;
const worker = new LocalBackend();
const summary = worker.use(parseDataset(JSON.parse(JSON.stringify(published))));

const plain: ResultRequest = {
  q: '',
  filters: EMPTY_FILTERS,
  sort: 'name',
  inView: null,
  center: null,
  year: null,
};

describe('the list on the page', () => {
  it('is the worker’s list, for any filters on the shipped dataset', async () => {
    const pick = (values: string[]) =>
      fc.uniqueArray(fc.constantFrom(...values, 'no-such-value'), { maxLength: 3 });
    const filtersArb = fc.record(
      Object.fromEntries(FACETS.map((f) => [f, pick(summary.facetValues[f])])) as {
        [F in keyof Filters]: fc.Arbitrary<string[]>;
      },
    );
    await fc.assert(
      fc.asyncProperty(filtersArb, fc.constantFrom('name', 'relevance'), async (filters, sort) => {
        const request = { ...plain, filters, sort } as ResultRequest;
        const expected = await worker.results(request);
        const local = orderOnPage(summary, request);
        if (expected.order.length === 0) {
          // An empty result goes to the worker, which suggests what to relax.
          expect(local).toBeNull();
          return;
        }
        expect(local).not.toBeNull();
        expect([...local!]).toEqual([...expected.order]);
      }),
      { numRuns: 150 },
    );
  });

  it('leave search, "in view", distance and year to the worker', () => {
    expect(answerableOnPage(plain)).toBe(true);
    expect(answerableOnPage({ ...plain, q: ' ' })).toBe(true);
    expect(answerableOnPage({ ...plain, q: 'ki' })).toBe(false);
    expect(answerableOnPage({ ...plain, inView: [17, 59, 18, 60] })).toBe(false);
    expect(answerableOnPage({ ...plain, sort: 'distance', center: [18, 59.3] })).toBe(false);
    expect(answerableOnPage({ ...plain, year: 2020 })).toBe(false);
    expect(orderOnPage(summary, { ...plain, q: 'ki' })).toBeNull();
  });

  it('give the first screen’s counts, the worker’s own, and no others', async () => {
    const expected = await worker.results(plain);
    const local = countsOnPage(summary, plain);
    expect(local).not.toBeNull();
    for (const f of FACETS) expect([...local![f]]).toEqual([...expected.counts[f]]);
    const kind = summary.facetValues.kind[0]!;
    expect(
      countsOnPage(summary, { ...plain, filters: { ...EMPTY_FILTERS, kind: [kind] } }),
    ).toBeNull();
    expect(countsOnPage(summary, { ...plain, q: 'ki' })).toBeNull();
    expect(countsOnPage(summary, { ...plain, year: 2020 })).toBeNull();
  });
});

describe('warmUpMatching', () => {
  it('matches with one value of every facet selected, the loop a first click runs', () => {
    const filters = Object.fromEntries(
      FACETS.map((f) => [f, summary.forward[f].values.slice(0, 1)]),
    ) as unknown as Filters;
    expect(FACETS.every((f) => filters[f].length === 1)).toBe(true);
    const expected = orderOnPage(summary, { ...plain, filters })?.length ?? 0;
    expect(warmUpMatching(summary)).toBe(expected);
  });

  it('changes no later answer', () => {
    const kind = summary.facetValues.kind[0]!;
    const request = { ...plain, filters: { ...EMPTY_FILTERS, kind: [kind] } };
    const before = [...orderOnPage(summary, request)!];
    warmUpMatching(summary);
    expect([...orderOnPage(summary, request)!]).toEqual(before);
  });
});

describe('inNameOrder', () => {
  it('keeps the matches, in the given name order', () => {
    const nameOrder = Uint32Array.from([3, 0, 4, 1, 2]);
    expect([...inNameOrder(Uint32Array.from([0, 2, 3]), nameOrder)]).toEqual([3, 0, 2]);
    expect([...inNameOrder(Uint32Array.from([0, 1, 2, 3, 4]), nameOrder)]).toEqual([3, 0, 4, 1, 2]);
    expect([...inNameOrder(new Uint32Array(0), nameOrder)]).toEqual([]);
  });
});
