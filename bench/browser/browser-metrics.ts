/**
 * Browser-side benchmark of the built app (Playwright, Debian Chromium, WebGL through
 * SwiftShader). Each run opens the app in a fresh browser context and measures, in order:
 *
 *   navigation → first actors rendered on the map, and → list shown
 *   JavaScript heap after load (main thread, dataset worker, MapLibre workers)
 *   filter click → list updated (next paint), and → map settled (MapLibre idle on the new data)
 *   per-keystroke latency while typing a search (Event Timing)
 *   long tasks during a scripted pan and zoom
 *   heap growth over 20 unmount/remount cycles of the map (the first `remountRuns` runs only)
 *
 * Times are taken inside the page (performance.now(), whose origin is the navigation start), so
 * the Playwright round trips are not in them. The app's hooks used here are documented in
 * src/map/map-view.tsx (window.aktorskartanMap) and src/app/debug-hooks.ts (aktorskartanApp).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HeapProbe, type HeapUsage } from './heap.ts';
import { newBenchContext } from './launch.ts';

export type Unit = 'ms' | 'MB' | 'count';

export interface BrowserMetric {
  name: string;
  /** Column key: a synthetic size, or 'real' for the shipped dataset. */
  size: number | 'real';
  samples: number[];
  unit: Unit;
  /** How many independent runs (fresh pages) the samples come from. */
  runs: number;
}

/** The facet clicked in the filter measurements, and the value (its first checkbox). */
export const FILTER_GROUP = 'Bransch';
export const FILTER_PARAM = 'sector';
/**
 * A sparse facet: its first value leaves few actors, so single markers appear where the opening
 * view may have had clusters only (at 100,000 actors it has). That first draw of a marker was where
 * MapLibre compiled the marker program (see src/map/program-warm-up.ts).
 */
export const SPARSE_FILTER_GROUP = 'Program';
const SEARCH_TEXT = 'forskning';
const KEY_DELAY_MS = 120;
const CLICK_TO_TYPING_MS = 300;
const REMOUNTS = 20;
/** Generous: the slowest loads at 100,000 actors on this machine take tens of seconds. */
const TIMEOUT_MS = 240_000;

export const METRIC = {
  navRendered: 'navigation → first actors rendered',
  navList: 'navigation → list shown',
  navFull: 'navigation → full data in (search, profiles)',
  heapMain: 'JS heap after load: main thread',
  heapDataset: 'JS heap after load: dataset worker',
  heapMapWorkers: 'JS heap after load: MapLibre workers',
  heapTotal: 'JS heap after load: total',
  filterList: 'filter click → list updated (next paint)',
  filterMap: 'filter click → map settled',
  sparseFilterMap: 'sparse filter click (programme) → map settled',
  keystroke: 'keystroke latency (Event Timing; <16 = no entry)',
  keystrokeProcessing: 'keystroke handler time (processing)',
  keystrokesOver50: 'keystrokes over 50 ms (per run)',
  longTaskMax: 'pan/zoom: longest long task (0 = none)',
  longTaskCount: 'pan/zoom: long tasks (> 50 ms)',
  remountGrowthMain: 'heap growth after 20 remounts: main',
  remountGrowthTotal: 'heap growth after 20 remounts: total',
  remountTime: 'map remount → loaded',
} as const;

// ---------------------------------------------------------------- in-page types

interface IdleEntry {
  time: number;
  dataVersion: number;
}
interface MapHook {
  renderedPlaces: () => unknown[];
  renderedClusters: () => unknown[];
  isIdle: () => boolean;
  idleLog: () => IdleEntry[];
  dataVersion: () => number;
}
interface KeyEntry {
  name: string;
  start: number;
  duration: number;
  processing: number;
}
interface BenchState {
  firstRendered: number | null;
  listShown: number | null;
  longTasks: { start: number; duration: number }[];
  keys?: { entries: KeyEntry[]; downs: number[]; observer: PerformanceObserver };
}
interface BenchWindow {
  aktorskartanMap?: MapHook;
  aktorskartanApp?: { remountMap: () => Promise<void> };
  __bench: BenchState;
}

/**
 * Installed before the app's scripts: a frame loop that records when the list is first shown and
 * when the map first has actors drawn (queried every second frame, so the probe costs little),
 * and a long-task observer for the whole life of the page.
 */
function navigationProbe() {
  const w = window as unknown as BenchWindow;
  const bench: BenchState = { firstRendered: null, listShown: null, longTasks: [] };
  w.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch {
    /* no Long Tasks API: the pan/zoom metric stays empty */
  }
  let frame = 0;
  const tick = () => {
    frame += 1;
    if (bench.listShown === null) {
      const list = document.querySelector('.actor-list');
      if (
        list?.getAttribute('aria-busy') === 'false' &&
        list.querySelector('.actor-row-name') !== null
      )
        bench.listShown = performance.now();
    }
    const map = w.aktorskartanMap;
    // The canvas is hidden until the map has loaded its basemap (app.css): actors drawn on it
    // before then are not seen.
    const shown = document.querySelector('.map-frame')?.getAttribute('data-map-status') === 'ready';
    if (bench.firstRendered === null && map && shown && frame % 2 === 0) {
      try {
        if (map.renderedPlaces().length + map.renderedClusters().length > 0)
          bench.firstRendered = performance.now();
      } catch {
        /* the style is still loading */
      }
    }
    if (bench.firstRendered === null || bench.listShown === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// ---------------------------------------------------------------- steps

/**
 * Waits for a page at rest: the list answered, and the map idle after its start-up work (town
 * names, the marker program; the app's `aktorskartan:map-at-rest` mark). That work redraws the
 * map for up to a second after the first actors appear, and under software WebGL a click then
 * waits for the GPU process: clicks in that second are timed apart by hand (README), not here.
 */
async function waitSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as BenchWindow;
      const busy = document.querySelector('.actor-list')?.getAttribute('aria-busy') !== 'false';
      const atRest = performance.getEntriesByName('aktorskartan:map-at-rest').length > 0;
      return !busy && atRest && w.aktorskartanMap?.isIdle() === true;
    },
    null,
    { timeout: TIMEOUT_MS, polling: 100 },
  );
  // Let trailing work (React effects, MapLibre fades, the worker's replies) finish.
  await page.waitForTimeout(300);
}

interface FilterTiming {
  list: number;
  map: number;
  /** The filter value the click selected, as it appears in the URL (null after clearing it). */
  value: string | null;
}

/** Clicks the first checkbox of a facet group and times the list and the map. */
async function clickFacet(page: Page, group: string): Promise<FilterTiming> {
  const checkbox = page.getByRole('group', { name: group }).getByRole('checkbox').first();
  return checkbox.evaluate(
    async (el, { timeoutMs, param }) => {
      const w = window as unknown as BenchWindow;
      const map = w.aktorskartanMap;
      if (!map) throw new Error('the map is not loaded');
      const countText = () => document.querySelector('.result-count')?.textContent ?? '';
      const busy = () =>
        document.querySelector('.actor-list')?.getAttribute('aria-busy') !== 'false';
      const before = countText();
      const version = map.dataVersion();
      let t0 = Infinity;
      let sawBusy = false;
      let observer: MutationObserver | null = null;
      const list = new Promise<number>((resolve) => {
        let done = false;
        const check = () => {
          if (done) return;
          if (busy()) {
            sawBusy = true;
            return;
          }
          // The list shows the answer to the new state: not busy, and the count changed (or,
          // if the filter happens to keep the count, it has been busy and is done).
          if (countText() === before && !sawBusy) return;
          done = true;
          observer?.disconnect();
          // Next paint: the frame after this DOM change, then a task after that frame.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
        };
        observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['aria-busy'],
        });
      });
      const settled = new Promise<number>((resolve) => {
        const poll = () => {
          const hit = map.idleLog().find((e) => e.time > t0 && e.dataVersion > version);
          if (hit) resolve(hit.time);
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      });
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('filter click: no answer')), timeoutMs),
      );
      t0 = performance.now();
      (el as HTMLElement).click();
      const [t1, t2] = await Promise.race([Promise.all([list, settled]), timeout]);
      return {
        list: t1 - t0,
        map: t2 - t0,
        value: new URLSearchParams(location.search).get(param),
      };
    },
    { timeoutMs: TIMEOUT_MS, param: FILTER_PARAM },
  );
}

interface KeystrokeResult {
  /** Per keystroke: the longest Event Timing duration among its events, 0 if none was reported. */
  latency: number[];
  processing: number[];
}

/**
 * Types a search a key at a time and reads Event Timing entries (keydown, keypress, beforeinput,
 * input, keyup). Entries under the 16 ms threshold are not reported at all, and durations are
 * rounded to 8 ms: a keystroke without entries took under 16 ms and is recorded as 0.
 */
async function typeSearch(page: Page): Promise<KeystrokeResult> {
  const box = page.getByRole('searchbox').first();
  await box.click();
  // A person takes a moment between clicking into the box and the first key. Typed at once, the
  // first keydown shared the click's frame (focus, hover; same Event Timing duration as the
  // click's entries), and the click's rendering was counted as the keystroke's.
  await page.waitForTimeout(CLICK_TO_TYPING_MS);
  await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__bench;
    const entries: KeyEntry[] = [];
    const downs: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[])
        entries.push({
          name: e.name,
          start: e.startTime,
          duration: e.duration,
          processing: e.processingEnd - e.processingStart,
        });
    });
    // durationThreshold (Event Timing) is missing from TypeScript's DOM types.
    const init: PerformanceObserverInit & { durationThreshold: number } = {
      type: 'event',
      durationThreshold: 16,
    };
    observer.observe(init);
    window.addEventListener('keydown', (e) => downs.push(e.timeStamp), { capture: true });
    bench.keys = { entries, downs, observer };
  });
  await page.keyboard.type(SEARCH_TEXT, { delay: KEY_DELAY_MS });
  await waitSettled(page);
  const { entries, downs } = await page.evaluate(() => {
    const keys = (window as unknown as BenchWindow).__bench.keys;
    if (!keys) throw new Error('no keystroke observer');
    keys.observer.disconnect();
    return { entries: keys.entries, downs: keys.downs };
  });
  const latency = downs.map(() => 0);
  const processing = downs.map(() => 0);
  const keyEvents = /^(keydown|keypress|keyup|beforeinput|input)$/;
  for (const e of entries) {
    if (!keyEvents.test(e.name)) continue;
    // The keystroke this event belongs to: the last keydown at or before it.
    let k = -1;
    for (let i = 0; i < downs.length; i++) if ((downs[i] ?? Infinity) <= e.start + 1) k = i;
    if (k < 0) continue;
    latency[k] = Math.max(latency[k] ?? 0, e.duration);
    processing[k] = Math.max(processing[k] ?? 0, e.processing);
  }
  // Back to the empty search, outside the measurement.
  await box.fill('');
  await waitSettled(page);
  return { latency, processing };
}

/**
 * Drags the map around and zooms in and out with the wheel (about five seconds on a fast
 * machine), then waits for the map to settle; long tasks from start to settled are counted.
 */
async function panAndZoom(page: Page): Promise<{ count: number; longest: number }> {
  const canvas = page.locator('.maplibregl-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no map canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const start = await page.evaluate(() => performance.now());
  const drag = async (dx: number, dy: number) => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    // Each move waits for the renderer to take it, i.e. for a frame: few steps keep the
    // gesture near five seconds even when frames are slow.
    const steps = 12;
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(cx + (dx * i) / steps, cy + (dy * i) / steps);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  };
  await drag(220, 0);
  await drag(0, 160);
  await drag(-220, 0);
  await drag(0, -160);
  await page.mouse.move(cx, cy);
  for (const direction of [-1, 1]) {
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, direction * 120);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(400);
  }
  await waitSettled(page);
  const tasks = await page.evaluate(
    (from) => (window as unknown as BenchWindow).__bench.longTasks.filter((t) => t.start >= from),
    start,
  );
  return { count: tasks.length, longest: Math.max(0, ...tasks.map((t) => t.duration)) };
}

const MB = 1e6;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const total = (h: HeapUsage) => h.main + sum(h.workers.map((w) => w.used));
const isDatasetWorker = (w: HeapUsage['workers'][number]) =>
  w.name === 'dataset' || /dataset-worker/.test(w.url);

async function remountTest(page: Page, probe: HeapProbe) {
  const before = await probe.measure();
  const times: number[] = [];
  for (let i = 0; i < REMOUNTS; i++) {
    times.push(
      await page.evaluate(async () => {
        const app = (window as unknown as BenchWindow).aktorskartanApp;
        if (!app) throw new Error('window.aktorskartanApp is missing');
        const t0 = performance.now();
        await app.remountMap();
        return performance.now() - t0;
      }),
    );
  }
  await waitSettled(page);
  const after = await probe.measure();
  return {
    main: (after.main - before.main) / MB,
    total: (total(after) - total(before)) / MB,
    times,
  };
}

export interface AppRunOptions {
  /** Column key for the results. */
  size: number | 'real';
  runs: number;
  /** Runs (the first ones) that also do the 20-remount test. */
  remountRuns: number;
  log?: (line: string) => void;
}

export interface AppResult {
  metrics: BrowserMetric[];
  /** The facet value clicked (e.g. a sector id), so the baseline can apply the same filter. */
  filterValue: string | null;
  /** The map's size in CSS pixels, so the baseline's map can be given the same. */
  mapSize: { width: number; height: number } | null;
}

/** All app metrics for the dataset the server currently serves. */
export async function appMetrics(
  browser: Browser,
  baseUrl: string,
  options: AppRunOptions,
): Promise<AppResult> {
  const { size, runs, remountRuns } = options;
  const log = options.log ?? (() => {});
  const samples = new Map<string, { values: number[]; unit: Unit; runs: number }>();
  const add = (name: string, unit: Unit, values: number[]) => {
    const entry = samples.get(name) ?? { values: [], unit, runs: 0 };
    entry.values.push(...values);
    entry.runs += 1;
    samples.set(name, entry);
  };
  let filterValue: string | null = null;
  let mapSize: AppResult['mapSize'] = null;

  for (let run = 0; run < runs; run++) {
    const started = Date.now();
    const phases: string[] = [];
    let mark = started;
    const phase = (name: string) => {
      const now = Date.now();
      phases.push(`${name} ${((now - mark) / 1000).toFixed(1)}`);
      mark = now;
    };
    const context: BrowserContext = await newBenchContext(browser);
    try {
      await context.addInitScript(navigationProbe);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${baseUrl}/`);
      try {
        await page.waitForFunction(
          () => {
            const b = (window as unknown as BenchWindow).__bench;
            return b.firstRendered !== null && b.listShown !== null;
          },
          null,
          { timeout: TIMEOUT_MS, polling: 250 },
        );
      } catch (error) {
        throw new Error(`the app did not render: ${errors.join('; ') || String(error)}`);
      }
      const nav = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
      add(METRIC.navRendered, 'ms', [nav.firstRendered ?? NaN]);
      add(METRIC.navList, 'ms', [nav.listShown ?? NaN]);
      await waitSettled(page);
      phase('load');
      mapSize ??= await page
        .locator('.maplibregl-canvas')
        .boundingBox()
        .then((b) => (b ? { width: Math.round(b.width), height: Math.round(b.height) } : null));

      // The data worker shares repeated values and builds its search index once the first
      // actors are drawn: memory is measured after that.
      await page.evaluate(() =>
        (
          window as unknown as { aktorskartanApp: { dataWorkerIdle: () => Promise<void> } }
        ).aktorskartanApp.dataWorkerIdle(),
      );
      const fullAt = await page.evaluate(
        () => performance.getEntriesByName('aktorskartan:full-data')[0]?.startTime ?? NaN,
      );
      add(METRIC.navFull, 'ms', [fullAt]);
      const probe = await HeapProbe.attach(context, page);
      const heap = await probe.measure();
      const dataset = heap.workers.filter(isDatasetWorker);
      const mapWorkers = heap.workers.filter((w) => !isDatasetWorker(w));
      add(METRIC.heapMain, 'MB', [heap.main / MB]);
      add(METRIC.heapDataset, 'MB', [sum(dataset.map((w) => w.used)) / MB]);
      add(METRIC.heapMapWorkers, 'MB', [sum(mapWorkers.map((w) => w.used)) / MB]);
      add(METRIC.heapTotal, 'MB', [total(heap) / MB]);
      phase('heap');

      const on = await clickFacet(page, FILTER_GROUP);
      filterValue ??= on.value;
      add(METRIC.filterList, 'ms', [on.list]);
      add(METRIC.filterMap, 'ms', [on.map]);
      await waitSettled(page);
      await clickFacet(page, FILTER_GROUP); // back to the starting state, not measured
      await waitSettled(page);
      const sparse = await clickFacet(page, SPARSE_FILTER_GROUP);
      add(METRIC.sparseFilterMap, 'ms', [sparse.map]);
      await waitSettled(page);
      await clickFacet(page, SPARSE_FILTER_GROUP);
      await waitSettled(page);
      phase('filter');

      const keys = await typeSearch(page);
      add(METRIC.keystroke, 'ms', keys.latency);
      add(METRIC.keystrokeProcessing, 'ms', keys.processing);
      add(METRIC.keystrokesOver50, 'count', [keys.latency.filter((d) => d > 50).length]);
      phase('typing');

      const pan = await panAndZoom(page);
      add(METRIC.longTaskMax, 'ms', [pan.longest]);
      add(METRIC.longTaskCount, 'count', [pan.count]);
      phase('pan/zoom');

      if (run < remountRuns) {
        const remount = await remountTest(page, probe);
        add(METRIC.remountGrowthMain, 'MB', [remount.main]);
        add(METRIC.remountGrowthTotal, 'MB', [remount.total]);
        add(METRIC.remountTime, 'ms', remount.times);
        phase('remount');
      }
      await probe.detach();
      if (errors.length > 0) log(`  page errors: ${errors.join('; ')}`);
      log(
        `  run ${run + 1}/${runs}: rendered ${nav.firstRendered?.toFixed(0)} ms, ` +
          `filter list ${on.list.toFixed(0)} / map ${on.map.toFixed(0)} ms, ` +
          `heap ${(total(heap) / MB).toFixed(1)} MB (s: ${phases.join(', ')})`,
      );
    } finally {
      await context.close();
    }
  }

  const metrics = [...samples.entries()].map(([name, s]) => ({
    name,
    size,
    samples: s.values,
    unit: s.unit,
    runs: s.runs,
  }));
  return { metrics, filterValue, mapSize };
}
