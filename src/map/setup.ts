/**
 * The one place MapLibre is configured. MapLibre 6 is ESM and loads its worker from a separate
 * file: without setWorkerUrl a built app never fires `load`.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
// This module loads at start-up (main.tsx), in parallel with the dataset: start MapLibre's
// worker now, so fetching and compiling its 520 kB script is not on the way to the first map.
prewarm();

export * as maplibregl from 'maplibre-gl';
