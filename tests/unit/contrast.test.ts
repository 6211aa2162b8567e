import { describe, expect, it } from 'vitest';
import kinds from '../../data/vocabularies/kinds.json';
import { contrastRatio } from '@/domain/contrast.ts';
import { MIN_GRAPHIC_CONTRAST, PALETTE } from '@/domain/palette.ts';

describe('contrast', () => {
  it('matches known WCAG values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  it.each(kinds.map((k) => [k.id, k.color]))(
    'marker colour of %s stands out from the land',
    (_, color) => {
      expect(contrastRatio(color, PALETTE.land)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
    },
  );
  it('marker outline stands out from land and water, whatever the fill', () => {
    expect(contrastRatio(PALETTE.markerOutline, PALETTE.land)).toBeGreaterThanOrEqual(
      MIN_GRAPHIC_CONTRAST,
    );
    expect(contrastRatio(PALETTE.markerOutline, PALETTE.water)).toBeGreaterThanOrEqual(
      MIN_GRAPHIC_CONTRAST,
    );
  });
});
