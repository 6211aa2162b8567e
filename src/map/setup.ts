/**
 * The one place MapLibre is configured. MapLibre 6 is ESM and loads its worker from a separate
 * file: without setWorkerUrl a built app never fires `load`.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);

export * as maplibregl from 'maplibre-gl';
