/**
 * Derives the result set from the dataset, the URL state and the map view. Pure functions do
 * the work (domain/results.ts); this hook only memoises them, so the list, the counts and the
 * map all receive the very same arrays.
 */
import { useDeferredValue, useMemo } from 'react';
import type { Actor, Dataset } from '@/data/dataset.ts';
import {
  buildActorIndex,
  computeResults,
  suggestRelaxations,
  type ActorIndex,
  type Results,
} from '@/domain/results.ts';
import { HOME_VIEW } from '@/domain/region.ts';
import { presenceMask } from '@/domain/time.ts';
import { useUiStore } from './ui-store.ts';
import { useUrlState } from './url-store.ts';

export interface ResultSet extends Results {
  index: ActorIndex;
  /** Results as actors, in display order. */
  actors: Actor[];
  /** Actor id → position in `actors`. */
  positionOf: ReadonlyMap<string, number>;
  relaxations: ReturnType<typeof suggestRelaxations>;
}

export function useActorIndex(dataset: Dataset): ActorIndex {
  return useMemo(() => buildActorIndex(dataset), [dataset]);
}

export function useResults(index: ActorIndex): ResultSet {
  const q = useUrlState((s) => s.q);
  const filters = useUrlState((s) => s.filters);
  const sort = useUrlState((s) => s.sort);
  const inView = useUrlState((s) => s.inView);
  const view = useUrlState((s) => s.view);
  const viewBounds = useUiStore((s) => s.viewBounds);
  const year = useUrlState((s) => s.year);
  const present = useMemo(
    () => (year === null ? null : presenceMask(index.actors, year)),
    [index, year],
  );
  // Typing stays responsive: the input updates at once, the results when React has time.
  const deferredQ = useDeferredValue(q);
  const bounds = inView ? viewBounds : null;
  const center =
    sort === 'distance'
      ? ([view?.longitude ?? HOME_VIEW.longitude, view?.latitude ?? HOME_VIEW.latitude] as const)
      : null;
  const centerKey = center ? center.join(',') : '';

  return useMemo(() => {
    const query = { q: deferredQ, filters, sort, inView: bounds, center, present };
    const results = computeResults(index, query);
    const actors = Array.from(results.order, (i) => index.actors[i] as Actor);
    const positionOf = new Map(actors.map((a, i) => [a.id, i]));
    const relaxations = actors.length === 0 ? suggestRelaxations(index, query) : [];
    return { ...results, index, actors, positionOf, relaxations };
    // centerKey stands for center, which is a fresh tuple on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, deferredQ, filters, sort, bounds, centerKey, present]);
}
