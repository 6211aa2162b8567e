import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { getBackend } from '@/data/create-backend.ts';
import { EMPTY_VIEW, refAt, type DatasetView } from '@/data/dataset-view.ts';
import { useDataset, useDatasetConfirmation } from '@/data/load-dataset.ts';
import { membersAt, resultPlaces } from '@/domain/places.ts';
import { boundsOf } from '@/domain/region.ts';
import { FACETS, type Facet, type Filters, type UrlNotice } from '@/domain/url-state.ts';
import { ActorList } from '@/features/actor-list/actor-list.tsx';
import { SidebarTabs } from '@/features/sidebar-tabs/sidebar-tabs.tsx';
import { StatisticsView } from '@/features/statistics/statistics-view.tsx';
import { ActorPanel } from '@/features/actor-panel/actor-panel.tsx';
import { DataStatus } from '@/features/data-status/data-status.tsx';
import { ActiveFilters } from '@/features/filters/active-filters.tsx';
import { FilterPanel } from '@/features/filters/filter-panel.tsx';
import { EmbedHeader, Header } from '@/features/header/header.tsx';
import { UpdatePrompt } from '@/features/header/update-prompt.tsx';
import { UrlNotices } from '@/features/header/url-notices.tsx';
import { MapRegion } from '@/features/map-region/map-region.tsx';
import { PlacePanel } from '@/features/place-panel/place-panel.tsx';
import { ProgrammePanel } from '@/features/programme-panel/programme-panel.tsx';
import { YearControl } from '@/features/year/year-control.tsx';
import { ResultSummary } from '@/features/results/result-summary.tsx';
import { SearchBox } from '@/features/search/search-box.tsx';
import { useLang, useMessages } from '@/i18n/i18n.ts';
import { LiveRegion } from '@/ui/live-region.tsx';
import { SidePanel } from '@/ui/side-panel.tsx';
import { RegionErrorBoundary } from './error-boundary.tsx';
import { closeActor, closeProgramme, selectActor } from './selection.ts';
import { useUiStore } from './ui-store.ts';
import {
  canonicalizeUrl,
  getUrlState,
  initialUrlNotices,
  setUrlState,
  useUrlState,
} from './url-store.ts';
import { useResults } from './use-results.ts';
import { useAfterPaint } from './use-after-paint.ts';

export function App() {
  const query = useDataset();
  const lang = useLang();
  const t = useMessages();
  const announce = useUiStore((s) => s.announce);
  const [urlNotices] = useState(initialUrlNotices);
  const tab = useUrlState((s) => s.tab);
  const embed = useUrlState((s) => s.embed);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.appTitle} – ${t.appTagline}`;
  }, [lang, t]);

  useEffect(() => canonicalizeUrl(), []);

  const count = query.data?.actorCount;
  useEffect(() => {
    if (count !== undefined) announce(t.actorsLoaded(count));
    // Announce once per load, not on language switches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, announce]);

  return (
    <>
      <a
        className="skip-link"
        href={tab === 'stats' ? '#statistics-heading' : '#actor-list-heading'}
      >
        {tab === 'stats' ? t.skipToStats : t.skipToList}
      </a>
      {embed ? <EmbedHeader /> : <Header />}
      <UpdatePrompt />
      <LiveRegion />
      <main className={embed ? 'layout is-embed' : 'layout'} id="main">
        <RegionErrorBoundary
          fallback={
            <p className="status status-error" role="alert">
              {t.regionFailed}
            </p>
          }
        >
          <Workspace loaded={query.data ?? null} urlNotices={urlNotices} />
        </RegionErrorBoundary>
      </main>
    </>
  );
}

/** Drops filter values the dataset does not know, once it has arrived, and says so. */
function useKnownFilters(dataset: DatasetView, ready: boolean): boolean {
  const filters = useUrlState((s) => s.filters);
  const known = useMemo(
    () =>
      Object.fromEntries(FACETS.map((f) => [f, new Set(dataset.facetValues[f])])) as Record<
        Facet,
        Set<string>
      >,
    [dataset],
  );
  const unknown = ready && FACETS.some((f) => filters[f].some((v) => !known[f].has(v)));
  // Only a link can carry unknown values (the filter panel offers known ones), so once said, the
  // notice stays for the visit.
  const [removed, setRemoved] = useState(false);
  if (unknown && !removed) setRemoved(true);
  useEffect(() => {
    if (!unknown) return;
    setUrlState(
      (s) => ({
        ...s,
        filters: Object.fromEntries(
          FACETS.map((f) => [f, s.filters[f].filter((v) => known[f].has(v))]),
        ) as unknown as Filters,
      }),
      'replace',
    );
  }, [unknown, known]);
  return removed;
}

/**
 * From this many actors, the map's share of a new result set (about 10 ms here) waits for the
 * list's frame to be painted (see Workspace).
 */
const PAINT_FIRST_FROM = 20_000;

/**
 * The sidebar and the map. It is there from the first render, before the dataset has arrived, so
 * that MapLibre (the slowest part of the start) sets up the map while the data loads; the same
 * map then takes the actors when they come.
 */
function Workspace({
  loaded,
  urlNotices,
}: {
  loaded: DatasetView | null;
  urlNotices: UrlNotice[];
}) {
  const t = useMessages();
  const query = useDataset();
  const confirmation = useDatasetConfirmation();
  const ready = loaded !== null;
  const dataset = loaded ?? EMPTY_VIEW;
  const results = useResults(dataset, ready);
  const removedFilters = useKnownFilters(dataset, ready);
  const selectedId = useUrlState((s) => s.actor);
  const hoveredActorId = useUiStore((s) => s.hoveredActorId);
  const setHovered = useUiStore((s) => s.setHoveredActor);
  const openPlaceIndex = useUiStore((s) => s.openPlace);
  const setOpenPlace = useUiStore((s) => s.setOpenPlace);
  const openGroup = useUiStore((s) => s.openGroup);
  const setOpenGroup = useUiStore((s) => s.setOpenGroup);
  const narrowView = useUiStore((s) => s.narrowView);
  const setNarrowView = useUiStore((s) => s.setNarrowView);

  const programmeId = useUrlState((s) => s.programme);
  const tab = useUrlState((s) => s.tab);
  const embed = useUrlState((s) => s.embed);
  const year = useUrlState((s) => s.year);
  const showRelations = useUrlState((s) => s.relations);
  const programme = programmeId ? dataset.programmeById.get(programmeId) : undefined;
  // The map shows the result set, as the list does: counted per place once per result set, in a
  // render after the list's. In a large dataset that render waits until the list's frame is
  // painted: counting 50,000 results per place and re-clustering took 40–50 ms at 100,000 actors,
  // and as a deferred render it ran before that frame and held the list back as long. In a small
  // one it is a few milliseconds, and waiting a frame (40 ms or more under software rendering)
  // only made the map settle later (10,000 actors: 134–199 → 189–271 ms). The first actors are
  // not held back: the map has nothing to show until then.
  const largeDataset = dataset.columns.ids.length >= PAINT_FIRST_FROM;
  const deferredOrder = useDeferredValue(results.order);
  const paintedOrder = useAfterPaint(results.order, largeDataset);
  const laterOrder = largeDataset ? paintedOrder : deferredOrder;
  const mapOrder = laterOrder.length === 0 ? results.order : laterOrder;
  const onMap = useMemo(() => resultPlaces(mapOrder, dataset.places), [mapOrder, dataset.places]);
  const initialBounds = onMap.bounds;

  const selectedIndex = selectedId ? dataset.indexOf.get(selectedId) : undefined;
  const selected = selectedIndex === undefined ? undefined : refAt(dataset, selectedIndex);
  // The open actor's ties, or the open programme's members, brought forward on the map.
  const focusQuery = useQuery({
    queryKey: [
      'focus',
      dataset.metadata.version,
      selected?.id ?? null,
      programme?.id ?? null,
      year,
    ],
    queryFn: () =>
      getBackend().focus({ actor: selected?.id ?? null, programme: programme?.id ?? null, year }),
    enabled: Boolean(selected || programme),
    staleTime: Infinity,
  });
  const focusModel = selected || programme ? (focusQuery.data ?? null) : null;
  const focusBounds = useMemo(
    () =>
      focusModel
        ? boundsOf(
            [...(focusModel.centre ? [focusModel.centre] : []), ...focusModel.others].map(
              (a) => a.coordinates,
            ),
          )
        : null,
    [focusModel],
  );
  const fitPending = useUiStore((s) => s.fitToFocusPending);
  const requestFitToFocus = useUiStore((s) => s.requestFitToFocus);
  useEffect(() => {
    // A link to an actor or a programme without a map view opens fitted to the actor and its
    // ties, or to the programme's members.
    const { actor, programme, view } = getUrlState();
    if ((actor || programme) && !view) requestFitToFocus();
  }, [requestFitToFocus]);
  const clearFit = useUiStore((s) => s.clearFitToFocus);
  const requestMapFocus = useUiStore((s) => s.requestMapFocus);
  useEffect(() => {
    // A programme opened by the reader: fit the map to its members once.
    if (!fitPending || !focusBounds) return;
    clearFit();
    requestMapFocus(focusBounds, 12);
  }, [fitPending, focusBounds, clearFit, requestMapFocus]);
  const onSelectActorById = useCallback(
    (id: string) => {
      const index = dataset.indexOf.get(id);
      if (index !== undefined) selectActor(refAt(dataset, index));
    },
    [dataset],
  );
  const placeOfActor = (index: number | undefined) => {
    const place = index === undefined ? -1 : (dataset.places.placeOf[index] ?? -1);
    return place < 0 ? null : place;
  };
  const hoveredPlace = placeOfActor(
    hoveredActorId ? dataset.indexOf.get(hoveredActorId) : undefined,
  );
  const openPlace = useMemo(
    () =>
      openPlaceIndex === null
        ? null
        : {
            place: openPlaceIndex,
            members: membersAt(results.order, dataset.places, new Set([openPlaceIndex])),
          },
    [openPlaceIndex, results.order, dataset.places],
  );

  const onSelectPlace = useCallback(
    (place: number) => {
      const count = onMap.count[place] ?? 0;
      if (count === 0) return;
      if (count === 1) selectActor(refAt(dataset, onMap.first[place] ?? 0));
      else setOpenPlace(place);
    },
    [onMap, dataset, setOpenPlace],
  );
  const onHoverPlace = useCallback(
    (place: number | null) => {
      const first = place === null ? -1 : (onMap.first[place] ?? -1);
      setHovered(first < 0 ? null : (dataset.columns.ids[first] ?? null));
    },
    [onMap, setHovered, dataset],
  );
  const onOpenCluster = useCallback(
    (places: number[]) =>
      setOpenGroup({ members: membersAt(results.order, dataset.places, new Set(places)) }),
    [results.order, dataset.places, setOpenGroup],
  );

  const regionFailed = (
    <p className="status status-error" role="alert">
      {t.regionFailed}
    </p>
  );
  const panel = selected ? (
    <ActorPanel dataset={dataset} actorId={selected.id} />
  ) : programme ? (
    <ProgrammePanel programme={programme} dataset={dataset} />
  ) : openPlace ? (
    <PlacePanel
      title={t.placeOccupants(openPlace.members.length)}
      members={openPlace.members}
      sharedPlace
      dataset={dataset}
    />
  ) : openGroup ? (
    <PlacePanel
      title={t.groupMembers(openGroup.members.length)}
      members={openGroup.members}
      sharedPlace={false}
      dataset={dataset}
    />
  ) : null;

  const sidebar = ready ? (
    <div
      className={`sidebar ${narrowView === 'map' ? 'is-narrow-hidden' : ''} ${tab === 'stats' && !embed ? 'is-stats' : ''}`}
    >
      <UrlNotices
        notices={urlNotices}
        missingActor={Boolean(selectedId && !selected)}
        removedFilters={removedFilters}
      />
      <DataStatus query={query} confirmation={confirmation} />
      {/* Each region fails on its own: a broken filter panel leaves the list and the map working. */}
      <RegionErrorBoundary fallback={regionFailed}>
        <div className="finder">
          <SearchBox />
          {!embed && (
            <>
              <FilterPanel dataset={dataset} results={results} />
              <YearControl range={dataset.yearRange} />
            </>
          )}
        </div>
        <div className="finder-status">
          <ActiveFilters dataset={dataset} />
          <ResultSummary results={results} dataset={dataset} />
        </div>
      </RegionErrorBoundary>
      {embed ? (
        <RegionErrorBoundary fallback={regionFailed}>
          <ActorList dataset={dataset} results={results} selectedId={selected?.id ?? null} />
        </RegionErrorBoundary>
      ) : (
        <SidebarTabs>
          <RegionErrorBoundary fallback={regionFailed}>
            {tab === 'stats' ? (
              <StatisticsView dataset={dataset} />
            ) : (
              <ActorList dataset={dataset} results={results} selectedId={selected?.id ?? null} />
            )}
          </RegionErrorBoundary>
        </SidebarTabs>
      )}
    </div>
  ) : (
    <div className="sidebar">
      <UrlNotices notices={urlNotices} missingActor={false} />
      <DataStatus query={query} confirmation={confirmation} />
    </div>
  );

  return (
    <>
      {sidebar}
      <div
        className={`map-area ${narrowView === 'list' ? 'is-narrow-hidden' : ''}`}
        aria-busy={focusQuery.isFetching}
      >
        <MapRegion
          dataset={dataset}
          onMap={onMap}
          busy={results.busy}
          initialBounds={initialBounds}
          selectedPlace={selected ? placeOfActor(selectedIndex) : (openPlace?.place ?? null)}
          hoveredPlace={hoveredPlace}
          onSelectPlace={onSelectPlace}
          onHoverPlace={onHoverPlace}
          onOpenCluster={onOpenCluster}
          resultBounds={initialBounds}
          focusModel={focusModel}
          showRelations={showRelations}
          focusBounds={focusBounds}
          onSelectActor={onSelectActorById}
        />
      </div>
      {ready && (
        <nav className="narrow-toggle" aria-label={t.viewToggle}>
          {(['list', 'map'] as const).map((view) => (
            <button
              key={view}
              type="button"
              className="button"
              aria-pressed={narrowView === view}
              onClick={() => setNarrowView(view)}
            >
              {view === 'list' ? t.viewList : t.viewMap}
            </button>
          ))}
        </nav>
      )}
      {panel && (
        <SidePanel
          labelledBy={
            selected
              ? 'actor-panel-heading'
              : programme
                ? 'programme-panel-heading'
                : 'place-panel-heading'
          }
          onClose={selected ? closeActor : programme ? closeProgramme : () => setOpenPlace(null)}
        >
          <RegionErrorBoundary fallback={<p className="status status-error">{t.regionFailed}</p>}>
            {panel}
          </RegionErrorBoundary>
        </SidePanel>
      )}
    </>
  );
}
