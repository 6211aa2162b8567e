/**
 * Actors as a CSV table, for spreadsheets and scripts.
 *
 * Choices, and why:
 * - UTF-8 with a byte-order mark: without it Excel guesses a legacy code page and turns
 *   "Södertälje" into "SÃ¶dertÃ¤lje". Other readers skip the mark (strip it if yours does not).
 * - CRLF line endings and comma delimiters: RFC 4180 and Excel's defaults. (Excel set to a
 *   Swedish locale expects semicolons when a file is double-clicked; its import dialog and every
 *   other tool read commas. A `sep=,` line would fix the double-click but breaks every parser.)
 * - The provenance (dataset, version, licence, citation, selection) is NOT written into the file.
 *   Comment rows above or below the table break `header: true` parsing, pandas, R and Excel's
 *   column typing, and extra columns would repeat it on every row. The CSV stays a clean table;
 *   the provenance travels in the file name and in `ExportFile.provenanceLines`, which the UI
 *   shows beside the download (and can offer as a note). The GeoJSON export carries it inside.
 * - Formula injection: a cell that starts with = + - @ tab or CR is run as a formula by Excel,
 *   LibreOffice and Google Sheets; `=HYPERLINK(...)` in a name would become a live link. Every
 *   string cell that starts so gets a leading apostrophe (OWASP's advice), which spreadsheets
 *   show as text. Numbers are written as numbers and never touched: a negative longitude stays
 *   a number. Papaparse's own `escapeFormulae` is deliberately left off: in 5.7.1 its pattern
 *   `/^[=+\-@\t\r].*$/` has no `s` flag, so a value like "=1+1\nx" (formula, then a line break)
 *   slips through; our own rule is one line, tested, and shared with the relations file. Using
 *   both would prefix twice.
 */
import Papa from 'papaparse';
import type { Actor } from '@/data/dataset.ts';
import type { Precision } from '@/data/schema.ts';
import type { Lang } from '@/i18n/messages.ts';
import {
  LIST_SEPARATOR,
  buildProvenance,
  describeProvenance,
  exportFileName,
  localized,
  roundCoordinate,
  sourceTitles,
  vocabularyLabel,
  type ExportFile,
  type ExportRequest,
} from './provenance.ts';

export const BYTE_ORDER_MARK = '\uFEFF';
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/** A cell: text, a number, or nothing (written as an empty field). */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a string inert in a spreadsheet; see the module comment. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV text from a header and rows: BOM, CRLF, commas, quoting by papaparse, formulas defused. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const safe = (cell: CsvCell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);
  // Rows as arrays, header first: papaparse's { fields, data } form writes a stray empty row
  // when there is no data, which parsers then read as a short record.
  const table = [header.map(neutraliseFormula), ...rows.map((row) => row.map(safe))];
  const text = Papa.unparse(table, { delimiter: ',', newline: '\r\n', escapeFormulae: false });
  return BYTE_ORDER_MARK + text;
}

// ---------------------------------------------------------------- the actor table

const PRECISION_LABELS: Record<Lang, Record<Precision, string>> = {
  sv: {
    address: 'adress',
    site: 'område (t.ex. campus)',
    municipality: 'kommun (ungefärlig plats)',
  },
  en: {
    address: 'street address',
    site: 'site (e.g. campus)',
    municipality: 'municipality (approximate)',
  },
};

type ActorColumn =
  | 'id'
  | 'name'
  | 'kind'
  | 'sectors'
  | 'facilityTypes'
  | 'programmes'
  | 'municipality'
  | 'siteName'
  | 'address'
  | 'postalCode'
  | 'precision'
  | 'longitude'
  | 'latitude'
  | 'website'
  | 'founded'
  | 'description'
  | 'sources'
  | 'lastVerified'
  | 'profileUrl';

const ACTOR_HEADERS: Record<Lang, Record<ActorColumn, string>> = {
  sv: {
    id: 'id',
    name: 'namn',
    kind: 'typ',
    sectors: 'branscher',
    facilityTypes: 'faciliteter',
    programmes: 'program och projekt',
    municipality: 'kommun',
    siteName: 'plats',
    address: 'adress',
    postalCode: 'postnummer',
    precision: 'precision',
    longitude: 'longitud',
    latitude: 'latitud',
    website: 'webbplats',
    founded: 'grundad',
    description: 'beskrivning',
    sources: 'källor',
    lastVerified: 'senast kontrollerad',
    profileUrl: 'profil i Aktörskartan',
  },
  en: {
    id: 'id',
    name: 'name',
    kind: 'kind',
    sectors: 'sectors',
    facilityTypes: 'facility types',
    programmes: 'programmes and projects',
    municipality: 'municipality',
    siteName: 'site',
    address: 'address',
    postalCode: 'postal code',
    precision: 'precision',
    longitude: 'longitude',
    latitude: 'latitude',
    website: 'website',
    founded: 'founded',
    description: 'description',
    sources: 'sources',
    lastVerified: 'last verified',
    profileUrl: 'profile in Aktörskartan',
  },
};

const ACTOR_COLUMNS = Object.keys(ACTOR_HEADERS.sv) as ActorColumn[];

/** The header row of the actor table, in column order. */
export function actorCsvHeader(lang: Lang): string[] {
  return ACTOR_COLUMNS.map((column) => ACTOR_HEADERS[lang][column]);
}

function actorCells(actor: Actor, request: ExportRequest): Record<ActorColumn, CsvCell> {
  const { lookups, lang } = request;
  const { vocab } = lookups;
  const location = actor.location;
  const programmes = actor.programmes.map((p) => {
    const name = lookups.programmeById.get(p.programme)?.name ?? p.programme;
    return `${name} (${vocabularyLabel(vocab.programmeRoles, p.role, lang)})`;
  });
  return {
    id: actor.id,
    name: actor.name,
    kind: vocabularyLabel(vocab.kinds, actor.kind, lang),
    sectors: actor.sectors
      .map((id) => vocabularyLabel(vocab.sectors, id, lang))
      .join(LIST_SEPARATOR),
    facilityTypes: actor.facilityTypes
      .map((id) => vocabularyLabel(vocab.facilityTypes, id, lang))
      .join(LIST_SEPARATOR),
    programmes: programmes.join(LIST_SEPARATOR),
    municipality: location
      ? vocabularyLabel(vocab.municipalities, location.municipality, lang)
      : null,
    siteName: location?.siteName ?? null,
    address: location?.address ?? null,
    postalCode: location?.postalCode ?? null,
    precision: location ? PRECISION_LABELS[lang][location.precision] : null,
    longitude: actor.coordinates ? roundCoordinate(actor.coordinates[0]) : null,
    latitude: actor.coordinates ? roundCoordinate(actor.coordinates[1]) : null,
    website: actor.website?.url ?? null,
    founded: actor.founded?.year ?? null,
    description: localized(actor.description, lang),
    sources: sourceTitles(actor.sources, lookups).join(LIST_SEPARATOR),
    lastVerified: actor.lastVerified,
    profileUrl: request.profileUrl(actor.id),
  };
}

/** The actors, one row each in the order given, as a CSV file with its name and provenance. */
export function actorsToCsv(request: ExportRequest): ExportFile {
  const rows = request.actors.map((actor) => {
    const cells = actorCells(actor, request);
    return ACTOR_COLUMNS.map((column) => cells[column]);
  });
  const provenance = buildProvenance(request);
  return {
    fileName: exportFileName(request, 'csv'),
    mimeType: CSV_MIME_TYPE,
    text: writeCsv(actorCsvHeader(request.lang), rows),
    provenance,
    provenanceLines: describeProvenance(provenance),
  };
}
