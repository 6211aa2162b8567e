import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { vi } from 'vitest';
import { LocalBackend, type ResultRequest } from '@/data/backend.ts';
import { App } from '@/app/app.tsx';
import { Providers } from '@/app/providers.tsx';
import { datasetHandler, snapshotHandler, type Scenario } from '../../mocks/handlers.ts';
import { snapshotOf } from '../../scripts/lib/snapshot.ts';
import { server } from '../../mocks/node.ts';
import { dataset, feature } from '../fixtures/make-dataset.ts';

export const FIXTURE = dataset([
  feature({
    id: 'park',
    name: 'Testparken',
    kind: 'science-park',
    coordinates: [17.6, 59.2],
    municipality: 'sodertalje',
    relations: [{ type: 'owned-by', target: 'town', sources: ['test-source'] }],
    programmes: [{ programme: 'test-programme', role: 'owner', sources: ['test-source'] }],
    extra: { website: { url: 'https://example.org/', sources: ['test-source'] } },
  }),
  feature({
    id: 'town',
    name: 'Teststaden',
    kind: 'public-body',
    coordinates: [17.6, 59.2],
    municipality: 'sodertalje',
  }),
  feature({
    id: 'lab',
    name: 'Åkerlabbet',
    kind: 'research-infrastructure',
    coordinates: [18.0, 59.35],
    municipality: 'solna',
  }),
  feature({
    id: 'fund',
    name: 'Fonden',
    kind: 'funder',
    coordinates: null,
    description: { sv: 'Bara svenska.' },
  }),
]);

/**
 * Renders the whole app against the msw scenario, with a fresh QueryClient per test. The dataset
 * has no summary snapshot, except in the scenario about one.
 */
export function renderApp(scenario: Scenario = 'ok', body: () => unknown = () => FIXTURE) {
  server.use(
    datasetHandler(scenario, body as () => never),
    snapshotHandler(scenario === 'overview-only' ? () => snapshotOf(JSON.stringify(body())) : null),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <Providers client={client}>
      <App />
    </Providers>,
  );
}

/**
 * Waits until the address bar shows the app's state: the app writes it in the task after the
 * frame that shows a change (src/app/url-store.ts).
 */
export const addressBarWritten = () =>
  act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

/**
 * Holds the backend's answers to the requests `held` picks until `release` is called; `restore`
 * puts the backend back (call both in a `finally`).
 */
export function holdAnswers(held: (request: ResultRequest) => boolean) {
  const results = LocalBackend.prototype.results;
  let release!: () => void;
  const gate = new Promise<void>((done) => (release = done));
  const spy = vi.spyOn(LocalBackend.prototype, 'results').mockImplementation(async function (
    this: LocalBackend,
    request,
  ) {
    if (held(request)) await gate;
    return results.call(this, request);
  });
  return { release, restore: () => spy.mockRestore() };
}
