/** The built app the browser benchmarks load: bench/out/dist, with the shipped dataset in it. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILE } from './bundle-report.ts';

export function buildApp(root: string, log: (line: string) => void): string {
  const outDir = join(root, 'bench/out/dist');
  if (!existsSync(join(root, 'public', DATASET_FILE))) {
    log('building the shipped dataset (npm run data:build)…');
    execFileSync('npm', ['run', '--silent', 'data:build'], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(join(root, 'public/basemap/tiles'))) {
    log('cutting the basemap tiles (npm run basemap:tiles)…');
    execFileSync('npm', ['run', '--silent', 'basemap:tiles'], { cwd: root, stdio: 'inherit' });
  }
  log(`building the app into ${outDir}…`);
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  return outDir;
}
