/**
 * The benchmark's static server: the built app, the Leaflet baseline page and its libraries, and
 * the dataset under test in place of the shipped one. Text is sent gzip-compressed when the
 * browser asks for it, as any real host would; compressed bodies are kept in memory, so a file is
 * compressed once, not on every request.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.txt']);

/** The app fetches its dataset from here (config.ts: BASE_URL + data/aktorskartan.geojson). */
export const DATASET_PATH = '/data/aktorskartan.geojson';
/** …and its summary snapshot from here (src/data/summary-snapshot.ts). */
export const SNAPSHOT_PATH = '/data/aktorskartan.summary.json';

export interface BenchServerOptions {
  /** The built app. */
  dist: string;
  /** The repository root: bench/leaflet and node_modules are found from here. */
  root: string;
  /** Compress text responses (default true). */
  gzip?: boolean;
}

export interface BenchServer {
  url: string;
  /**
   * Serve this file as the dataset (null: the one in dist/), with the snapshot beside it
   * (`<name>.summary.json`) unless `snapshot` is false or there is none: then the app finds no
   * snapshot, as with a dataset published without one.
   */
  setDataset(file: string | null, options?: { snapshot?: boolean }): void;
  close(): Promise<void>;
}

interface Body {
  raw: Buffer;
  gzipped: Buffer | null;
  key: string;
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const dist = resolve(options.dist);
  const root = resolve(options.root);
  const gzip = options.gzip ?? true;
  // URL prefix → folder. The first match wins; dist/ is last.
  const mounts: [string, string][] = [
    ['/leaflet/', join(root, 'bench/leaflet')],
    ['/vendor/leaflet/', join(root, 'node_modules/leaflet/dist')],
    ['/vendor/markercluster/', join(root, 'node_modules/leaflet.markercluster/dist')],
    ['/', dist],
  ];
  let dataset: string | null = null;
  let snapshot: string | null = null;
  const cache = new Map<string, Body>();

  /** The file's bytes, and their gzip, read again only when the file changed. */
  const body = (path: string): Body => {
    const stat = statSync(path);
    const key = `${stat.size}:${stat.mtimeMs}`;
    const hit = cache.get(path);
    if (hit && hit.key === key) return hit;
    const raw = readFileSync(path);
    // Level 6 is what web servers use on the fly (nginx: gzip_comp_level 1–9, commonly 6).
    const gzipped = gzip && COMPRESSIBLE.has(extname(path)) ? gzipSync(raw, { level: 6 }) : null;
    const entry = { raw, gzipped, key };
    cache.set(path, entry);
    return entry;
  };

  const resolvePath = (pathname: string): string | null => {
    if (pathname === DATASET_PATH && dataset) return dataset;
    if (pathname === SNAPSHOT_PATH && dataset) return snapshot;
    for (const [prefix, folder] of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      let path = normalize(join(folder, pathname.slice(prefix.length)));
      if (!path.startsWith(folder)) return null;
      try {
        if (statSync(path).isDirectory()) path = join(path, 'index.html');
        statSync(path);
        return path;
      } catch {
        return null;
      }
    }
    return null;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = resolvePath(decodeURIComponent(url.pathname));
    if (!path) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const { raw, gzipped } = body(path);
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const send = gzipped && accepts ? gzipped : raw;
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': String(send.length),
      // Each measured run uses a fresh browser context, so its cache starts empty anyway.
      'Cache-Control': 'no-cache',
      ...(send === gzipped ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : send);
  };

  // Compress the app's files now, outside any measured run.
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else body(path);
    }
  };
  walk(dist);

  const server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    setDataset(file, options) {
      dataset = file ? resolve(file) : null;
      const besides = dataset?.replace(/\.geojson$/, '.summary.json');
      snapshot =
        besides && besides !== dataset && options?.snapshot !== false && existsSync(besides)
          ? besides
          : null;
      // Compress them now, outside any measured run.
      if (dataset) body(dataset);
      if (snapshot) body(snapshot);
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
