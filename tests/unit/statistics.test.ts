import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '@/data/parse-dataset.ts';
import { embedCode, embedUrl } from '@/domain/embed.ts';
import { buildActorIndex, computeResults } from '@/domain/results.ts';
import { barsOf, computeStatistics } from '@/domain/statistics.ts';
import { DEFAULT_STATE, EMPTY_FILTERS, parseUrlState } from '@/domain/url-state.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';
import { dataset as fixture, feature } from '../fixtures/make-dataset.ts';

const RULES = {
  centreMunicipality: 'stockholm',
  centreLatitude: 59.33,
  coreFacility: 'core-facility',
};

function indexOf(features: unknown[]) {
  return buildActorIndex(parseDataset(fixture(features)));
}

describe('statistics of a result set', () => {
  const index = indexOf([
    feature({
      id: 'a',
      kind: 'sme',
      sectors: ['life-science', 'healthcare'],
      facilityTypes: ['core-facility'],
      municipality: 'uppsala',
      coordinates: [17.64, 59.86],
    }),
    feature({
      id: 'b',
      kind: 'sme',
      sectors: ['life-science'],
      facilityTypes: ['laboratory'],
      municipality: 'huddinge',
      coordinates: [17.94, 59.22],
    }),
    feature({
      id: 'c',
      kind: 'university',
      sectors: [],
      facilityTypes: ['laboratory'],
      municipality: 'stockholm',
      coordinates: [18.07, 59.35],
    }),
    feature({ id: 'd', kind: 'funder', sectors: ['life-science'], coordinates: null }),
  ]);
  const all = Uint32Array.from([0, 1, 2, 3]);
  const code = (facet: 'kind' | 'sector' | 'facility' | 'municipality', id: string) =>
    index.facets[facet].codeOf.get(id)!;

  it('counts plainly: how many of the results hold each value', () => {
    const s = computeStatistics(index.facets, index.lat, all, RULES);
    expect(s.total).toBe(4);
    expect(s.counts.kind[code('kind', 'sme')]).toBe(2);
    expect(s.counts.sector[code('sector', 'life-science')]).toBe(3);
    expect(s.counts.sector[code('sector', 'healthcare')]).toBe(1);
    expect(s.without.sector).toBe(1);
    expect(s.without.facility).toBe(1);
  });

  it('counts only the given results', () => {
    const s = computeStatistics(index.facets, index.lat, Uint32Array.from([1]), RULES);
    expect(s.counts.kind[code('kind', 'sme')]).toBe(1);
    expect(s.counts.kind[code('kind', 'university')]).toBe(0);
  });

  it('places facilities north, in and south of Stockholm, and leaves out actors without a place', () => {
    const { coverage } = computeStatistics(index.facets, index.lat, all, RULES);
    const lab = code('facility', 'laboratory');
    const core = code('facility', 'core-facility');
    expect(coverage.facilityByZone.north[core]).toBe(1);
    expect(coverage.facilityByZone.south[lab]).toBe(1);
    expect(coverage.facilityByZone.stockholm[lab]).toBe(1);
    expect(coverage.facilityByZone.north[lab]).toBe(0);
    expect(coverage.zoneTotals).toEqual({ north: 1, stockholm: 1, south: 1 });
  });

  it('lists municipalities with results but no core facility, most results first', () => {
    const { coverage } = computeStatistics(index.facets, index.lat, all, RULES);
    const names = coverage.municipalitiesWithoutCore.map(
      (m) => index.facets.municipality.values[m],
    );
    expect(names.sort()).toEqual(['huddinge', 'stockholm']);
  });

  it('turns counts into bars, most first, ties in label order, without empty values', () => {
    const s = computeStatistics(index.facets, index.lat, all, RULES);
    const bars = barsOf(
      index.facets.kind.values,
      s.counts.kind,
      (id) => id.toUpperCase(),
      (a, b) => a.localeCompare(b),
    );
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ['SME', 2],
      ['FUNDER', 1],
      ['UNIVERSITY', 1],
    ]);
  });

  it('agrees with the filters: a bar’s count is what filtering by it gives', () => {
    const published = checkDataDir(join(import.meta.dirname, '../../data')).published!;
    const real = buildActorIndex(parseDataset(JSON.parse(JSON.stringify(published))));
    const base = {
      q: '',
      filters: EMPTY_FILTERS,
      sort: 'name' as const,
      inView: null,
      center: null,
    };
    const { order } = computeResults(real, base);
    const s = computeStatistics(real.facets, real.lat, order, RULES);
    for (const facet of ['kind', 'sector', 'facility', 'programme', 'municipality'] as const) {
      real.facets[facet].values.forEach((id, c) => {
        const filtered = computeResults(real, {
          ...base,
          filters: { ...EMPTY_FILTERS, [facet]: [id] },
        });
        expect(s.counts[facet][c]).toBe(filtered.order.length);
      });
    }
  });
});

describe('embed code', () => {
  it('links to the current view in embed mode, without the programme or statistics view', () => {
    const { state } = parseUrlState(
      '?sector=life-science&tab=stats&prog=stockholm-life-tech&map=18,59.3,9',
    );
    const url = embedUrl('https://example.org/kartan/', state);
    const parsed = parseUrlState(new URL(url).search).state;
    expect(parsed).toEqual({ ...state, embed: true, tab: 'list', programme: null });
    expect(url.startsWith('https://example.org/kartan/?')).toBe(true);
  });

  it('escapes what goes into the attributes', () => {
    const code = embedCode('https://x.test/?q="><script>alert(1)</script>&a=1', 'A "title" <b>');
    expect(code).not.toContain('<script>');
    expect(code).toContain('&quot;&gt;&lt;script&gt;');
    expect(code).toContain('&amp;a=1');
    expect(code).toContain('title="A &quot;title&quot; &lt;b&gt;"');
    expect(code.startsWith('<iframe src="https://x.test/')).toBe(true);
  });

  it('keeps a search with quotes intact through the URL', () => {
    const url = embedUrl('https://x.test/', { ...DEFAULT_STATE, q: 'a "b" <c>' });
    expect(parseUrlState(new URL(url).search).state.q).toBe('a "b" <c>');
  });
});
