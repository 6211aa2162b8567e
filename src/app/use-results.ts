/**
 * The result set for the current URL state and map view, computed by the data backend (in its
 * worker). The previous result stays on screen while the next is computed, so nothing flickers;
 * the list, the counts and the map all read this one answer.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import type { ResultRequest, ResultResponse } from '@/data/backend.ts';
import { getBackend } from '@/data/create-backend.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import { HOME_VIEW } from '@/domain/region.ts';
import { useUiStore } from './ui-store.ts';
import { useUrlState } from './url-store.ts';

export interface ResultSet extends ResultResponse {
  /** Actor index → position in `order`, or -1. */
  positionOf: Int32Array;
  /** False while the very first answer is awaited. */
  ready: boolean;
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

export function useResultRequest(): { request: ResultRequest; typing: boolean } {
  const q = useUrlState((s) => s.q);
  const filters = useUrlState((s) => s.filters);
  const sort = useUrlState((s) => s.sort);
  const inView = useUrlState((s) => s.inView);
  const view = useUrlState((s) => s.view);
  const year = useUrlState((s) => s.year);
  const viewBounds = useUiStore((s) => s.viewBounds);
  // Typing stays responsive: the box updates at once, the request when React has time.
  const deferredQ = useDeferredValue(q);
  const bounds = inView ? viewBounds : null;
  const centerLon = sort === 'distance' ? (view?.longitude ?? HOME_VIEW.longitude) : null;
  const centerLat = sort === 'distance' ? (view?.latitude ?? HOME_VIEW.latitude) : null;
  const request = useMemo(
    () => ({
      q: deferredQ,
      filters,
      sort,
      inView: bounds,
      center: centerLon === null || centerLat === null ? null : ([centerLon, centerLat] as const),
      year,
    }),
    [deferredQ, filters, sort, bounds, centerLon, centerLat, year],
  );
  return { request, typing: q !== deferredQ };
}

export function useResults(dataset: DatasetView): ResultSet {
  const { request, typing } = useResultRequest();
  const query = useQuery({
    queryKey: ['results', dataset.metadata.version, dataset.actorCount, request],
    queryFn: () => getBackend().results(request),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30_000,
  });
  const data = query.data ?? EMPTY;
  const positionOf = useMemo(() => {
    const position = new Int32Array(dataset.actorCount).fill(-1);
    data.order.forEach((actor, k) => (position[actor] = k));
    return position;
  }, [data, dataset.actorCount]);
  const ready = query.data !== undefined;
  const busy = typing || !ready || query.isPlaceholderData;
  return useMemo(() => ({ ...data, positionOf, ready, busy }), [data, positionOf, ready, busy]);
}
