/**
 * npm run bench:million — the app with a million synthetic actors (bench/generate.ts, seed 42;
 * about 1.1 GB, written to bench/out/data/ and never part of the shipped data).
 *
 * Not part of `npm run bench`: generating, compressing and loading the file takes about three
 * minutes. What it checks is the issue's bar at that size: the page never freezes while the
 * worker reads and indexes, and the list and search are usable once it has. It prints how long
 * the load took and how it advanced, the page's longest tasks, the heaps, and the first search,
 * a later search and a filter click; a screenshot of the loaded map goes to bench/out/.
 *
 * Usage: npm run bench:million [-- --dist DIR] [--runs N]
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp } from './build-app.ts';
import { writeDatasetFile } from './generate.ts';
import { HeapProbe } from './browser/heap.ts';
import { launchBrowser, newBenchContext } from './browser/launch.ts';
import { DATASET_PATH, startBenchServer } from './browser/serve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const COUNT = 1_000_000;
const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Math.max(1, Number(option('--runs') ?? 1));
const log = (line: string) => process.stderr.write(`${line}\n`);
const MB = 1024 * 1024;

const folder = join(ROOT, 'bench/out/data');
mkdirSync(folder, { recursive: true });
const file = join(folder, `synthetic-${COUNT}-seed42.geojson`);
if (
  !existsSync(file) ||
  statSync(file).mtimeMs < statSync(join(ROOT, 'bench/generate.ts')).mtimeMs
) {
  log(`writing ${COUNT.toLocaleString('en')} actors…`);
  writeDatasetFile(file, { count: COUNT, seed: 42 });
}
log(`dataset: ${(statSync(file).size / MB).toFixed(0)} MB`);

const distOption = option('--dist');
const dist = distOption ? resolve(distOption) : buildApp(ROOT, log);
const server = await startBenchServer({ dist, root: ROOT });
// No snapshot: the app passes over one of this size (about 270 MB) anyway.
server.setDataset(file, { snapshot: false });
log('compressing the file once, as the server will send it…');
await (
  await fetch(server.url + DATASET_PATH, { headers: { 'Accept-Encoding': 'gzip' } })
).arrayBuffer();

interface Run {
  progressShown: number;
  fullData: number;
  longestLoadTask: number;
  loadTasksOver200: number;
  heapMain: number;
  heapDataset: number;
  firstSearch: number;
  laterSearch: number;
  filterClick: number;
  longestInteractionTask: number;
  clusters: number;
}

const countText = (page: Page) => page.locator('.result-count').textContent();

/** Milliseconds until the result count changes from `before`. */
async function untilCountChanges(page: Page, before: string | null): Promise<number> {
  const t = Date.now();
  await page.waitForFunction(
    (was) => document.querySelector('.result-count')?.textContent !== was,
    before,
    { polling: 50, timeout: 180_000 },
  );
  return Date.now() - t;
}

const taskLog = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __tasks: number[] };
    const tasks = w.__tasks;
    w.__tasks = [];
    return tasks;
  });

const browser = await launchBrowser();
const results: Run[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await newBenchContext(browser);
    await context.addInitScript(() => {
      const w = window as unknown as { __tasks: number[] };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(server.url);
    await page.waitForFunction(
      () => /läses in i omgångar/.test(document.querySelector('.sidebar')?.textContent ?? ''),
      null,
      { polling: 200, timeout: 120_000 },
    );
    const progressShown = Date.now() - t0;
    log(`run ${run + 1}: progress shown after ${progressShown} ms`);
    await page.waitForFunction(
      () => performance.getEntriesByName('aktorskartan:full-data').length > 0,
      null,
      { polling: 500, timeout: 600_000 },
    );
    const fullData = await page.evaluate(
      () => performance.getEntriesByName('aktorskartan:full-data')[0]?.startTime ?? NaN,
    );
    log(`run ${run + 1}: full data after ${Math.round(fullData)} ms`);
    await page.waitForTimeout(1000);
    const loadTasks = await taskLog(page);
    const clusters = await page.evaluate(() => {
      const map = (window as unknown as { aktorskartanMap?: { renderedClusters(): unknown[] } })
        .aktorskartanMap;
      return map ? map.renderedClusters().length : 0;
    });
    await page.screenshot({ path: join(ROOT, 'bench/out/million.png') });

    // A search typed a second after the data is in: the worker may still be building the search
    // index (its put-off work), which this search then waits for.
    const box = page.getByRole('searchbox').first();
    let before = await countText(page);
    await box.fill('kvalitet biobank');
    const firstSearch = await untilCountChanges(page, before);
    await page.screenshot({ path: join(ROOT, 'bench/out/million-search.png') });
    before = await countText(page);
    await box.fill('kvalitet biobank sensor');
    const laterSearch = await untilCountChanges(page, before);
    before = await countText(page);
    await page.getByRole('group', { name: 'Bransch' }).getByRole('checkbox').first().click();
    const filterClick = await untilCountChanges(page, before);
    await page.waitForTimeout(2000);
    const interactionTasks = await taskLog(page);
    const probe = await HeapProbe.attach(context, page);
    await page.waitForTimeout(500);
    const heap = await probe.measure();
    await probe.detach();
    results.push({
      progressShown,
      fullData,
      longestLoadTask: Math.max(0, ...loadTasks),
      loadTasksOver200: loadTasks.filter((d) => d > 200).length,
      heapMain: heap.main / MB,
      heapDataset:
        heap.workers
          .filter((w) => w.name === 'dataset' || w.url.includes('dataset-worker'))
          .reduce((sum, w) => sum + w.used, 0) / MB,
      firstSearch,
      laterSearch,
      filterClick,
      longestInteractionTask: Math.max(0, ...interactionTasks),
      clusters,
    });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const rows: [string, (r: Run) => number, string][] = [
  ['navigation → progress shown in the sidebar', (r) => r.progressShown, 'ms'],
  ['navigation → full data in (list, search, map)', (r) => r.fullData, 'ms'],
  ['longest task on the page during the load', (r) => r.longestLoadTask, 'ms'],
  ['tasks over 200 ms on the page during the load', (r) => r.loadTasksOver200, ''],
  ['heap after the searches, page', (r) => r.heapMain, 'MB'],
  ['heap after the searches, dataset worker', (r) => r.heapDataset, 'MB'],
  ['search 1 s after the data → list', (r) => r.firstSearch, 'ms'],
  ['later search → list', (r) => r.laterSearch, 'ms'],
  ['filter click → list', (r) => r.filterClick, 'ms'],
  ['longest task on the page, searches and click', (r) => r.longestInteractionTask, 'ms'],
  ['clusters drawn at the opening view', (r) => r.clusters, ''],
];
console.log(
  `\nAktörskartan with ${COUNT.toLocaleString('en')} actors — ${new Date().toISOString()}`,
);
console.log('| measure | ' + results.map((_, i) => `run ${i + 1}`).join(' | ') + ' |');
console.log('|---|' + results.map(() => '---').join('|') + '|');
for (const [name, get, unit] of rows)
  console.log(
    `| ${name}${unit ? ` [${unit}]` : ''} | ` +
      results.map((r) => (unit === 'MB' ? get(r).toFixed(0) : Math.round(get(r)))).join(' | ') +
      ' |',
  );
