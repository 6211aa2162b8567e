import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDataset } from '@/data/load-dataset.ts';
import type { Dataset } from '@/data/dataset.ts';
import { collator } from '@/domain/collation.ts';
import { groupPlaces, placeKey, placesToGeoJSON } from '@/domain/places.ts';
import { boundsOf } from '@/domain/region.ts';
import { buildRelationIndex } from '@/domain/relations.ts';
import { ActorList } from '@/features/actor-list/actor-list.tsx';
import { ActorPanel } from '@/features/actor-panel/actor-panel.tsx';
import { DataStatus } from '@/features/data-status/data-status.tsx';
import { Header } from '@/features/header/header.tsx';
import { UrlNotices } from '@/features/header/url-notices.tsx';
import { MapRegion } from '@/features/map-region/map-region.tsx';
import { PlacePanel } from '@/features/place-panel/place-panel.tsx';
import { useLang, useMessages } from '@/i18n/i18n.ts';
import { LiveRegion } from '@/ui/live-region.tsx';
import { RegionErrorBoundary } from './error-boundary.tsx';
import { selectActor } from './selection.ts';
import { useUiStore } from './ui-store.ts';
import { canonicalizeUrl, initialUrlNotices, useUrlState } from './url-store.ts';

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

  const regionFailed = (
    <p className="status status-error" role="alert">
      {t.mapFailed}
    </p>
  );

  return (
    <>
      <a className="skip-link" href="#actor-list-heading">
        {t.skipToList}
      </a>
      <Header />
      <LiveRegion />
      <main className="layout" id="main">
        <RegionErrorBoundary fallback={regionFailed}>
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

function Loaded({
  dataset,
  urlNotices,
}: {
  dataset: Dataset;
  urlNotices: ReturnType<typeof initialUrlNotices>;
}) {
  const query = useDataset();
  const selectedId = useUrlState((s) => s.actor);
  const hoveredActorId = useUiStore((s) => s.hoveredActorId);
  const setHovered = useUiStore((s) => s.setHoveredActor);
  const openPlaceId = useUiStore((s) => s.openPlaceId);
  const setOpenPlace = useUiStore((s) => s.setOpenPlace);

  const actors = useMemo(() => {
    const c = collator('sv');
    return [...dataset.actors].sort((a, b) => c.compare(a.name, b.name));
  }, [dataset]);
  const relations = useMemo(() => buildRelationIndex(dataset.actors), [dataset]);
  const places = useMemo(() => groupPlaces(actors), [actors]);
  const placeById = useMemo(() => new Map(places.map((p) => [p.id, p])), [places]);
  const placesGeoJSON = useMemo(
    () => placesToGeoJSON(places, dataset.actorById),
    [places, dataset],
  );
  const initialBounds = useMemo(() => boundsOf(places.map((p) => p.coordinates)), [places]);

  const selected = selectedId ? dataset.actorById.get(selectedId) : undefined;
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

  return (
    <>
      <div className="sidebar">
        <UrlNotices notices={urlNotices} missingActor={Boolean(selectedId && !selected)} />
        <DataStatus query={query} />
        <ActorList dataset={dataset} actors={actors} selectedId={selected?.id ?? null} />
      </div>
      <div className="map-area">
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
        />
      </div>
      {(selected || openPlace) && (
        <aside
          className="panel"
          aria-labelledby={selected ? 'actor-panel-heading' : 'place-panel-heading'}
        >
          <RegionErrorBoundary fallback={<p className="status status-error">{selected?.name}</p>}>
            {selected ? (
              <ActorPanel actor={selected} dataset={dataset} relations={relations} />
            ) : openPlace ? (
              <PlacePanel place={openPlace} dataset={dataset} />
            ) : null}
          </RegionErrorBoundary>
        </aside>
      )}
    </>
  );
}
