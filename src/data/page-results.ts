/**
 * The answers the page can give itself, without the worker: a filter click with no search text,
 * no map-view or year restriction, sorted by name. Those are most clicks, and answering them in
 * the click's own frame is what makes the list feel instant: the round trip to the worker cost
 * only a few milliseconds, but it pushed the list into a later frame, and under software
 * rendering each frame took 40 ms or more.
 *
 * The page holds the facet codes and the name order for this (see DatasetSummary.forward), and
 * filters and counts with the same code as the worker, so both give the same answer. Anything
 * else (search, "in view", distance, year), and an empty result (whose suggestions need the
 * worker's indexes), still goes to the worker.
 */
import type { ResultRequest, ResultResponse } from './backend.ts';
import type { DatasetSummary } from './backend.ts';
import { filterAndCountForward } from '@/domain/facets.ts';
import { inNameOrder } from '@/domain/results.ts';

/** Whether a request is of the kind the page answers (if its result is not empty). */
export const answerableOnPage = (request: ResultRequest): boolean =>
  request.q.trim() === '' &&
  request.inView === null &&
  request.year === null &&
  request.sort !== 'distance';

export function answerOnPage(
  summary: Pick<DatasetSummary, 'forward' | 'nameOrder'>,
  request: ResultRequest,
): ResultResponse | null {
  if (summary.forward.size === 0 || !answerableOnPage(request)) return null;
  const { matches, counts } = filterAndCountForward(summary.forward, request.filters);
  if (matches.length === 0) return null;
  return { order: inNameOrder(matches, summary.nameOrder), counts, terms: [], relaxations: [] };
}
