/**
 * Size budgets of the built app (CI): fails when the initial JS (gzip, MapLibre excluded) or the
 * dataset's gzip bytes per actor exceed their budgets (bench/bundle-report.ts, BUDGETS).
 * Prints the bundle report as a table, then the verdict; exits 1 on any failure.
 * Usage: tsx scripts/check-budget.ts [dist-dir]   (default: dist)
 */
import { resolve } from 'node:path';
import {
  BUDGETS,
  bundleReport,
  checkBudgets,
  formatTable,
  kB,
  reportRows,
} from '../bench/bundle-report.ts';

const dist = resolve(process.argv[2] ?? 'dist');
let failures: string[];
try {
  const report = bundleReport(dist);
  console.log(formatTable(['bundle', 'raw', 'gzip'], reportRows(report)));
  failures = checkBudgets(report);
  console.log(
    `budgets: initial JS ${kB(report.initialJs.gzip)} of ${kB(BUDGETS.initialJsGzip)} gzip; ` +
      `dataset ${report.dataset ? report.dataset.gzipPerActor.toFixed(0) : '–'} of ` +
      `${BUDGETS.datasetGzipPerActor} B gzip per actor`,
  );
} catch (error) {
  failures = [error instanceof Error ? error.message : String(error)];
}
for (const f of failures) console.error(`check-budget: ${f}`);
if (failures.length === 0) console.log('check-budget: within budget');
process.exit(failures.length > 0 ? 1 : 0);
