/**
 * The map: a leaf component that takes plain props (places, selection, callbacks) and owns its
 * camera. It is uncontrolled: the app tells it where to go through `focus` (tagged with a sequence
 * number), and hears where the user went through `onViewChange`, so map and state never fight.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import type {
  MapLayerMouseEvent,
  MapLibreEvent,
  Map as MapLibreMap,
  MapSourceDataEvent,
  StyleSpecification,
} from 'maplibre-gl';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import Map, {
  Layer,
  NavigationControl,
  ScaleControl,
  Source,
  useMap,
  type MapRef,
} from 'react-map-gl/maplibre';
import type { KindEntry } from '@/data/schema.ts';
import type { FocusModel } from '@/domain/focus.ts';
import {
  CLUSTER_OPTIONS,
  clusterPlaces,
  clusteringToGeoJSON,
  sameFeatures,
  type ClusterFeatureCollection,
  type Clustering,
} from '@/domain/cluster.ts';
import { COLOCATED_ICON, kindIcon, type PlaceIndex, type ResultPlaces } from '@/domain/places.ts';
import { HOME_VIEW, OVERVIEW_BBOX, type BBox } from '@/domain/region.ts';
import type { MapViewState } from '@/domain/url-state.ts';
import {
  BASEMAP_LAYER_IDS,
  TOWNS_SOURCE,
  TOWN_LABELS_LAYER,
  embeddedStyle,
} from './basemap-style.ts';
import {
  INTERACTIVE_LAYERS,
  PLACES_SOURCE,
  clusterCountLayer,
  clusterLayer,
  placeHighlightLayer,
  placeLabelLayer,
  placeLayer,
} from './layers.ts';
import {
  FOCUS_LINES,
  FOCUS_POINTS,
  focusGeoJSON,
  focusLineLayers,
  focusPointLayers,
} from './focus-layers.ts';
import { registerMap } from './map-image.ts';
import { addTownLabels } from './town-labels.ts';
import { WARM_UP_SOURCE, warmMarkerProgram } from './program-warm-up.ts';
import { markerFor, type MarkerImage } from './marker-images.ts';
import { maplibregl } from './setup.ts';
import { skipUnusedSkyAlways } from './skip-unused-sky.ts';
import { fadeLabelsOnlyWhileMoving, labelFadeOf } from './label-placement-while-moving.ts';
import { isNoWebGLError } from './webgl.ts';

export interface MapFocus {
  /** [west, south, east, north]; a point is a box of zero size. */
  bounds: BBox;
  /** Increments on every request, so asking twice for the same place still moves the map. */
  seq: number;
  maxZoom?: number;
}

export interface MapViewProps {
  /** Every place of the dataset (built once). */
  places: PlaceIndex;
  /** The result set, counted per place; a new object for each new result set. */
  onMap: ResultPlaces;
  /** Names and kinds per actor, for single-actor markers. */
  columns: { names: readonly string[]; kinds: readonly string[] };
  kinds: ReadonlyMap<string, KindEntry>;
  selectedPlace: number | null;
  hoveredPlace: number | null;
  initialView: MapViewState | null;
  /** Used when there is no initial view: the map opens fitted to these bounds. */
  initialBounds: BBox | null;
  focus: MapFocus | null;
  /** Optional online style; the embedded basemap takes over if it fails. */
  onlineStyleUrl?: string;
  reducedMotion: boolean;
  /** MapLibre's own control labels ("Map.Title", "NavigationControl.ZoomIn", …) in the UI language. */
  locale: Record<string, string>;
  onSelectPlace: (place: number) => void;
  onHoverPlace: (place: number | null) => void;
  /** A cluster was clicked: its places, so the app can list its members. */
  onOpenCluster: (places: number[]) => void;
  /** The open actor's or programme's ties, brought forward; the rest of the map is dimmed. */
  focusModel: FocusModel | null;
  showRelations: boolean;
  /** A tied actor's marker was clicked. */
  onSelectActor: (actorId: string) => void;
  onViewChange: (view: MapViewState, bounds: BBox) => void;
  onReady: () => void;
  /** The first time the map went idle with actors drawn. */
  onActorsDrawn: () => void;
  /** 'no-webgl': MapLibre could not get a WebGL 2 context; the page shows the list instead. */
  onFailure: (reason: 'context-lost' | 'error' | 'no-webgl') => void;
  onBasemapFallback: () => void;
}

const PADDING = 48;
const EMPTY_COLLECTION = { type: 'FeatureCollection' as const, features: [] };

/** The view plus half a view on each side: panning that far needs no new clustering. */
function padded([w, s, e, n]: BBox): BBox {
  const dx = (e - w) / 2;
  const dy = (n - s) / 2;
  return [w - dx, s - dy, e + dx, n + dy];
}
const contains = (outer: BBox, inner: BBox) =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

/**
 * Room around fitted bounds: the top-left corner carries the map's own tools (and, with an actor
 * or programme open, the relations key), and tied actors may sit on a ring outside the bounds.
 */
function fitPadding(width: number, withOverlay: boolean) {
  const ring = 56;
  return {
    top: 60 + ring,
    right: ring + 20,
    bottom: ring + 40,
    left: withOverlay ? Math.min(320, width * 0.4) : ring + 20,
  };
}
/** A place of two actors: the marker layer then draws both its icon and its text. */
/** Marks for the tests and the benchmark: the actors' data read by MapLibre; the map's `load`; the
 * first idle map with actors on it. */
const ACTORS_IN_MAP_MARK = 'aktorskartan:actors-in-map';
const MAP_LOADED_MARK = 'aktorskartan:map-loaded';
const ACTORS_DRAWN_MARK = 'aktorskartan:actors-drawn';
/** The map idle again after that work: town names drawn, the marker program compiled. */
const AT_REST_MARK = 'aktorskartan:map-at-rest';
const WARM_UP_MARKER = { cluster: false, place: -1, placeId: '', count: 2, icon: COLOCATED_ICON };
const FOCUS_LINE_LAYERS = focusLineLayers();
const FOCUS_POINT_LAYERS = focusPointLayers();
const FOCUS_MARKERS_LAYER = 'focus-markers';
const interactiveLayers = [...INTERACTIVE_LAYERS, FOCUS_MARKERS_LAYER];
/** How long an online style may take before the embedded one replaces it. */
const ONLINE_STYLE_TIMEOUT_MS = 8000;
/**
 * Without an alpha channel the canvas is an opaque layer to the browser's compositor, which then
 * need not blend it over the page in every frame the page draws (about 7 ms of each list or
 * search-box frame under software rendering). Only for the embedded basemap, whose background
 * layer covers the whole canvas; an online style may leave parts of it transparent. MapLibre as
 * published forces alpha on: the build's patch (scripts/lib/maplibre-canvas-alpha-patch.ts)
 * honours this, the dev server ignores it and draws the same pixels.
 */
const OPAQUE_CANVAS = { alpha: false } as const;
/** Town names wait for the first actors to be drawn, but no longer than this after `load`. */
const TOWNS_AT_LATEST_MS = 3000;

export default function MapView(props: MapViewProps) {
  const {
    places,
    onMap,
    columns,
    kinds,
    selectedPlace,
    hoveredPlace,
    focus,
    reducedMotion,
    onSelectPlace,
    onHoverPlace,
    onOpenCluster,
    focusModel,
    showRelations,
    onSelectActor,
    onViewChange,
    onReady,
    onActorsDrawn,
    onFailure,
    onBasemapFallback,
  } = props;
  const mapRef = useRef<MapRef>(null);
  const embedded = useMemo(() => embeddedStyle(document.baseURI), []);
  const [style, setStyle] = useState<string | StyleSpecification>(props.onlineStyleUrl || embedded);
  const usingOnline = typeof style === 'string';
  const [loaded, setLoaded] = useState(false);
  const [created, setCreated] = useState(false);
  const [pointer, setPointer] = useState(false);
  // The grid the results are clustered on: the zoom level and an area around the view. It
  // changes when the zoom crosses a whole level or the view leaves the area, not on every frame.
  const [grid, setGrid] = useState<{ zoom: number; bounds: BBox } | null>(null);
  const updateGrid = useCallback(() => {
    const map = mapRef.current;
    if (!map) return;
    const zoom = Math.floor(map.getZoom());
    const b = map.getBounds();
    const view: BBox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    setGrid((current) =>
      current && current.zoom === zoom && contains(current.bounds, view)
        ? current
        : { zoom, bounds: padded(view) },
    );
  }, []);
  const reducedMotionRef = useRef(reducedMotion);
  useEffect(() => {
    reducedMotionRef.current = reducedMotion;
  }, [reducedMotion]);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
      registerMap(null);
    },
    [],
  );
  // Town names follow the first actors (see townLabels): once due, they stay due, also for the
  // embedded style coming back after an online one failed.
  const towns = useRef({ due: false, timer: 0 });
  const showTowns = useCallback((map: MapLibreEvent['target']) => {
    towns.current.due = true;
    window.clearTimeout(towns.current.timer);
    addTownLabels(map, document.baseURI);
  }, []);
  useEffect(() => () => window.clearTimeout(towns.current.timer), []);
  const clustering = useMemo<Clustering | null>(
    () => (grid ? clusterPlaces(places, onMap, grid) : null),
    [places, onMap, grid],
  );
  const clusteringRef = useRef(clustering);
  useEffect(() => {
    clusteringRef.current = clustering;
  }, [clustering]);
  const data = useMemo(
    () => (clustering ? clusteringToGeoJSON(clustering, places, onMap, columns) : EMPTY_COLLECTION),
    [clustering, places, onMap, columns],
  );
  // Counts the actor data handed to the map, so the benchmark can tell which data an idle map shows.
  const dataVersion = useRef(0);
  const drawing = useRef({ features: 0, reported: false, report: onActorsDrawn });
  useEffect(() => {
    drawing.current.report = onActorsDrawn;
  }, [onActorsDrawn]);
  // The bounds the map opened fitted to, until the reader or the app moves the camera. The page
  // around the map can still change its size after the fit (the legend fills in when the data's
  // kinds arrive: 779 → 700 px tall on a desktop screen); MapLibre then keeps the centre and
  // zoom, and actors near the top and bottom edges fell outside the view in about one opening of
  // six. Fitted again on each resize until the camera is someone's.
  const openingFit = useRef<BBox | null>(props.initialView === null ? props.initialBounds : null);
  // The markers need not wait for the basemap's `load`: the opening view is clustered as soon as
  // the map exists (see MapCreated), so the actors' source is read by MapLibre's worker alongside
  // the basemap's first tiles rather than after them.
  const mapCreated = useCallback(
    (map: MapLibreMap) => {
      setCreated(true);
      skipUnusedSkyAlways(map);
      fadeLabelsOnlyWhileMoving(map, () => reducedMotionRef.current);
      // A gesture (drag, wheel, keys) carries the event that caused it; the app's own moves
      // clear the opening fit where they are made.
      map.on('movestart', (event: { originalEvent?: unknown }) => {
        if (event.originalEvent) openingFit.current = null;
      });
      map.on('resize', () => {
        if (openingFit.current) fitOpening(map, openingFit.current);
      });
      updateGrid();
      const onData = (event: MapSourceDataEvent) => {
        if (event.sourceId !== PLACES_SOURCE || event.sourceDataType !== 'metadata') return;
        if (drawing.current.features === 0) return;
        map.off('sourcedata', onData);
        performance.mark(ACTORS_IN_MAP_MARK);
      };
      map.on('sourcedata', onData);
    },
    [updateGrid],
  );
  // At commit, not after it: the version then tells which render handed the map its data.
  const handed = useRef<ResultPlaces | null>(null);
  const lastData = useRef<ClusterFeatureCollection | null>(null);
  useLayoutEffect(() => {
    drawing.current.features = data.features.length;
    dataVersion.current += 1;
    handed.current = onMap;
    const unchanged = lastData.current !== null && sameFeatures(lastData.current, data);
    lastData.current = data;
    // react-map-gl skips setData for data equal to the last, and nothing is drawn again: a
    // repaint then ends in an `idle` the log can pair with this version. New data is drawn when
    // MapLibre's worker has tiled it; a repaint asked for here drew the old data once more
    // first, a whole map frame beside the list's (filter click → map settled, alternating
    // runs: 200 → 175 ms at 10,000 actors, 205 → 182 ms on the shipped data).
    if (unchanged) mapRef.current?.getMap().triggerRepaint();
  }, [data, onMap]);

  // Kept in refs so that MapLibre's long-lived listeners always see the latest props.
  const viewChangeRef = useRef(onViewChange);
  const hasFocusRef = useRef(focusModel !== null);
  useEffect(() => {
    hasFocusRef.current = focusModel !== null;
  }, [focusModel]);
  useEffect(() => {
    viewChangeRef.current = onViewChange;
  });

  const fallBack = useCallback(() => {
    if (typeof style !== 'string') return;
    setStyle(embedded);
    onBasemapFallback();
  }, [style, embedded, onBasemapFallback]);

  useEffect(() => {
    if (!usingOnline) return;
    const timer = window.setTimeout(fallBack, ONLINE_STYLE_TIMEOUT_MS);
    return () => window.clearTimeout(timer);
  }, [usingOnline, fallBack]);

  const reportView = useCallback(() => {
    const map = mapRef.current;
    if (!map) return;
    const c = map.getCenter();
    const b = map.getBounds();
    viewChangeRef.current({ longitude: c.lng, latitude: c.lat, zoom: map.getZoom() }, [
      b.getWest(),
      b.getSouth(),
      b.getEast(),
      b.getNorth(),
    ]);
  }, []);

  const handleLoad = useCallback(
    (event: MapLibreEvent) => {
      const map = event.target;
      map.getCanvas().addEventListener('webglcontextlost', () => {
        // Removing the map (on unmount, or a language switch) releases the context on purpose:
        // by then the container has left the page, and that is no failure.
        if (map.getContainer().isConnected) onFailure('context-lost');
      });
      performance.mark(MAP_LOADED_MARK);
      exposeTestHook(map, dataVersion, handed);
      map.on('idle', () => {
        const d = drawing.current;
        if (d.reported || d.features === 0) return;
        d.reported = true;
        performance.mark(ACTORS_DRAWN_MARK);
        // The actors often come with the basemap, so this idle is the map's load: what follows
        // (the data worker's put-off work, town names, the marker program, the service worker)
        // waits two frames, until the frame that shows the map is on its way. Started here, it
        // held that frame back under software rendering (10,000 actors: up to 0.9 s).
        afterNextFrame(() => {
          if (!alive.current) return;
          d.report();
          showTowns(map);
          // Listening before the warm-up does, so the idle that removes its marker (and redraws)
          // is not yet the map at rest.
          markAtRest(map);
          warmMarkerProgram(map, placeLayer, WARM_UP_MARKER);
        });
      });
      map.on('style.load', () => {
        if (towns.current.due) addTownLabels(map, document.baseURI);
      });
      towns.current.timer = window.setTimeout(() => showTowns(map), TOWNS_AT_LATEST_MS);
      registerMap(map);
      setLoaded(true);
      updateGrid();
      reportView();
      onReady();
    },
    [onFailure, onReady, reportView, updateGrid, showTowns],
  );

  const handleError = useCallback(
    (event: { error?: Error }) => {
      // An unreachable online style or its tiles: hand over to the embedded basemap.
      if (usingOnline) {
        fallBack();
        return;
      }
      if (isNoWebGLError(event.error)) {
        onFailure('no-webgl');
        return;
      }
      if (!loaded) onFailure('error');
      console.warn('map error', event.error?.message);
    },
    [usingOnline, fallBack, loaded, onFailure],
  );

  // The map opens before the data has come (it starts in parallel with it). Without a view in
  // the link, it is fitted once to the first actors it gets, at once, as if it had opened there.
  const fitted = useRef(props.initialView !== null || props.initialBounds !== null);
  const { initialBounds } = props;
  // As soon as the map exists, not only at its load: actors that came after this view mounted
  // but before react-map-gl made the map were fitted at the load, after the first tiles had been
  // read for the unfitted view.
  useEffect(() => {
    const map = mapRef.current;
    if (fitted.current || !map || !created || !initialBounds) return;
    fitted.current = true;
    openingFit.current = initialBounds;
    fitOpening(map.getMap(), initialBounds);
    updateGrid();
  }, [initialBounds, created, updateGrid]);

  // feature-state for selection and hover: cheap, no data re-upload.
  useFeatureState(mapRef, loaded, selectedPlace, 'selected', data);
  useFeatureState(mapRef, loaded, hoveredPlace, 'hover', data);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !focus) return;
    openingFit.current = null;
    const [w, s, e, n] = focus.bounds;
    const duration = reducedMotion ? 0 : 800;
    if (w === e && s === n) {
      map.flyTo({
        center: [w, s],
        zoom: Math.max(map.getZoom(), focus.maxZoom ?? 11),
        duration,
        essential: false,
      });
    } else {
      map.fitBounds([w, s, e, n], {
        padding: fitPadding(map.getContainer().clientWidth, hasFocusRef.current),
        maxZoom: focus.maxZoom ?? 13,
        duration,
      });
    }
  }, [focus, loaded, reducedMotion]);

  const dim = focusModel !== null;
  const layers = useMemo(() => {
    const fade = (opacity: number) => (dim ? opacity : 1);
    return {
      cluster: {
        ...clusterLayer,
        paint: {
          ...clusterLayer.paint,
          'circle-opacity': fade(0.3),
          'circle-stroke-opacity': fade(0.3),
        },
      },
      clusterCount: {
        ...clusterCountLayer,
        paint: { ...clusterCountLayer.paint, 'text-opacity': fade(0.4) },
      },
      place: {
        ...placeLayer,
        paint: { ...placeLayer.paint, 'icon-opacity': fade(0.3), 'text-opacity': fade(0.4) },
      },
      placeLabel: {
        ...placeLabelLayer,
        paint: { ...placeLabelLayer.paint, 'text-opacity': fade(0) },
      },
    };
  }, [dim]);

  const handleClick = useCallback(
    (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const map = mapRef.current;
      if (!feature || !map) return;
      if (feature.layer.id === FOCUS_MARKERS_LAYER) {
        onSelectActor(String(feature.properties.id));
        return;
      }
      if (feature.layer.id === clusterLayer.id) {
        const current = clusteringRef.current;
        const index = Number(feature.properties.item);
        const item = current?.items[index];
        if (!current || !item) return;
        // Zoom until the cluster's places fit the view: at least one level, at most to where
        // clustering stops.
        openingFit.current = null;
        const [w, s, e, n] = item.bounds;
        const camera = map.cameraForBounds([w, s, e, n], { padding: PADDING });
        const zoom = Math.min(
          Math.max(camera?.zoom ?? 0, map.getZoom() + 1),
          CLUSTER_OPTIONS.maxZoom + 1,
        );
        map.easeTo({
          center: camera?.center ?? [item.lon, item.lat],
          zoom,
          duration: reducedMotion ? 0 : 500,
        });
        onOpenCluster(current.placesOf(index));
        return;
      }
      onSelectPlace(Number(feature.properties.place));
    },
    [onSelectPlace, onOpenCluster, onSelectActor, reducedMotion],
  );

  const handleMouseMove = useCallback(
    (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const place =
        feature && feature.layer.id === placeLayer.id ? Number(feature.properties.place) : null;
      setPointer(Boolean(feature));
      onHoverPlace(place);
    },
    [onHoverPlace],
  );

  const [west, south, east, north] = OVERVIEW_BBOX;
  const initialViewState = props.initialView
    ? props.initialView
    : props.initialBounds
      ? {
          bounds: props.initialBounds as [number, number, number, number],
          fitBoundsOptions: { padding: PADDING, maxZoom: 11 },
        }
      : HOME_VIEW;

  return (
    <Map
      ref={mapRef}
      mapLib={maplibregl}
      mapStyle={style}
      initialViewState={initialViewState}
      maxBounds={[west, south, east, north]}
      minZoom={3}
      // Positions are at best site-precise: zooming closer would suggest accuracy the data lacks.
      maxZoom={14.5}
      // The actor layers change with every filter and keystroke: a 300 ms label fade after each
      // change would keep the map a step behind the list (and busy rendering) for no gain.
      fadeDuration={0}
      // Read once, when the map is made: an online style that fails later keeps its alpha.
      canvasContextAttributes={props.onlineStyleUrl ? undefined : OPAQUE_CANVAS}
      dragRotate={false}
      pitchWithRotate={false}
      touchPitch={false}
      interactiveLayerIds={interactiveLayers}
      cursor={pointer || hoveredPlace !== null ? 'pointer' : 'grab'}
      onLoad={handleLoad}
      onError={handleError}
      onClick={handleClick}
      onMouseMove={handleMouseMove}
      onMouseLeave={() => onHoverPlace(null)}
      onMove={updateGrid}
      onMoveEnd={() => {
        updateGrid();
        reportView();
      }}
      style={{ width: '100%', height: '100%' }}
      attributionControl={{ compact: false }}
      // Names the canvas and the controls in the UI language; the canvas is focusable for MapLibre's keyboard controls.
      locale={props.locale}
    >
      <MapCreated onCreated={mapCreated} />
      <NavigationControl showCompass={false} position="top-right" />
      <ScaleControl position="bottom-left" />
      <MarkerImages kinds={kinds} />
      {/* Clustered here (domain/cluster.ts), not by MapLibre: only what is in view is uploaded. */}
      <Source id={PLACES_SOURCE} type="geojson" data={data}>
        <Layer {...layers.cluster} />
        <Layer {...layers.clusterCount} />
        <Layer {...placeHighlightLayer} />
        <Layer {...layers.place} />
        <Layer {...layers.placeLabel} />
      </Source>
      {focusModel && <FocusOverlay focus={focusModel} showLinks={showRelations} />}
    </Map>
  );
}

/**
 * Marks the first idle map once the start-up work (town names, the marker program) is drawn. That
 * work redraws the map a few times over the following second, and under software WebGL each
 * redraw holds the GPU process for 60–160 ms, so a click meanwhile waits for it to paint; the
 * benchmark times clicks on a map at rest (see bench/browser/browser-metrics.ts).
 */
function markAtRest(map: MapLibreMap) {
  const check = () => {
    if (map.getSource(TOWNS_SOURCE) && !map.isSourceLoaded(TOWNS_SOURCE)) return;
    if (map.getSource(WARM_UP_SOURCE)) return;
    map.off('idle', check);
    performance.mark(AT_REST_MARK);
  };
  map.on('idle', check);
}

/** The opening view: the first actors' bounds, at once. */
function fitOpening(map: MapLibreMap, [w, s, e, n]: BBox) {
  map.fitBounds([w, s, e, n], { padding: PADDING, maxZoom: 11, animate: false });
}

/** Runs `work` at the start of the frame after the next one: the next one has been drawn. */
function afterNextFrame(work: () => void) {
  requestAnimationFrame(() => requestAnimationFrame(work));
}

/**
 * Calls back once the MapLibre map exists, before its `load`: react-map-gl renders <Map>'s
 * children only from then on, whereas the parent's own first effects run before the map is made.
 */
function MapCreated({ onCreated }: { onCreated: (map: MapLibreMap) => void }) {
  const { current } = useMap();
  useEffect(() => {
    if (current) onCreated(current.getMap());
  }, [current, onCreated]);
  return null;
}

/**
 * The open actor's or programme's ties. A child of <Map>, so it reads the zoom straight from the
 * map: rings around shared points are sized in pixels and are laid out again after each zoom.
 */
function FocusOverlay({ focus, showLinks }: { focus: FocusModel; showLinks: boolean }) {
  const { current } = useMap();
  const [zoom, setZoom] = useState(() => Math.round((current?.getZoom() ?? 8) * 4) / 4);
  useEffect(() => {
    const map = current?.getMap();
    if (!map) return;
    const update = () => setZoom(Math.round(map.getZoom() * 4) / 4);
    map.on('zoomend', update);
    return () => {
      map.off('zoomend', update);
    };
  }, [current]);
  const data = useMemo(() => focusGeoJSON(focus, zoom, showLinks), [focus, zoom, showLinks]);
  return (
    <>
      <Source id={FOCUS_LINES} type="geojson" data={data.lines}>
        {FOCUS_LINE_LAYERS.map((layer) => (
          <Layer key={layer.id} {...layer} />
        ))}
      </Source>
      <Source id={FOCUS_POINTS} type="geojson" data={data.points}>
        {FOCUS_POINT_LAYERS.map((layer) => (
          <Layer key={layer.id} {...layer} />
        ))}
      </Source>
    </>
  );
}

/**
 * Supplies marker icons the moment MapLibre asks for them. It is a child of <Map>, so it runs as
 * soon as the map exists, before any tile is laid out: the actor layers need not wait for the
 * basemap to finish loading, and a style swap (online → embedded) is covered too.
 */
function MarkerImages({ kinds }: { kinds: ReadonlyMap<string, KindEntry> }) {
  const { current } = useMap();
  useEffect(() => {
    const map = current?.getMap();
    if (!map) return;
    const ratio = window.devicePixelRatio || 1;
    // (globalThis: `Map` here is react-map-gl's component.)
    const drawn = new globalThis.Map<string, MarkerImage>();
    const add = (id: string) => {
      if (map.hasImage(id)) return;
      const image = drawn.get(id) ?? markerFor(id, kinds, ratio);
      if (image) map.addImage(id, image, { pixelRatio: ratio });
    };
    // MapLibre 6 resolves missing images through this resolver; `styleimagemissing` listeners
    // can no longer answer the request that fired them.
    map.setMissingStyleImageResolver(add);
    // Drawn while the map waits for its tiles rather than when the first markers ask for them:
    // that was 24–37 ms inside the frame that first showed the shipped data's actors, and 44 ms
    // in a fresh browser. One icon a task from the map's creation on (an idle callback came too
    // late once the actors reach the map before the basemap), and handed to the map together at
    // the end: each addImage makes MapLibre draw a frame, 50–150 ms of software rendering.
    const ids = [COLOCATED_ICON, ...[...kinds.keys()].map(kindIcon)];
    let timer = 0;
    const next = (i: number) => {
      timer = window.setTimeout(() => {
        const id = ids[i];
        if (id === undefined) {
          ids.forEach(add);
          return;
        }
        const image = map.hasImage(id) ? null : markerFor(id, kinds, ratio);
        if (image) drawn.set(id, image);
        next(i + 1);
      }, 0);
    };
    next(0);
    return () => {
      window.clearTimeout(timer);
      map.setMissingStyleImageResolver(null);
    };
  }, [current, kinds]);
  return null;
}

/**
 * A read-only window into what the map has drawn, for the end-to-end tests and for curious
 * readers in the console: the ids of the places and clusters rendered right now.
 */
function exposeTestHook(
  map: MapLibreEvent['target'],
  dataVersion: { readonly current: number },
  handed: { readonly current: ResultPlaces | null },
) {
  const idleLog: { time: number; dataVersion: number }[] = [];
  map.on('idle', () => {
    idleLog.push({ time: performance.now(), dataVersion: dataVersion.current });
    if (idleLog.length > 100) idleLog.shift();
  });
  (window as unknown as Record<string, unknown>).aktorskartanMap = {
    /** Each time the map went idle (performance.now()), and which actor data it was showing. */
    idleLog: () => [...idleLog],
    /** The version of the actor data handed to the map most recently. */
    dataVersion: () => dataVersion.current,
    /** How many actors that data holds. */
    actorsHanded: () => {
      const r = handed.current;
      let n = 0;
      if (r) for (const place of r.list) n += r.count[place]!;
      return n;
    },
    /** Places drawn as markers, with how many actors each holds. */
    renderedPlaces: () =>
      map.queryRenderedFeatures({ layers: [placeLayer.id] }).map((f) => ({
        placeId: String(f.properties.placeId),
        count: Number(f.properties.count),
      })),
    /** Clusters drawn, with how many actors each holds. */
    renderedClusters: () =>
      map
        .queryRenderedFeatures({ layers: [clusterLayer.id] })
        .map((f) => Number(f.properties.actors)),
    /** Screen position (CSS pixels, relative to the map) of a coordinate. */
    project: (lon: number, lat: number) => {
      const p = map.project([lon, lat]);
      return { x: p.x, y: p.y };
    },
    /** Screen position of the first cluster drawn, if any. */
    firstClusterPoint: () => {
      const feature = map.queryRenderedFeatures({ layers: [clusterLayer.id] })[0];
      if (!feature) return null;
      const [lon, lat] = (feature.geometry as unknown as { coordinates: [number, number] })
        .coordinates;
      const p = map.project([lon, lat]);
      return { x: p.x, y: p.y };
    },
    /** Town names drawn by the embedded basemap. */
    townNames: () =>
      map.getLayer(TOWN_LABELS_LAYER)
        ? map
            .queryRenderedFeatures({ layers: [TOWN_LABELS_LAYER] })
            .map((f) => String(f.properties.name))
        : [],
    /** Whether MapLibre's sky pass would be drawn (see skip-unused-sky.ts). */
    /** The label fade MapLibre uses now, in ms (nonzero only while the map moves). */
    labelFade: () => labelFadeOf(map),
    drawsSky: () =>
      (map.style as unknown as { sky?: { getEvaluated(): unknown } | null }).sky?.getEvaluated() !==
      undefined,
    /** Land and lake shapes drawn by the embedded basemap, per layer. */
    basemapShapes: () =>
      Object.fromEntries(
        BASEMAP_LAYER_IDS.filter((id) => map.getLayer(id) && map.getLayer(id)?.type === 'fill').map(
          (id) => [id, map.queryRenderedFeatures({ layers: [id] }).length],
        ),
      ),
    /** The style's layers, bottom to top. */
    layerOrder: () => map.getLayersOrder(),
    /** The images the map holds (marker icons). */
    imageIds: () => map.listImages(),
    /** True when the map has nothing left to load or animate. */
    isIdle: () => map.loaded() && !map.isMoving() && map.areTilesLoaded(),
    zoom: () => map.getZoom(),
    /** The relation lines drawn: to whom, in which style. */
    focusLines: () =>
      map
        .queryRenderedFeatures({
          layers: FOCUS_LINE_LAYERS.map((l) => l.id).filter((id) => map.getLayer(id)),
        })
        .filter((f) => f.properties.style !== 'leader')
        .map((f) => ({
          to: String(f.properties.to),
          style: String(f.properties.style),
          inactive: Boolean(f.properties.inactive),
        })),
    /** The focus markers drawn: id, position, and whether each is the centre. */
    focusMarkers: () =>
      (map.getLayer(FOCUS_MARKERS_LAYER)
        ? map.queryRenderedFeatures({ layers: [FOCUS_MARKERS_LAYER] })
        : []
      ).map((f) => ({
        id: String(f.properties.id),
        centre: Boolean(f.properties.centre),
        coordinates: (f.geometry as unknown as { coordinates: [number, number] }).coordinates,
      })),
  };
}

function useFeatureState(
  mapRef: React.RefObject<MapRef | null>,
  loaded: boolean,
  placeId: number | null,
  key: 'selected' | 'hover',
  data: unknown,
) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || placeId === null) return;
    const target = { source: PLACES_SOURCE, id: placeId };
    // The source may be mid-reload after a style swap; feature-state then simply waits.
    try {
      map.setFeatureState(target, { [key]: true });
    } catch {
      return;
    }
    return () => {
      try {
        map.setFeatureState(target, { [key]: false });
      } catch {
        /* the style was replaced; nothing to clear */
      }
    };
  }, [mapRef, loaded, placeId, key, data]);
}
