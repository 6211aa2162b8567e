import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { RegionErrorBoundary } from '@/app/error-boundary.tsx';
import { config } from '@/app/config.ts';
import { firstScreen } from '@/app/first-screen.ts';
import { setUrlState, getUrlState, useUrlState } from '@/app/url-store.ts';
import { useUiStore } from '@/app/ui-store.ts';
import { getBackend } from '@/data/create-backend.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import type { ResultPlaces } from '@/domain/places.ts';
import type { BBox } from '@/domain/region.ts';
import type { MapViewState } from '@/domain/url-state.ts';
import { useLang, useMessages } from '@/i18n/i18n.ts';
import { warmUpGpu } from '@/map/gpu-warm-up.ts';
import { mayHaveWebGL2 } from '@/map/webgl.ts';
import { Legend } from '@/features/legend/legend.tsx';
import { RelationsLegend } from '@/features/relations/relations-legend.tsx';
import type { FocusModel } from '@/domain/focus.ts';
import { PALETTE } from '@/domain/palette.ts';
import { useTypingHold } from './use-typing-hold.ts';

/**
 * The map chunk (MapLibre included) is split off and fetched at start-up, beside the data. The map
 * is not created before the GPU warm-up has ended (see gpu-warm-up.ts), which bounds the wait.
 */
export const loadMapView = () =>
  Promise.all([import('@/map/map-view.tsx'), warmUpGpu()]).then(([view]) => view);
const MapView = lazy(loadMapView);

interface MapRegionProps {
  dataset: DatasetView;
  /** The result set, counted per place. */
  onMap: ResultPlaces;
  /** True while a new result set is on its way: the map still shows the previous one. */
  busy: boolean;
  initialBounds: BBox | null;
  selectedPlace: number | null;
  hoveredPlace: number | null;
  onSelectPlace: (place: number) => void;
  onHoverPlace: (place: number | null) => void;
  onOpenCluster: (places: number[]) => void;
  /** Bounds of the current results, for "zoom to the results". */
  resultBounds: BBox | null;
  focusModel: FocusModel | null;
  focusBounds: BBox | null;
  showRelations: boolean;
  onSelectActor: (actorId: string) => void;
}

const reducedMotionQuery = () =>
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function MapRegion(props: MapRegionProps) {
  const t = useMessages();
  const lang = useLang();
  const [webglApi] = useState(mayHaveWebGL2);
  const status = useUiStore((s) => s.mapStatus);
  const setStatus = useUiStore((s) => s.setMapStatus);
  const fallback = useUiStore((s) => s.basemapFallback);
  const setFallback = useUiStore((s) => s.setBasemapFallback);
  const focus = useUiStore((s) => s.mapFocus);
  const requestMapFocus = useUiStore((s) => s.requestMapFocus);
  const kinds = props.dataset.vocab.kinds;
  const q = useUrlState((s) => s.q);
  // props.onMap already comes in a render after the list's (see Workspace in app.tsx).
  const onMap = useTypingHold(props.onMap, q);
  const searchPending = useUiStore((s) => s.searchPending);
  const epoch = useUiStore((s) => s.mapEpoch);
  // The view the map opens with (it is read once per map instance; afterwards the map owns its camera).
  const initialView = getUrlState().view;

  const setViewBounds = useUiStore((s) => s.setViewBounds);
  const onViewChange = useCallback(
    (view: MapViewState, bounds: BBox) => {
      setViewBounds(bounds);
      setUrlState({ view }, 'replace');
    },
    [setViewBounds],
  );
  const onReady = useCallback(() => setStatus('ready'), [setStatus]);
  // The data worker puts off its work after load until the first actors are drawn, or the map
  // has failed (the list is then the first screen): it would take a core from the drawing. So
  // does the page's own work that can wait (first-screen.ts).
  const catchUp = useCallback(() => {
    void getBackend().catchUp();
    firstScreen.drawn();
  }, []);
  const onFailure = useCallback(
    (reason: 'context-lost' | 'error' | 'no-webgl') => {
      setStatus(reason === 'no-webgl' ? 'no-webgl' : 'failed');
      catchUp();
    },
    [setStatus, catchUp],
  );
  const loaded = props.dataset.actorCount > 0;
  useEffect(() => {
    if (loaded && !webglApi) catchUp();
  }, [loaded, webglApi, catchUp]);

  const notice =
    !webglApi || status === 'no-webgl' ? t.noWebgl : status === 'failed' ? t.mapFailed : null;

  return (
    <section
      className="map-region"
      aria-label={t.mapLabel}
      aria-busy={props.busy || onMap.holding || searchPending}
    >
      {notice ? (
        <div className="map-notice" role="note">
          <p>{notice}</p>
        </div>
      ) : (
        // Until the map has drawn its basemap, the frame shows the land's colour (most of the
        // opening view) rather than white, then the map's empty sea-blue frame.
        <div
          className="map-frame"
          data-map-status={status}
          style={{ backgroundColor: PALETTE.land }}
        >
          {status === 'ready' && (
            <div className="map-tools">
              {props.resultBounds && (
                <button
                  type="button"
                  className="button"
                  onClick={() => props.resultBounds && requestMapFocus(props.resultBounds, 12)}
                >
                  {t.zoomToResults}
                </button>
              )}
              {props.focusModel && (
                <RelationsLegend
                  focus={props.focusModel}
                  onFit={() => props.focusBounds && requestMapFocus(props.focusBounds, 12)}
                />
              )}
            </div>
          )}
          <RegionErrorBoundary
            fallback={
              <div className="map-notice" role="note">
                <p>{t.mapFailed}</p>
              </div>
            }
          >
            {
              <Suspense fallback={<p className="status">{t.loadingMap}</p>}>
                <MapView
                  key={`${lang}-${epoch}`}
                  places={props.dataset.places}
                  onMap={onMap.value}
                  columns={props.dataset.columns}
                  kinds={kinds}
                  selectedPlace={props.selectedPlace}
                  hoveredPlace={props.hoveredPlace}
                  initialView={initialView}
                  initialBounds={props.initialBounds}
                  focus={focus}
                  onlineStyleUrl={config.onlineStyleUrl}
                  reducedMotion={reducedMotionQuery()}
                  locale={t.mapLocale}
                  onSelectPlace={props.onSelectPlace}
                  onHoverPlace={props.onHoverPlace}
                  onOpenCluster={props.onOpenCluster}
                  focusModel={props.focusModel}
                  showRelations={props.showRelations}
                  onSelectActor={props.onSelectActor}
                  onViewChange={onViewChange}
                  onReady={onReady}
                  onActorsDrawn={catchUp}
                  onFailure={onFailure}
                  onBasemapFallback={setFallback}
                />
              </Suspense>
            }
          </RegionErrorBoundary>
        </div>
      )}
      {fallback && (
        <p className="status status-warn" role="status">
          {t.basemapFallback}
        </p>
      )}
      <div className="map-aside">
        <Legend dataset={props.dataset} />
        <p className="map-help">{t.mapKeyboardHelp}</p>
      </div>
    </section>
  );
}
