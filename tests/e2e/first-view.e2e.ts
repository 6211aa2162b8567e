/**
 * The first view from the summary snapshot (src/data/summary-snapshot.ts): the map and the list
 * come from it while the full file loads; the full file then confirms or replaces it; a broken
 * snapshot is ignored and a failing full file leaves the overview standing, with the error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppDriver } from './driver.ts';

const opened: AppDriver[] = [];
const open = async (...args: Parameters<typeof openApp>) => {
  const app = await openApp(...args);
  opened.push(app);
  return app;
};
afterEach(async () => {
  for (const app of opened.splice(0)) {
    expect(app.errors).toEqual([]);
    await app.close();
  }
});

const builtSnapshot = () =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../dist/data/aktorskartan.summary.json'), 'utf8'),
  ) as { columns: { names: string[] } };
const ALL = 'Visar 35 av 35 aktörer';

describe('the first view', () => {
  it('comes from the snapshot while the full file loads; search and profiles follow', async () => {
    // The full file is held back 4 s, as a large one on a slow line would be.
    const app = await open('/', { dataset: { delayMs: 4000 }, snapshot: {} });
    const first = await app.shownNow();
    expect(first.count).toBe(ALL);
    expect(first.onMap).toBe(35 - 5); // five actors have no point: listed, not drawn
    expect(first.names).toContain('ANA Futura');
    // The full file (small, so asked for at once) is still on its way.
    await app.waitForText(/Sökning, antal per filter och profiler blir klara/);
    expect(app.snapshotRequests).toBe(1);
    expect(app.datasetRequests).toBe(1);
    await app.typeSearch('vecura');
    expect(await app.resultCountText()).not.toBe(ALL);
    const found = await app.shownNow();
    expect(found.names[0]).toBe('Vecura');
    expect(found.preparing).toBe(false);
    await app.clickActorInList('Vecura');
    expect(await app.panelText()).toMatch(/Vecura/);
  });

  it('is replaced by the full file’s view when the snapshot is out of date', async () => {
    const stale = builtSnapshot();
    const i = stale.columns.names.indexOf('ANA Futura');
    stale.columns.names[i] = 'Ana Futura (gammalt namn)';
    const app = await open('/', {
      dataset: { delayMs: 2500 },
      snapshot: { body: JSON.stringify(stale) },
    });
    expect((await app.shownNow()).names).toContain('Ana Futura (gammalt namn)');
    await app.waitForNoText('Ana Futura (gammalt namn)');
    expect((await app.shownNow()).names).toContain('ANA Futura');
    expect(await app.resultCountText()).toBe(ALL);
  });

  it('ignores a broken snapshot: the full file shows alone, nothing lost', async () => {
    const app = await open('/', {
      snapshot: { body: '{"format": "aktorskartan-summary/1", "col' },
    });
    expect(await app.resultCountText()).toBe(ALL);
    expect(await app.actorsOnMap()).toBe(30);
    expect(app.snapshotRequests).toBe(1);
    expect(app.datasetRequests).toBe(1);
  });

  it('stays on screen when the full file then fails, says so, and recovers on retry', async () => {
    const app = await open('/', {
      dataset: (attempt) => (attempt === 1 ? { status: 500, body: 'down' } : {}),
      snapshot: {},
    });
    await app.waitForText('Bara en översikt kunde laddas');
    expect(await app.text('alert')).toMatch(/Servern svarade med ett fel \(500\)/);
    const shown = await app.shownNow();
    expect(shown.count).toBe(ALL);
    expect(shown.onMap).toBe(30);
    // The browser logs the failed request itself; that is the point of this test.
    app.errors.splice(0, app.errors.length, ...app.errors.filter((e) => !/status of 500/.test(e)));
    await app.clickButton('Försök igen');
    await app.typeSearch('vecura');
    expect(await app.resultCountText()).not.toBe(ALL);
    expect((await app.shownNow()).names[0]).toBe('Vecura');
    expect(await app.hasText('Bara en översikt kunde laddas')).toBe(false);
    expect(await app.axe()).toEqual([]);
  });
});
