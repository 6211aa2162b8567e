/**
 * npm run data:build — checks data/ and writes the published dataset the app fetches
 * (public/data/aktorskartan.geojson). Refuses to write when the check finds errors.
 * Warnings are counted, not printed: run data:check to read them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblem } from '../src/data/problems.ts';
import { checkDataDir } from './lib/curated.ts';

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
writeFileSync(out, JSON.stringify(published));
console.log(
  `data:build: wrote ${counts.actors} actors to public/data/aktorskartan.geojson ` +
    `(${problems.length} warnings; see npm run data:check)`,
);
