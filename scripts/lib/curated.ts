/**
 * Reads the curated files in data/ and checks them with the app's own schema and checks.
 * Shared by `npm run data:check` (report) and `npm run data:build` (report, then publish).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import {
  assembleDataset,
  type CuratedInputs,
  type PublishedDataset,
} from '../../src/data/assemble.ts';
import { checkCurated } from '../../src/data/check-curated.ts';
import { parseDataset, DatasetFormatError } from '../../src/data/parse-dataset.ts';
import { problemsFromZod, type Problem } from '../../src/data/problems.ts';
import {
  CuratedActor,
  DatasetMetadata,
  KindEntry,
  MunicipalityEntry,
  Programme,
  RelationTypeEntry,
  SimpleEntry,
  Site,
  Source,
} from '../../src/data/schema.ts';
import { jsonSchemas, serializeSchema } from './json-schema.ts';

export interface CheckResult {
  problems: Problem[];
  published: PublishedDataset | null;
  counts: { actors: number; programmes: number; relations: number; sites: number; sources: number };
}

/**
 * "line 3, column 14: ValueExpected" for text that JSON.parse rejected. JSON.parse's own message
 * gives no position on Node 20, so a strict run of jsonc-parser locates the first error.
 */
export function jsonErrorLocation(text: string): string {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (!first) return '';
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column}: ${printParseErrorCode(first.error)})`;
}

class Reader {
  readonly problems: Problem[] = [];
  constructor(readonly dataDir: string) {}

  rel(path: string): string {
    return relative(join(this.dataDir, '..'), path);
  }

  json(path: string): unknown {
    const file = this.rel(path);
    if (!existsSync(path)) {
      this.problems.push({
        severity: 'error',
        code: 'json-syntax',
        message: 'file is missing',
        file,
        effect: 'record-excluded',
      });
      return undefined;
    }
    const text = readFileSync(path, 'utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.problems.push({
        severity: 'error',
        code: 'json-syntax',
        message: `malformed JSON${jsonErrorLocation(text)}: ${message}`,
        file,
        effect: 'record-excluded',
      });
      return undefined;
    }
  }

  /** Parses each element of an array file on its own, so one bad record names itself and spares the rest. */
  records<S extends z.ZodType>(path: string, schema: S): z.infer<S>[] {
    const raw = this.json(path);
    if (raw === undefined) return [];
    const file = this.rel(path);
    if (!Array.isArray(raw)) {
      this.problems.push({
        severity: 'error',
        code: 'schema',
        message: 'expected an array of records',
        file,
        effect: 'record-excluded',
      });
      return [];
    }
    return raw.flatMap((item: unknown, index) => {
      const result = schema.safeParse(item);
      if (result.success) return [result.data as z.infer<S>];
      const id =
        typeof item === 'object' && item !== null && 'id' in item
          ? String(item.id)
          : `#${index + 1}`;
      this.problems.push(
        ...problemsFromZod(result.error, { file, recordId: id }, 'record-excluded'),
      );
      return [];
    });
  }

  one<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined {
    const raw = this.json(path);
    if (raw === undefined) return undefined;
    const result = schema.safeParse(raw);
    if (result.success) return result.data as z.infer<S>;
    this.problems.push(
      ...problemsFromZod(result.error, { file: this.rel(path) }, 'record-excluded'),
    );
    return undefined;
  }
}

export function checkDataDir(dataDir: string): CheckResult {
  const r = new Reader(dataDir);
  const vocab = (name: string) => join(dataDir, 'vocabularies', name);
  const metadata = r.one(join(dataDir, 'dataset.json'), DatasetMetadata.omit({ updated: true }));
  const vocabularies = {
    kinds: r.records(vocab('kinds.json'), KindEntry),
    sectors: r.records(vocab('sectors.json'), SimpleEntry),
    facilityTypes: r.records(vocab('facility-types.json'), SimpleEntry),
    relationTypes: r.records(vocab('relation-types.json'), RelationTypeEntry),
    programmeRoles: r.records(vocab('programme-roles.json'), SimpleEntry),
    municipalities: r.records(vocab('municipalities.json'), MunicipalityEntry),
  };
  const sources = r.records(join(dataDir, 'sources.json'), Source);
  const sites = r.records(join(dataDir, 'sites.json'), Site);
  const programmes = r.records(join(dataDir, 'programmes.json'), Programme);

  const actorDir = join(dataDir, 'actors');
  const actorFiles = new Map<string, string>();
  const actors: CuratedActor[] = [];
  const names = existsSync(actorDir)
    ? readdirSync(actorDir)
        .filter((n) => n.endsWith('.json'))
        .sort()
    : [];
  for (const name of names) {
    const path = join(actorDir, name);
    const raw = r.json(path);
    if (raw === undefined) continue;
    const result = CuratedActor.safeParse(raw);
    const file = r.rel(path);
    if (!result.success) {
      r.problems.push(
        ...problemsFromZod(
          result.error,
          { file, recordId: name.replace(/\.json$/, '') },
          'record-excluded',
        ),
      );
      continue;
    }
    if (actorFiles.has(result.data.id)) {
      r.problems.push({
        severity: 'error',
        code: 'duplicate-id',
        message: `duplicate actor id "${result.data.id}", also in ${actorFiles.get(result.data.id)}`,
        file,
        recordId: result.data.id,
        field: 'id',
        effect: 'record-excluded',
      });
      continue;
    }
    actorFiles.set(result.data.id, file);
    actors.push(result.data);
  }

  const problems = [...r.problems];
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const path = join(dataDir, 'schema', name);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== serializeSchema(schema))
      problems.push({
        severity: 'error',
        code: 'stale-json-schema',
        message: 'the JSON Schema no longer matches src/data/schema.ts: run npm run data:schema',
        file: r.rel(path),
        effect: 'none',
      });
  }

  const counts = {
    actors: actors.length,
    programmes: programmes.length,
    relations: actors.reduce((n, a) => n + a.relations.length, 0),
    sites: sites.length,
    sources: sources.length,
  };
  if (!metadata) return { problems, published: null, counts };

  const inputs: CuratedInputs = { metadata, vocabularies, sources, sites, programmes, actors };
  const files = {
    actorFiles,
    sitesFile: 'data/sites.json',
    municipalitiesFile: 'data/vocabularies/municipalities.json',
    programmesFile: 'data/programmes.json',
    kindsFile: 'data/vocabularies/kinds.json',
  };
  problems.push(...checkCurated(inputs, files));

  const published = assembleDataset(inputs);
  try {
    // The app's own parser, on the exact bytes the app will fetch.
    const dataset = parseDataset(JSON.parse(JSON.stringify(published)));
    for (const p of dataset.problems) {
      const file = p.recordId ? actorFiles.get(p.recordId) : undefined;
      problems.push({
        ...p,
        file: p.file ?? file ?? (p.params?.what === 'programme' ? files.programmesFile : undefined),
      });
    }
  } catch (error) {
    if (!(error instanceof DatasetFormatError)) throw error;
    problems.push(...error.problems);
  }
  return { problems, published, counts };
}
