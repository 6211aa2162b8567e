/**
 * The list the page can give itself, without the worker: a filter click with no search text, no
 * map-view or year restriction, sorted by name. Those are most clicks, and answering them in the
 * click's own frame is what makes the list feel instant: the round trip to the worker cost only
 * a few milliseconds, but it pushed the list into a later frame, and under software rendering
 * each frame took 40 ms or more.
 *
 * Only the order is computed here. The facet counts still come from the worker, a frame or two
 * later: counting was more than half of a click's work on the page at 100,000 actors. The one
 * exception is the request with no restriction at all, the first screen's: its counts are the
 * totals the summary carries, so a first view from the summary snapshot, drawn while the worker
 * has not read the records yet, has its counts at once.
 *
 * The page holds the facet codes and the name order for this (see DatasetSummary.forward), and
 * matches with the same rule as the worker, so both give the same list (tests/unit/page-results).
 * Anything else (search, "in view", distance, year), and an empty result (whose suggestions need
 * the worker's indexes), goes to the worker.
 */
import type { DatasetSummary, ResultRequest, ResultResponse } from './backend.ts';
import { matchForward } from '@/domain/facets.ts';
import { FACETS, type Facet } from '@/domain/url-state.ts';

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

/** The facet counts for a request that restricts nothing, or null for any other. */
export function countsOnPage(
  summary: Pick<DatasetSummary, 'forward' | 'facetTotals'>,
  request: ResultRequest,
): ResultResponse['counts'] | null {
  if (summary.forward.size === 0 || !answerableOnPage(request)) return null;
  if (FACETS.some((f) => request.filters[f].length > 0)) return null;
  return Object.fromEntries(
    FACETS.map((f) => [f, Uint32Array.from(summary.facetTotals[f])]),
  ) as Record<Facet, Uint32Array>;
}
