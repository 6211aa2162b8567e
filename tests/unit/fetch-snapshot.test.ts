/**
 * Fetching the summary snapshot never fails the load: without a usable snapshot the dataset file
 * alone is read, and what was wrong with the snapshot is said in the console.
 */
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_SNAPSHOT_BYTES, fetchSnapshot } from '@/data/fetch-snapshot.ts';
import { SNAPSHOT_PATH, snapshotHandler } from '../../mocks/handlers.ts';
import { server } from '../../mocks/node.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';
import { snapshotOf } from '../../scripts/lib/snapshot.ts';

const URL_ = 'http://test.local/data/aktorskartan.geojson';
const published = checkDataDir(join(import.meta.dirname, '../../data')).published!;

describe('fetchSnapshot', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());

  it('reads a published snapshot as a provisional summary', async () => {
    server.use(snapshotHandler(() => snapshotOf(JSON.stringify(published))));
    const summary = await fetchSnapshot(URL_);
    expect(summary?.provisional).toBe(true);
    expect(summary?.columns.ids).toHaveLength(published.features.length);
  });

  it('takes a missing snapshot quietly: a dataset may be published without one', async () => {
    server.use(snapshotHandler(null));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await fetchSnapshot(URL_)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('asks for none beside a dataset URL that is not a .geojson file', async () => {
    // Any request would be unhandled, and fail the test.
    expect(await fetchSnapshot('http://test.local/api/actors')).toBeNull();
  });

  it.each([
    ['one that is not JSON', /JSON/, () => new HttpResponse('{"format": "aktor')],
    [
      'one declared too large to read',
      /more than/,
      () =>
        new HttpResponse('{}', {
          headers: { 'Content-Length': String(MAX_SNAPSHOT_BYTES + 1) },
        }),
    ],
    [
      'one of the wrong shape',
      /not usable: metadata/,
      () => HttpResponse.json({ format: 'aktorskartan-summary/1' }),
    ],
    ['a dropped connection', /fetch/i, () => HttpResponse.error()],
  ])('ignores %s, and says why in the console', async (_what, why, respond) => {
    server.use(http.get(SNAPSHOT_PATH, respond));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await fetchSnapshot(URL_)).toBeNull();
    const said = String(warn.mock.calls[0]?.[0]);
    expect(said).toMatch(why);
    expect(said).toContain('the dataset file alone is used');
  });
});
