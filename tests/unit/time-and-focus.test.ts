import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '@/data/parse-dataset.ts';
import { actorFocus, programmeFocus } from '@/domain/focus.ts';
import { arc, metresPerPixel, spreadPositions } from '@/domain/relation-geometry.ts';
import { buildProgrammeIndex, buildRelationIndex } from '@/domain/relations.ts';
import { actorActivity, presenceMask, programmeActivity, spanActivity } from '@/domain/time.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';

describe('as of year', () => {
  it('knows when a programme ran, and says when it does not know', () => {
    const cluster = { start: 2010, end: 2011, ongoing: false };
    expect(programmeActivity(cluster, 2011)).toBe('active');
    expect(programmeActivity(cluster, 2009)).toBe('inactive');
    expect(programmeActivity(cluster, 2012)).toBe('inactive');
    expect(programmeActivity({ start: 2024, end: null, ongoing: true }, 2030)).toBe('active');
    expect(programmeActivity({ start: null, end: null, ongoing: false }, 2020)).toBe('unknown');
    expect(programmeActivity({ start: 2018, end: null, ongoing: false }, 2020)).toBe('unknown');
    expect(programmeActivity({ start: 2018, end: null, ongoing: false }, 2017)).toBe('inactive');
  });

  it('greys memberships that had not begun', () => {
    expect(spanActivity({ from: 2024 }, 2023)).toBe('inactive');
    expect(spanActivity({ from: 2024 }, 2024)).toBe('active');
    expect(spanActivity({}, 2024)).toBe('unknown');
    expect(spanActivity({ from: 2020, to: 2021 }, 2022)).toBe('inactive');
  });

  it('hides actors founded later or closed earlier, keeps those of unknown age', () => {
    expect(actorActivity({ founded: { year: 2011, sources: [] } }, 2010)).toBe('inactive');
    expect(actorActivity({ closed: { year: 2013, sources: [] } }, 2014)).toBe('inactive');
    expect(actorActivity({ closed: { year: null, sources: [] } }, 2050)).toBe('unknown');
    expect(actorActivity({}, 1990)).toBe('unknown');
    expect([...presenceMask([{ founded: { year: 2018, sources: [] } }, {}], 2011)]).toEqual([0, 1]);
  });
});

describe('relation geometry', () => {
  it('matches web mercator scale', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.5, 0);
    expect(metresPerPixel(60, 10)).toBeCloseTo(38.2, 0);
  });

  it('leaves lone points in place and spreads shared ones on a ring around the true point', () => {
    const centre = { id: 'c', coordinates: [17.6, 59.2] as [number, number] };
    const out = spreadPositions(
      centre,
      [centre, { id: 'a', coordinates: [17.6, 59.2] }, { id: 'b', coordinates: [18, 59.3] }],
      10,
    );
    expect(out.get('b')).toEqual([18, 59.3]);
    const [cx, cy] = out.get('c')!;
    const [ax, ay] = out.get('a')!;
    expect(cy).toBeGreaterThan(59.2); // the first on the ring sits on top
    expect(Math.hypot(ax - 17.6, ay - 59.2)).toBeGreaterThan(0);
    expect([cx, cy]).not.toEqual([ax, ay]);
  });

  it('draws an arc that starts and ends at its points and bends aside', () => {
    const line = arc([17, 59], [18, 59]);
    expect(line[0]).toEqual([17, 59]);
    expect(line[line.length - 1]).toEqual([18, 59]);
    expect(line[12]![1]).not.toBeCloseTo(59, 3);
  });
});

describe('focus on the shipped dataset', () => {
  const published = checkDataDir(join(import.meta.dirname, '../../data')).published;
  const dataset = parseDataset(JSON.parse(JSON.stringify(published)));
  const relations = buildRelationIndex(dataset.actors);
  const programmes = buildProgrammeIndex(dataset.actors);

  it('ties Södertälje Science Park to its four owners', () => {
    const focus = actorFocus(
      dataset.actorById.get('sodertalje-science-park')!,
      dataset,
      relations,
      null,
    );
    const owners = focus.links
      .filter((l) => l.style === 'owner')
      .map((l) => l.to)
      .sort();
    expect(owners).toEqual(['astrazeneca', 'kth', 'scania', 'sodertalje-kommun']);
  });

  it('draws Stockholm Life Tech from its project owner to its partners', () => {
    const focus = programmeFocus(
      'stockholm-life-tech',
      dataset,
      programmes.get('stockholm-life-tech')!,
      null,
    );
    expect(focus.centre?.id).toBe('region-stockholm');
    expect(
      focus.links
        .filter((l) => l.style === 'partner')
        .map((l) => l.to)
        .sort(),
    ).toEqual(
      [
        'akademiska-hus',
        'flemingsberg-science',
        'karolinska-institutet',
        'karolinska-universitetssjukhuset',
        'ki-science-park',
        'stockholm-science-city',
      ].sort(),
    );
  });

  it('greys a programme outside the chosen year', () => {
    const slt = programmeFocus(
      'stockholm-life-tech',
      dataset,
      programmes.get('stockholm-life-tech')!,
      2011,
    );
    expect(slt.links.every((l) => l.inactive)).toBe(true);
    const cluster = programmeFocus(
      'suls-cluster-project',
      dataset,
      programmes.get('suls-cluster-project')!,
      2011,
    );
    expect(cluster.links.some((l) => !l.inactive)).toBe(true);
  });
});
