/**
 * The list the page can give itself, without the worker: a filter click with no search text, no
 * map-view or year restriction, sorted by name. Those are most clicks, and answering them in the
 * click's own frame is what makes the list feel instant: the round trip to the worker cost only
 * a few milliseconds, but it pushed the list into a later frame, and under software rendering
 * each frame took 40 ms or more.
 *
 * Only the order is computed here. The facet counts still come from the worker, a frame or two
 * later: counting was more than half of a click's work on the page at 100,000 actors.
 *
 * The page holds the facet codes and the name order for this (see DatasetSummary.forward), and
 * matches with the same rule as the worker, so both give the same list (tests/unit/page-results).
 * Anything else (search, "in view", distance, year), and an empty result (whose suggestions need
 * the worker's indexes), goes to the worker.
 */
import type { DatasetSummary, ResultRequest } from './backend.ts';
import { matchForward } from '@/domain/facets.ts';

/** Whether a request is of the kind the page answers (if its result is not empty). */
export const answerableOnPage = (request: ResultRequest): boolean =>
  request.q.trim() === '' &&
  request.inView === null &&
  request.year === null &&
  request.sort !== 'distance';

/** The result order for the request, or null when the worker has to answer it. */
export function orderOnPage(
  summary: Pick<DatasetSummary, 'forward' | 'nameOrder'>,
  request: ResultRequest,
): Uint32Array | null {
  if (summary.forward.size === 0 || !answerableOnPage(request)) return null;
  const order = matchForward(summary.forward, request.filters, summary.nameOrder);
  return order.length === 0 ? null : order;
}
