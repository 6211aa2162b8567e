import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeatureSplitter, FeatureStreamError } from '@/data/feature-stream.ts';

/** Feeds text to a splitter in the given pieces; returns the features and the envelope. */
function split(text: string, cuts: number[]): { features: unknown[]; envelope: unknown } {
  const splitter = new FeatureSplitter();
  const features: unknown[] = [];
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const cut of [...at, text.length]) {
    splitter.push(text.slice(from, cut), (json) => features.push(JSON.parse(json)));
    from = cut;
  }
  return { features, envelope: JSON.parse(splitter.end()) };
}

// Strings with the characters the splitter must not be fooled by.
const tricky = fc.string({
  unit: fc.constantFrom('a', 'ö', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '😀', 'ø'),
  maxLength: 12,
});
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    tricky,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const feature = fc.record({
  type: fc.constant('Feature'),
  id: tricky,
  properties: fc.dictionary(tricky, value, { maxKeys: 4 }),
});
const collection = fc.record({
  type: fc.constant('FeatureCollection'),
  metadata: fc.dictionary(tricky, value, { maxKeys: 3 }),
  // A key that only looks like the features array must not be taken for it.
  notes: fc.record({ features: fc.array(value, { maxLength: 2 }) }),
  features: fc.array(feature, { maxLength: 6 }),
  sources: fc.array(value, { maxLength: 2 }),
});

describe('FeatureSplitter', () => {
  it('hands out every feature and keeps the rest, wherever the text is cut', () => {
    fc.assert(
      fc.property(
        collection,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        (doc, cuts, pretty) => {
          const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
          // What JSON.parse makes of the whole text (-0 comes back as 0, for one).
          const whole = JSON.parse(text) as typeof doc;
          const { features, envelope } = split(text, cuts);
          expect(features).toEqual(whole.features);
          expect(envelope).toEqual({ ...whole, features: [] });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a file one character at a time', () => {
    const doc = {
      type: 'FeatureCollection',
      metadata: { title: 'a "quoted" \\ title {with} [brackets]' },
      features: [
        { type: 'Feature', properties: { name: 'Ö\\"}' } },
        { type: 'Feature', properties: { list: [1, [2, { x: '[' }]] } },
      ],
    };
    const text = JSON.stringify(doc);
    const { features, envelope } = split(
      text,
      Array.from({ length: text.length }, (_, i) => i),
    );
    expect(features).toEqual(doc.features);
    expect(envelope).toEqual({ ...doc, features: [] });
  });

  it('says when a file ends early or is not shaped like a collection', () => {
    const truncated = new FeatureSplitter();
    truncated.push('{"type":"FeatureCollection","features":[{"type":"Feat', () => {});
    expect(() => truncated.end()).toThrow(FeatureStreamError);

    const notObjects = new FeatureSplitter();
    expect(() => notObjects.push('{"features":[[1,2]]}', () => {})).toThrow(/not an object/);

    const unbalanced = new FeatureSplitter();
    expect(() => unbalanced.push('{"a":1}}', () => {})).toThrow(/unbalanced/);
  });
});
