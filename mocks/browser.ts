/**
 * Dev-only: `VITE_MSW=1 npm run dev`, then open /?mock=server-error (or not-found, network-error,
 * malformed, empty, slow, partial) to see each failure mode of the dataset request in the real UI.
 */
import { setupWorker } from 'msw/browser';
import type { JsonBodyType } from 'msw';
import { datasetHandler, type Scenario } from './handlers.ts';

export async function startMocks(): Promise<void> {
  const scenario = (new URLSearchParams(window.location.search).get('mock') ?? 'ok') as Scenario;
  const real = await fetch(`${import.meta.env.BASE_URL}data/aktorskartan.geojson`).then(
    (r) => r.json() as Promise<JsonBodyType>,
  );
  const worker = setupWorker(datasetHandler(scenario, () => real));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
