import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Actor, Dataset } from '@/data/dataset.ts';
import { parseDataset } from '@/data/parse-dataset.ts';
import { actorCsvHeader, actorsToCsv, neutraliseFormula } from '@/domain/export/csv.ts';
import { actorsToGeoJson, type ExportFeatureCollection } from '@/domain/export/geojson.ts';
import {
  calendarDate,
  exportFileName,
  slugify,
  type ExportRequest,
  type ExportSelection,
} from '@/domain/export/provenance.ts';
import {
  relationCsvHeader,
  relationsAmong,
  relationsToCsv,
} from '@/domain/export/relations-csv.ts';
import { EMPTY_FILTERS } from '@/domain/url-state.ts';
import { checkDataDir } from '../../scripts/lib/curated.ts';
import { TEST_SOURCE, dataset as makeDataset, feature } from '../fixtures/make-dataset.ts';

// ---------------------------------------------------------------- fixtures

const published = checkDataDir(join(import.meta.dirname, '../../data')).published;
const shipped = parseDataset(JSON.parse(JSON.stringify(published)));

const small = parseDataset(
  makeDataset(
    [
      feature({
        id: 'alfa',
        name: 'Alfa Södertälje AB',
        municipality: 'sodertalje',
        coordinates: [17.6253, 59.1955],
        programmes: [{ programme: 'test-programme', role: 'owner', sources: ['test-source'] }],
        relations: [
          { type: 'partner-of', target: 'beta', sources: ['test-source'] },
          { type: 'owned-by', target: 'gamma', sources: ['test-source'] },
          { type: 'funded-by', target: 'beta', via: 'gamma', from: 2020, to: 2023, sources: [] },
        ],
      }),
      feature({
        id: 'beta',
        name: 'Beta',
        coordinates: null,
        description: { sv: 'Bara på svenska: åäö.' },
        relations: [
          { type: 'partner-of', target: 'alfa', sources: ['other-source'] },
          { type: 'owned-by', target: 'alfa', certainty: 'inferred', sources: [] },
        ],
      }),
      feature({ id: 'gamma', name: 'Gamma' }),
    ],
    { sources: [TEST_SOURCE, { ...TEST_SOURCE, id: 'other-source', title: 'Annan källa' }] },
  ),
);

function actorOf(data: Dataset, id: string): Actor {
  const actor = data.actorById.get(id);
  if (!actor) throw new Error(`fixture lacks ${id}`);
  return actor;
}

const NO_SELECTION: ExportSelection = { q: '', filters: EMPTY_FILTERS, year: null, inView: false };
const EXPORTED_AT = new Date('2026-11-22T10:30:00Z');

function requestFor(
  data: Dataset,
  actors: readonly Actor[],
  options: Partial<ExportRequest> = {},
): ExportRequest {
  return {
    actors,
    lookups: data,
    selection: NO_SELECTION,
    lang: 'sv',
    exportedAt: EXPORTED_AT,
    profileUrl: (id) => `https://example.org/?actor=${id}`,
    timeZone: 'Europe/Stockholm',
    ...options,
  };
}

/** Parses a CSV export as a reader would: BOM off, header row as keys. */
function parseCsv(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** An actor with hostile text in every free-text field a reader sees. */
function hostile(text: string, coordinates: [number, number] | null = [18.1, 59.3]): Actor {
  const base = actorOf(small, 'gamma');
  return {
    ...base,
    id: 'hostile',
    name: text,
    description: { sv: text, en: text },
    location: base.location && { ...base.location, siteName: text, address: text },
    coordinates,
  };
}

// Column names as a reader sees them; the first test pins the whole header.
const ID = 'id';
const NAME = 'namn';
const KIND = 'typ';
const PROGRAMMES = 'program och projekt';
const MUNICIPALITY = 'kommun';
const SITE = 'plats';
const ADDRESS = 'adress';
const PRECISION = 'precision';
const LON = 'longitud';
const LAT = 'latitud';
const FOUNDED = 'grundad';
const DESCRIPTION = 'beskrivning';
const PROFILE = 'profil i Aktörskartan';

// ---------------------------------------------------------------- actor CSV

describe('actor CSV', () => {
  it('exports every shipped actor, one row each, round-tripping through Papa.parse', () => {
    const file = actorsToCsv(requestFor(shipped, shipped.actors));
    const rows = parseCsv(file.text);
    expect(actorCsvHeader('sv')).toEqual([
      ID,
      NAME,
      KIND,
      'branscher',
      'faciliteter',
      PROGRAMMES,
      MUNICIPALITY,
      SITE,
      ADDRESS,
      'postnummer',
      PRECISION,
      LON,
      LAT,
      'webbplats',
      FOUNDED,
      DESCRIPTION,
      'källor',
      'senast kontrollerad',
      PROFILE,
    ]);
    expect(shipped.actors).toHaveLength(35);
    expect(rows).toHaveLength(35);
    rows.forEach((row, i) => {
      const actor = shipped.actors[i]!;
      expect(row[ID]).toBe(actor.id);
      expect(row[NAME]).toBe(actor.name);
      expect(row[KIND]).toBe(shipped.vocab.kinds.get(actor.kind)?.label.sv);
      expect(row[DESCRIPTION]).toBe(actor.description.sv);
      expect(row[PROFILE]).toBe(`https://example.org/?actor=${actor.id}`);
      expect(row[FOUNDED]).toBe(actor.founded ? String(actor.founded.year) : '');
      const municipality = actor.location?.municipality;
      expect(row[MUNICIPALITY]).toBe(
        municipality ? shipped.vocab.municipalities.get(municipality)?.label.sv : '',
      );
      if (actor.coordinates) {
        expect(Number(row[LON])).toBeCloseTo(actor.coordinates[0], 6);
        expect(Number(row[LAT])).toBeCloseTo(actor.coordinates[1], 6);
      } else {
        expect([row[LON], row[LAT]]).toEqual(['', '']);
      }
    });
  });

  it('starts with a BOM, keeps å ä ö intact and ends lines with CRLF', () => {
    const { text } = actorsToCsv(requestFor(shipped, shipped.actors));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Södertälje Science Park');
    expect(text).toContain('källor');
    // Header plus 35 rows: 35 line breaks, every one CRLF (the shipped text has no embedded breaks).
    expect(text.match(/\r\n/g)).toHaveLength(35);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('labels headers and values in English, falling back to Swedish descriptions', () => {
    const beta = actorOf(small, 'beta');
    const alfa = actorOf(small, 'alfa');
    const rows = parseCsv(actorsToCsv(requestFor(small, [alfa, beta], { lang: 'en' })).text);
    expect(Object.keys(rows[0]!)).toEqual(actorCsvHeader('en'));
    expect(rows[0]!['programmes and projects']).toBe('Testprogrammet (Owner or project owner)');
    expect(rows[0]!['municipality']).toBe('Södertälje');
    expect(rows[0]!['precision']).toBe('site (e.g. campus)');
    expect(rows[0]!['sources']).toBe('Testkälla');
    expect(rows[1]!['description']).toBe('Bara på svenska: åäö.');
    expect(rows[1]!['precision']).toBe('');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])(
    'neutralises a string cell starting with %j by prefixing an apostrophe',
    (start) => {
      const value = `${start}cmd|' /C calc'!A0`;
      const [row] = parseCsv(actorsToCsv(requestFor(small, [hostile(value)])).text);
      for (const field of [NAME, DESCRIPTION, SITE, ADDRESS]) expect(row![field]).toBe(`'${value}`);
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );

  it('neutralises a formula followed by a line break, which papaparse 5.7 escapeFormulae misses', () => {
    const value = '=1+1\nsecond line';
    expect(Papa.unparse([[value]], { escapeFormulae: true })).not.toContain("'=");
    const [row] = parseCsv(actorsToCsv(requestFor(small, [hostile(value)])).text);
    expect(row![NAME]).toBe(`'${value}`);
  });

  it('leaves text alone when the dangerous character is not first', () => {
    for (const value of ['a=b', 'Life science', ' =1', '1+1', 'e-post@example.org']) {
      expect(neutraliseFormula(value)).toBe(value);
    }
  });

  it('round-trips hostile names exactly, each in its own cell', () => {
    const names = [
      '=HYPERLINK("http://evil","click")',
      '<img src=x onerror=alert(1)>',
      '"quotes", commas, newlines\nand more\r\nlines',
      'Åsa & Örjan ”citat” ; semikolon',
    ];
    const rows = parseCsv(
      actorsToCsv(
        requestFor(
          small,
          names.map((n) => hostile(n)),
        ),
      ).text,
    );
    expect(rows.map((r) => r[NAME])).toEqual([`'${names[0]}`, names[1], names[2], names[3]]);
    for (const row of rows) expect(Object.keys(row)).toEqual(actorCsvHeader('sv'));
  });

  it('writes coordinates as numbers, rounded to 6 decimals, never prefixed', () => {
    const london = hostile('London', [-0.127500004, 51.507222123]);
    const { text } = actorsToCsv(requestFor(small, [london]));
    expect(text).toContain(',-0.1275,51.507222,');
    expect(text).not.toContain("'-0.1275");
    const [row] = parseCsv(text);
    expect([row![LON], row![LAT]]).toEqual(['-0.1275', '51.507222']);
  });

  it('writes a founded year as a plain number and precision as a label', () => {
    const actor = { ...actorOf(small, 'alfa'), founded: { year: 1998, sources: [] } };
    const [row] = parseCsv(actorsToCsv(requestFor(small, [actor])).text);
    expect(row![FOUNDED]).toBe('1998');
    expect(row![PRECISION]).toBe('område (t.ex. campus)');
    expect(row![PROGRAMMES]).toBe('Testprogrammet (Ägare eller projektägare)');
  });

  it('writes just the header for an empty selection', () => {
    const rows = parseCsv(actorsToCsv(requestFor(small, [])).text);
    expect(rows).toEqual([]);
  });
});

// ---------------------------------------------------------------- relations CSV

describe('relations CSV', () => {
  const FROM_ID = 'från id';
  const RELATION = 'relation';
  const TO_ID = 'till id';
  const SOURCES = 'källor';

  it('has a Swedish header', () => {
    expect(relationCsvHeader('sv')).toEqual([
      FROM_ID,
      'från namn',
      RELATION,
      TO_ID,
      'till namn',
      'via id',
      'via namn',
      'säkerhet',
      'från år',
      'till år',
      SOURCES,
    ]);
  });

  it('lists every shipped relation among all 35 actors', () => {
    const ids = new Set(shipped.actors.map((a) => a.id));
    const declared = shipped.actors.flatMap((a) => a.relations.filter((r) => ids.has(r.target)));
    const rows = parseCsv(relationsToCsv(requestFor(shipped, shipped.actors)).text);
    // No symmetric relation is declared from both sides in the shipped data.
    expect(rows).toHaveLength(declared.length);
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(ids.has(row[FROM_ID]!)).toBe(true);
      expect(ids.has(row[TO_ID]!)).toBe(true);
    }
  });

  it('keeps only relations whose both ends are exported', () => {
    const chosen = ['sodertalje-science-park', 'scania', 'kth'].map((id) => actorOf(shipped, id));
    const rows = parseCsv(relationsToCsv(requestFor(shipped, chosen)).text);
    const chosenIds = new Set(chosen.map((a) => a.id));
    const expected = chosen.flatMap((a) =>
      a.relations.filter((r) => chosenIds.has(r.target)).map((r) => `${a.id}>${r.target}`),
    );
    expect(rows.map((r) => `${r[FROM_ID]}>${r[TO_ID]}`)).toEqual(expected);
    expect(rows).toContainEqual(
      expect.objectContaining({ [FROM_ID]: 'sodertalje-science-park', [RELATION]: 'Ägs av' }),
    );
  });

  it('lists a symmetric relation declared on both sides once, with both sources', () => {
    const actors = [actorOf(small, 'alfa'), actorOf(small, 'beta')];
    const rows = parseCsv(relationsToCsv(requestFor(small, actors)).text);
    const partners = rows.filter((r) => r[RELATION] === 'Partner till');
    expect(partners).toHaveLength(1);
    expect(partners[0]![SOURCES]).toBe('Testkälla; Annan källa');
    // "Owned by" is directed: alfa→gamma is gone (gamma not exported), beta→alfa stays.
    expect(rows.filter((r) => r[RELATION] === 'Ägs av').map((r) => r[FROM_ID])).toEqual(['beta']);
    expect(relationsAmong(actors, small)).toHaveLength(3);
  });

  it('names the intermediary and translates certainty', () => {
    const actors = [actorOf(small, 'alfa'), actorOf(small, 'beta')];
    const rows = parseCsv(
      relationsToCsv({
        ...requestFor(small, actors, { lang: 'en' }),
        lookups: { ...small, actorName: (id) => (id === 'gamma' ? 'Gamma' : undefined) },
      }).text,
    );
    const funded = rows.find((r) => r['relation'] === 'Funded by');
    expect(funded).toMatchObject({ 'via id': 'gamma', 'via name': 'Gamma' });
    expect(funded).toMatchObject({ 'from year': '2020', 'to year': '2023', sources: '' });
    const owned = rows.find((r) => r['relation'] === 'Owned by');
    expect(owned?.['certainty']).toBe('inferred from the source');
  });

  it('neutralises hostile actor names in the edge list too', () => {
    const evilAlfa = { ...actorOf(small, 'alfa'), name: '@SUM(A1:A9)' };
    const rows = parseCsv(
      relationsToCsv(requestFor(small, [evilAlfa, actorOf(small, 'beta')])).text,
    );
    expect(rows[0]!['från namn']).toBe("'@SUM(A1:A9)");
  });
});

// ---------------------------------------------------------------- GeoJSON

describe('GeoJSON', () => {
  it('exports the shipped actors as valid RFC 7946 GeoJSON with the provenance', () => {
    const file = actorsToGeoJson(requestFor(shipped, shipped.actors));
    expect(() => check(file.text)).not.toThrow();
    const parsed = JSON.parse(file.text) as ExportFeatureCollection;
    expect(parsed.features).toHaveLength(35);
    expect(parsed.features.filter((f) => f.geometry === null)).toHaveLength(
      shipped.actors.filter((a) => a.coordinates === null).length,
    );
    expect(parsed.metadata).toMatchObject({
      version: shipped.metadata.version,
      citation: shipped.metadata.citation,
      exportedAt: '2026-11-22T10:30:00.000Z',
      actorCount: 35,
    });
    const ssp = parsed.features.find((f) => f.id === 'sodertalje-science-park');
    expect(ssp?.properties).toMatchObject({
      name: 'Södertälje Science Park',
      kind: 'science-park',
      kindLabel: 'Science park',
      url: 'https://example.org/?actor=sodertalje-science-park',
    });
    expect(file.mimeType).toBe('application/geo+json');
  });

  it('rounds coordinates to 6 decimals and keeps place-less actors with null geometry', () => {
    const actors = [hostile('Punkt', [18.123456789, 59.987654321]), actorOf(small, 'beta')];
    const file = actorsToGeoJson(requestFor(small, actors, { lang: 'en' }));
    expect(() => check(file.text)).not.toThrow();
    const { features } = JSON.parse(file.text) as ExportFeatureCollection;
    expect(features[0]!.geometry).toEqual({ type: 'Point', coordinates: [18.123457, 59.987654] });
    expect(features[1]!.geometry).toBeNull();
    expect(features[1]!.properties).toMatchObject({
      description: 'Bara på svenska: åäö.',
      municipality: null,
      precision: null,
    });
  });

  it('round-trips hostile strings exactly and keeps "<" out of the raw text', () => {
    const names = ['=HYPERLINK("http://evil")', '<img src=x onerror=alert(1)></script>', 'a"b\nc'];
    const file = actorsToGeoJson(
      requestFor(
        small,
        names.map((n) => hostile(n)),
      ),
    );
    expect(() => check(file.text)).not.toThrow();
    expect(file.text).not.toContain('<');
    const { features } = JSON.parse(file.text) as ExportFeatureCollection;
    expect(features.map((f) => f.properties.name)).toEqual(names);
  });
});

// ---------------------------------------------------------------- provenance and file names

describe('provenance and file names', () => {
  const selection: ExportSelection = {
    q: 'cellterapi',
    filters: { ...EMPTY_FILTERS, municipality: ['sodertalje', 'solna'], kind: ['science-park'] },
    year: 2020,
    inView: true,
    link: 'https://example.org/?q=cellterapi',
  };

  it('states dataset, version, date, licence, citation, time, selection and count', () => {
    const file = actorsToCsv(requestFor(shipped, shipped.actors.slice(0, 4), { selection }));
    const text = file.provenanceLines.join('\n');
    const { metadata } = shipped;
    for (const fact of [metadata.title, metadata.version, metadata.updated, metadata.citation]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain(`Licens: ${metadata.licence}`);
    expect(text).toContain('Exporterad: 2026-11-22T10:30:00.000Z');
    expect(text).toContain(
      'Urval: sökning ”cellterapi”; Typ av aktör: Science park; Kommun: Södertälje, Solna; ' +
        'som läget var år 2020; bara aktörer inom kartans utsnitt',
    );
    expect(text).toContain('Länk: https://example.org/?q=cellterapi');
    expect(text).toContain('Antal aktörer: 4');
    expect(file.provenance.selection.filters).toEqual({
      kind: ['science-park'],
      municipality: ['sodertalje', 'solna'],
    });
  });

  it('describes an empty selection as everything, in English too', () => {
    const file = relationsToCsv(requestFor(shipped, shipped.actors, { lang: 'en' }));
    expect(file.provenanceLines).toContain('Selection: all actors');
    expect(file.provenanceLines).toContain(`Relations: ${file.provenance.relationCount}`);
    expect(file.provenanceLines).toContain('Cite as: ' + shipped.metadata.citation);
  });

  it('names files by date and selection, ASCII only, with no separators or spaces', () => {
    const request = requestFor(shipped, [], { selection });
    expect(exportFileName(request, 'csv')).toBe(
      'aktorskartan-2026-11-22-cellterapi-science-park-sodertalje-solna-2020-kartutsnitt.csv',
    );
    expect(exportFileName(requestFor(shipped, [], { lang: 'en' }), 'geojson', 'relations')).toBe(
      'aktorskartan-2026-11-22-all-actors-relations.geojson',
    );
    expect(actorsToCsv(requestFor(shipped, [])).fileName).toBe(
      'aktorskartan-2026-11-22-alla-aktorer.csv',
    );
  });

  it('makes hostile or foreign search text safe in a file name', () => {
    for (const q of ['../../etc/passwd', 'C:\\Windows\\system32', 'a/b c?d*e:f|g"h<i>j', '   ']) {
      const name = exportFileName(
        requestFor(small, [], { selection: { ...NO_SELECTION, q } }),
        'csv',
      );
      expect(name).toMatch(/^aktorskartan-\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.csv$/);
    }
    expect(slugify('Åre Östra Ärlinghem')).toBe('are-ostra-arlinghem');
    expect(slugify('Søren Æbeløe Straße')).toBe('soren-aebeloe-strasse');
    expect(slugify('x'.repeat(100))).toHaveLength(60);
  });

  it('dates the file name in the given time zone, not UTC', () => {
    const lateEvening = new Date('2026-11-22T23:30:00Z');
    expect(calendarDate(lateEvening, 'Europe/Stockholm')).toBe('2026-11-23');
    expect(calendarDate(lateEvening, 'UTC')).toBe('2026-11-22');
  });
});
