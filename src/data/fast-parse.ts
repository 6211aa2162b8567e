/**
 * A hand-written fast path for the per-record schemas in schema.ts (ActorFeature, Programme,
 * Source), for the app's eval-free (jitless) zod, which is slow on large datasets.
 *
 * Contract: each `fastX(raw)` returns either `null` ("not certainly valid: ask zod", which then
 * also produces the detailed problems) or exactly what `X.parse(raw)` would return: new objects
 * with only the declared keys, in zod's key order, with defaults filled in and text sanitised.
 * tests/unit/fast-parse.test.ts checks this against zod with generated valid and invalid records.
 *
 * How zod 4 (as installed) behaves, and so how this file behaves:
 * - An object is anything `typeof 'object'`, not null and not an array; keys are read with
 *   `input[key]` (inherited ones too) and unknown keys are dropped.
 * - `.optional()`: a key not `in` the input stays out of the output; one that is, with the value
 *   `undefined`, is kept as `undefined` (see `optional`). `.default(v)`: absent or `undefined`
 *   gives `v`.
 * - `.nullable()`: `null` passes, `undefined` does not.
 * - A string's `.max(n)` counts code points (a surrogate pair counts once, a lone surrogate as
 *   one), not UTF-16 units; an array's counts elements.
 * - `z.number()` refuses NaN and ±Infinity; `.int()` means `Number.isInteger`.
 * - `Text(max)`: `.max` on the raw string, then `sanitizeText`, then non-empty.
 *
 * A rejection throws one shared, preallocated error that the entry points turn into `null`: the
 * parsers below then read like the schemas, with no null check after every field.
 */
import { sanitizeText } from '@/domain/text.ts';
import type {
  ActorFeature,
  ActorProperties,
  LocalizedText,
  LonLat,
  Precision,
  Programme,
  ProgrammeRole,
  Relation,
  ResolvedLocation,
  Source,
} from './schema.ts';

type Input = Record<string, unknown>;

const INVALID = new Error('not certainly valid');

function invalid(): never {
  throw INVALID;
}

/** Runs `parse`; any throw (ours, or a getter's) means "let zod decide". */
function attempt<T>(parse: (raw: unknown) => T, raw: unknown): T | null {
  try {
    return parse(raw);
  } catch {
    return null;
  }
}

export function fastActorFeature(raw: unknown): ActorFeature | null {
  return attempt(actorFeature, raw);
}

export function fastProgramme(raw: unknown): Programme | null {
  return attempt(programme, raw);
}

export function fastSource(raw: unknown): Source | null {
  return attempt(source, raw);
}

// ---------------------------------------------------------------- structure

/** `z.object` accepts any non-null, non-array object. */
function object(value: unknown): Input {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid();
  return value as Input;
}

/**
 * The value of an optional key, used as zod's object parser does: only when the key is `in` the
 * input (own or inherited) is it copied to the output, and `undefined` is copied as itself.
 * Hence, at each optional key: `if ('key' in input) out.key = optional(input.key, parse);`.
 */
function optional<T>(value: unknown, parse: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : parse(value);
}

function list<T>(value: unknown, max: number, item: (value: unknown) => T): T[] {
  if (!Array.isArray(value) || value.length > max) invalid();
  const out: T[] = [];
  // A hole reads as `undefined`, which no item parser accepts: zod rejects it too.
  for (let i = 0; i < value.length; i++) out.push(item(value[i]));
  return out;
}

/** `z.array(item).max(max).default([])`. */
function listOrEmpty<T>(value: unknown, max: number, item: (value: unknown) => T): T[] {
  return value === undefined ? [] : list(value, max, item);
}

// ---------------------------------------------------------------- primitives

/** UTF-16 units, less one per surrogate pair: zod's `util.codePointLength`. */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** `z.string().max(max)`; zod counts code points, and only when the units exceed the cap. */
function string(value: unknown, max: number): string {
  if (typeof value !== 'string') invalid();
  if (value.length > max && codePoints(value) > max) invalid();
  return value;
}

/**
 * What `sanitizeText` leaves as it is: words of ordinary characters joined by single spaces. An
 * ordinary character is none of sanitizeText's control and bidi characters and nothing /\s/
 * matches (tab, line breaks, U+FEFF and the Zs category, which includes the plain space). The
 * excluded set may be larger than needed, costing only a call to sanitizeText: U+180E,
 * U+200B-U+200D, U+2060-U+2065 and U+206A-U+206F are in it just to keep the ranges simple.
 * tests/unit/fast-parse.test.ts checks every UTF-16 code unit against sanitizeText.
 *
 * A word cannot contain a space and every repetition starts with one, so at each character there
 * is one way to go on: the match, or its failure, takes linear time.
 */
const WORD = String.raw`[^\u0000-\u0020\u007f-\u00a0\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+`;
// Built once at load from the pattern above (RegExp is not eval: the CSP allows it).
const ALREADY_SANITIZED = new RegExp(`^${WORD}(?: ${WORD})*$`);

/** `Text(max)`: capped, sanitised, then not empty. */
function text(value: unknown, max: number): string {
  const raw = string(value, max);
  // Sanitising is the costliest step, and data is nearly always clean already.
  const clean = ALREADY_SANITIZED.test(raw) ? raw : sanitizeText(raw);
  if (clean.length === 0) invalid();
  return clean;
}

const text80 = (value: unknown) => text(value, 80);
const text200 = (value: unknown) => text(value, 200);
const string200 = (value: unknown) => string(value, 200);
const string10 = (value: unknown) => string(value, 10);

// The very patterns of schema.ts. Both run in linear time: in Id every repeated group must start
// with a hyphen, which no other part matches, so a failing branch fails at its first character;
// PartialDate has fixed lengths.
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `Id`: at most 80 characters (all ASCII when the pattern matches, so units are code points). */
function id(value: unknown): string {
  if (typeof value !== 'string' || value.length > 80 || !ID.test(value)) invalid();
  return value;
}

/** `SourceIds`, optionally with `.min(min)`. */
function sourceIds(value: unknown, min = 0): string[] {
  const ids = list(value, 50, id);
  if (ids.length < min) invalid();
  return ids;
}

/** `PartialDate`: YYYY, YYYY-MM or YYYY-MM-DD. */
function partialDate(value: unknown): string {
  if (typeof value !== 'string' || !PARTIAL_DATE.test(value)) invalid();
  return value;
}

/** `Year`: an integer in 1700..2100 (NaN and ±Infinity fail the comparisons). */
function year(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1700 || value > 2100)
    invalid();
  return value;
}

const nullableYear = (value: unknown) => (value === null ? null : year(value));

function boolean(value: unknown): boolean {
  if (typeof value !== 'boolean') invalid();
  return value;
}

function oneOf<T extends string>(value: unknown, values: ReadonlySet<T>): T {
  if (!values.has(value as T)) invalid();
  return value as T;
}

const PRECISIONS: ReadonlySet<Precision> = new Set(['address', 'site', 'municipality'] as const);
const CERTAINTIES: ReadonlySet<ProgrammeRole['certainty']> = new Set([
  'stated',
  'inferred',
] as const);
const PROGRAMME_TYPES: ReadonlySet<Programme['type']> = new Set([
  'programme',
  'project',
  'network',
  'event',
  'award',
] as const);
const SOURCE_TYPES: ReadonlySet<Source['type']> = new Set([
  'press-release',
  'news',
  'web-page',
  'report',
] as const);

/** `Certainty.default('stated')`. */
const certainty = (value: unknown) => (value === undefined ? 'stated' : oneOf(value, CERTAINTIES));

/** `WebUrl`: at most 500 characters, parsed by URL, http or https only. */
function webUrl(value: unknown): string {
  const url = string(value, 500);
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    invalid();
  }
  if (protocol !== 'https:' && protocol !== 'http:') invalid();
  return url;
}

/** `LonLat`: exactly two finite numbers within range. */
function lonLat(value: unknown): LonLat {
  if (!Array.isArray(value) || value.length !== 2) invalid();
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || !(lon >= -180 && lon <= 180)) invalid();
  if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90)) invalid();
  return [lon, lat];
}

function localizedText(value: unknown, max: number): LocalizedText {
  const input = object(value);
  const out: LocalizedText = { sv: text(input.sv, max) };
  // Optional (see `optional`); written out because its cap varies.
  if ('en' in input) out.en = input.en === undefined ? undefined : text(input.en, max);
  return out;
}

const localized400 = (value: unknown) => localizedText(value, 400);
const localized600 = (value: unknown) => localizedText(value, 600);
const localized1000 = (value: unknown) => localizedText(value, 1000);

// ---------------------------------------------------------------- records
// Each builds its result key by key in the schema's order, so that even the key order (and with
// it JSON.stringify) matches zod's output.

type Sourced<K extends 'website' | 'founded' | 'closed'> = NonNullable<ActorProperties[K]>;

function sourcedUrl(value: unknown): Sourced<'website'> {
  const input = object(value);
  return { url: webUrl(input.url), sources: sourceIds(input.sources) };
}

function sourcedYear(value: unknown): Sourced<'founded'> {
  const input = object(value);
  return { year: year(input.year), sources: sourceIds(input.sources) };
}

function closed(value: unknown): Sourced<'closed'> {
  const input = object(value);
  return { year: nullableYear(input.year), sources: sourceIds(input.sources) };
}

function programmeRole(value: unknown): ProgrammeRole {
  const input = object(value);
  const out = {} as ProgrammeRole;
  out.programme = id(input.programme);
  out.role = id(input.role);
  out.certainty = certainty(input.certainty);
  if ('from' in input) out.from = optional(input.from, year);
  if ('to' in input) out.to = optional(input.to, year);
  if ('note' in input) out.note = optional(input.note, localized400);
  out.sources = sourceIds(input.sources);
  return out;
}

function relation(value: unknown): Relation {
  const input = object(value);
  const out = {} as Relation;
  out.type = id(input.type);
  out.target = id(input.target);
  out.certainty = certainty(input.certainty);
  if ('via' in input) out.via = optional(input.via, id);
  if ('from' in input) out.from = optional(input.from, year);
  if ('to' in input) out.to = optional(input.to, year);
  if ('note' in input) out.note = optional(input.note, localized400);
  out.sources = sourceIds(input.sources);
  return out;
}

function resolvedLocation(value: unknown): ResolvedLocation {
  const input = object(value);
  const out = {} as ResolvedLocation;
  if ('site' in input) out.site = optional(input.site, id);
  if ('siteName' in input) out.siteName = optional(input.siteName, text200);
  if ('address' in input) out.address = optional(input.address, text200);
  if ('postalCode' in input) out.postalCode = optional(input.postalCode, string10);
  out.municipality = id(input.municipality);
  out.precision = oneOf(input.precision, PRECISIONS);
  out.sources = sourceIds(input.sources);
  out.pointSources = listOrEmpty(input.pointSources, 50, id);
  if ('note' in input) out.note = optional(input.note, localized600);
  return out;
}

function actorProperties(value: unknown): ActorProperties {
  const input = object(value);
  const out = {} as ActorProperties;
  out.id = id(input.id);
  out.name = text(input.name, 200);
  out.shortNames = listOrEmpty(input.shortNames, 20, text80);
  out.formerNames = listOrEmpty(input.formerNames, 20, text200);
  out.kind = id(input.kind);
  out.sectors = listOrEmpty(input.sectors, 20, id);
  out.facilityTypes = listOrEmpty(input.facilityTypes, 20, id);
  out.description = localizedText(input.description, 2000);
  if ('website' in input) out.website = optional(input.website, sourcedUrl);
  if ('founded' in input) out.founded = optional(input.founded, sourcedYear);
  if ('closed' in input) out.closed = optional(input.closed, closed);
  out.programmes = listOrEmpty(input.programmes, 200, programmeRole);
  out.relations = listOrEmpty(input.relations, 500, relation);
  out.sources = sourceIds(input.sources, 1);
  out.lastVerified = partialDate(input.lastVerified);
  if ('note' in input) out.note = optional(input.note, localized1000);
  out.location = input.location === null ? null : resolvedLocation(input.location);
  return out;
}

function pointGeometry(value: unknown): NonNullable<ActorFeature['geometry']> {
  const input = object(value);
  if (input.type !== 'Point') invalid();
  return { type: 'Point', coordinates: lonLat(input.coordinates) };
}

function actorFeature(raw: unknown): ActorFeature {
  const input = object(raw);
  if (input.type !== 'Feature') invalid();
  const featureId = id(input.id);
  const geometry = input.geometry === null ? null : pointGeometry(input.geometry);
  const properties = actorProperties(input.properties);
  // The superRefine: the ids agree, and there is a point exactly when there is a location.
  if (featureId !== properties.id) invalid();
  if ((geometry === null) !== (properties.location === null)) invalid();
  return { type: 'Feature', id: featureId, geometry, properties };
}

function programme(raw: unknown): Programme {
  const input = object(raw);
  const out = {} as Programme;
  out.id = id(input.id);
  out.name = text(input.name, 200);
  out.shortNames = listOrEmpty(input.shortNames, 10, text80);
  out.type = oneOf(input.type, PROGRAMME_TYPES);
  out.description = localizedText(input.description, 2000);
  const period = object(input.period);
  out.period = {
    start: nullableYear(period.start),
    end: nullableYear(period.end),
    ongoing: period.ongoing === undefined ? false : boolean(period.ongoing),
  };
  out.sectors = listOrEmpty(input.sectors, 20, id);
  if ('website' in input) out.website = optional(input.website, webUrl);
  out.sources = sourceIds(input.sources, 1);
  return out;
}

function source(raw: unknown): Source {
  const input = object(raw);
  const out = {} as Source;
  out.id = id(input.id);
  out.title = text(input.title, 300);
  out.publisher = text(input.publisher, 200);
  out.date = input.date === null ? null : partialDate(input.date);
  out.type = oneOf(input.type, SOURCE_TYPES);
  if ('document' in input) out.document = optional(input.document, string200);
  if ('url' in input) out.url = optional(input.url, webUrl);
  if ('consulted' in input) out.consulted = optional(input.consulted, partialDate);
  return out;
}
