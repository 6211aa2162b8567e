/**
 * A small static server for the built app, used by the end-to-end tests and the benchmark.
 * It serves dist/ as `npm run preview` would, plus test-only routes when asked.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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

export type Extra = (req: IncomingMessage, res: ServerResponse) => boolean;

export function serveStatic(
  root: string,
  options: { headers?: Record<string, string>; extra?: Extra } = {},
) {
  const base = resolve(root);
  return (req: IncomingMessage, res: ServerResponse) => {
    if (options.extra?.(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...options.headers,
    });
    createReadStream(path).pipe(res);
  };
}

export function listen(
  handler: ReturnType<typeof serveStatic>,
  port = 0,
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const p = typeof address === 'object' && address ? address.port : port;
      done({ server, url: `http://127.0.0.1:${p}` });
    });
  });
}
