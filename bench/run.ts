/**
 * npm run bench — generates seeded synthetic datasets, measures the app's logic in Node, and
 * prints one table with median and p95 per metric and size.
 * Usage: npm run bench [-- --sizes 200,10000,100000]
 */
import { nodeMetrics, summarize, type Metric } from './node-metrics.ts';

const arg = process.argv.indexOf('--sizes');
const sizes = (arg > 0 ? (process.argv[arg + 1] ?? '') : '200,1000,10000,100000')
  .split(',')
  .map(Number)
  .filter(Boolean);

const all: Metric[] = [];
for (const size of sizes) {
  process.stderr.write(`node metrics at ${size} actors…\n`);
  all.push(...nodeMetrics(size));
}

const names = [...new Set(all.map((m) => m.name))];
const fmt = (v: number, unit: string) =>
  unit === 'ms' ? (v < 10 ? v.toFixed(2) : v.toFixed(0)) : v.toFixed(2);
const header = ['metric', ...sizes.map((s) => `${s.toLocaleString('en')} (median / p95)`)];
const rows = names.map((name) => {
  const unit = all.find((m) => m.name === name)?.unit ?? 'ms';
  return [
    `${name} [${unit}]`,
    ...sizes.map((size) => {
      const m = all.find((x) => x.name === name && x.size === size);
      if (!m) return '–';
      const { median, p95 } = summarize(m.samples);
      return m.samples.length === 1
        ? fmt(median, unit)
        : `${fmt(median, unit)} / ${fmt(p95, unit)}`;
    }),
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
