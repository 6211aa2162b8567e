import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, bundleReport, checkBudgets, reportRows } from '../../bench/bundle-report.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fake build: index.html naming an entry, preloads and a stylesheet, plus assets and data. */
function fakeDist(options: { base?: string; entryBytes?: number; actors?: number } = {}) {
  const dist = mkdtempSync(join(tmpdir(), 'bundle-report-'));
  dirs.push(dist);
  const base = options.base ?? '/';
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), content);
  };
  write(
    'index.html',
    `<!doctype html><html><head>
    <script type="module" crossorigin src="${base}assets/main-abc.js"></script>
    <link rel="modulepreload" crossorigin href="${base}assets/react-def.js">
    <link rel="modulepreload" crossorigin href="${base}assets/map-view-ghi.js">
    <link rel="stylesheet" crossorigin href="${base}assets/main-jkl.css">
    <link rel="manifest" href="${base}manifest.webmanifest">
    </head><body></body></html>`,
  );
  // Random bytes do not compress: the entry's gzip size is about its raw size.
  write('assets/main-abc.js', randomBytes(options.entryBytes ?? 2000).toString('base64'));
  write('assets/react-def.js', 'export const react = 1;'.repeat(50));
  write('assets/map-view-ghi.js', 'export const map = 1;'.repeat(500));
  write('assets/maplibre-gl-mno.js', 'export const gl = 1;');
  write('assets/maplibre-gl-worker-pqr.mjs', 'self.onmessage = () => {};'.repeat(200));
  write('assets/dataset-worker-stu.js', 'self.onmessage = () => {};'.repeat(100));
  write('assets/backend-vwx.js', 'export const backend = 1;');
  write('assets/main-jkl.css', 'body { margin: 0 }');
  write('assets/map-view-yz.css', '.maplibregl-map { overflow: hidden }');
  const actors = options.actors ?? 4;
  const features = Array.from({ length: actors }, (_, i) => ({
    type: 'Feature',
    id: `a${i}`,
    geometry: { type: 'Point', coordinates: [18, 59] },
    // Incompressible text, so the per-actor size is known: about 800 gzip bytes per actor.
    properties: { id: `a${i}`, description: randomBytes(600).toString('base64') },
  }));
  write('data/aktorskartan.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
  return dist;
}

const names = (files: { file: string }[]) => files.map((f) => f.file).sort();

describe('bundleReport', () => {
  it('classifies initial JS, MapLibre, the dataset worker, other chunks and CSS', () => {
    const report = bundleReport(fakeDist());
    // The MapLibre chunk is preloaded here, but it is not counted as initial JS.
    expect(names(report.initialJs.files)).toEqual(['assets/main-abc.js', 'assets/react-def.js']);
    expect(names(report.mapLibreChunk.files)).toEqual([
      'assets/map-view-ghi.js',
      'assets/maplibre-gl-mno.js',
    ]);
    expect(names(report.mapLibreWorker.files)).toEqual(['assets/maplibre-gl-worker-pqr.mjs']);
    expect(names(report.datasetWorker.files)).toEqual(['assets/dataset-worker-stu.js']);
    expect(names(report.otherJs.files)).toEqual(['assets/backend-vwx.js']);
    expect(names(report.initialCss.files)).toEqual(['assets/main-jkl.css']);
    expect(names(report.css.files)).toEqual(['assets/main-jkl.css', 'assets/map-view-yz.css']);
    expect(report.dataset?.actors).toBe(4);
    expect(reportRows(report)).toHaveLength(9);
  });

  it('measures gzip sizes and sums them per group', () => {
    const dist = fakeDist();
    const report = bundleReport(dist);
    const react = report.initialJs.files.find((f) => f.file === 'assets/react-def.js');
    expect(react?.bytes).toBe('export const react = 1;'.length * 50);
    expect(react?.gzip).toBe(gzipSync('export const react = 1;'.repeat(50), { level: 9 }).length);
    expect(report.initialJs.gzip).toBe(report.initialJs.files.reduce((n, f) => n + f.gzip, 0));
    expect(report.dataset?.gzipPerActor).toBeCloseTo((report.dataset?.gzip ?? 0) / 4);
  });

  it('finds files when the app is built under a base path', () => {
    const report = bundleReport(fakeDist({ base: '/aktorskartan/' }));
    expect(names(report.initialJs.files)).toEqual(['assets/main-abc.js', 'assets/react-def.js']);
  });

  it('fails clearly without a build', () => {
    expect(() => bundleReport(join(tmpdir(), 'no-such-dist-folder'))).toThrow(/build the app/);
  });
});

describe('checkBudgets', () => {
  it('passes a build within budget', () => {
    const report = bundleReport(fakeDist());
    expect(checkBudgets(report, { initialJsGzip: 150_000, datasetGzipPerActor: 1_000 })).toEqual(
      [],
    );
  });

  it('fails when the initial JS is over budget', () => {
    const report = bundleReport(fakeDist({ entryBytes: 160_000 }));
    const failures = checkBudgets(report, BUDGETS);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/Initial JS is .* over the budget of 150\.0 kB/);
  });

  it('fails when the dataset needs too many bytes per actor', () => {
    const report = bundleReport(fakeDist());
    expect(report.dataset?.gzipPerActor).toBeGreaterThan(500);
    const failures = checkBudgets(report, { initialJsGzip: 150_000, datasetGzipPerActor: 500 });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/per actor .* over the budget of 500 B/);
  });
});
