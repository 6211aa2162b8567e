/**
 * Node-side benchmark: the pure logic the app runs on every load and every interaction, on
 * synthetic datasets. Each metric is repeated and reported as median and p95.
 */
import { gzipSync } from 'node:zlib';
import { parseDataset } from '../src/data/parse-dataset.ts';
import { collator } from '../src/domain/collation.ts';
import { filterAndCount } from '../src/domain/facets.ts';
import { buildActorIndex, computeResults } from '../src/domain/results.ts';
import { search } from '../src/domain/search-index.ts';
import { EMPTY_FILTERS, type Filters } from '../src/domain/url-state.ts';
import { generateDataset } from './generate.ts';

export interface Metric {
  name: string;
  size: number;
  samples: number[];
  unit: 'ms' | 'MB' | 'kB';
}

export function summarize(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor((s.length - 1) * q + 0.5))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Collects the garbage the previous series left (rebuilt indexes of 100,000 actors), when Node
 * runs with --expose-gc (npm run bench does): otherwise a major collection lands at random in the
 * next series and one sample of it reads 300 ms.
 */
const settle = () => (globalThis as { gc?: () => void }).gc?.();

function timeIt(fn: () => unknown, runs: number, collectFirst = true): number[] {
  if (collectFirst) settle();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Two-term queries as people type them: accents either way, prefixes, a typo. */
const QUERIES = [
  'soder berg',
  'cell analys',
  'bio lab',
  'strom tech',
  'lund medic',
  'forskn data',
  'holm scien',
  'vaccin sthlm',
  'ørsted bio',
  'fjall innov',
];

export function nodeMetrics(size: number): Metric[] {
  const raw = generateDataset({ count: size, seed: 42 });
  const json = JSON.stringify(raw);
  const metrics: Metric[] = [];
  const push = (name: string, samples: number[], unit: Metric['unit'] = 'ms') =>
    metrics.push({ name, size, samples, unit });

  const parseRuns = size >= 100_000 ? 3 : 5;
  let dataset = parseDataset(JSON.parse(json));
  push(
    'parse + validate dataset',
    timeIt(() => (dataset = parseDataset(JSON.parse(json))), parseRuns),
  );
  let index = buildActorIndex(dataset);
  push(
    'build indexes (facets, name order)',
    timeIt(() => (index = buildActorIndex(dataset)), parseRuns),
  );
  // The search index is built lazily (after the first results, or by the first search).
  const searchBuilds: number[] = [];
  for (let i = 0; i < parseRuns; i++) {
    const fresh = buildActorIndex(dataset);
    searchBuilds.push(...timeIt(() => fresh.search, 1));
  }
  push('build search index', searchBuilds);

  // Four facets, each with its most common value, as a reader would click them.
  const top = (facet: keyof Filters) => {
    const counts = filterAndCount(index.facets, EMPTY_FILTERS).counts[facet];
    let best = 0;
    counts.forEach((c, i) => {
      if (c > (counts[best] ?? 0)) best = i;
    });
    return index.facets[facet].values[best] ?? '';
  };
  const filters: Filters = {
    ...EMPTY_FILTERS,
    kind: [top('kind')],
    sector: [top('sector')],
    facility: [top('facility')],
    programme: [top('programme')],
  };
  push(
    'filter 4 facets + all facet counts',
    timeIt(() => filterAndCount(index.facets, filters), 30),
  );
  // Built (and warmed up, as in the app) before the queries, not inside the first one's time.
  // No collection between the build and the queries: a forced full GC also throws away V8's
  // compiled code, which the app's idle worker keeps.
  settle();
  void index.search;
  push(
    'two-term accent-folded search',
    QUERIES.flatMap((q) => timeIt(() => search(index.search, q), 3, false)),
  );
  push(
    'sort all by name (Swedish collation)',
    timeIt(() => {
      const c = collator('sv');
      return [...dataset.actors].sort((a, b) => c.compare(a.name, b.name));
    }, 3),
  );
  push(
    'full result set (search + filters + sort)',
    QUERIES.flatMap((q) =>
      timeIt(
        () =>
          computeResults(index, {
            q,
            filters: { ...EMPTY_FILTERS, sector: filters.sector },
            sort: 'relevance',
            inView: null,
            center: null,
          }),
        2,
      ),
    ),
  );
  push('dataset per actor (gzip)', [gzipSize(json) / size / 1024], 'kB');
  return metrics;
}

function gzipSize(text: string): number {
  return gzipSync(text, { level: 9 }).length;
}
