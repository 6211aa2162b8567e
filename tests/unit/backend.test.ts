/**
 * The data backend, as the page uses it: the real worker host and the page's client, talking over
 * a MessageChannel (structured clone and transfer, as with a Worker), on the shipped dataset.
 */
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFER_FULL_FROM, IDLE_WORK_FALLBACK_MS, LocalBackend, snippet } from '@/data/backend.ts';
import { snippetAt } from '@/data/dataset-view.ts';
import { DatasetLoadError } from '@/data/load-error.ts';
import { parseDataset } from '@/data/parse-dataset.ts';
import { WorkerBackend, type WorkerLike } from '@/data/worker-backend.ts';
import { serveBackend, type MessageEndpoint } from '@/data/worker-host.ts';
import { EMPTY_FILTERS } from '@/domain/url-state.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';
import { http, HttpResponse } from 'msw';
import { DATASET_PATH, datasetHandler, snapshotHandler } from '../../mocks/handlers.ts';
import { snapshotOf } from '../../scripts/lib/snapshot.ts';
import { server } from '../../mocks/node.ts';

const published = checkDataDir(join(import.meta.dirname, '../../data')).published!;

function connect(local: LocalBackend) {
  const { port1, port2 } = new MessageChannel();
  serveBackend(local, port2 as unknown as MessageEndpoint);
  const page = port1 as unknown as WorkerLike & { close(): void };
  page.terminate = () => port1.close();
  const client = new WorkerBackend(page);
  return { client, close: () => (port1.close(), port2.close()) };
}

const request = {
  q: '',
  filters: EMPTY_FILTERS,
  sort: 'name' as const,
  inView: null,
  center: null,
  year: null,
};

describe('the backend over messages', () => {
  const local = new LocalBackend();
  const summary = local.use(parseDataset(JSON.parse(JSON.stringify(published))));
  const { client, close } = connect(local);
  afterAll(close);

  it('summarises the dataset in columns the page can list and map', () => {
    const n = summary.columns.ids.length;
    expect(n).toBe(published.features.length);
    expect(summary.columns.lon).toHaveLength(n);
    const i = summary.columns.ids.indexOf('vecura');
    expect(summary.columns.names[i]).toBe('Vecura');
    expect(Number.isFinite(summary.columns.lon[i])).toBe(true);
  });

  it('answers a result request with transferred typed arrays, counts by facet value', async () => {
    const all = await client.results(request);
    expect(all.order).toBeInstanceOf(Uint32Array);
    expect(all.order).toHaveLength(summary.columns.ids.length);
    const kinds = summary.facetValues.kind;
    const hospital = kinds.indexOf('hospital');
    const filtered = await client.results({
      ...request,
      filters: { ...EMPTY_FILTERS, kind: ['hospital'] },
    });
    expect([...filtered.order].map((i) => summary.columns.ids[i])).toEqual([
      'karolinska-universitetssjukhuset',
    ]);
    // Disjunctive: the kind facet still counts what each kind would give.
    expect(filtered.counts.kind[hospital]).toBe(1);
    expect(filtered.counts.kind[kinds.indexOf('science-park')]).toBeGreaterThan(0);
  });

  it('gives an actor’s full record with its relations named', async () => {
    const detail = await client.actor('sodertalje-science-park');
    expect(detail?.actor.name).toBe('Södertälje Science Park');
    const owners = detail!.relations.filter((r) => r.type === 'owned-by' && r.direction === 'out');
    expect(owners.map((r) => detail!.related[r.otherId]?.name).sort()).toEqual(
      ['AstraZeneca', 'KTH Kungliga Tekniska högskolan', 'Scania', 'Södertälje kommun'].sort(),
    );
    expect(await client.actor('no-such-actor')).toBeNull();
  });

  it('lists a programme’s members with their roles, and focuses the map on them', async () => {
    const members = await client.programme('stockholm-life-tech');
    expect(members.find((m) => m.actorId === 'region-stockholm')?.role).toBe('owner');
    const focus = await client.focus({ actor: null, programme: 'stockholm-life-tech', year: null });
    expect(focus?.others.length).toBeGreaterThan(0);
  });

  it('hands over full records by index, e.g. for export', async () => {
    const [record] = await client.records([summary.columns.ids.indexOf('vecura')]);
    expect(record?.id).toBe('vecura');
  });

  it('turns a failure in the worker into a rejected call, never a hang', async () => {
    const fresh = connect(new LocalBackend());
    await expect(fresh.client.results(request)).rejects.toThrow(/not loaded/);
    fresh.close();
  });
});

describe('loading through the backend', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('keeps the error kind across the thread boundary, so the retry policy still works', async () => {
    server.use(
      datasetHandler('not-found', () => published),
      snapshotHandler(null),
    );
    const { client, close } = connect(new LocalBackend());
    const error = await client
      .load('http://test.local/data/aktorskartan.geojson')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetLoadError);
    expect(error).toMatchObject({ kind: 'http', status: 404 });
    close();
  });

  it('hands the page the same summary over messages as it makes in the worker', async () => {
    server.use(
      datasetHandler('ok', () => published),
      snapshotHandler(null),
    );
    const url = 'http://test.local/data/aktorskartan.geojson';
    const { client, close } = connect(new LocalBackend());
    const received = await client.load(url);
    const made = await new LocalBackend().load(url);
    expect(received).toEqual(made);
    expect(received.columns.kinds).toContain('science-park');
    close();
  });
});

describe('a first view from the summary snapshot', () => {
  const URL_ = 'http://test.local/data/aktorskartan.geojson';
  const text = JSON.stringify(published);
  let fullRequests = 0;
  /** The full file, counted, and failing with `status` when given. */
  const fullFile = (status?: number) =>
    http.get(DATASET_PATH, () => {
      fullRequests += 1;
      return status
        ? new HttpResponse('failed', { status })
        : new HttpResponse(text, { headers: { 'Content-Type': 'application/geo+json' } });
    });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    fullRequests = 0;
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());

  it('comes first; a large file waits for the first drawing, then has its say', async () => {
    // The snapshot of a large dataset (its record count says so; the file then corrects it).
    const large = JSON.parse(snapshotOf(text)) as { recordCount: number };
    large.recordCount = DEFER_FULL_FROM;
    server.use(
      fullFile(),
      snapshotHandler(() => JSON.stringify(large)),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const local = new LocalBackend();
    const { client, close } = connect(local);
    const first = await client.load(URL_);
    expect(first.provisional).toBe(true);
    expect(first.columns.ids).toHaveLength(published.features.length);
    await new Promise((done) => setTimeout(done, 50));
    expect(fullRequests).toBe(0);
    await client.catchUp();
    expect(fullRequests).toBe(1);
    expect((await client.confirmed())?.recordCount).toBe(published.features.length);
    close();
    local.dispose();
  });

  it('has a small file read at once, which confirms it', async () => {
    server.use(
      fullFile(),
      snapshotHandler(() => snapshotOf(text)),
    );
    const local = new LocalBackend();
    const { client, close } = connect(local);
    const first = await client.load(URL_);
    expect(first.provisional).toBe(true);
    expect(await client.confirmed()).toBeNull();
    expect(fullRequests).toBe(1);
    close();
    local.dispose();
  });

  it('lets a request that needs the records start the full file, and answers it from there', async () => {
    const large = JSON.parse(snapshotOf(text)) as { recordCount: number };
    large.recordCount = DEFER_FULL_FROM;
    server.use(
      fullFile(),
      snapshotHandler(() => JSON.stringify(large)),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const local = new LocalBackend();
    const { client, close } = connect(local);
    await client.load(URL_);
    await new Promise((done) => setTimeout(done, 50));
    expect(fullRequests).toBe(0);
    const found = await client.results({ ...request, q: 'flemingsberg' });
    expect(found.order.length).toBeGreaterThan(0);
    expect(fullRequests).toBe(1);
    close();
    local.dispose();
  });

  it('is replaced by the full file’s view when the two differ', async () => {
    const stale = JSON.parse(snapshotOf(text)) as { columns: { names: string[] } };
    stale.columns.names[0] = 'Ett gammalt namn';
    server.use(
      fullFile(),
      snapshotHandler(() => JSON.stringify(stale)),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const local = new LocalBackend();
    const { client, close } = connect(local);
    const first = await client.load(URL_);
    expect(first.columns.names[0]).toBe('Ett gammalt namn');
    void client.catchUp();
    const replacement = await client.confirmed();
    expect(replacement?.provisional).toBe(false);
    expect(replacement?.columns.names[0]).toBe(published.features[0]!.properties.name);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('differs'));
    close();
    local.dispose();
  });

  it('is ignored, with a warning, when it cannot be used: the full file shows alone', async () => {
    server.use(
      fullFile(),
      snapshotHandler(() => '{"format": "aktorskartan-summary/1", "colu'),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const local = new LocalBackend();
    const { client, close } = connect(local);
    const first = await client.load(URL_);
    expect(first.provisional).toBe(false);
    expect(first.columns.ids).toHaveLength(published.features.length);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the dataset file alone'));
    expect(await client.confirmed()).toBeNull();
    close();
    local.dispose();
  });

  it('stays on screen when the full file then fails, whose error reaches every request', async () => {
    server.use(
      fullFile(500),
      snapshotHandler(() => snapshotOf(text)),
    );
    const local = new LocalBackend();
    const { client, close } = connect(local);
    const first = await client.load(URL_);
    expect(first.provisional).toBe(true);
    await client.catchUp();
    const failure = await client.confirmed().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DatasetLoadError);
    expect(failure).toMatchObject({ kind: 'http', status: 500 });
    await expect(client.actor('vecura')).rejects.toMatchObject({ kind: 'http', status: 500 });
    // A retry reads the full file at once: the reader is waiting for it.
    server.use(fullFile());
    await client.load(URL_);
    expect(await client.confirmed()).toBeNull();
    expect(await client.actor('vecura')).toMatchObject({ actor: { id: 'vecura' } });
    close();
    local.dispose();
  });
});

describe('list snippets', () => {
  it('keeps a short description whole', () => {
    expect(snippet('Mötesplats för hållbar produktion.')).toBe(
      'Mötesplats för hållbar produktion.',
    );
  });

  it('cuts a long one at a word, marked with ASCII dots so the string stays one byte a character', () => {
    const long = 'Forskningsinfrastruktur för djurstudier och prekliniska tjänster '.repeat(4);
    const cut = snippet(long);
    expect(cut.length).toBeLessThanOrEqual(123);
    expect(cut.endsWith('...')).toBe(true);
    expect(long.startsWith(cut.slice(0, -3))).toBe(true);
    expect(long.charAt(cut.length - 3)).toBe(' ');
    expect([...cut].every((c) => c.charCodeAt(0) < 256)).toBe(true);
  });

  it('sends an English line equal to the Swedish once, and shows each in its language', () => {
    const data = JSON.parse(JSON.stringify(published)) as typeof published;
    const [same, english, swedishOnly] = data.features as unknown as {
      properties: { description: { sv: string; en?: string } };
    }[];
    same!.properties.description = { sv: 'Samma text', en: 'Samma text' };
    english!.properties.description = { sv: 'Svensk text', en: 'English text' };
    swedishOnly!.properties.description = { sv: 'Bara svenska' };
    const { columns } = new LocalBackend().use(parseDataset(data));
    expect(columns.snippetEn.slice(0, 3)).toEqual(['', 'English text', null]);
    expect(snippetAt(columns, 0, 'en')).toEqual({ text: 'Samma text', lang: 'en' });
    expect(snippetAt(columns, 1, 'en')).toEqual({ text: 'English text', lang: 'en' });
    expect(snippetAt(columns, 2, 'en')).toEqual({ text: 'Bara svenska', lang: 'sv' });
    expect(snippetAt(columns, 1, 'sv')).toEqual({ text: 'Svensk text', lang: 'sv' });
  });
});

describe('work put off after load', () => {
  const fresh = () => parseDataset(JSON.parse(JSON.stringify(published)));
  // shareRepeats freezes the lists it shares: a visible sign that the put-off work ran.
  const shared = (actors: readonly { sources: readonly string[] }[]) =>
    actors.some((a) => Object.isFrozen(a.sources));

  afterEach(() => vi.useRealTimers());

  it('waits for catchUp, which resolves when it is done; a search before it still answers', async () => {
    vi.useFakeTimers();
    const backend = new LocalBackend();
    const dataset = fresh();
    backend.use(dataset);
    await vi.advanceTimersByTimeAsync(IDLE_WORK_FALLBACK_MS - 100);
    expect(shared(dataset.actors)).toBe(false);
    const found = await backend.results({ ...request, q: 'flemingsberg' });
    expect(found.order.length).toBeGreaterThan(0);
    const done = backend.catchUp();
    await vi.runAllTimersAsync();
    await done;
    expect(shared(dataset.actors)).toBe(true);
    // Again: nothing left to do, at once.
    await backend.catchUp();
    backend.dispose();
  });

  it('starts by itself when the page never asks', async () => {
    vi.useFakeTimers();
    const backend = new LocalBackend();
    const dataset = fresh();
    backend.use(dataset);
    await vi.advanceTimersByTimeAsync(IDLE_WORK_FALLBACK_MS + 100);
    expect(shared(dataset.actors)).toBe(true);
    backend.dispose();
  });

  it('is dropped for a dataset that another replaced', async () => {
    vi.useFakeTimers();
    const backend = new LocalBackend();
    const first = fresh();
    backend.use(first);
    const second = fresh();
    backend.use(second);
    const done = backend.catchUp();
    await vi.runAllTimersAsync();
    await done;
    expect(shared(second.actors)).toBe(true);
    expect(shared(first.actors)).toBe(false);
    backend.dispose();
  });
});
