import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Dataset } from '@/data/dataset.ts';
import { useDataset } from '@/data/load-dataset.ts';
import { groupPlaces, placeKey, placesToGeoJSON } from '@/domain/places.ts';
import { boundsOf } from '@/domain/region.ts';
import { actorFocus, programmeFocus } from '@/domain/focus.ts';
import { buildProgrammeIndex, buildRelationIndex } from '@/domain/relations.ts';
import { yearRange } from '@/domain/time.ts';
import { FACETS, type UrlNotice } from '@/domain/url-state.ts';
import { ActorList } from '@/features/actor-list/actor-list.tsx';
import { ActorPanel } from '@/features/actor-panel/actor-panel.tsx';
import { DataStatus } from '@/features/data-status/data-status.tsx';
import { ActiveFilters } from '@/features/filters/active-filters.tsx';
import { FilterPanel } from '@/features/filters/filter-panel.tsx';
import { Header } from '@/features/header/header.tsx';
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
import { useActorIndex, useResults } from './use-results.ts';

export function App() {
  const query = useDataset();
  const lang = useLang();
  const t = useMessages();
  const announce = useUiStore((s) => s.announce);
  const [urlNotices] = useState(initialUrlNotices);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.appTitle} – ${t.appTagline}`;
  }, [lang, t]);

  useEffect(() => canonicalizeUrl(), []);

  const count = query.data?.actors.length;
  useEffect(() => {
    if (count !== undefined) announce(t.actorsLoaded(count));
    // Announce once per load, not on language switches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, announce]);

  return (
    <>
      <a className="skip-link" href="#actor-list-heading">
        {t.skipToList}
      </a>
      <Header />
      <UpdatePrompt />
      <LiveRegion />
      <main className="layout" id="main">
        <RegionErrorBoundary
          fallback={
            <p className="status status-error" role="alert">
              {t.regionFailed}
            </p>
          }
        >
          {query.data ? (
            <Loaded dataset={query.data} urlNotices={urlNotices} />
          ) : (
            <div className="sidebar">
              <UrlNotices notices={urlNotices} missingActor={false} />
              <DataStatus query={query} />
            </div>
          )}
        </RegionErrorBoundary>
      </main>
    </>
  );
}

/** Drops filter values the dataset does not know, once, and says so. */
function useKnownFilters(facets: ReturnType<typeof useActorIndex>['facets']): boolean {
  const filters = useUrlState((s) => s.filters);
  const unknown = FACETS.some((f) => filters[f].some((v) => !facets[f].codeOf.has(v)));
  // Only a link can carry unknown values (the filter panel offers known ones), so this is decided
  // by the URL the page opened with.
  const [removed] = useState(unknown);
  useEffect(() => {
    if (!unknown) return;
    setUrlState(
      (s) => ({
        ...s,
        filters: Object.fromEntries(
          FACETS.map((f) => [f, s.filters[f].filter((v) => facets[f].codeOf.has(v))]),
        ) as unknown as typeof s.filters,
      }),
      'replace',
    );
  }, [unknown, facets]);
  return removed;
}

function Loaded({ dataset, urlNotices }: { dataset: Dataset; urlNotices: UrlNotice[] }) {
  const t = useMessages();
  const query = useDataset();
  const index = useActorIndex(dataset);
  const results = useResults(index);
  const removedFilters = useKnownFilters(index.facets);
  const selectedId = useUrlState((s) => s.actor);
  const hoveredActorId = useUiStore((s) => s.hoveredActorId);
  const setHovered = useUiStore((s) => s.setHoveredActor);
  const openPlaceId = useUiStore((s) => s.openPlaceId);
  const setOpenPlace = useUiStore((s) => s.setOpenPlace);
  const openGroup = useUiStore((s) => s.openGroup);
  const setOpenGroup = useUiStore((s) => s.setOpenGroup);
  const narrowView = useUiStore((s) => s.narrowView);
  const setNarrowView = useUiStore((s) => s.setNarrowView);

  const relations = useMemo(() => buildRelationIndex(dataset.actors), [dataset]);
  const programmeMembers = useMemo(() => buildProgrammeIndex(dataset.actors), [dataset]);
  const programmeId = useUrlState((s) => s.programme);
  const year = useUrlState((s) => s.year);
  const showRelations = useUrlState((s) => s.relations);
  const programme = programmeId ? dataset.programmeById.get(programmeId) : undefined;
  const years = useMemo(
    () =>
      yearRange(
        dataset.actors,
        dataset.programmes.map((p) => p.period),
        new Date().getFullYear(),
      ),
    [dataset],
  );
  // The map shows the result set, as the list does.
  const places = useMemo(() => groupPlaces(results.actors), [results.actors]);
  const placeById = useMemo(() => new Map(places.map((p) => [p.id, p])), [places]);
  const placesGeoJSON = useMemo(
    () => placesToGeoJSON(places, dataset.actorById),
    [places, dataset],
  );
  const initialBounds = useMemo(() => boundsOf(places.map((p) => p.coordinates)), [places]);

  const selected = selectedId ? dataset.actorById.get(selectedId) : undefined;
  // The open actor's ties, or the open programme's members, brought forward on the map.
  const focusModel = useMemo(() => {
    if (selected) return actorFocus(selected, dataset, relations, year);
    if (programme)
      return programmeFocus(programme.id, dataset, programmeMembers.get(programme.id) ?? [], year);
    return null;
  }, [selected, programme, dataset, relations, programmeMembers, year]);
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
    // A link to a programme without a map view opens fitted to the programme's members.
    const { programme: linked, view } = getUrlState();
    if (linked && !view) requestFitToFocus();
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
      const actor = dataset.actorById.get(id);
      if (actor) selectActor(actor);
    },
    [dataset],
  );
  const hovered = hoveredActorId ? dataset.actorById.get(hoveredActorId) : undefined;
  const openPlace = openPlaceId ? placeById.get(openPlaceId) : undefined;

  const onSelectPlace = useCallback(
    (placeId: string) => {
      const place = placeById.get(placeId);
      if (!place) return;
      const only =
        place.actorIds.length === 1 ? dataset.actorById.get(place.actorIds[0] ?? '') : undefined;
      if (only) selectActor(only);
      else setOpenPlace(placeId);
    },
    [placeById, dataset, setOpenPlace],
  );
  const onHoverPlace = useCallback(
    (placeId: string | null) =>
      setHovered(placeId ? (placeById.get(placeId)?.actorIds[0] ?? null) : null),
    [placeById, setHovered],
  );
  const onOpenCluster = useCallback(
    (placeIds: string[]) =>
      setOpenGroup({ actorIds: placeIds.flatMap((id) => placeById.get(id)?.actorIds ?? []) }),
    [placeById, setOpenGroup],
  );

  const regionFailed = (
    <p className="status status-error" role="alert">
      {t.regionFailed}
    </p>
  );
  const panel = selected ? (
    <ActorPanel actor={selected} dataset={dataset} relations={relations} />
  ) : programme ? (
    <ProgrammePanel
      programme={programme}
      members={programmeMembers.get(programme.id) ?? []}
      dataset={dataset}
    />
  ) : openPlace ? (
    <PlacePanel
      title={t.placeOccupants(openPlace.actorIds.length)}
      actorIds={openPlace.actorIds}
      place={openPlace}
      dataset={dataset}
    />
  ) : openGroup ? (
    <PlacePanel
      title={t.groupMembers(openGroup.actorIds.length)}
      actorIds={openGroup.actorIds}
      dataset={dataset}
    />
  ) : null;

  return (
    <>
      <div className={`sidebar ${narrowView === 'map' ? 'is-narrow-hidden' : ''}`}>
        <UrlNotices
          notices={urlNotices}
          missingActor={Boolean(selectedId && !selected)}
          removedFilters={removedFilters}
        />
        <DataStatus query={query} />
        {/* Each region fails on its own: a broken filter panel leaves the list and the map working. */}
        <RegionErrorBoundary fallback={regionFailed}>
          <div className="finder">
            <SearchBox />
            <FilterPanel dataset={dataset} results={results} />
            <YearControl range={years} />
          </div>
          <div className="finder-status">
            <ActiveFilters dataset={dataset} />
            <ResultSummary results={results} />
          </div>
        </RegionErrorBoundary>
        <RegionErrorBoundary fallback={regionFailed}>
          <ActorList dataset={dataset} results={results} selectedId={selected?.id ?? null} />
        </RegionErrorBoundary>
      </div>
      <div className={`map-area ${narrowView === 'list' ? 'is-narrow-hidden' : ''}`}>
        <MapRegion
          dataset={dataset}
          places={placesGeoJSON}
          initialBounds={initialBounds}
          selectedPlaceId={
            selected?.coordinates ? placeKey(selected.coordinates) : (openPlace?.id ?? null)
          }
          hoveredPlaceId={hovered?.coordinates ? placeKey(hovered.coordinates) : null}
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
