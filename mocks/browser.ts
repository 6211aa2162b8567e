/**
 * Dev-only: `VITE_MSW=1 npm run dev`, then open /?mock=server-error (or not-found, network-error,
 * malformed, empty, slow, partial, overview-only) to see each failure mode of the dataset request
 * in the real UI. The summary snapshot is served only for `ok` and `overview-only`: in the others
 * the full file's failure is what shows.
 */
import { setupWorker } from 'msw/browser';
import type { JsonBodyType } from 'msw';
import { datasetHandler, snapshotHandler, type Scenario } from './handlers.ts';

export async function startMocks(): Promise<void> {
  const scenario = (new URLSearchParams(window.location.search).get('mock') ?? 'ok') as Scenario;
  const real = await fetch(`${import.meta.env.BASE_URL}data/aktorskartan.geojson`).then(
    (r) => r.json() as Promise<JsonBodyType>,
  );
  const snapshot =
    scenario === 'ok' || scenario === 'overview-only'
      ? await fetch(`${import.meta.env.BASE_URL}data/aktorskartan.summary.json`).then((r) =>
          r.text(),
        )
      : null;
  const worker = setupWorker(
    datasetHandler(scenario, () => real),
    snapshotHandler(snapshot === null ? null : () => snapshot),
  );
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
