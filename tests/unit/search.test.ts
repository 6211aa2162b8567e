import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, tokenize } from '@/domain/fold.ts';
import {
  MAX_TERMS,
  buildSearchIndex,
  search,
  typoMatch,
  withinOneEdit,
} from '@/domain/search-index.ts';

describe('fold', () => {
  it.each([
    ['Södertälje', 'sodertalje'],
    ['SÖDERTÄLJE', 'sodertalje'],
    ['Åkersberga', 'akersberga'],
    ['Ørsted Æble', 'orsted aeble'],
    ['Crème brûlée', 'creme brulee'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
    );
  });
  it('splits on hyphens and punctuation', () => {
    expect(tokenize('Stockholm-Uppsala Life Science (SULS)')).toEqual([
      'stockholm',
      'uppsala',
      'life',
      'science',
      'suls',
    ]);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['flemingsberg', 'flemingsberg', true],
    ['flemingsberg', 'flemingsbert', true],
    ['flemingsberg', 'flemingberg', true],
    ['flemingsberg', 'flemingsbergg', true],
    ['flemingsberg', 'flemingsbrrt', false],
    ['kth', 'ki', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

/** The plain definition typoMatch speeds up: a beginning of the word, sliced off, is one edit away. */
function typoReference(candidate: string, term: string): boolean {
  const n = term.length;
  return [n - 1, n, n + 1].some(
    (k) => k >= 0 && k <= candidate.length && withinOneEdit(candidate.slice(0, k), term),
  );
}

describe('typoMatch', () => {
  it.each([
    ['sodertalje', 'sodertelj', true],
    ['sodertalje', 'odertalj', true],
    ['flemingsberg', 'flemingsbert', true],
    ['flemingsberg', 'flxmingsbxrg', false],
    ['kista', 'kistan', true],
    ['kista', 'kxsxa', false],
    ['kista', 'kistorna', false],
  ])('%s for %s → %s', (candidate, term, expected) => {
    expect(typoMatch(candidate, term)).toBe(expected);
  });
  it('agrees with the definition by slices, on any strings', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ö'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, (candidate, term) => {
        expect(typoMatch(candidate, term)).toBe(typoReference(candidate, term));
      }),
      { numRuns: 2000 },
    );
  });
});

const DOCS = [
  {
    names: ['Södertälje Science Park', 'SSP'],
    text: ['Mötesplats för hållbar produktion i Södertälje'],
  },
  { names: ['Södertälje kommun'], text: ['Kommunen äger parken'] },
  { names: ['Karolinska Institutet', 'KI'], text: ['Medicinskt universitet i Solna'] },
  { names: ['KTH Kungliga Tekniska högskolan', 'KTH'], text: ['Teknisk högskola'] },
  { names: ['Kista Science City'], text: ['Teknikområde i Stockholm'] },
  { names: ['Flemingsberg Science'], text: ['Stiftelse i Flemingsberg'] },
  { names: ['Scania'], text: ['Lastbilar tillverkade i Södertälje'] },
];
const index = buildSearchIndex(DOCS);
const names = (q: string) => {
  const r = search(index, q);
  return [...r.docs]
    .sort((a, b) => r.scores[b]! - r.scores[a]! || a - b)
    .map((d) => DOCS[d]!.names[0]);
};

describe('search', () => {
  it('finds Södertälje from any spelling, name hits before text hits', () => {
    for (const q of ['sodertalje', 'Sodertalje', 'SÖDERTÄLJE', 'södertälje']) {
      expect(names(q)).toEqual(['Södertälje Science Park', 'Södertälje kommun', 'Scania']);
    }
  });

  it('matches prefixes while typing', () => {
    expect(names('söder')).toContain('Södertälje Science Park');
    expect(names('flemingsberg sci')).toEqual(['Flemingsberg Science']);
  });

  it('matches acronyms exactly: KI is not Kista, KTH is not KI', () => {
    expect(names('KI')).toEqual(['Karolinska Institutet']);
    expect(names('KTH')).toEqual(['KTH Kungliga Tekniska högskolan']);
    expect(names('ssp')).toEqual(['Södertälje Science Park']);
  });

  it('forgives one typo in a longer word', () => {
    expect(names('flemingsbert')).toEqual(['Flemingsberg Science']);
    expect(names('sodertelje')).toContain('Södertälje Science Park');
  });

  it('forgives a typo in the first letters too', () => {
    // Substituted, dropped, swapped-in and added first letters.
    for (const q of ['xlemingsberg', 'lemingsberg', 'fxlemingsberg', 'eflemingsberg']) {
      expect(names(q)).toEqual(['Flemingsberg Science']);
    }
    expect(names('xodertalje')).toContain('Södertälje Science Park');
  });

  it('does not forgive two typos', () => {
    expect(names('flemingsbrrt')).toEqual([]);
  });

  it('requires every term (AND)', () => {
    expect(names('science södertälje')).toEqual(['Södertälje Science Park']);
    expect(names('science nowhere')).toEqual([]);
  });

  it('uses at most MAX_TERMS terms of a very long query', () => {
    const words = Array.from({ length: MAX_TERMS + 20 }, (_, i) => `science${i}`);
    const r = search(index, ['science', ...words].join(' '));
    expect(r.terms).toHaveLength(MAX_TERMS);
    expect(r.docs).toHaveLength(0);
  });

  it('returns nothing for an empty query', () => {
    expect(search(index, '  ').docs).toHaveLength(0);
  });

  it('treats markup as text', () => {
    expect(names('<script>alert(1)</script>')).toEqual([]);
  });
});

describe('highlightRanges', async () => {
  const { highlightRanges } = await import('@/domain/highlight.ts');
  it('marks accented text found by an unaccented query', () => {
    expect(highlightRanges('Södertälje Science Park', ['sodertalje'])).toEqual([[0, 10]]);
  });
  it('marks prefixes at the start of words only', () => {
    expect(highlightRanges('Flemingsberg Science', ['sci'])).toEqual([[13, 16]]);
    expect(highlightRanges('Kista', ['ist'])).toEqual([]);
  });
  it('maps through letters that fold to two (æ → ae)', () => {
    expect(highlightRanges('Ærø Bio', ['aero'])).toEqual([[0, 3]]);
  });
  it('merges overlapping ranges', () => {
    expect(highlightRanges('Science', ['sci', 'science'])).toEqual([[0, 7]]);
  });
});

describe('swedishSortKey', async () => {
  const { swedishSortKey, collator } = await import('@/domain/collation.ts');
  const names = [
    'Örebro',
    'Åkerlabbet',
    'Zeta',
    'Ängen',
    'Äpple',
    'Abba',
    'abc',
    'Émile',
    'Olof',
    'Øster',
    'Ulf',
    'Über',
    'Yngve',
    'Östra',
    'Bo',
    'bo 2',
    'Bo 10',
  ];
  it('orders like the Swedish collator on Swedish names', () => {
    const byKey = [...names].sort((a, b) =>
      swedishSortKey(a) < swedishSortKey(b) ? -1 : swedishSortKey(a) > swedishSortKey(b) ? 1 : 0,
    );
    const c = collator('sv');
    const byCollator = [...names].sort((a, b) => c.compare(a, b));
    // Digits compare as text under the key, so only the letter order is compared here.
    const letters = (list: string[]) => list.filter((n) => !/\d/.test(n));
    expect(letters(byKey)).toEqual(letters(byCollator));
  });
});
