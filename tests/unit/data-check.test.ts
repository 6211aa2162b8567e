/**
 * One failing fixture per data:check rule. Each test starts from a small valid data directory,
 * breaks one thing, and expects an error naming the file, the record and the field.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDataDir } from '../../scripts/lib/curated.ts';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;

const actor = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Testaktör ${id}`,
  kind: 'sme',
  description: { sv: 'Gör tester.', en: 'Runs tests.' },
  site: 'test-site',
  sources: ['test-source'],
  lastVerified: '2026-01-01',
  ...extra,
});

function write(path: string, value: unknown) {
  writeFileSync(
    join(dir, path),
    typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`,
  );
}
const read = (path: string) =>
  JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>[];

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'data-check-')), 'data');
  mkdirSync(join(dir, 'actors'), { recursive: true });
  cpSync(join(ROOT, 'data/vocabularies'), join(dir, 'vocabularies'), { recursive: true });
  cpSync(join(ROOT, 'data/schema'), join(dir, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'data/dataset.json'), join(dir, 'dataset.json'));
  // Municipality centres cite real sources: keep those entries resolvable.
  const sources = JSON.parse(readFileSync(join(ROOT, 'data/sources.json'), 'utf8')) as {
    id: string;
  }[];
  write('sources.json', [
    { id: 'test-source', title: 'Testkälla', publisher: 'Test', date: '2024', type: 'web-page' },
    ...sources.filter((s) => s.id.startsWith('web-wikipedia')),
  ]);
  write('sites.json', [
    {
      id: 'test-site',
      name: 'Testplats',
      municipality: 'solna',
      precision: 'site',
      coordinates: [18.0, 59.36],
      sources: ['test-source'],
      pointSources: ['test-source'],
    },
  ]);
  write('programmes.json', [
    {
      id: 'test-programme',
      name: 'Testprogram',
      type: 'programme',
      description: { sv: 'Test.', en: 'Test.' },
      period: { start: 2020, end: null, ongoing: true },
      sources: ['test-source'],
    },
  ]);
  write(
    'actors/alpha.json',
    actor('alpha', {
      programmes: [{ programme: 'test-programme', role: 'member', sources: ['test-source'] }],
    }),
  );
  write(
    'actors/beta.json',
    actor('beta', {
      relations: [{ type: 'partner-of', target: 'alpha', sources: ['test-source'] }],
    }),
  );
});

afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

const errors = () => checkDataDir(dir).problems.filter((p) => p.severity === 'error');

describe('data:check', () => {
  it('passes the valid fixture', () => {
    expect(errors()).toEqual([]);
  });

  it('passes the shipped dataset', () => {
    const result = checkDataDir(join(ROOT, 'data'));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.counts.actors).toBeGreaterThan(30);
  });

  it('rejects malformed JSON, naming the file and the line', () => {
    write('actors/alpha.json', '{\n  "id": "alpha",\n  "name": }');
    expect(errors()).toContainEqual(
      expect.objectContaining({
        code: 'json-syntax',
        file: 'data/actors/alpha.json',
        message: expect.stringContaining('line 3, column 11'),
      }),
    );
  });

  it('rejects a missing required field', () => {
    const { name: _drop, ...rest } = actor('alpha');
    write('actors/alpha.json', rest);
    expect(errors()).toContainEqual(
      expect.objectContaining({
        code: 'schema',
        file: 'data/actors/alpha.json',
        recordId: 'alpha',
        field: 'name',
      }),
    );
  });

  it('rejects duplicate ids', () => {
    write('actors/gamma.json', actor('alpha'));
    expect(errors()).toContainEqual(
      expect.objectContaining({ code: 'duplicate-id', recordId: 'alpha' }),
    );
  });

  it('rejects unknown vocabulary ids', () => {
    write('actors/alpha.json', actor('alpha', { sectors: ['alchemy'] }));
    expect(errors()).toContainEqual(
      expect.objectContaining({
        code: 'unknown-reference',
        file: 'data/actors/alpha.json',
        recordId: 'alpha',
        field: 'sectors',
      }),
    );
  });

  it('rejects relations that point at nothing', () => {
    write(
      'actors/beta.json',
      actor('beta', {
        relations: [{ type: 'partner-of', target: 'ghost', sources: ['test-source'] }],
      }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({
        code: 'unknown-reference',
        file: 'data/actors/beta.json',
        recordId: 'beta',
        field: 'relations.0.target',
      }),
    );
  });

  it('rejects programme roles that point at nothing', () => {
    write(
      'actors/alpha.json',
      actor('alpha', {
        programmes: [{ programme: 'ghost-programme', role: 'member', sources: [] }],
      }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({
        code: 'unknown-reference',
        recordId: 'alpha',
        field: 'programmes.0.programme',
      }),
    );
  });

  it('rejects coordinates outside Sweden', () => {
    const sites = read('sites.json');
    write('sites.json', [{ ...sites[0], coordinates: [2.35, 48.85] }]);
    expect(errors()).toContainEqual(
      expect.objectContaining({
        code: 'coordinates-outside-sweden',
        file: 'data/sites.json',
        recordId: 'test-site',
        field: 'coordinates',
      }),
    );
  });

  it('says when longitude and latitude are probably swapped', () => {
    const sites = read('sites.json');
    write('sites.json', [{ ...sites[0], coordinates: [59.36, 18.0] }]);
    expect(errors()).toContainEqual(
      expect.objectContaining({ code: 'coordinates-swapped', recordId: 'test-site' }),
    );
  });

  it('rejects unsafe website URLs', () => {
    write(
      'actors/alpha.json',
      actor('alpha', { website: { url: 'javascript:alert(1)', sources: [] } }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({
        code: 'schema',
        file: 'data/actors/alpha.json',
        recordId: 'alpha',
        field: 'website.url',
      }),
    );
  });

  it('rejects an actor without a source', () => {
    write('actors/alpha.json', actor('alpha', { sources: [] }));
    expect(errors()).toContainEqual(
      expect.objectContaining({ recordId: 'alpha', field: 'sources' }),
    );
  });

  it('rejects an actor whose file name differs from its id', () => {
    write('actors/wrong-name.json', actor('delta'));
    expect(errors()).toContainEqual(
      expect.objectContaining({ code: 'file-name', recordId: 'delta' }),
    );
  });

  it('warns, without failing, about facts that have no source', () => {
    write(
      'actors/alpha.json',
      actor('alpha', { website: { url: 'https://example.org/', sources: [] } }),
    );
    const { problems } = checkDataDir(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'unverified-fact',
        field: 'website.sources',
      }),
    );
  });

  it('exits non-zero from the command line on errors, zero without', () => {
    const run = () =>
      spawnSync('node', ['--import', 'tsx', 'scripts/data-check.ts', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
      });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('0 errors');
    write('actors/alpha.json', actor('alpha', { kind: 'unicorn' }));
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain(
      'error: data/actors/alpha.json, id "alpha", field kind: unknown actor kind "unicorn"',
    );
  });
});
