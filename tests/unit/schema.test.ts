import { describe, expect, it } from 'vitest';
import { ActorFeature, WebUrl } from '@/data/schema.ts';
import { sanitizeText } from '@/domain/text.ts';
import { feature } from '../fixtures/make-dataset.ts';

const parse = (raw: unknown) => ActorFeature.safeParse(raw);

describe('ActorFeature schema', () => {
  it('accepts a well-formed feature and fills defaults', () => {
    const result = parse(feature({ id: 'ok' }));
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.properties.shortNames).toEqual([]);
      expect(result.data.properties.relations).toEqual([]);
    }
  });

  it('accepts an actor without a place (geometry and location both null)', () => {
    expect(parse(feature({ id: 'fund', coordinates: null })).success).toBe(true);
  });

  it('rejects a point without a location, and a location without a point', () => {
    const f = feature({ id: 'x' });
    expect(parse({ ...f, geometry: null }).success).toBe(false);
    expect(parse({ ...f, properties: { ...f.properties, location: null } }).success).toBe(false);
  });

  it('rejects ids that are not kebab-case', () => {
    expect(parse(feature({ id: 'Not An Id' })).success).toBe(false);
    expect(parse(feature({ id: '../etc' })).success).toBe(false);
  });

  it('rejects a feature whose id differs from properties.id', () => {
    expect(parse({ ...feature({ id: 'a' }), id: 'b' }).success).toBe(false);
  });

  it.each([
    ['NaN', [Number.NaN, 59]],
    ['out of range', [200, 59]],
    ['numbers as strings', ['18.0', '59.3']],
    ['three numbers', [18, 59, 3]],
  ])('rejects coordinates that are %s', (_, coordinates) => {
    const f = feature({ id: 'x' });
    expect(parse({ ...f, geometry: { type: 'Point', coordinates } }).success).toBe(false);
  });

  it('rejects non-point geometries', () => {
    const f = feature({ id: 'x' });
    const line = {
      type: 'LineString',
      coordinates: [
        [18, 59],
        [18.1, 59.1],
      ],
    };
    expect(parse({ ...f, geometry: line }).success).toBe(false);
  });

  it('rejects a 100 kB name instead of letting it swamp the layout', () => {
    const f = feature({ id: 'x', name: 'A'.repeat(100_000) });
    expect(parse(f).success).toBe(false);
  });

  it('drops unknown keys such as __proto__ rather than copying them', () => {
    const raw = JSON.parse(
      JSON.stringify(feature({ id: 'x' })).replace(
        '"kind"',
        '"__proto__":{"polluted":true},"kind"',
      ),
    );
    const result = parse(raw);
    expect(result.success).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.success) expect(Object.hasOwn(result.data.properties, '__proto__')).toBe(false);
  });

  it('rejects an actor without sources', () => {
    const f = feature({ id: 'x' });
    expect(parse({ ...f, properties: { ...f.properties, sources: [] } }).success).toBe(false);
  });
});

describe('WebUrl', () => {
  it.each(['https://example.org/', 'http://example.org/a?b=c'])('accepts %s', (url) => {
    expect(WebUrl.safeParse(url).success).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.org',
    'example.org',
    ' JAVASCRIPT:alert(1)',
  ])('rejects %s', (url) => {
    expect(WebUrl.safeParse(url).success).toBe(false);
  });
});

describe('sanitizeText', () => {
  it('removes bidirectional overrides and control characters', () => {
    expect(sanitizeText('abc\u202Efdp.exe')).toBe('abc fdp.exe');
    expect(sanitizeText('a\u0000b\u0007c')).toBe('a b c');
  });
  it('collapses whitespace and trims', () => {
    expect(sanitizeText('  Södertälje \n Science   Park ')).toBe('Södertälje Science Park');
  });
  it('keeps Swedish letters and ordinary punctuation', () => {
    expect(sanitizeText('Åre, Älvsjö & Örebro – “citat”')).toBe('Åre, Älvsjö & Örebro – “citat”');
  });
});
