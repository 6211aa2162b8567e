/**
 * What every export says about itself, and the pieces the three writers share.
 *
 * An exported file leaves the app and lives on in mailboxes and spreadsheets, so it must say where
 * it came from: which dataset and version, under which licence, how to cite it, when it was taken
 * and which search and filters chose its rows. That record is built here once, from the same
 * lookups and language as the rows, so that the file and its description cannot disagree.
 *
 * Where the record goes differs by format (see csv.ts and geojson.ts): GeoJSON carries it inside
 * the file as a foreign member; a CSV stays a bare table and the record travels beside it.
 *
 * Everything here is pure: the export time is a parameter, never the clock.
 */
import type { Actor, VocabularyIndex } from '@/data/dataset.ts';
import type { DatasetMetadata, LocalizedText, Programme, Source } from '@/data/schema.ts';
import { FACETS, type Facet, type Filters } from '@/domain/url-state.ts';
import type { Lang } from '@/i18n/messages.ts';

// ---------------------------------------------------------------- inputs

/**
 * The search and filters that produced the rows, as the URL state holds them (ids, not labels):
 * the caller passes its state unchanged, and the labels are resolved here with the same lookups
 * and language as the rows themselves.
 */
export interface ExportSelection {
  q: string;
  filters: Filters;
  /** "As of year", or null for all years. */
  year: number | null;
  /** Only the actors inside the map view. */
  inView: boolean;
  /** A link that reopens the same view, when the caller has one. */
  link?: string;
}

/**
 * What turns ids into words. Both the full `Dataset` and the page's `DatasetView` fit this shape,
 * so the writers run on either side of the worker boundary.
 */
export interface ExportLookups {
  metadata: DatasetMetadata;
  vocab: VocabularyIndex;
  programmeById: ReadonlyMap<string, Programme>;
  sourceById: ReadonlyMap<string, Source>;
  /** Names of actors outside the export (a relation's intermediary may be one). */
  actorName?: (id: string) => string | undefined;
}

export interface ExportRequest {
  /** Full records, in the order they are shown. */
  actors: readonly Actor[];
  lookups: ExportLookups;
  selection: ExportSelection;
  lang: Lang;
  exportedAt: Date;
  /** The app's address for an actor's profile. */
  profileUrl: (id: string) => string;
  /** IANA zone for the date in the file name; the runtime's own when absent. */
  timeZone?: string;
}

// ---------------------------------------------------------------- outputs

export interface ExportProvenance {
  title: string;
  version: string;
  /** The day the data is as of. */
  updated: string;
  licence: string;
  citation: string;
  lang: Lang;
  /** ISO 8601 in UTC: unambiguous wherever the file is opened. */
  exportedAt: string;
  /** The selection in machine form: enough to rebuild the same view. Empty facets are left out. */
  selection: {
    q: string;
    filters: Partial<Record<Facet, string[]>>;
    year: number | null;
    inView: boolean;
    link: string | null;
  };
  /** The selection in words, in `lang`. */
  selectionDescription: string;
  actorCount: number;
  /** Rows of a relations file; null for files of actors. */
  relationCount: number | null;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
  provenance: ExportProvenance;
  /** The provenance as readable lines, for the UI to show beside the download or save as a note. */
  provenanceLines: string[];
}

// ---------------------------------------------------------------- shared helpers

export function localized(text: LocalizedText, lang: Lang): string {
  return lang === 'en' ? (text.en ?? text.sv) : text.sv;
}

/** A vocabulary entry's label; the bare id when the entry is missing, so nothing silently vanishes. */
export function vocabularyLabel(
  entries: ReadonlyMap<string, { label: LocalizedText }>,
  id: string,
  lang: Lang,
): string {
  const entry = entries.get(id);
  return entry ? localized(entry.label, lang) : id;
}

export function sourceTitles(ids: readonly string[], lookups: ExportLookups): string[] {
  return ids.map((id) => lookups.sourceById.get(id)?.title ?? id);
}

/** Six decimals is about 10 cm: finer digits are noise from the curators' tools, not precision. */
export function roundCoordinate(value: number): number {
  // "+ 0" turns -0 into 0.
  return Math.round(value * 1e6) / 1e6 + 0;
}

/** Joins list cells; a semicolon reads naturally and cannot be mistaken for the CSV delimiter. */
export const LIST_SEPARATOR = '; ';

// ---------------------------------------------------------------- the selection in words

const WORDS = {
  sv: {
    facets: {
      kind: 'Typ av aktör',
      sector: 'Bransch',
      facility: 'Faciliteter',
      programme: 'Program och projekt',
      municipality: 'Kommun',
    },
    everything: 'alla aktörer',
    search: (q: string) => `sökning ”${q}”`,
    asOf: (year: number) => `som läget var år ${year}`,
    inView: 'bara aktörer inom kartans utsnitt',
    inViewSlug: 'kartutsnitt',
    relationsSlug: 'relationer',
    version: 'Version',
    updated: 'Data per',
    licence: 'Licens',
    citation: 'Citera som',
    exportedAt: 'Exporterad',
    selection: 'Urval',
    link: 'Länk',
    actorCount: 'Antal aktörer',
    relationCount: 'Antal relationer',
  },
  en: {
    facets: {
      kind: 'Kind of actor',
      sector: 'Sector',
      facility: 'Facilities',
      programme: 'Programmes and projects',
      municipality: 'Municipality',
    },
    everything: 'all actors',
    search: (q: string) => `search “${q}”`,
    asOf: (year: number) => `as of ${year}`,
    inView: 'only actors inside the map view',
    inViewSlug: 'map-view',
    relationsSlug: 'relations',
    version: 'Version',
    updated: 'Data as of',
    licence: 'Licence',
    citation: 'Cite as',
    exportedAt: 'Exported',
    selection: 'Selection',
    link: 'Link',
    actorCount: 'Actors',
    relationCount: 'Relations',
  },
} satisfies Record<Lang, { facets: Record<Facet, string> } & Record<string, unknown>>;

function facetValueLabel(facet: Facet, id: string, lookups: ExportLookups, lang: Lang): string {
  const { vocab } = lookups;
  switch (facet) {
    case 'kind':
      return vocabularyLabel(vocab.kinds, id, lang);
    case 'sector':
      return vocabularyLabel(vocab.sectors, id, lang);
    case 'facility':
      return vocabularyLabel(vocab.facilityTypes, id, lang);
    case 'municipality':
      return vocabularyLabel(vocab.municipalities, id, lang);
    case 'programme':
      return lookups.programmeById.get(id)?.name ?? id;
  }
}

/** The selection as readable clauses, e.g. `sökning ”kth”`, `Kommun: Solna, Huddinge`. */
export function describeSelection(
  selection: ExportSelection,
  lookups: ExportLookups,
  lang: Lang,
): string[] {
  const words = WORDS[lang];
  const clauses: string[] = [];
  if (selection.q) clauses.push(words.search(selection.q));
  for (const facet of FACETS) {
    const ids = selection.filters[facet];
    if (ids.length === 0) continue;
    const labels = ids.map((id) => facetValueLabel(facet, id, lookups, lang));
    clauses.push(`${words.facets[facet]}: ${labels.join(', ')}`);
  }
  if (selection.year !== null) clauses.push(words.asOf(selection.year));
  if (selection.inView) clauses.push(words.inView);
  return clauses;
}

// ---------------------------------------------------------------- the record

export function buildProvenance(
  request: Pick<ExportRequest, 'actors' | 'lookups' | 'selection' | 'lang' | 'exportedAt'>,
  relationCount: number | null = null,
): ExportProvenance {
  const { metadata } = request.lookups;
  const { selection, lang } = request;
  const filters: Partial<Record<Facet, string[]>> = {};
  for (const facet of FACETS) {
    if (selection.filters[facet].length > 0) filters[facet] = [...selection.filters[facet]];
  }
  const clauses = describeSelection(selection, request.lookups, lang);
  return {
    title: metadata.title,
    version: metadata.version,
    updated: metadata.updated,
    licence: metadata.licence,
    citation: metadata.citation,
    lang,
    exportedAt: request.exportedAt.toISOString(),
    selection: {
      q: selection.q,
      filters,
      year: selection.year,
      inView: selection.inView,
      link: selection.link ?? null,
    },
    selectionDescription: clauses.length > 0 ? clauses.join('; ') : WORDS[lang].everything,
    actorCount: request.actors.length,
    relationCount,
  };
}

/** One statement a line, in the provenance's language. */
export function describeProvenance(provenance: ExportProvenance): string[] {
  const words = WORDS[provenance.lang];
  const lines = [
    provenance.title,
    `${words.version}: ${provenance.version}`,
    `${words.updated}: ${provenance.updated}`,
    `${words.licence}: ${provenance.licence}`,
    `${words.citation}: ${provenance.citation}`,
    `${words.exportedAt}: ${provenance.exportedAt}`,
    `${words.selection}: ${provenance.selectionDescription}`,
  ];
  if (provenance.selection.link) lines.push(`${words.link}: ${provenance.selection.link}`);
  lines.push(`${words.actorCount}: ${provenance.actorCount}`);
  if (provenance.relationCount !== null)
    lines.push(`${words.relationCount}: ${provenance.relationCount}`);
  return lines;
}

// ---------------------------------------------------------------- file names

// Letters that Unicode does not decompose into a base letter and a mark.
const UNDECOMPOSABLE: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
};
const MAX_SLUG = 60;

/**
 * ASCII lower-case words joined by hyphens: safe on every file system, in a URL and in a shell,
 * with no path separators, dots or reserved characters left to misread.
 */
export function slugify(text: string, maxLength = MAX_SLUG): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[æøßđłþ]/g, (c) => UNDECOMPOSABLE[c] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

/** The calendar day of `date` in `timeZone` (the reader's own by default), as YYYY-MM-DD. */
export function calendarDate(date: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * `aktorskartan-2026-11-22-<what was chosen>.<ext>`: the date and the selection in the name,
 * so that several exports sit side by side in a downloads folder and say what each one is.
 */
export function exportFileName(
  request: Pick<ExportRequest, 'lookups' | 'selection' | 'lang' | 'exportedAt' | 'timeZone'>,
  extension: 'csv' | 'geojson' | 'png',
  variant: 'actors' | 'relations' = 'actors',
): string {
  const { selection, lookups, lang } = request;
  const words = WORDS[lang];
  const parts: string[] = [];
  if (selection.q) parts.push(selection.q);
  for (const facet of FACETS) {
    for (const id of selection.filters[facet])
      parts.push(facetValueLabel(facet, id, lookups, lang));
  }
  if (selection.year !== null) parts.push(String(selection.year));
  if (selection.inView) parts.push(words.inViewSlug);
  const chosen = slugify(parts.join(' ')) || slugify(words.everything);
  const suffix = variant === 'relations' ? `-${words.relationsSlug}` : '';
  const date = calendarDate(request.exportedAt, request.timeZone);
  return `aktorskartan-${date}-${chosen}${suffix}.${extension}`;
}
