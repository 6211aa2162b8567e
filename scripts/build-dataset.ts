/**
 * npm run data:build — checks data/ and writes the published dataset the app fetches
 * (public/data/aktorskartan.geojson) and its summary snapshot, the app's first view
 * (aktorskartan.summary.json; see src/data/summary-snapshot.ts). Refuses to write when the check
 * finds errors.
 * Warnings are counted, not printed: run data:check to read them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblem } from '../src/data/problems.ts';
import { checkDataDir } from './lib/curated.ts';
import { writeSnapshot } from './lib/snapshot.ts';

const out = resolve('public/data/aktorskartan.geojson');
const { problems, published, counts } = checkDataDir(resolve('data'));
const errors = problems.filter((p) => p.severity === 'error');
if (errors.length > 0 || !published) {
  for (const p of errors) console.error(formatProblem(p));
  console.error(
    `data:build: ${errors.length} errors; nothing written. Run npm run data:check for details.`,
  );
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
const text = JSON.stringify(published);
writeFileSync(out, text);
writeSnapshot(out, text);
console.log(
  `data:build: wrote ${counts.actors} actors to public/data/aktorskartan.geojson and its ` +
    `summary snapshot ` +
    `(${problems.length} warnings; see npm run data:check)`,
);
