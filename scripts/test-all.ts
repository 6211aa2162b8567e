/**
 * npm test — every check the project has, in order, with one summary line at the end:
 * lint, typecheck, formatting, data check, unit and component tests, build (with the bundle
 * budget), end-to-end tests in Chromium. Each static check counts as one test; test suites count
 * their cases. A failing step does not hide the others, except that e2e needs a successful build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string;
  /** Vitest JSON report to read the counts from. */
  report?: string;
  needs?: string;
}

const RESULTS = 'test-results';
const vitest = (project: string[], report: string) =>
  `npx vitest run ${project.map((p) => `--project ${p}`).join(' ')} --reporter=default --reporter=json --outputFile.json=${RESULTS}/${report}`;

const steps: Step[] = [
  { name: 'lint', command: 'npx eslint .' },
  { name: 'typecheck', command: 'npx tsc -b' },
  { name: 'format', command: 'npx prettier --check .' },
  { name: 'data:check', command: 'npm run --silent data:check' },
  {
    name: 'unit + components',
    command: vitest(['unit', 'components'], 'unit.json'),
    report: 'unit.json',
  },
  { name: 'build', command: 'npm run --silent build' },
  {
    name: 'bundle budget',
    command: 'npx tsx --tsconfig tsconfig.node.json scripts/check-budget.ts dist',
    needs: 'build',
  },
  { name: 'e2e', command: vitest(['e2e'], 'e2e.json'), report: 'e2e.json', needs: 'build' },
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
let passed = 0;
let failed = 0;
const outcome = new Map<string, boolean>();
const lines: string[] = [];

for (const step of steps) {
  if (step.needs && !outcome.get(step.needs)) {
    failed += 1;
    outcome.set(step.name, false);
    lines.push(`✗ ${step.name}: skipped because ${step.needs} failed`);
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.command}`);
  const started = Date.now();
  const result = spawnSync(step.command, { shell: true, stdio: 'inherit' });
  const ok = result.status === 0;
  outcome.set(step.name, ok);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const path = step.report && `${RESULTS}/${step.report}`;
  if (path && existsSync(path)) {
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed += report.numPassedTests;
    // A suite that crashed before reporting still counts as a failure.
    const stepFailed = report.numFailedTests || (ok ? 0 : 1);
    failed += stepFailed;
    lines.push(
      `${ok ? '✓' : '✗'} ${step.name}: ${report.numPassedTests} passed, ${stepFailed} failed (${seconds} s)`,
    );
  } else {
    if (ok) passed += 1;
    else failed += 1;
    lines.push(`${ok ? '✓' : '✗'} ${step.name} (${seconds} s)`);
  }
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
