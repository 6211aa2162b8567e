/**
 * The result set for the current URL state and map view, computed by the data backend (in its
 * worker), with the list answered on the page when it can be (page-results.ts). The previous
 * result stays on screen while the next is computed, so nothing flickers; the list, the counts
 * and the map all read this one answer.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { DatasetSummary, ResultRequest, ResultResponse } from '@/data/backend.ts';
import { getBackend } from '@/data/create-backend.ts';
import { useFullDataIn } from '@/data/load-dataset.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import { countsOnPage, orderOnPage } from '@/data/page-results.ts';
import { HOME_VIEW, type BBox } from '@/domain/region.ts';
import type { UrlState } from '@/domain/url-state.ts';
import { useUiStore } from './ui-store.ts';
import { useUrlState } from './url-store.ts';

export interface ResultSet extends ResultResponse {
  /** False while the very first answer is awaited. */
  ready: boolean;
  /** False while the first facet counts are awaited (the list may already be there). */
  countsReady: boolean;
  /** True while the counts shown are an earlier state's (the worker is counting). */
  countsBusy: boolean;
  /** True while what is shown is not yet the answer to the current state (typing, computing). */
  busy: boolean;
}

const EMPTY: ResultResponse = {
  order: new Uint32Array(0),
  counts: {
    kind: new Uint32Array(0),
    sector: new Uint32Array(0),
    facility: new Uint32Array(0),
    programme: new Uint32Array(0),
    municipality: new Uint32Array(0),
  },
  terms: [],
  relaxations: [],
};

/** The question the backend answers, from the shareable state and the map's current bounds. */
export function resultRequestOf(
  state: Pick<UrlState, 'q' | 'filters' | 'sort' | 'inView' | 'view' | 'year'>,
  viewBounds: BBox | null,
): ResultRequest {
  const center =
    state.sort === 'distance'
      ? ([
          state.view?.longitude ?? HOME_VIEW.longitude,
          state.view?.latitude ?? HOME_VIEW.latitude,
        ] as const)
      : null;
  return {
    q: state.q,
    filters: state.filters,
    sort: state.sort,
    inView: state.inView ? viewBounds : null,
    center,
    year: state.year,
  };
}

export const resultsQueryOptions = (dataset: DatasetSummary, request: ResultRequest) =>
  queryOptions({
    queryKey: ['results', dataset.metadata.version, dataset.columns.ids.length, request],
    queryFn: () => getBackend().results(request),
    staleTime: Infinity,
    gcTime: 30_000,
  });

export function useResultRequest(): { request: ResultRequest; typing: boolean } {
  const q = useUrlState((s) => s.q);
  const filters = useUrlState((s) => s.filters);
  const sort = useUrlState((s) => s.sort);
  const inView = useUrlState((s) => s.inView);
  const year = useUrlState((s) => s.year);
  // Only what the request uses is read: the map's view only with "in view" on or distance
  // sorting. Read always, every pan's end re-rendered the whole workspace, inside MapLibre's
  // frame (the end of a zoom fires from it): at 10,000 actors a 22 ms render on a 22 ms frame.
  const bounds = useUiStore((s) => (inView ? s.viewBounds : null));
  const centre = useUrlState((s) => (sort === 'distance' ? s.view : null));
  // Typing stays responsive: the box updates at once, the request when React has time.
  const deferredQ = useDeferredValue(q);
  const request = useMemo(
    () => resultRequestOf({ q: deferredQ, filters, sort, inView, view: centre, year }, bounds),
    [deferredQ, filters, sort, inView, centre, year, bounds],
  );
  return { request, typing: q !== deferredQ };
}

/** `enabled` is false while no dataset has arrived: there is nothing to ask the backend yet. */
export function useResults(dataset: DatasetView, enabled = true): ResultSet {
  const { request, typing } = useResultRequest();
  // A filter click's list is answered here, in the click's frame, when it can be
  // (page-results.ts); the worker still answers the request, for the facet counts.
  const pageOrder = useMemo(
    () => (enabled ? orderOnPage(dataset, request) : null),
    [enabled, dataset, request],
  );
  // …and the first screen's counts are the summary's totals: nothing for the worker to do.
  const pageCounts = useMemo(
    () => (enabled && pageOrder !== null ? countsOnPage(dataset, request) : null),
    [enabled, pageOrder, dataset, request],
  );
  // While the worker computes, the last answer shown stays: it may have come from the page.
  const lastShown = useRef<{ dataset: DatasetView; data: ResultResponse } | null>(null);
  // The worker's positions are the full file's: not asked while a snapshot's view may differ.
  const fullDataIn = useFullDataIn();
  const query = useQuery({
    ...resultsQueryOptions(dataset, request),
    enabled: enabled && pageCounts === null && fullDataIn,
    placeholderData: (previous) =>
      lastShown.current?.dataset === dataset ? lastShown.current.data : keepPreviousData(previous),
  });
  const answer = query.data;
  // The page's order keeps its identity when the worker's answer comes: only the counts change.
  const data = useMemo(
    () =>
      pageOrder === null
        ? (answer ?? EMPTY)
        : {
            order: pageOrder,
            counts: pageCounts ?? answer?.counts ?? EMPTY.counts,
            // Shared empties: a new array would re-render every row of the list (memoised on
            // its terms) when the worker's counts come in after a filter click.
            terms: EMPTY.terms,
            relaxations: EMPTY.relaxations,
          },
    [pageOrder, pageCounts, answer],
  );
  useEffect(() => {
    if (data !== EMPTY) lastShown.current = { dataset, data };
  }, [dataset, data]);
  const ready = pageOrder !== null || answer !== undefined;
  // The counts beside the filters may be the previous state's for a frame or two: better than
  // none, and they never jump to a wrong total (the list's count is the page's).
  const countsReady = pageCounts !== null || answer !== undefined;
  const countsBusy =
    enabled && pageCounts === null && (answer === undefined || query.isPlaceholderData);
  const busy = typing || !ready || (pageOrder === null && query.isPlaceholderData);
  return useMemo(
    () => ({ ...data, ready, countsReady, countsBusy, busy }),
    [data, ready, countsReady, countsBusy, busy],
  );
}
