import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DATASET_BYTES, fetchDataset } from '@/data/fetch-dataset.ts';
import { DatasetLoadError, retryDelay, shouldRetry } from '@/data/load-error.ts';
import { datasetHandler, type Scenario } from '../../mocks/handlers.ts';
import { server } from '../../mocks/node.ts';
import { dataset, feature } from '../fixtures/make-dataset.ts';

const URL_ = 'http://test.local/data/aktorskartan.geojson';
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const load = async (scenario: Scenario) => {
  server.use(datasetHandler(scenario, () => dataset([feature({ id: 'a' })])));
  return fetchDataset(URL_);
};

describe('fetchDataset', () => {
  it('returns the parsed dataset', async () => {
    const d = await load('ok');
    expect(d.actors.map((a) => a.id)).toEqual(['a']);
  });

  it.each([
    ['not-found', 'http', 404],
    ['server-error', 'http', 500],
    ['network-error', 'network', undefined],
    ['malformed', 'malformed', undefined],
    ['empty', 'empty', undefined],
  ] as const)('turns %s into a typed error', async (scenario, kind, status) => {
    const error = await load(scenario).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetLoadError);
    expect(error).toMatchObject({ kind, status });
  });

  it('refuses a file too large to read in one piece, with its own error kind and no retry', async () => {
    server.use(
      http.get(
        '*/data/aktorskartan.geojson',
        () =>
          new HttpResponse(null, {
            headers: { 'Content-Length': String(MAX_DATASET_BYTES + 1) },
          }),
      ),
    );
    const error = await fetchDataset(URL_).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large' });
    expect(shouldRetry(0, error as Error)).toBe(false);
  });

  it('reports a file of the wrong shape as a format error', async () => {
    server.use(
      http.get('*/data/aktorskartan.geojson', () => HttpResponse.json({ hello: 'world' })),
    );
    await expect(fetchDataset(URL_)).rejects.toMatchObject({ kind: 'format' });
  });

  it('keeps valid records and counts the broken ones', async () => {
    const d = await load('partial');
    expect(d.actors).toHaveLength(1);
    expect(d.recordCount).toBe(3);
  });
});

describe('retry policy', () => {
  it('retries server errors, dropped connections and timeouts, up to three times', () => {
    expect(shouldRetry(0, new DatasetLoadError('http', '', 503))).toBe(true);
    expect(shouldRetry(1, new DatasetLoadError('network', ''))).toBe(true);
    expect(shouldRetry(2, new DatasetLoadError('timeout', ''))).toBe(true);
    expect(shouldRetry(3, new DatasetLoadError('http', '', 503))).toBe(false);
  });
  it('never retries client errors or broken files', () => {
    expect(shouldRetry(0, new DatasetLoadError('http', '', 404))).toBe(false);
    expect(shouldRetry(0, new DatasetLoadError('malformed', ''))).toBe(false);
    expect(shouldRetry(0, new DatasetLoadError('format', ''))).toBe(false);
  });
  it('backs off exponentially', () => {
    expect([0, 1, 2, 3, 4].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});
