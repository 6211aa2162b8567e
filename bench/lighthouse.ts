/**
 * Lighthouse on the built app: desktop preset, performance only, median of five runs, in Debian
 * Chromium. Opt-in and not part of `npm run bench`: it fetches Lighthouse 11.7.1 with npx on
 * first use (the newest Lighthouse needs Node 22.19; 11.7 is the last that runs on Node 20).
 *
 * Usage: npm run build && npm run bench:lighthouse [-- --runs 5]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './browser/launch.ts';
import { startBenchServer } from './browser/serve.ts';

const LIGHTHOUSE = 'lighthouse@11.7.1';
const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

interface Report {
  categories: { performance: { score: number } };
  audits: Record<string, { numericValue?: number; displayValue?: string }>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args[1]} exited with ${code}`)),
    );
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const server = await startBenchServer({ dist: process.env.LH_DIST ?? 'dist', root: process.cwd() });
const out = mkdtempSync(join(tmpdir(), 'aktorskartan-lighthouse-'));
const reports: Report[] = [];
try {
  for (let i = 1; i <= runs; i++) {
    const path = join(out, `run-${i}.json`);
    // Asynchronously: the server answering Lighthouse's browser runs in this process.
    await run(
      'npx',
      [
        '--yes',
        LIGHTHOUSE,
        `${server.url}/`,
        '--preset=desktop',
        '--only-categories=performance',
        '--output=json',
        `--output-path=${path}`,
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update --disable-sync --no-first-run --enable-unsafe-swiftshader --use-angle=swiftshader',
      ],
      { ...process.env, CHROME_PATH: CHROMIUM_PATH },
    );
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    reports.push(report);
    console.log(
      `run ${i}/${runs}: performance ${Math.round(report.categories.performance.score * 100)}`,
    );
  }
} finally {
  await server.close();
  rmSync(out, { recursive: true, force: true });
}

console.log(`\nLighthouse ${LIGHTHOUSE.split('@')[1]}, desktop preset, median of ${runs} runs`);
console.log(
  `performance score: ${Math.round(median(reports.map((r) => r.categories.performance.score)) * 100)}`,
);
for (const metric of METRICS) {
  const values = reports.map((r) => r.audits[metric]?.numericValue ?? NaN);
  const unit = metric === 'cumulative-layout-shift' ? '' : ' ms';
  const value = median(values);
  console.log(`${metric}: ${unit ? Math.round(value) : value.toFixed(3)}${unit}`);
}
