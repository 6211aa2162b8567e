/**
 * msw handlers for the dataset and its failure modes, shared by the component tests (node.ts)
 * and the dev server (browser.ts, opt-in with VITE_MSW=1 and ?mock=<scenario>).
 */
import { delay, http, HttpResponse, type JsonBodyType } from 'msw';

export const DATASET_PATH = '*/data/aktorskartan.geojson';
/** The dataset's summary snapshot (src/data/summary-snapshot.ts). */
export const SNAPSHOT_PATH = '*/data/aktorskartan.summary.json';

export type Scenario =
  | 'ok'
  | 'not-found'
  | 'server-error'
  | 'network-error'
  | 'malformed'
  | 'empty'
  | 'slow'
  | 'partial'
  /** The summary snapshot loads, the full file then fails: the overview stays, with the error. */
  | 'overview-only';

/** Records that fail the schema, for the partial-data state. */
export const BROKEN_FEATURES = [
  { type: 'Feature', id: 'no-name', geometry: null, properties: { id: 'no-name' } },
  {
    type: 'Feature',
    id: 'bad-url',
    geometry: null,
    properties: { id: 'bad-url', website: 'javascript:alert(1)' },
  },
];

export function datasetHandler(scenario: Scenario, body: () => JsonBodyType) {
  return http.get(DATASET_PATH, async () => {
    switch (scenario) {
      case 'not-found':
        return new HttpResponse('Not found', { status: 404 });
      case 'server-error':
      case 'overview-only':
        return new HttpResponse('Internal error', { status: 500 });
      case 'network-error':
        return HttpResponse.error();
      case 'malformed':
        return new HttpResponse('{"type": "FeatureCollection", "features": [', {
          headers: { 'Content-Type': 'application/json' },
        });
      case 'empty':
        return new HttpResponse('', { headers: { 'Content-Type': 'application/json' } });
      case 'slow':
        await delay(20_000);
        return HttpResponse.json(body());
      case 'partial': {
        const data = body() as { features: unknown[] };
        return HttpResponse.json({ ...data, features: [...data.features, ...BROKEN_FEATURES] });
      }
      case 'ok':
        return HttpResponse.json(body());
    }
  });
}

/**
 * The summary snapshot: the text given, or none (404), as for a dataset published without one.
 * Each scenario of the full file is shown on its own unless a snapshot is given.
 */
export function snapshotHandler(text: (() => string) | null) {
  return http.get(SNAPSHOT_PATH, () =>
    text === null
      ? new HttpResponse('Not found', { status: 404 })
      : new HttpResponse(text(), { headers: { 'Content-Type': 'application/json' } }),
  );
}
