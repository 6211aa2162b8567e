/**
 * npm run bench — the app's performance on seeded synthetic datasets (and the shipped one):
 *
 * 1. Node: the pure logic the app runs on load and on every interaction (bench/node-metrics.ts).
 * 2. Browser: the built app in Debian Chromium through Playwright (bench/browser/), and the same
 *    datasets drawn by a Leaflet + Leaflet.markercluster baseline page (bench/leaflet/).
 * 3. The bundle report of the build (bench/bundle-report.ts).
 *
 * Prints one table (rows = metrics, columns = dataset sizes, cells = median / p95), a comparison
 * with Leaflet (ours / theirs / ratio), the targets from the issue (reported, not enforced) and
 * the bundle report.
 *
 * Usage: npm run bench [-- --sizes 200,10000,100000] [--runs 5] [--no-browser] [--no-real]
 *                      [--dist DIR (an existing build; default: build into bench/out/dist)]
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { METRIC, appMetrics } from './browser/browser-metrics.ts';
import { launchBrowser } from './browser/launch.ts';
import { LEAFLET_METRIC, leafletMetrics } from './browser/leaflet-metrics.ts';
import { startBenchServer } from './browser/serve.ts';
import {
  BUDGETS,
  DATASET_FILE,
  bundleReport,
  checkBudgets,
  formatTable,
  kB,
  reportRows,
} from './bundle-report.ts';
import { buildApp } from './build-app.ts';
import { generateDataset } from './generate.ts';
import { snapshotPathOf, writeSnapshot } from '../scripts/lib/snapshot.ts';
import { nodeMetrics, summarize } from './node-metrics.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const SEED = 42; // the seed node-metrics.ts uses: both halves measure the same actors

// ---------------------------------------------------------------- arguments

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizes = (option('--sizes') ?? '200,10000,100000').split(',').map(Number).filter(Boolean);
const runs = Math.max(1, Number(option('--runs') ?? 5));
const withBrowser = !argv.includes('--no-browser');
const withReal = !argv.includes('--no-real');
const distOption = option('--dist');

const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () => loadavg()[0]?.toFixed(1) ?? '?';

type Column = number | 'real';
interface Row {
  name: string;
  size: Column;
  samples: number[];
  unit: string;
  /** Independent runs behind the samples, when fewer than asked for. */
  runs?: number;
}

/**
 * How many runs each measurement gets at a size. Loading 100,000 actors, and the baseline's
 * 100,000 DOM markers, take long enough on a 2-core machine to keep the whole benchmark within
 * about 15 minutes only with fewer runs there; the tables print the n actually used.
 * The remount test (20 remounts in one page) runs once per synthetic size.
 */
function plan(size: Column) {
  const big = typeof size === 'number' && size >= 50_000;
  const n = big ? Math.min(runs, 3) : runs;
  // The shipped dataset is about the size of the smallest synthetic one: remounting it adds nothing.
  return { runs: n, remountRuns: size === 'real' ? 0 : 1, leafletRuns: n };
}

/** A CPU check: the same fixed work in Node, to compare machines and moments. */
function cpuCheck(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x += i;
  if (x < 0) log('unreachable');
  return performance.now() - t;
}

// ---------------------------------------------------------------- build and data

/**
 * The synthetic dataset file for a size, with its summary snapshot beside it as data:build
 * writes one for the shipped data; written again only when generate.ts (or the snapshot's
 * writer) changed.
 */
function datasetFile(size: number): string {
  const folder = join(OUT, 'data');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `synthetic-${size}-seed${SEED}.geojson`);
  const generator = statSync(join(ROOT, 'bench/generate.ts')).mtimeMs;
  if (!existsSync(file) || statSync(file).mtimeMs < generator) {
    log(`generating ${size} actors…`);
    writeFileSync(file, JSON.stringify(generateDataset({ count: size, seed: SEED })));
  }
  const snapshot = snapshotPathOf(file);
  const writer = Math.max(
    ...['scripts/lib/snapshot.ts', 'src/data/summary-snapshot.ts', 'src/data/backend.ts'].map(
      (f) => statSync(join(ROOT, f)).mtimeMs,
    ),
  );
  if (
    !existsSync(snapshot) ||
    statSync(snapshot).mtimeMs < Math.max(writer, statSync(file).mtimeMs)
  ) {
    log(`writing the summary snapshot of ${size} actors…`);
    writeSnapshot(file, readFileSync(file, 'utf8'));
  }
  return file;
}

// ---------------------------------------------------------------- measuring

const started = Date.now();
const cpuBefore = cpuCheck();
const loadBefore = load();
const rows: Row[] = [];
const columns: Column[] = [];

for (const size of sizes) {
  log(`node metrics at ${size} actors…`);
  rows.push(...nodeMetrics(size));
}

// The bundle report needs a build too: --no-browser reports one only when given --dist.
const dist: string | null = distOption
  ? resolve(distOption)
  : withBrowser
    ? buildApp(ROOT, log)
    : null;
let realActors = 0;
if (withBrowser && dist) {
  const shipped = join(dist, DATASET_FILE);
  if (withReal && existsSync(shipped)) {
    columns.push('real');
    realActors = bundleReport(dist).dataset?.actors ?? 0;
  }
  columns.push(...sizes);
  const server = await startBenchServer({ dist, root: ROOT });
  const browser = await launchBrowser();
  try {
    for (const size of columns) {
      server.setDataset(size === 'real' ? null : datasetFile(size));
      const p = plan(size);
      const label =
        size === 'real' ? `the shipped dataset (${realActors} actors)` : `${size} actors`;
      log(`browser metrics, ${label}: ${p.runs} runs (load average ${load()})…`);
      const app = await appMetrics(browser, server.url, { size, ...p, log });
      rows.push(...app.metrics);
      log(`Leaflet baseline, ${label}: ${p.leafletRuns} runs…`);
      const leaflet = await leafletMetrics(browser, server.url, {
        size,
        runs: p.leafletRuns,
        filterValue: app.filterValue,
        mapSize: app.mapSize,
        log,
      });
      rows.push(...leaflet);
    }
  } finally {
    await browser.close();
    await server.close();
  }
} else {
  columns.push(...sizes);
}

// ---------------------------------------------------------------- printing

const columnTitle = (c: Column) =>
  c === 'real' ? `real, ${realActors} (median / p95)` : `${c.toLocaleString('en')} (median / p95)`;
const find = (name: string, size: Column) => rows.find((r) => r.name === name && r.size === size);
const median = (name: string, size: Column) => {
  const r = find(name, size);
  return r && r.samples.length > 0 ? summarize(r.samples).median : null;
};

function fmt(v: number, unit: string, name = ''): string {
  if (!Number.isFinite(v)) return '–';
  if (name === METRIC.keystroke && v < 16) return '<16';
  if (unit === 'count') return v.toFixed(0);
  if (unit === 'ms') return v < 10 ? v.toFixed(2) : v.toFixed(0);
  return v.toFixed(unit === 'MB' ? 1 : 2);
}

function cell(r: Row | undefined): string {
  if (!r || r.samples.length === 0) return '–';
  const { median: m, p95 } = summarize(r.samples);
  const value =
    r.samples.length === 1
      ? fmt(m, r.unit, r.name)
      : `${fmt(m, r.unit, r.name)} / ${fmt(p95, r.unit, r.name)}`;
  const n = r.runs !== undefined && r.runs < runs ? ` (n=${r.runs})` : '';
  return value + n;
}

const leafletNames = new Set<string>(Object.values(LEAFLET_METRIC));
const names = [...new Set(rows.map((r) => r.name))].filter((n) => !leafletNames.has(n));
console.log(
  `\nAktörskartan benchmark — ${new Date().toISOString()}, ${cpus().length} cores, ` +
    `browser runs per size: ${runs} unless n is shown`,
);
console.log(
  formatTable(
    ['metric', ...columns.map(columnTitle)],
    names.map((name) => {
      const unit = rows.find((r) => r.name === name)?.unit ?? 'ms';
      return [`${name} [${unit}]`, ...columns.map((c) => cell(find(name, c)))];
    }),
  ),
);

if (withBrowser)
  console.log(
    [
      'Browser times are taken in the page, from navigation start or from just before the click.',
      'Event Timing durations run to the next paint and come in steps of 8 ms; keystrokes without',
      'an entry took under 16 ms. Heap: after forced GC, 1 MB = 1,000,000 B. n = runs (fresh pages).',
    ].join('\n'),
  );

if (withBrowser) {
  const ratio = (ours: number | null, theirs: number | null) => {
    if (ours === null || theirs === null || ours <= 0 || theirs <= 0) return '–';
    const r = theirs / ours;
    return r >= 1
      ? `${r.toFixed(2)} (ours ${r.toFixed(1)}× faster)`
      : `${r.toFixed(2)} (Leaflet ${(1 / r).toFixed(1)}× faster)`;
  };
  const comparison: string[][] = [];
  for (const c of columns) {
    const size = c === 'real' ? `real (${realActors})` : c.toLocaleString('en');
    const pairs: [string, string, string][] = [
      [
        'first render (navigation → actors on screen)',
        METRIC.navRendered,
        LEAFLET_METRIC.firstRender,
      ],
      ['filter (click → map shows the result)', METRIC.filterMap, LEAFLET_METRIC.filter],
    ];
    for (const [what, ours, theirs] of pairs) {
      const o = median(ours, c);
      const t = median(theirs, c);
      comparison.push([
        size,
        what,
        o === null ? '–' : `${fmt(o, 'ms')} ms`,
        t === null ? '–' : `${fmt(t, 'ms')} ms`,
        ratio(o, t),
      ]);
    }
  }
  console.log(
    '\nOurs vs Leaflet + markercluster (medians; ratio = Leaflet ÷ ours, > 1 = we are faster)',
  );
  console.log(formatTable(['size', 'measure', 'ours', 'Leaflet', 'ratio'], comparison));

  console.log('\nTargets (reported, never enforced)');
  console.log(formatTable(['target', 'measured', 'verdict'], targets()));
}

if (dist) {
  const report = bundleReport(dist);
  console.log(`\nBundle report (${dist}; gzip level 9; 1 kB = 1,000 B)`);
  console.log(formatTable(['bundle', 'raw', 'gzip'], reportRows(report)));
  const failures = checkBudgets(report);
  console.log(
    `budgets: initial JS ${kB(report.initialJs.gzip)} of ${kB(BUDGETS.initialJsGzip)} gzip; ` +
      `dataset ${report.dataset?.gzipPerActor.toFixed(0) ?? '–'} of ${BUDGETS.datasetGzipPerActor} B gzip per actor` +
      (failures.length > 0 ? ` — OVER: ${failures.join(' ')}` : ' — within budget'),
  );
}

console.log(
  `\nMachine: load average ${loadBefore} at start, ${load()} at end (${cpus().length} cores); ` +
    `CPU check (1e8-iteration loop in Node) ${cpuBefore.toFixed(0)} ms at start, ` +
    `${cpuCheck().toFixed(0)} ms at end. Took ${((Date.now() - started) / 60000).toFixed(1)} min.`,
);

/** The targets, each with what was measured. Medians unless said otherwise. */
function targets(): string[][] {
  const out: string[][] = [];
  const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'MISSED');
  const ms = (v: number | null) => (v === null ? '–' : `${fmt(v, 'ms')} ms`);
  const has = (c: Column) => columns.includes(c);
  const worstOf = (name: string, pick: (r: Row) => number) => {
    const values = rows.filter((r) => r.name === name).map(pick);
    return values.length > 0 ? Math.max(...values) : null;
  };

  const at100k = (name: string) => {
    const r = find(name, 100_000);
    return r && r.samples.length > 0 ? summarize(r.samples) : null;
  };
  for (const [label, name, pick, limit] of [
    [
      'filter 4 facets + counts < 2 ms at 100,000',
      'filter 4 facets + all facet counts',
      'median',
      2,
    ],
    ['search p95 < 10 ms at 100,000', 'two-term accent-folded search', 'p95', 10],
    ['search index built < 1 s at 100,000', 'build search index', 'median', 1000],
  ] as const) {
    const v = at100k(name)?.[pick] ?? null;
    out.push([
      label,
      pick === 'p95' ? `p95 ${ms(v)}` : ms(v),
      verdict(v === null ? null : v < limit),
    ]);
  }

  const lists = columns.map((c) => median(METRIC.filterList, c));
  const worstList = lists.every((v) => v === null) ? null : Math.max(...lists.map((v) => v ?? 0));
  out.push([
    'filter click → list < 50 ms at every size',
    `worst median ${ms(worstList)}`,
    verdict(worstList === null ? null : worstList < 50),
  ]);
  for (const [size, limit] of [
    [10_000, 150],
    [100_000, 300],
  ] as const) {
    // Either click: the sector filter, or the sparse one that brings single markers.
    const clicks = [median(METRIC.filterMap, size), median(METRIC.sparseFilterMap, size)];
    const v = has(size) ? Math.max(...clicks.map((c) => c ?? 0)) : null;
    out.push([
      `filter click → map settled < ${limit} ms at ${size.toLocaleString('en')}`,
      `worse click ${ms(v)}`,
      verdict(v === null ? null : v < limit),
    ]);
  }
  for (const [size, limit] of [
    ['real', 1500],
    [100_000, 3500],
  ] as const) {
    const v = has(size) ? median(METRIC.navRendered, size) : null;
    out.push([
      `navigation → rendered < ${limit / 1000} s (${size === 'real' ? 'real dataset' : size.toLocaleString('en')})`,
      ms(v),
      verdict(v === null ? null : v < limit),
    ]);
  }
  const longest = worstOf(METRIC.longTaskMax, (r) => Math.max(...r.samples));
  out.push([
    'no long task > 50 ms while panning and zooming',
    longest === null ? '–' : `longest ${fmt(longest, 'ms')} ms (any size, any run)`,
    verdict(longest === null ? null : longest <= 50),
  ]);
  const heap = has(100_000) ? median(METRIC.heapTotal, 100_000) : null;
  out.push([
    'JS heap < 150 MB at 100,000 (main + workers)',
    heap === null ? '–' : `${heap.toFixed(1)} MB`,
    verdict(heap === null ? null : heap < 150),
  ]);
  const growth = worstOf(METRIC.remountGrowthTotal, (r) => Math.max(...r.samples));
  out.push([
    '< 5 MB heap growth over 20 remounts',
    growth === null ? '–' : `worst ${growth.toFixed(1)} MB (main + workers)`,
    verdict(growth === null ? null : growth < 5),
  ]);
  const key = worstOf(METRIC.keystroke, (r) => Math.max(...r.samples));
  out.push([
    'no keystroke over 50 ms (Event Timing duration)',
    key === null ? '–' : `slowest ${fmt(key, 'ms', METRIC.keystroke)} ms`,
    verdict(key === null ? null : key <= 50),
  ]);
  for (const [what, ours, theirs] of [
    ['first render', METRIC.navRendered, LEAFLET_METRIC.firstRender],
    ['filter', METRIC.filterMap, LEAFLET_METRIC.filter],
  ] as const) {
    const o = has(100_000) ? median(ours, 100_000) : null;
    const t = has(100_000) ? median(theirs, 100_000) : null;
    const r = o !== null && t !== null && o > 0 ? t / o : null;
    out.push([
      `≥ 5× faster than Leaflet at 100,000 (${what})`,
      r === null ? '–' : `${r.toFixed(2)}×`,
      verdict(r === null ? null : r >= 5),
    ]);
  }
  return out;
}
