import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FETCH_TIMEOUT_MS,
  MAX_DATASET_BYTES,
  STREAM_DATASET_BYTES,
  fetchDataset,
} from '@/data/fetch-dataset.ts';
import { FeatureSplitter } from '@/data/feature-stream.ts';
import { parseDataset } from '@/data/parse-dataset.ts';
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

/** A body that arrives in pieces of `size` bytes (cutting through strings and UTF-8 sequences). */
function inPieces(text: string, size: number, failAfter = Infinity): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= failAfter) controller.error(new TypeError('connection reset'));
      else if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(at, (at += size)));
    },
  });
}

function serve(body: () => BodyInit, headers: Record<string, string> = {}) {
  server.use(http.get('*/data/aktorskartan.geojson', () => new HttpResponse(body(), { headers })));
}

describe('fetchDataset, a file read in pieces', () => {
  const records = [
    feature({ id: 'a', name: 'Åbo "Akademi" {1}' }),
    feature({ id: 'b', kind: 'no-such-kind' }),
    feature({ id: 'c', name: 'Ørsted \\ [c]' }),
    feature({ id: 'markup', name: '<img src=x onerror=window.__pwned=1> "}]AB' }),
    // An own __proto__ key, as JSON text can carry one: left out, and nothing polluted.
    JSON.parse('{"type":"Feature","id":"proto","properties":{"__proto__":{"polluted":1}}}'),
  ];
  const text = JSON.stringify(dataset(records), null, 1);

  it('reads a large or compressed file a feature at a time, to the same dataset', async () => {
    const whole = parseDataset(JSON.parse(text));
    expect(whole.actors.map((a) => a.id)).toEqual(['a', 'c', 'markup']);
    expect(whole.problems.some((p) => p.recordId === 'proto')).toBe(true);
    const pieces = vi.spyOn(FeatureSplitter.prototype, 'push');
    const large: Record<string, string>[] = [
      { 'Content-Length': String(STREAM_DATASET_BYTES + 1) },
      { 'Content-Encoding': 'identity' },
      {},
    ];
    for (const headers of large) {
      pieces.mockClear();
      serve(() => inPieces(text, 7), headers);
      const streamed = await fetchDataset(URL_);
      expect(streamed).toEqual(whole);
      expect(pieces.mock.calls.length).toBeGreaterThan(10);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    // A file of known, moderate size is parsed as one document.
    pieces.mockClear();
    serve(() => text, { 'Content-Length': String(new TextEncoder().encode(text).length) });
    expect(await fetchDataset(URL_)).toEqual(whole);
    expect(pieces).not.toHaveBeenCalled();
    pieces.mockRestore();
  });

  it('tells how many records it has read as the pieces arrive', async () => {
    serve(() => inPieces(text, 40));
    const seen: number[] = [];
    await fetchDataset(URL_, undefined, (read) => seen.push(read));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(records.length);
  });

  it('gives up on a file that stops arriving, as a timeout the app may retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // The first pieces, then nothing more, ever.
      const stuck = () => {
        const head = inPieces(text.slice(0, 300), 100).getReader();
        return new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { done, value } = await head.read();
            if (!done) controller.enqueue(value);
            else await new Promise(() => undefined);
          },
        });
      };
      serve(stuck);
      const failed = fetchDataset(URL_).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(FETCH_TIMEOUT_MS - 1000);
      await vi.advanceTimersByTimeAsync(2000);
      const error = await failed;
      expect(error).toMatchObject({ kind: 'timeout' });
      expect(shouldRetry(0, error as Error)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says a file that stops in the middle is malformed, and a dropped connection is a network error', async () => {
    serve(() => inPieces(text.slice(0, text.length - 40), 64));
    await expect(fetchDataset(URL_)).rejects.toMatchObject({ kind: 'malformed' });
    serve(() => inPieces(text, 64, 128));
    await expect(fetchDataset(URL_)).rejects.toMatchObject({ kind: 'network' });
    serve(() => inPieces('  \n ', 2));
    await expect(fetchDataset(URL_)).rejects.toMatchObject({ kind: 'empty' });
    serve(() => inPieces(JSON.stringify({ hello: 'world', features: [] }), 5));
    await expect(fetchDataset(URL_)).rejects.toMatchObject({ kind: 'format' });
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
