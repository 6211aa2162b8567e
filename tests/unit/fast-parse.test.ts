/**
 * The hand-written fast path must agree with zod: whenever it returns a value, that value is what
 * zod's parse returns (deep, strict, key order included); whenever zod rejects, it returns null.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastActorFeature, fastProgramme, fastSource } from '@/data/fast-parse.ts';
import { ActorFeature, Programme, Source } from '@/data/schema.ts';
import { sanitizeText } from '@/domain/text.ts';
import { generateDataset } from '../../bench/generate.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';

interface Schema {
  safeParse(raw: unknown): { success: true; data: unknown } | { success: false };
}

/** The contract, for one input. Returns whether the fast path accepted it. */
function agrees(schema: Schema, fast: (raw: unknown) => unknown, raw: unknown): boolean {
  const expected = schema.safeParse(raw);
  const actual = fast(raw);
  if (actual !== null) {
    expect(expected.success).toBe(true);
    if (expected.success) {
      expect(actual).toStrictEqual(expected.data);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected.data));
    }
  }
  if (!expected.success) expect(actual).toBeNull();
  return actual !== null;
}

// ---------------------------------------------------------------- arbitraries for valid records

const codePoints = (s: string) => Array.from(s).length;

/** `s` cut or padded with `pad` to exactly `n` code points (as zod's `.max` counts them). */
function fitTo(s: string, n: number, pad: string): string {
  const points = Array.from(s).slice(0, n);
  while (points.length < n) points.push(pad);
  return points.join('');
}

const LETTERS = [...'abcxyzABCZåäöÅÄÖøæØÆéüß019.,:;-/()&\'"'];
// Astral characters take two UTF-16 units; the ZWJ sequence is three code points.
const ASTRAL = ['😀', '𝔸', '🧬', '👩‍🔬', '𠜎'];
const SPACES = [' ', ' ', ' ', '\u00a0', '\u2009', '\u3000', '\u2028', '\t', '\n', '\r\n'];
const CONTROLS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u061c',
  '\ufeff',
  '\u200b',
];
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];

const piece = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 5, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const shortString = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

/** A string of at most `max` code points, often exactly `max` (in UTF-16 units up to twice that). */
const cappedString = (max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: shortString.map((s) => fitTo(s, Math.min(max, codePoints(s)), ' ')) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shortString, fc.constantFrom('a', 'ö', '😀', ' ', '\u0000', '\ud800'))
        .map(([s, pad]) => fitTo(s, max, pad)),
    },
  );

/** Valid `Text(max)`: capped, and not empty once sanitised. */
const text = (max: number) => cappedString(max).filter((s) => sanitizeText(s).length > 0);

const idPattern = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/);
const id = fc.oneof(
  { weight: 12, arbitrary: idPattern },
  { weight: 1, arbitrary: idPattern.map((s) => s.padEnd(80, '9')) },
);
const year = fc.integer({ min: 1700, max: 2100 });
const partialDate = fc.stringMatching(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const webUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 500),
  fc.constantFrom(
    'https://www.ki.se/',
    'HTTP://Example.COM/å?q=ö#x',
    `https://e.se/${'a'.repeat(487)}`,
    `https://e.se/${'😀'.repeat(243)}a`,
  ),
);
const lonLat = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -90, max: 90, noNaN: true }),
);
const sourceIds = (minLength = 0) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.array(id, { minLength, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(idPattern, { minLength: 50, maxLength: 50 }) },
  );

const ABSENT = Symbol('absent');
/** An optional or defaulted key: absent, present as `undefined`, or a value. */
const opt = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(ABSENT) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: arb },
  );
/** Keys zod strips, with an own `__proto__` among them (as JSON.parse makes one). */
const unknownKeys = fc.constantFrom<Record<string, unknown>>(
  {},
  {},
  {},
  { extra: 1 },
  { comment: 'x', Id: null },
  JSON.parse('{"__proto__": {"id": "proto"}, "constructor": 1}') as Record<string, unknown>,
);
/** A record arbitrary whose ABSENT values become missing keys, plus keys zod does not know. */
function obj(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(unknownKeys, fc.record(shape)).map(([extra, fields]) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of [...Object.entries(extra), ...Object.entries(fields)])
      if (value !== ABSENT)
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    return out;
  });
}

const localized = (max: number) => obj({ sv: text(max), en: opt(text(max)) });
const certainty = opt(fc.constantFrom('stated', 'inferred'));
const list = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { maxLength });

const programmeRole = obj({
  programme: id,
  role: id,
  certainty,
  from: opt(year),
  to: opt(year),
  note: opt(localized(400)),
  sources: sourceIds(),
});
const relation = obj({
  type: id,
  target: id,
  certainty,
  via: opt(id),
  from: opt(year),
  to: opt(year),
  note: opt(localized(400)),
  sources: sourceIds(),
});
const location = obj({
  site: opt(id),
  siteName: opt(text(200)),
  address: opt(text(200)),
  postalCode: opt(fc.oneof(fc.stringMatching(/^\d{3} ?\d{2}$/), cappedString(10))),
  municipality: id,
  precision: fc.constantFrom('address', 'site', 'municipality'),
  sources: sourceIds(),
  pointSources: opt(sourceIds()),
  note: opt(localized(600)),
});
const properties = obj({
  name: text(200),
  shortNames: opt(list(text(80))),
  formerNames: opt(list(text(200))),
  kind: id,
  sectors: opt(list(id)),
  facilityTypes: opt(list(id)),
  description: localized(2000),
  website: opt(obj({ url: webUrl, sources: sourceIds() })),
  founded: opt(obj({ year, sources: sourceIds() })),
  closed: opt(obj({ year: fc.option(year, { nil: null }), sources: sourceIds() })),
  programmes: opt(list(programmeRole)),
  relations: opt(list(relation)),
  sources: sourceIds(1),
  lastVerified: partialDate,
  note: opt(localized(1000)),
});
const validFeature = fc
  .tuple(id, properties, fc.option(fc.tuple(lonLat, location), { nil: null }), unknownKeys)
  .map(([featureId, props, place, extra]) => ({
    ...extra,
    type: 'Feature',
    id: featureId,
    geometry: place ? { type: 'Point', coordinates: place[0] } : null,
    properties: { ...props, id: featureId, location: place ? place[1] : null },
  }));

const validProgramme = obj({
  id,
  name: text(200),
  shortNames: opt(list(text(80))),
  type: fc.constantFrom('programme', 'project', 'network', 'event', 'award'),
  description: localized(2000),
  period: obj({
    start: fc.option(year, { nil: null }),
    end: fc.option(year, { nil: null }),
    ongoing: opt(fc.boolean()),
  }),
  sectors: opt(list(id)),
  website: opt(webUrl),
  sources: sourceIds(1),
});

const validSource = obj({
  id,
  title: text(300),
  publisher: text(200),
  date: fc.option(partialDate, { nil: null }),
  type: fc.constantFrom('press-release', 'news', 'web-page', 'report'),
  document: opt(cappedString(200)),
  url: opt(webUrl),
  consulted: opt(partialDate),
});

// ---------------------------------------------------------------- mutations

/** Values that are wrong almost anywhere, and a few that are right somewhere else. */
const BAD_VALUES: readonly unknown[] = [
  undefined,
  null,
  true,
  0,
  -0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1699,
  1700,
  2100,
  2101,
  2000.5,
  180,
  -181,
  90,
  -91,
  '2020',
  '',
  ' ',
  ' \t\u202e\u0000 ',
  'Not An Id',
  '-a',
  'a-',
  'a--b',
  'a_b',
  'å',
  'a\n',
  '2024-1-01',
  '2024-01-01T00:00',
  '２０２４',
  '2024-01-0a',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'ftp://example.com/',
  'mailto:a@example.com',
  '//example.com/',
  'not a url',
  'https://example.com/',
  'Feature',
  'Point',
  'LineString',
  'stated',
  'maybe',
  'site',
  'report',
  'award',
  {},
  [],
  [1],
  ['a'],
  [18, 59, 0],
  [18],
  ['18', '59'],
  { sv: 'x' },
  { sv: '' },
  { sv: 'x', en: 1 },
  { type: 'Point', coordinates: [18, 59] },
  new Date(0),
];
const STRING_SIZES = [10, 11, 80, 81, 120, 121, 200, 201, 300, 301, 400, 401, 500, 501];
const LONG_STRING_SIZES = [600, 601, 1000, 1001, 2000, 2001];
const ARRAY_SIZES = [10, 11, 20, 21, 50, 51, 200, 201, 500, 501];
const UNKNOWN_KEYS = ['extra', 'ID', 'constructor', 'toString', '__proto__'];

type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'clear' }
  | { kind: 'add'; key: string; value: unknown }
  | { kind: 'resize'; size: number; pad: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      value: fc.constantFrom(...BAD_VALUES),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'clear' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      key: fc.constantFrom(...UNKNOWN_KEYS),
      value: fc.constantFrom(...BAD_VALUES),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('resize' as const),
      size: fc.nat(),
      pad: fc.constantFrom('x', '😀', ' ', '\u202e', '-'),
    }),
  },
);

type Container = Record<string | number, unknown>;
const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null && !(value instanceof Date);

/** Every position in a record, as [container, key] pairs, depth first. */
function positions(value: unknown, out: [Container, string][] = []): [Container, string][] {
  if (isContainer(value))
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      positions(value[key], out);
    }
  return out;
}

const copy = (value: unknown): unknown =>
  value instanceof Date ? new Date(value) : structuredClone(value);

/** `raw` (copied) with one thing broken, or sometimes harmlessly changed. */
function mutate(raw: unknown, at: number, m: Mutation): unknown {
  const root = structuredClone(raw);
  const all = positions(root);
  const [parent, key] = all[at % all.length]!;
  const current = parent[key];
  const define = (target: Container, name: string, value: unknown) =>
    Object.defineProperty(target, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  switch (m.kind) {
    case 'replace':
      parent[key] = copy(m.value);
      break;
    case 'delete':
      // On an array, this leaves a hole.
      delete parent[key];
      break;
    case 'clear':
      // The empty value of the same type: '' or [] or {}.
      if (typeof current === 'string') parent[key] = '';
      else if (Array.isArray(current)) parent[key] = [];
      else if (isContainer(current)) parent[key] = {};
      break;
    case 'add':
      if (isContainer(current) && !Array.isArray(current)) define(current, m.key, copy(m.value));
      else if (!Array.isArray(parent)) define(parent, m.key, copy(m.value));
      break;
    case 'resize':
      if (typeof current === 'string') {
        const sizes = current.length > 100 ? LONG_STRING_SIZES : STRING_SIZES;
        parent[key] = fitTo(current, sizes[m.size % sizes.length]!, m.pad);
      } else if (Array.isArray(current) && current.length > 0) {
        const size = ARRAY_SIZES[m.size % ARRAY_SIZES.length]!;
        parent[key] = Array.from({ length: size }, (_, i) => current[i % current.length]);
      }
      break;
  }
  return root;
}

// ---------------------------------------------------------------- the properties

/** Generous: on a busy machine a few thousand zod parses can take several seconds. */
const SLOW = 30_000;

describe('fastActorFeature', () => {
  it(
    'accepts every generated valid feature and returns exactly what zod returns',
    () => {
      fc.assert(
        fc.property(validFeature, (raw) => {
          expect(ActorFeature.safeParse(raw).success).toBe(true);
          expect(agrees(ActorFeature, fastActorFeature, raw)).toBe(true);
        }),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    'returns null whenever zod rejects a mutated feature, and zod’s value otherwise',
    () => {
      let rejected = 0;
      fc.assert(
        fc.property(validFeature, fc.nat(), mutation, (raw, at, m) => {
          const mutated = mutate(raw, at, m);
          agrees(ActorFeature, fastActorFeature, mutated);
          if (!ActorFeature.safeParse(mutated).success) rejected++;
        }),
        { numRuns: 2000 },
      );
      // The mutations must mostly break things, or the property proves little.
      expect(rejected).toBeGreaterThan(1000);
    },
    SLOW,
  );

  it('returns null for what is not a feature at all', () => {
    for (const raw of [undefined, null, 'Feature', 1, [], {}, new Date(0)])
      expect(agrees(ActorFeature, fastActorFeature, raw)).toBe(false);
  });
});

describe('fastProgramme and fastSource', () => {
  it(
    'accept every generated valid record and return exactly what zod returns',
    () => {
      fc.assert(
        fc.property(validProgramme, (raw) => {
          expect(agrees(Programme, fastProgramme, raw)).toBe(true);
        }),
        { numRuns: 1000 },
      );
      fc.assert(
        fc.property(validSource, (raw) => {
          expect(agrees(Source, fastSource, raw)).toBe(true);
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );

  it(
    'return null whenever zod rejects a mutated record',
    () => {
      fc.assert(
        fc.property(validProgramme, fc.nat(), mutation, (raw, at, m) => {
          agrees(Programme, fastProgramme, mutate(raw, at, m));
        }),
        { numRuns: 1000 },
      );
      fc.assert(
        fc.property(validSource, fc.nat(), mutation, (raw, at, m) => {
          agrees(Source, fastSource, mutate(raw, at, m));
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );

  it(
    'sanitises text as zod’s Text does, for every UTF-16 code unit in every position',
    () => {
      // Each code unit leading, between words, doubled and trailing, and alone: whatever
      // sanitizeText would change, the fast path must notice. Compared with sanitizeText itself
      // (zod's transform) rather than with zod, which is slow at 131,072 parses; the properties
      // above compare with zod.
      const source = (title: string) =>
        fastSource({ id: 's', title, publisher: 'p', date: null, type: 'news' });
      const wrong: string[] = [];
      for (let unit = 0; unit <= 0xffff; unit++) {
        const c = String.fromCharCode(unit);
        const title = `${c}a${c}b${c}${c}c${c}`;
        if (source(title)?.title !== sanitizeText(title))
          wrong.push(`${unit.toString(16)} in text`);
        if ((source(c)?.title ?? '') !== sanitizeText(c)) wrong.push(`${unit.toString(16)} alone`);
      }
      expect(wrong).toEqual([]);
    },
    SLOW,
  );
});

describe('values near the edge of what each primitive accepts', () => {
  /** A valid string with one character replaced, inserted or deleted; or left alone. */
  const perturbed = (valid: fc.Arbitrary<string>, chars: string) =>
    fc.tuple(valid, fc.nat(), fc.constantFrom(...chars), fc.nat(3)).map(([s, at, c, how]) => {
      const i = at % (s.length + 1);
      if (how === 0) return s;
      if (how === 1) return s.slice(0, i) + c + s.slice(i + 1);
      if (how === 2) return s.slice(0, i) + c + s.slice(i);
      return s.slice(0, i) + s.slice(i + 1);
    });
  // Each range's neighbours: / and : around the digits, ` and { around a-z, @ and [ around A-Z.
  const NEAR = '/:`{@[AZ_-. å\n09az٣０';
  const idLike = perturbed(
    fc.oneof(
      idPattern,
      idPattern.map((s) => s.padEnd(80, 'a')),
    ),
    NEAR,
  );
  const dateLike = perturbed(partialDate, NEAR);
  const numberLike = fc.oneof(
    fc.double(),
    fc.integer({ min: 1690, max: 2110 }),
    fc.constantFrom(
      1699.5,
      2100.5,
      180,
      -180,
      90,
      -90,
      180.000001,
      -90.000001,
      -0,
      Number.NaN,
      Infinity,
      -Infinity,
    ),
  );
  const urlLike = fc.oneof(
    fc.webUrl(),
    fc
      .tuple(
        fc.constantFrom(
          'http:',
          'https:',
          'HTTPS:',
          'javascript:',
          'data:',
          'ftp:',
          'file:',
          ' https:',
          'http',
          '',
        ),
        fc.constantFrom(
          '//example.com',
          '//e.se/ä?q=1',
          'alert(1)',
          '///x',
          '//',
          '//[::1]',
          '//a b',
          '//e.se/\u0000',
        ),
        fc.nat(505),
      )
      .map(([scheme, rest, length]) => `${scheme}${rest}`.padEnd(length > 480 ? length : 0, 'x')),
  );
  const source = { id: 's', title: 'T', publisher: 'P', date: null, type: 'news' };
  const programme = generateDataset({ count: 1, seed: 5 }).programmes[0]!;
  const feature = generateDataset({ count: 1, seed: 5 }).features[0]!;

  it(
    'ids, dates and URLs',
    () => {
      fc.assert(
        fc.property(idLike, dateLike, urlLike, (i, d, u) => {
          agrees(Source, fastSource, { ...source, id: i });
          agrees(Source, fastSource, { ...source, date: d });
          agrees(Source, fastSource, { ...source, consulted: d });
          agrees(Source, fastSource, { ...source, url: u });
          agrees(Programme, fastProgramme, { ...programme, sectors: [i] });
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );

  it(
    'years and coordinates',
    () => {
      fc.assert(
        fc.property(numberLike, numberLike, (a, b) => {
          agrees(Programme, fastProgramme, { ...programme, period: { start: a, end: b } });
          const geometry = { type: 'Point', coordinates: [a, b] };
          agrees(ActorFeature, fastActorFeature, { ...feature, geometry });
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );
});

describe('zod behaviour the fast path replicates', () => {
  it('keeps an optional key given as undefined, and fills a defaulted one', () => {
    const raw = structuredClone(generateDataset({ count: 1, seed: 3 }).features[0]!) as {
      properties: Record<string, unknown>;
    };
    raw.properties.note = undefined;
    raw.properties.shortNames = undefined;
    delete raw.properties.relations;
    const parsed = ActorFeature.parse(raw);
    expect(Object.hasOwn(parsed.properties, 'note')).toBe(true);
    expect(parsed.properties.shortNames).toEqual([]);
    expect(parsed.properties.relations).toEqual([]);
    const fast = fastActorFeature(raw);
    expect(fast).toStrictEqual(parsed);
    expect(Object.hasOwn(fast!.properties, 'note')).toBe(true);
    expect(Object.hasOwn(fast!.properties, 'website')).toBe(false);
  });

  it('checks the feature as a whole: ids agree, and a point exactly when a location', () => {
    const f = generateDataset({ count: 1, seed: 3 }).features[0]!;
    expect(agrees(ActorFeature, fastActorFeature, f)).toBe(true);
    expect(agrees(ActorFeature, fastActorFeature, { ...f, id: 'other' })).toBe(false);
    expect(agrees(ActorFeature, fastActorFeature, { ...f, geometry: null })).toBe(false);
    const placeless = { ...f, properties: { ...f.properties, location: null } };
    expect(agrees(ActorFeature, fastActorFeature, placeless)).toBe(false);
    expect(agrees(ActorFeature, fastActorFeature, { ...placeless, geometry: null })).toBe(true);
  });

  it('counts a string’s maximum in code points: 200 astral characters are a valid name', () => {
    const raw = generateDataset({ count: 1, seed: 3 }).features[0]!;
    const named = (name: string) => ({ ...raw, properties: { ...raw.properties, name } });
    expect(agrees(ActorFeature, fastActorFeature, named('😀'.repeat(200)))).toBe(true);
    expect(agrees(ActorFeature, fastActorFeature, named('😀'.repeat(201)))).toBe(false);
    // A lone surrogate counts as one.
    expect(agrees(ActorFeature, fastActorFeature, named('\ud800'.repeat(200)))).toBe(true);
    expect(agrees(ActorFeature, fastActorFeature, named('\ud800'.repeat(201)))).toBe(false);
  });

  const role = { programme: 'p', role: 'r', sources: [] };
  const link = { type: 't', target: 'x', sources: [] };
  it.each([
    ['feature', 'properties.sources', 50, 'a'],
    ['feature', 'properties.shortNames', 20, 'Kort'],
    ['feature', 'properties.formerNames', 20, 'Förr'],
    ['feature', 'properties.sectors', 20, 'b'],
    ['feature', 'properties.facilityTypes', 20, 'c'],
    ['feature', 'properties.programmes', 200, role],
    ['feature', 'properties.relations', 500, link],
    ['feature', 'properties.location.pointSources', 50, 'a'],
    ['programme', 'shortNames', 10, 'Kort'],
    ['programme', 'sectors', 20, 'b'],
    ['programme', 'sources', 50, 'a'],
  ] as const)('caps a %s’s %s at %i entries', (what, path, max, item) => {
    const data = generateDataset({ count: 1, seed: 3 });
    const sized = (n: number) => {
      const record = what === 'feature' ? data.features[0] : data.programmes[0];
      const raw = structuredClone(record) as Container;
      const keys = path.split('.');
      const parent = keys.slice(0, -1).reduce<Container>((o, k) => o[k] as Container, raw);
      parent[keys.at(-1)!] = Array.from({ length: n }, () => item);
      return raw;
    };
    const [schema, fast] =
      what === 'feature' ? [ActorFeature, fastActorFeature] : [Programme, fastProgramme];
    expect(agrees(schema, fast, sized(max))).toBe(true);
    expect(agrees(schema, fast, sized(max + 1))).toBe(false);
  });

  it('does not take an array for an object, even one with the right keys', () => {
    const data = generateDataset({ count: 1, seed: 3 });
    const asArray = (o: object) => Object.assign([], o);
    expect(agrees(Source, fastSource, data.sources[0])).toBe(true);
    expect(agrees(Source, fastSource, asArray(data.sources[0]!))).toBe(false);
    const f = data.features[0]!;
    const description = asArray(f.properties.description);
    const raw = { ...f, properties: { ...f.properties, description } };
    expect(agrees(ActorFeature, fastActorFeature, raw)).toBe(false);
  });
});

describe('the fast path in practice', () => {
  it(
    'accepts every record of the shipped dataset',
    () => {
      const published = checkDataDir(join(import.meta.dirname, '../../data')).published;
      expect(published).not.toBeNull();
      const data = JSON.parse(JSON.stringify(published)) as Record<
        'features' | 'programmes' | 'sources',
        unknown[]
      >;
      for (const raw of data.features)
        expect(agrees(ActorFeature, fastActorFeature, raw)).toBe(true);
      for (const raw of data.programmes) expect(agrees(Programme, fastProgramme, raw)).toBe(true);
      for (const raw of data.sources) expect(agrees(Source, fastSource, raw)).toBe(true);
      expect(data.features.length).toBeGreaterThan(10);
    },
    SLOW,
  );

  it(
    'accepts every record of a synthetic benchmark dataset',
    () => {
      const data = generateDataset({ count: 2000, seed: 1 });
      for (const raw of data.features)
        expect(agrees(ActorFeature, fastActorFeature, raw)).toBe(true);
      for (const raw of data.programmes) expect(agrees(Programme, fastProgramme, raw)).toBe(true);
      for (const raw of data.sources) expect(agrees(Source, fastSource, raw)).toBe(true);
    },
    SLOW,
  );
});
