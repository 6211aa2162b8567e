/**
 * Why src/domain/search-index.ts exists: the same documents and queries through MiniSearch,
 * FlexSearch and our index. Usage: npm run bench:search [-- 100000]
 * Prints index build time and per-query median and p95.
 */
import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { tokenize } from '../src/domain/fold.ts';
import { buildSearchIndex, search } from '../src/domain/search-index.ts';
import { generateDataset } from './generate.ts';

const n = Number(process.argv[2] ?? 100_000);
const data = generateDataset({ count: n, seed: 7 });
const docs = data.features.map((f, i) => ({
  id: i,
  name: f.properties.name,
  short: f.properties.shortNames.join(' '),
  description: f.properties.description.sv,
}));
// Realistic typing: prefixes, accents in either direction, two terms, a typo.
const queries = [
  'sodertalje',
  'bio lab',
  'cell analys',
  'strom',
  'berg sci',
  'forskn',
  'ørsted',
  'lund medic',
  'tera',
  'holmbyy',
];

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(s.length * q))]!.toFixed(2);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}
function time(label: string, build: () => (q: string) => unknown) {
  const t0 = performance.now();
  const run = build();
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < 5; r++)
    for (const q of queries) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  console.log(
    `${label.padEnd(12)} build ${buildMs.toFixed(0).padStart(6)} ms · query ${stats(times)}`,
  );
}

console.log(`${n} synthetic actors`);
time('ours', () => {
  const index = buildSearchIndex(
    docs.map((d) => ({ names: [d.name, d.short], text: [d.description] })),
  );
  return (q) => search(index, q);
});
time('minisearch', () => {
  const ms = new MiniSearch({
    fields: ['name', 'short', 'description'],
    tokenize: (s) => tokenize(s),
    processTerm: (t) => t,
  });
  ms.addAll(docs);
  return (q) =>
    ms.search(q, {
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 1 : 0),
      combineWith: 'AND',
      boost: { name: 3, short: 3 },
    });
});
time('flexsearch', () => {
  const fx = new Document({
    encode: (s: string) => tokenize(s),
    document: {
      id: 'id',
      index: [
        { field: 'name', tokenize: 'forward' },
        { field: 'short', tokenize: 'forward' },
        { field: 'description', tokenize: 'strict' },
      ],
    },
  });
  for (const d of docs) fx.add(d);
  return (q) => fx.search(q, { limit: n });
});
