/**
 * Turns the published file into a Dataset. The envelope (metadata and vocabularies) must be valid,
 * or nothing can be drawn and a DatasetFormatError is thrown. Every record after that is parsed on
 * its own: invalid ones are left out and reported, the rest still show.
 */
import type { z } from 'zod';
import { checkReferences } from './check-references.ts';
import { byId, indexVocabularies, type Actor, type Dataset } from './dataset.ts';
import { fastActorFeature, fastProgramme, fastSource } from './fast-parse.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { OVERVIEW_BBOX, inBBox } from '@/domain/region.ts';
import { ActorFeature, DatasetEnvelope, Programme, Source } from './schema.ts';

export class DatasetFormatError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(
      `The dataset file is not valid: ${problems
        .map((p) => p.message)
        .slice(0, 3)
        .join('; ')}`,
    );
    this.name = 'DatasetFormatError';
    this.problems = problems;
  }
}

/** A readable label for a record that failed to parse: its id when it has a plausible one, else its position. */
export function recordLabel(raw: unknown, index: number): string {
  const fromObject = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null && Object.hasOwn(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  const id = fromObject(fromObject(raw, 'properties'), 'id') ?? fromObject(raw, 'id');
  if (typeof id === 'string' && /^[\w-]{1,80}$/.test(id)) return id;
  return `#${index + 1}`;
}

/**
 * Each record goes through the hand-written fast path first (fast-parse.ts: proven equal to the
 * schema by property tests, about 12 times faster than zod without eval); only a record it does
 * not accept goes to zod, which decides and explains.
 */
function parseOne<S extends z.ZodType>(
  raw: unknown,
  index: number,
  schema: S,
  fast: (raw: unknown) => z.infer<S> | null,
  what: string,
  problems: Problem[],
): z.infer<S> | null {
  const quick = fast(raw);
  if (quick !== null) return quick;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  problems.push(
    ...problemsFromZod(
      result.error,
      { recordId: recordLabel(raw, index), what },
      'record-excluded',
    ),
  );
  return null;
}

function parseEach<S extends z.ZodType>(
  items: readonly unknown[],
  schema: S,
  fast: (raw: unknown) => z.infer<S> | null,
  what: string,
  problems: Problem[],
): z.infer<S>[] {
  const parsed: z.infer<S>[] = [];
  items.forEach((raw, index) => {
    const one = parseOne(raw, index, schema, fast, what, problems);
    if (one !== null) parsed.push(one);
  });
  return parsed;
}

/**
 * Reads a dataset a record at a time: each feature is parsed and checked when it arrives (and its
 * raw form can be dropped), the envelope at the end. For files too large to parse as one document
 * (fetch-dataset.ts); a whole document goes through parseDataset, which uses the same steps.
 */
export class DatasetReader {
  private readonly features: ActorFeature[] = [];
  private readonly featureProblems: Problem[] = [];
  private count = 0;

  /** Actor records added so far, valid or not. */
  get recordsRead(): number {
    return this.count;
  }

  addFeature(raw: unknown): void {
    const parsed = parseOne(
      raw,
      this.count++,
      ActorFeature,
      fastActorFeature,
      'actor',
      this.featureProblems,
    );
    if (parsed !== null) this.features.push(parsed);
  }

  /** The rest of the file, with its `features` (if any) read like the ones added one by one. */
  finish(json: unknown): Dataset {
    const envelope = DatasetEnvelope.safeParse(json);
    if (!envelope.success) {
      throw new DatasetFormatError(
        problemsFromZod(envelope.error, {}, 'record-excluded').map((p) => ({
          ...p,
          code: 'envelope',
        })),
      );
    }
    for (const raw of envelope.data.features) this.addFeature(raw);
    const { metadata, vocabularies } = envelope.data;
    const problems: Problem[] = [];
    const vocab = indexVocabularies(vocabularies);
    const programmes = parseEach(
      envelope.data.programmes,
      Programme,
      fastProgramme,
      'programme',
      problems,
    );
    const sources = parseEach(envelope.data.sources, Source, fastSource, 'source', problems);
    problems.push(...this.featureProblems);
    const actors = this.features.map((f): Actor => {
      const point = f.geometry?.coordinates ?? null;
      if (point && !inBBox(OVERVIEW_BBOX, point[0], point[1])) {
        // Outside the map's area: most likely a typo or longitude and latitude swapped. The actor is
        // listed with its address; it is not drawn somewhere absurd.
        const swapped = inBBox(OVERVIEW_BBOX, point[1], point[0]);
        problems.push({
          severity: 'error',
          code: 'coordinates-outside-map',
          message: `[${point[0]}, ${point[1]}] is outside the map's area${swapped ? ' (longitude and latitude look swapped)' : ''}; the actor is listed but not drawn`,
          recordId: f.id,
          field: 'geometry.coordinates',
          params: { swapped: swapped ? 1 : 0 },
          effect: 'value-dropped',
        });
        return Object.assign(f.properties, { coordinates: null });
      }
      // The parsed properties are a fresh object of our own: extend it rather than copy it.
      return Object.assign(f.properties, { coordinates: point });
    });

    const checked = checkReferences({ actors, programmes, sources, vocab });
    problems.push(...checked.problems);

    return {
      metadata,
      vocabularies,
      vocab,
      programmes: checked.programmes,
      programmeById: byId(checked.programmes),
      sources: checked.sources,
      sourceById: byId(checked.sources),
      actors: checked.actors,
      actorById: byId(checked.actors),
      recordCount: this.count,
      problems,
    };
  }
}

export function parseDataset(json: unknown): Dataset {
  return new DatasetReader().finish(json);
}
