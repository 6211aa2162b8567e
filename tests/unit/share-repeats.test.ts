import { describe, expect, it } from 'vitest';
import { RepeatSharer, shareRepeats } from '@/data/share-repeats.ts';
import type { Actor } from '@/data/dataset.ts';

function actor(id: string, overrides: Partial<Actor> = {}): Actor {
  return {
    id,
    name: `Actor ${id}`,
    shortNames: [],
    formerNames: [],
    kind: 'sme',
    sectors: ['life-science'],
    facilityTypes: [],
    description: { sv: 'Gör saker', en: 'Gör saker' },
    programmes: [
      { programme: 'p1', role: 'member', certainty: 'stated', sources: ['s1'] },
      { programme: 'p2', role: 'host', certainty: 'stated', from: 2020, sources: ['s1', 's2'] },
    ],
    relations: [{ type: 'partner', target: 'x', certainty: 'stated', sources: ['s1'] }],
    sources: ['s1'],
    lastVerified: '2026-01-01',
    location: {
      municipality: 'solna',
      precision: 'municipality',
      sources: [],
      pointSources: ['s1'],
    },
    coordinates: [18, 59.3],
    ...overrides,
  } as Actor;
}

describe('shareRepeats', () => {
  it('keeps every record equal to what it was', () => {
    const actors = [
      actor('a'),
      actor('b', { description: { sv: 'Svensk text', en: 'English text' } }),
      actor('c', { location: null, coordinates: null }),
    ];
    const before = structuredClone(actors);
    shareRepeats(actors);
    expect(actors).toEqual(before);
  });

  it('shares identical lists, roles, places and an English text equal to the Swedish', () => {
    const [a, b] = [actor('a'), actor('b')];
    shareRepeats([a, b]);
    expect(a.sectors).toBe(b.sectors);
    expect(a.sources).toBe(a.relations[0]!.sources);
    expect(a.programmes[0]).toBe(b.programmes[0]);
    expect(a.programmes[1]).toBe(b.programmes[1]);
    expect(a.location).toBe(b.location);
    expect(a.description.en).toBe(a.description.sv);
  });

  it('shares across slices done one at a time with one sharer, past the end included', () => {
    const actors = [actor('a'), actor('b'), actor('c')];
    const share = new RepeatSharer();
    shareRepeats(actors, share, 0, 2);
    expect(actors[2]!.location).not.toBe(actors[0]!.location);
    shareRepeats(actors, share, 2, 4);
    expect(actors[2]!.location).toBe(actors[0]!.location);
    expect(actors[2]!.programmes[1]).toBe(actors[1]!.programmes[1]);
  });

  it('keeps different values apart', () => {
    const a = actor('a');
    const b = actor('b', {
      programmes: [{ programme: 'p1', role: 'member', certainty: 'inferred', sources: ['s1'] }],
      location: { municipality: 'solna', precision: 'site', sources: [], pointSources: ['s1'] },
    });
    shareRepeats([a, b]);
    expect(a.programmes[0]).not.toBe(b.programmes[0]);
    expect(b.programmes[0]!.certainty).toBe('inferred');
    expect(a.location).not.toBe(b.location);
    expect(b.location!.precision).toBe('site');
  });

  it('freezes what it shares, so a change through one record cannot reach the others', () => {
    const [a, b] = [actor('a'), actor('b')];
    shareRepeats([a, b]);
    expect(() => (a.sectors as string[]).push('x')).toThrow(TypeError);
    expect(() => {
      (a.programmes[0] as { role: string }).role = 'owner';
    }).toThrow(TypeError);
    expect(b.programmes[0]!.role).toBe('member');
  });
});

describe('RepeatSharer.record', () => {
  it('tells apart values that print alike', () => {
    const share = new RepeatSharer();
    const pairs: [object, object][] = [
      [{ a: 'null' }, { a: null }],
      [{ a: '1' }, { a: 1 }],
      [{ a: undefined }, { a: 'undefined' }],
      [{ a: ['x', 'y'] }, { a: ['x\u0001y'] }],
      [{ a: 'x\u0000b' }, { a: 'x', b: '' }],
      [{ a: [] }, { a: '' }],
      [{ a: { b: 1 } }, { a: { b: '1' } }],
    ];
    for (const [x, y] of pairs) {
      expect(share.record(x)).toBe(x);
      expect(share.record(y)).toBe(y);
    }
  });

  it('returns the first copy of an equal record', () => {
    const share = new RepeatSharer();
    const first = share.record({ a: 'x', n: 2, l: ['s'] });
    expect(share.record({ a: 'x', n: 2, l: ['s'] })).toBe(first);
  });
});
// When the backend runs this after load: tests/unit/backend.test.ts, "work put off after load".
