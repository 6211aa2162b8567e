import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  FACETS,
  parseUrlState,
  serializeUrlState,
  SORTS,
  ZOOM_RANGE,
  type UrlState,
  TABS,
} from '@/domain/url-state.ts';

const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/);
const ids = fc.uniqueArray(id, { maxLength: 4 }).map((a) => [...a].sort());
const state: fc.Arbitrary<UrlState> = fc.record({
  lang: fc.constantFrom('sv' as const, 'en' as const),
  actor: fc.option(id, { nil: null }),
  programme: fc.option(id, { nil: null }),
  view: fc.option(
    fc.record({
      longitude: fc
        .double({ min: -180, max: 180, noNaN: true })
        .map((v) => Number(v.toFixed(5)) + 0),
      latitude: fc.double({ min: -85, max: 85, noNaN: true }).map((v) => Number(v.toFixed(5)) + 0),
      zoom: fc
        .double({ min: ZOOM_RANGE[0], max: ZOOM_RANGE[1], noNaN: true })
        .map((v) => Number(v.toFixed(2)) + 0),
    }),
    { nil: null },
  ),
  q: fc.string({ maxLength: 40 }).map((s) => s.replace(/\s+/g, ' ').trim()),
  filters: fc.record(
    Object.fromEntries(FACETS.map((f) => [f, ids])) as Record<(typeof FACETS)[number], typeof ids>,
  ),
  sort: fc.constantFrom(...SORTS),
  inView: fc.boolean(),
  year: fc.option(fc.integer({ min: 1800, max: 2100 }), { nil: null }),
  relations: fc.boolean(),
  tab: fc.constantFrom(...TABS),
  embed: fc.boolean(),
});

describe('URL state codec', () => {
  it('parse(serialize(state)) is the identity', () => {
    fc.assert(
      fc.property(state, (s) => {
        const { state: parsed, notices } = parseUrlState(serializeUrlState(s));
        expect(notices).toEqual([]);
        expect(parsed).toEqual(s);
      }),
    );
  });

  it('serialize(parse(search)) is stable for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (search) => {
        const once = serializeUrlState(parseUrlState(search).state);
        expect(serializeUrlState(parseUrlState(once).state)).toBe(once);
      }),
    );
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeUrlState(DEFAULT_STATE)).toBe('');
  });

  it('writes readable commas in lists and views', () => {
    const s = {
      ...DEFAULT_STATE,
      filters: { ...DEFAULT_STATE.filters, sector: ['pharma', 'life-science'] },
      view: { longitude: 18, latitude: 59.3, zoom: 9 },
    };
    expect(serializeUrlState(s)).toBe('?sector=life-science,pharma&map=18,59.3,9');
  });

  it('ignores unknown parameters with a notice', () => {
    const { state, notices } = parseUrlState('?utm_source=x&lang=en');
    expect(state.lang).toBe('en');
    expect(notices).toEqual([{ code: 'unknown-param', param: 'utm_source' }]);
  });

  it('keeps the first of repeated parameters with a notice', () => {
    const { state, notices } = parseUrlState('?actor=kth&actor=scania');
    expect(state.actor).toBe('kth');
    expect(notices).toContainEqual({ code: 'repeated-param', param: 'actor' });
  });

  it('clamps an absurd zoom and says so', () => {
    const { state, notices } = parseUrlState('?map=18,59.3,1e9');
    expect(state.view).toEqual({ longitude: 18, latitude: 59.3, zoom: ZOOM_RANGE[1] });
    expect(notices).toContainEqual({ code: 'clamped', param: 'map' });
  });

  it.each(['?map=abc', '?map=1,2', '?map=NaN,1,2', '?map=,,'])(
    'drops a malformed map view: %s',
    (search) => {
      const { state, notices } = parseUrlState(search);
      expect(state.view).toBeNull();
      expect(notices).toContainEqual({ code: 'invalid-value', param: 'map' });
    },
  );

  it('rejects ids that are not ids', () => {
    const { state, notices } = parseUrlState('?actor=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(state.actor).toBeNull();
    expect(notices).toContainEqual({ code: 'invalid-value', param: 'actor' });
  });

  it('keeps search text as text, script tags included, for React to escape', () => {
    const { state } = parseUrlState('?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(state.q).toBe('<script>alert(1)</script>');
  });

  it('caps very long search text', () => {
    const { state, notices } = parseUrlState(`?q=${'a'.repeat(5000)}`);
    expect(state.q).toHaveLength(200);
    expect(notices).toContainEqual({ code: 'clamped', param: 'q' });
  });

  it('drops invalid filter values but keeps the valid ones', () => {
    const { state, notices } = parseUrlState('?sector=life-science,BAD%20ONE,pharmaceuticals');
    expect(state.filters.sector).toEqual(['life-science', 'pharmaceuticals']);
    expect(notices).toContainEqual({ code: 'invalid-value', param: 'sector' });
  });
});
