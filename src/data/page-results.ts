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
import { EMPTY_FILTERS, FACETS, type Facet, type Filters } from '@/domain/url-state.ts';

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

/**
 * Runs the page's filter matching once, with one value of every facet selected, and gives the
 * number of matches. The first screen selects nothing, so matching never ran its per-facet loop
 * before the reader's first filter click, which then ran it in V8's interpreter: a profile of the
 * first click at 100,000 actors found 22–25 ms of its 50–60 ms there (compiled: under 1 ms). A
 * few calls once the first screen is drawn have V8 compile it first (app/warm-up-matching.ts).
 */
export function warmUpMatching(summary: Pick<DatasetSummary, 'forward' | 'nameOrder'>): number {
  if (summary.forward.size === 0) return 0;
  const filters: Filters = { ...EMPTY_FILTERS };
  for (const facet of FACETS) {
    const value = summary.forward[facet].values[0];
    if (value !== undefined) filters[facet] = [value];
  }
  return matchForward(summary.forward, filters, summary.nameOrder).length;
}
