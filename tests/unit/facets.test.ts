import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFacetIndex, countsById, filterAndCount, matchForward } from '@/domain/facets.ts';
import { EMPTY_FILTERS, FACETS, type Facet, type Filters } from '@/domain/url-state.ts';

type Row = Record<Facet, string[]>;
const rows: Row[] = [
  {
    kind: ['park'],
    sector: ['life', 'prod'],
    facility: ['lab'],
    programme: ['p1'],
    municipality: ['sthlm'],
  },
  { kind: ['park'], sector: ['prod'], facility: [], programme: [], municipality: ['sodertalje'] },
  {
    kind: ['uni'],
    sector: ['life'],
    facility: ['lab', 'core'],
    programme: ['p1', 'p2'],
    municipality: ['sthlm'],
  },
  {
    kind: ['sme'],
    sector: ['life'],
    facility: ['core'],
    programme: ['p2'],
    municipality: ['huddinge'],
  },
];
const index = buildFacetIndex(
  Object.fromEntries(FACETS.map((f) => [f, rows.map((r) => r[f])])) as Record<Facet, string[][]>,
  rows.length,
);
const run = (filters: Partial<Filters>, candidates?: Uint8Array) =>
  filterAndCount(index, { ...EMPTY_FILTERS, ...filters }, candidates);

describe('facet filtering', () => {
  it('returns everything without filters, with plain counts', () => {
    const r = run({});
    expect([...r.matches]).toEqual([0, 1, 2, 3]);
    expect(Object.fromEntries(countsById(index, r, 'sector'))).toEqual({ life: 3, prod: 2 });
  });

  it('ORs values within a facet', () => {
    expect([...run({ kind: ['park', 'sme'] }).matches]).toEqual([0, 1, 3]);
  });

  it('ANDs across facets', () => {
    expect([...run({ sector: ['life'], facility: ['core'] }).matches]).toEqual([2, 3]);
    expect([...run({ sector: ['prod'], facility: ['core'] }).matches]).toEqual([]);
  });

  it('counts disjunctively: a facet’s counts ignore its own selection but honour the others', () => {
    const r = run({ kind: ['park'], sector: ['life'] });
    expect([...r.matches]).toEqual([0]);
    // kind counts apply the sector filter only: park 1 (row 0), uni 1, sme 1
    expect(Object.fromEntries(countsById(index, r, 'kind'))).toEqual({ park: 1, uni: 1, sme: 1 });
    // sector counts apply the kind filter only: rows 0 and 1
    expect(Object.fromEntries(countsById(index, r, 'sector'))).toEqual({ life: 1, prod: 2 });
    // other facets apply both filters: only row 0
    expect(Object.fromEntries(countsById(index, r, 'facility'))).toEqual({ lab: 1, core: 0 });
  });

  it('shows zero for values that would give nothing, rather than leaving them out', () => {
    const r = run({ municipality: ['huddinge'] });
    expect(countsById(index, r, 'facility').get('lab')).toBe(0);
  });

  it('respects a candidate mask (search hits, map view)', () => {
    expect([...run({}, Uint8Array.from([1, 0, 1, 0])).matches]).toEqual([0, 2]);
  });

  it('matches nothing for an unknown value', () => {
    expect([...run({ sector: ['nope'] }).matches]).toEqual([]);
  });

  const filtersArb: fc.Arbitrary<Filters> = fc.record(
    Object.fromEntries(
      FACETS.map((f) => [f, fc.subarray([...new Set(rows.flatMap((r) => r[f]))])]),
    ) as Record<Facet, fc.Arbitrary<string[]>>,
  );

  it('never grows when a filter value is added to another facet', () => {
    fc.assert(
      fc.property(filtersArb, fc.constantFrom(...FACETS), fc.nat(), (filters, facet, pick) => {
        const values = [...new Set(rows.flatMap((r) => r[facet]))];
        const before = run(filters).matches.length;
        if (filters[facet].length > 0) return; // adding within a selected facet widens (OR)
        const after = run({ ...filters, [facet]: [values[pick % values.length]!] }).matches.length;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('predicts exactly: a value’s count is the result size with that facet set to that value', () => {
    fc.assert(
      fc.property(filtersArb, fc.constantFrom(...FACETS), (filters, facet) => {
        const r = run(filters);
        for (const [value, count] of countsById(index, r, facet)) {
          expect(run({ ...filters, [facet]: [value] }).matches.length).toBe(count);
        }
      }),
    );
  });

  it('counts within a candidate mask as a plain scan does (search hits, map view)', () => {
    const maskArb = fc.array(fc.constantFrom(0, 1), {
      minLength: rows.length,
      maxLength: rows.length,
    });
    const passes = (r: Row, filters: Filters, f: Facet) =>
      filters[f].length === 0 || r[f].some((v) => filters[f].includes(v));
    fc.assert(
      fc.property(filtersArb, maskArb, fc.constantFrom(...FACETS), (filters, mask, facet) => {
        const r = run(filters, Uint8Array.from(mask));
        const inMask = rows.flatMap((row, i) => (mask[i] === 1 ? [row] : []));
        const expectedMatches = rows.flatMap((row, i) =>
          mask[i] === 1 && FACETS.every((f) => passes(row, filters, f)) ? [i] : [],
        );
        expect([...r.matches]).toEqual(expectedMatches);
        for (const [value, count] of countsById(index, r, facet)) {
          const others = inMask.filter((row) =>
            FACETS.every((f) => f === facet || passes(row, filters, f)),
          );
          expect(count).toBe(others.filter((row) => row[facet].includes(value)).length);
        }
      }),
    );
  });
});

describe('facet filtering over indexes of different sizes', () => {
  // filterAndCount keeps its working arrays between calls; answers must never leak from one
  // call, or one index, into the next.
  const rowArb = fc.record({
    kind: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 1 }),
    sector: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 }),
    facility: fc.uniqueArray(fc.constantFrom('f', 'g'), { maxLength: 2 }),
    programme: fc.uniqueArray(fc.constantFrom('p', 'q'), { maxLength: 2 }),
    municipality: fc.array(fc.constantFrom('m', 'n'), { maxLength: 1 }),
  });
  const pick = (values: string[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: 2 });
  const filterArb = fc.record({
    kind: pick(['a', 'b', 'c']),
    sector: pick(['x', 'y', 'z']),
    facility: pick(['f', 'g']),
    programme: pick(['p', 'q']),
    municipality: pick(['m', 'n']),
  });
  const naive = (data: Row[], filters: Filters) =>
    data.flatMap((r, i) =>
      FACETS.every((f) => filters[f].length === 0 || r[f].some((v) => filters[f].includes(v)))
        ? [i]
        : [],
    );
  const indexOf = (data: Row[]) =>
    buildFacetIndex(
      Object.fromEntries(FACETS.map((f) => [f, data.map((r) => r[f])])) as Record<
        Facet,
        string[][]
      >,
      data.length,
    );

  it('matches a plain scan, calls interleaved across two indexes', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 30 }),
        fc.array(rowArb, { maxLength: 30 }),
        fc.array(fc.tuple(fc.boolean(), filterArb), { minLength: 1, maxLength: 6 }),
        (a, b, calls) => {
          const indexes = [indexOf(a), indexOf(b)];
          for (const [second, filters] of calls) {
            const data = second ? b : a;
            const index = indexes[second ? 1 : 0]!;
            const result = filterAndCount(index, filters);
            expect([...result.matches]).toEqual(naive(data, filters));
            // The page's variant, from the forward half alone, gives the same matches.
            const identity = Uint32Array.from(data.keys());
            expect(matchForward(index, filters, identity)).toEqual(result.matches);
          }
        },
      ),
    );
  });

  it('gives the same matches in the order it is given (matchForward)', () => {
    fc.assert(
      fc.property(
        fc
          .array(rowArb, { maxLength: 30 })
          .chain((data) =>
            fc.tuple(
              fc.constant(data),
              fc.shuffledSubarray([...data.keys()], { minLength: data.length }),
              filterArb,
            ),
          ),
        ([data, permutation, filters]) => {
          const index = indexOf(data);
          const rank = new Map(permutation.map((actor, k) => [actor, k]));
          const expected = naive(data, filters).sort((a, b) => rank.get(a)! - rank.get(b)!);
          expect([...matchForward(index, filters, Uint32Array.from(permutation))]).toEqual(
            expected,
          );
        },
      ),
    );
  });

  it('refuses an order that is not one of every actor', () => {
    const index = indexOf([
      { kind: ['a'], sector: [], facility: [], programme: [], municipality: [] },
    ]);
    expect(() => matchForward(index, EMPTY_FILTERS, new Uint32Array(0))).toThrow(RangeError);
  });
});

describe('facet filtering over many actors', () => {
  // Past 32 actors the sets span several words, the last one partly; values held by fewer than
  // one actor in 32 are walked from their postings, commoner ones ORed in as bit sets. A skewed
  // choice of values gives both kinds in one index.
  const skewed = (prefix: string) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(`${prefix}0`, `${prefix}1`) },
      { weight: 1, arbitrary: fc.integer({ min: 2, max: 40 }).map((k) => `${prefix}${k}`) },
    );
  const rowArb: fc.Arbitrary<Row> = fc.record({
    kind: fc.tuple(skewed('k')).map(([k]) => [k]),
    sector: fc.uniqueArray(skewed('s'), { maxLength: 3 }),
    facility: fc.uniqueArray(skewed('f'), { maxLength: 2 }),
    programme: fc.uniqueArray(skewed('p'), { maxLength: 4 }),
    municipality: fc.array(skewed('m'), { maxLength: 1 }),
  });
  const filterArb: fc.Arbitrary<Filters> = fc.record(
    Object.fromEntries(
      FACETS.map((f) => [f, fc.uniqueArray(skewed(f.slice(0, 1)), { maxLength: 2 })]),
    ) as Record<Facet, fc.Arbitrary<string[]>>,
  );
  const passes = (r: Row, filters: Filters, f: Facet) =>
    filters[f].length === 0 || r[f].some((v) => filters[f].includes(v));

  it('matches and counts as a plain scan does, with and without a candidate mask', () => {
    fc.assert(
      fc.property(
        fc
          .array(rowArb, { minLength: 1, maxLength: 200, size: 'max' })
          .chain((data) =>
            fc.tuple(
              fc.constant(data),
              filterArb,
              fc.option(fc.array(fc.boolean(), { minLength: data.length, maxLength: data.length })),
            ),
          ),
        ([data, filters, mask]) => {
          const index = buildFacetIndex(
            Object.fromEntries(FACETS.map((f) => [f, data.map((r) => r[f])])) as Record<
              Facet,
              string[][]
            >,
            data.length,
          );
          const eligible = (i: number) => mask === null || mask[i] === true;
          const result = filterAndCount(
            index,
            filters,
            mask === null ? undefined : Uint8Array.from(mask, Number),
          );
          const expected = data.flatMap((r, i) =>
            eligible(i) && FACETS.every((f) => passes(r, filters, f)) ? [i] : [],
          );
          expect([...result.matches]).toEqual(expected);
          for (const facet of FACETS) {
            const counting = data.filter(
              (r, i) => eligible(i) && FACETS.every((f) => f === facet || passes(r, filters, f)),
            );
            for (const [value, count] of countsById(index, result, facet)) {
              expect(count).toBe(counting.filter((r) => r[facet].includes(value)).length);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
