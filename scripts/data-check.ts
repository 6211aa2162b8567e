/**
 * npm run data:check — validates the curated files in data/ with the app's own schema.
 * Prints one line per problem (file, record id, field, what is wrong) and exits 1 on any error.
 * Usage: tsx scripts/data-check.ts [data-dir]
 */
import { resolve } from 'node:path';
import { formatProblem } from '../src/data/problems.ts';
import { checkDataDir } from './lib/curated.ts';

const dataDir = resolve(process.argv[2] ?? 'data');
const { problems, counts } = checkDataDir(dataDir);
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');

for (const p of [...errors, ...warnings]) console.log(formatProblem(p));
console.log(
  `data:check: ${counts.actors} actors, ${counts.programmes} programmes, ${counts.relations} relations, ` +
    `${counts.sites} sites, ${counts.sources} sources — ${errors.length} errors, ${warnings.length} warnings`,
);
process.exit(errors.length > 0 ? 1 : 0);
