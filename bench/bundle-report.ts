/**
 * What a build ships, and what a first visit has to download before the app can start.
 *
 * - Initial JS: the entry script of index.html and every `<link rel="modulepreload">` it names,
 *   MapLibre excluded (it is split off and loaded in parallel with the data).
 * - MapLibre: the map chunk (map-view-*.js, which bundles maplibre-gl), the maplibre-gl-*.js
 *   stub and MapLibre's own worker (maplibre-gl-worker-*.mjs).
 * - The dataset worker (dataset-worker-*.js): started at once, runs off the main thread.
 * - CSS, and any other (lazy) JS chunks.
 * - The dataset: gzip bytes of dist/data/aktorskartan.geojson divided by its number of actors.
 *
 * Sizes are gzip level 9 (node:zlib), as a host that precompresses would serve them.
 * 1 kB = 1,000 bytes, as Vite reports sizes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  /** Path relative to the dist folder, with forward slashes. */
  file: string;
  bytes: number;
  gzip: number;
}

export interface Group {
  files: FileSize[];
  bytes: number;
  gzip: number;
}

export interface DatasetSize extends FileSize {
  actors: number;
  gzipPerActor: number;
}

export interface BundleReport {
  /** Entry script + module preloads, without MapLibre. */
  initialJs: Group;
  mapLibreChunk: Group;
  mapLibreWorker: Group;
  datasetWorker: Group;
  /** Every other JS chunk under assets/ (loaded later, on demand). */
  otherJs: Group;
  /** Stylesheets linked from index.html. */
  initialCss: Group;
  /** All stylesheets under assets/ (MapLibre's included). */
  css: Group;
  dataset: DatasetSize | null;
  /** The dataset's summary snapshot, the first view (src/data/summary-snapshot.ts). */
  snapshot: FileSize | null;
}

export interface Budgets {
  /** Bytes, gzip. */
  initialJsGzip: number;
  /** Bytes, gzip, per actor. */
  datasetGzipPerActor: number;
}

/**
 * Initial JS: 150 kB gzip without MapLibre (issue). Dataset: 1,000 B gzip per actor, headroom
 * of about 75 % over the ~570 B per actor the real dataset needs today (35 actors, 2026-11).
 */
export const BUDGETS: Budgets = { initialJsGzip: 150_000, datasetGzipPerActor: 1_000 };

export const DATASET_FILE = 'data/aktorskartan.geojson';
export const SNAPSHOT_FILE = 'data/aktorskartan.summary.json';

const MAP_CHUNK = /^map-view-.*\.js$|^maplibre-gl-(?!worker).*\.m?js$/;
const MAP_WORKER = /^maplibre-gl-worker.*\.m?js$/;
const DATASET_WORKER = /^dataset-worker-.*\.m?js$/;

const isMapLibre = (name: string) => MAP_CHUNK.test(name) || MAP_WORKER.test(name);

function sizeOf(dist: string, file: string): FileSize {
  const content = readFileSync(join(dist, file));
  return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

function group(files: FileSize[]): Group {
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

/** `<tag …>` elements of one kind, as attribute maps. */
function tags(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attributes: Record<string, string> = {};
    for (const a of (match[1] ?? '').matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+)))?/g))
      attributes[(a[1] ?? '').toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    out.push(attributes);
  }
  return out;
}

/**
 * A URL from index.html as a path inside dist: absolute URLs carry the base path (e.g.
 * /aktorskartan/assets/x.js), so leading segments are dropped until the file is found.
 */
function toDistPath(dist: string, url: string): string | null {
  if (/^[a-z]+:/i.test(url)) return null; // another origin
  const segments = url.split(/[?#]/)[0]!.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const candidate = segments.slice(i).join('/');
    if (existsSync(join(dist, candidate))) return candidate;
  }
  return null;
}

function assets(dist: string): string[] {
  const folder = join(dist, 'assets');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => statSync(join(folder, name)).isFile())
    .sort();
}

export function bundleReport(dist: string): BundleReport {
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: build the app first.`);
  const html = readFileSync(indexFile, 'utf8');

  const entry = tags(html, 'script')
    .filter((s) => s.type === 'module' && s.src)
    .map((s) => s.src!);
  const links = tags(html, 'link');
  const preloads = links.filter((l) => l.rel === 'modulepreload' && l.href).map((l) => l.href!);
  const stylesheets = links.filter((l) => l.rel === 'stylesheet' && l.href).map((l) => l.href!);

  const resolve = (urls: string[]) => [
    ...new Set(urls.map((u) => toDistPath(dist, u)).filter((p): p is string => p !== null)),
  ];
  const initial = resolve([...entry, ...preloads]).filter((f) => !isMapLibre(posix.basename(f)));
  const initialCss = resolve(stylesheets);

  const names = assets(dist);
  const inAssets = (test: (name: string) => boolean) =>
    names.filter(test).map((name) => sizeOf(dist, `assets/${name}`));
  const js = (name: string) => /\.m?js$/.test(name);
  const initialSet = new Set(initial);

  let dataset: DatasetSize | null = null;
  if (existsSync(join(dist, DATASET_FILE))) {
    const size = sizeOf(dist, DATASET_FILE);
    const json = JSON.parse(readFileSync(join(dist, DATASET_FILE), 'utf8')) as {
      features?: unknown[];
    };
    const actors = Array.isArray(json.features) ? json.features.length : 0;
    dataset = { ...size, actors, gzipPerActor: actors > 0 ? size.gzip / actors : 0 };
  }

  return {
    initialJs: group(initial.map((f) => sizeOf(dist, f))),
    mapLibreChunk: group(inAssets((n) => MAP_CHUNK.test(n))),
    mapLibreWorker: group(inAssets((n) => MAP_WORKER.test(n))),
    datasetWorker: group(inAssets((n) => DATASET_WORKER.test(n))),
    otherJs: group(
      inAssets(
        (n) => js(n) && !isMapLibre(n) && !DATASET_WORKER.test(n) && !initialSet.has(`assets/${n}`),
      ),
    ),
    initialCss: group(initialCss.map((f) => sizeOf(dist, f))),
    css: group(inAssets((n) => n.endsWith('.css'))),
    dataset,
    snapshot: existsSync(join(dist, SNAPSHOT_FILE)) ? sizeOf(dist, SNAPSHOT_FILE) : null,
  };
}

/** Budget failures, as sentences; empty when the build is within budget. */
export function checkBudgets(report: BundleReport, budgets: Budgets = BUDGETS): string[] {
  const failures: string[] = [];
  if (report.initialJs.files.length === 0)
    failures.push('No initial JS found: index.html names no module script.');
  if (report.initialJs.gzip > budgets.initialJsGzip)
    failures.push(
      `Initial JS is ${kB(report.initialJs.gzip)} gzip (without MapLibre), over the budget of ` +
        `${kB(budgets.initialJsGzip)}: ${report.initialJs.files.map((f) => `${f.file} ${kB(f.gzip)}`).join(', ')}.`,
    );
  if (!report.dataset) failures.push(`No dataset at ${DATASET_FILE}.`);
  else if (report.dataset.gzipPerActor > budgets.datasetGzipPerActor)
    failures.push(
      `The dataset needs ${report.dataset.gzipPerActor.toFixed(0)} B gzip per actor ` +
        `(${kB(report.dataset.gzip)} for ${report.dataset.actors} actors), over the budget of ` +
        `${budgets.datasetGzipPerActor} B.`,
    );
  return failures;
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The report as table rows: [what, raw, gzip]. */
export function reportRows(report: BundleReport): [string, string, string][] {
  const row = (label: string, g: Group): [string, string, string] => [
    `${label} (${g.files.length} ${g.files.length === 1 ? 'file' : 'files'})`,
    kB(g.bytes),
    kB(g.gzip),
  ];
  const rows: [string, string, string][] = [
    row('initial JS, without MapLibre', report.initialJs),
    row('MapLibre chunk (map-view + maplibre-gl)', report.mapLibreChunk),
    row('MapLibre worker', report.mapLibreWorker),
    row('dataset worker', report.datasetWorker),
    row('other JS chunks (lazy)', report.otherJs),
    row('CSS linked from index.html', report.initialCss),
    row('CSS, all (MapLibre included)', report.css),
  ];
  if (report.dataset) {
    const d = report.dataset;
    rows.push([`dataset (${d.actors} actors)`, kB(d.bytes), kB(d.gzip)]);
    rows.push([
      'dataset per actor',
      `${(d.bytes / Math.max(1, d.actors)).toFixed(0)} B`,
      `${d.gzipPerActor.toFixed(0)} B`,
    ]);
  }
  if (report.snapshot)
    rows.push([
      'summary snapshot (first view)',
      kB(report.snapshot.bytes),
      kB(report.snapshot.gzip),
    ]);
  return rows;
}

/** A Markdown table, columns padded to their widest cell. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${header.map((_, i) => (cells[i] ?? '').padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
