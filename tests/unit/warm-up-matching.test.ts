/**
 * The page's filter matching is run ahead of the first click, after the first screen, a call a
 * task, and without changing any answer.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalBackend, type ResultRequest } from '@/data/backend.ts';
import { orderOnPage, warmUpMatching } from '@/data/page-results.ts';
import { parseDataset } from '@/data/parse-dataset.ts';
import { EMPTY_FILTERS, FACETS, type Filters } from '@/domain/url-state.ts';
import { WARM_UP_CALLS, warmUpMatchingLater } from '@/app/warm-up-matching.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';

const published = checkDataDir(join(import.meta.dirname, '../../data')).published!;
const summary = new LocalBackend().use(parseDataset(JSON.parse(JSON.stringify(published))));
const plain: ResultRequest = {
  q: '',
  filters: EMPTY_FILTERS,
  sort: 'name',
  inView: null,
  center: null,
  year: null,
};

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

describe('warmUpMatchingLater', () => {
  it('waits for the first screen, then makes its calls a task at a time', () => {
    let drawn: (() => void) | null = null;
    const tasks: (() => void)[] = [];
    let calls = 0;
    warmUpMatchingLater(summary, {
      after: (work) => (drawn = work),
      schedule: (work) => tasks.push(work),
      warm: () => (calls += 1),
    });
    expect(calls).toBe(0);
    expect(tasks).toHaveLength(0);
    drawn!();
    expect(calls).toBe(0);
    for (let task = 1; task <= WARM_UP_CALLS; task++) {
      tasks.shift()!();
      expect(calls).toBe(task);
    }
    expect(tasks).toHaveLength(0);
  });
});
