import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packColumn, packedBuffers, unpackColumn } from '@/data/column-packing.ts';

/** What the page receives: the packed column as postMessage copies it, buffers moved. */
function roundTrip(column: (string | null)[]) {
  const packed = packColumn(column);
  const transfer = packedBuffers(packed);
  const received = structuredClone(packed, { transfer });
  return { packed, unpacked: unpackColumn(received) };
}

describe('packing string columns for the page', () => {
  it('gives back every column as it was, nulls and empty strings included', () => {
    const entry = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.constantFrom('science-park', 'hospital', 'Åbo', 'Ørsted 😀'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 300 }), (column) => {
        expect(roundTrip(column).unpacked).toEqual(column);
      }),
      { numRuns: 300 },
    );
  });

  it('sends repeated values as codes, and unique ones joined in one string', () => {
    const kinds = Array.from({ length: 3000 }, (_, i) => ['university', 'hospital', null][i % 3]!);
    const coded = roundTrip(kinds);
    expect(coded.packed.packing).toBe('codes');
    expect(coded.unpacked).toEqual(kinds);

    const names = Array.from({ length: 3000 }, (_, i) => `Aktör ${i}`);
    const joined = roundTrip(names);
    expect(joined.packed.packing).toBe('joined');
    expect(joined.unpacked).toEqual(names);
  });
});
