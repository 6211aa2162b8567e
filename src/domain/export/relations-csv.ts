/**
 * The ties among the exported actors, as a CSV edge list (one row per relation), ready for a
 * network tool such as Gephi or for a pivot table beside the actor table.
 *
 * Only relations the curators declared are listed, and only those whose two ends are both in the
 * export: an edge to an actor the reader filtered away would point at a row that is not there.
 * Shared programme membership is not a relation and is left to the actor table's programme column.
 *
 * Same file conventions as csv.ts (BOM, CRLF, formulas defused, provenance beside the file).
 */
import type { Actor } from '@/data/dataset.ts';
import type { Relation } from '@/data/schema.ts';
import type { Lang } from '@/i18n/messages.ts';
import { CSV_MIME_TYPE, writeCsv, type CsvCell } from './csv.ts';
import {
  LIST_SEPARATOR,
  buildProvenance,
  describeProvenance,
  exportFileName,
  sourceTitles,
  vocabularyLabel,
  type ExportFile,
  type ExportLookups,
  type ExportRequest,
} from './provenance.ts';

/** A declared relation with both ends in the export. */
export interface ExportedRelation {
  source: Actor;
  target: Actor;
  relation: Relation;
}

/**
 * The declared relations among `actors`, in the actors' order and then in declaration order.
 * A symmetric relation ("partner of") declared on both sides is one tie, not two: it is listed
 * once, where it is first met, with the sources of both declarations.
 */
export function relationsAmong(
  actors: readonly Actor[],
  lookups: Pick<ExportLookups, 'vocab'>,
): ExportedRelation[] {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const listed: ExportedRelation[] = [];
  const symmetricSeen = new Map<string, ExportedRelation>();
  for (const source of actors) {
    for (const relation of source.relations) {
      const target = byId.get(relation.target);
      if (!target) continue;
      if (!lookups.vocab.relationTypes.get(relation.type)?.symmetric) {
        listed.push({ source, target, relation });
        continue;
      }
      const pair = [source.id, target.id].sort().join('\u0000');
      const key = `${relation.type}\u0000${pair}`;
      const first = symmetricSeen.get(key);
      if (first) {
        const sources = [...new Set([...first.relation.sources, ...relation.sources])];
        first.relation = { ...first.relation, sources };
        continue;
      }
      const entry = { source, target, relation };
      symmetricSeen.set(key, entry);
      listed.push(entry);
    }
  }
  return listed;
}

const CERTAINTY_LABELS: Record<Lang, Record<Relation['certainty'], string>> = {
  sv: { stated: 'angiven i källan', inferred: 'tolkad ur källan' },
  en: { stated: 'stated in the source', inferred: 'inferred from the source' },
};

const RELATION_HEADERS: Record<Lang, readonly string[]> = {
  sv: [
    'från id',
    'från namn',
    'relation',
    'till id',
    'till namn',
    'via id',
    'via namn',
    'säkerhet',
    'från år',
    'till år',
    'källor',
  ],
  en: [
    'source id',
    'source name',
    'relation',
    'target id',
    'target name',
    'via id',
    'via name',
    'certainty',
    'from year',
    'to year',
    'sources',
  ],
};

/** The header row of the edge list, in column order. */
export function relationCsvHeader(lang: Lang): string[] {
  return [...RELATION_HEADERS[lang]];
}

function relationRow(
  { source, target, relation }: ExportedRelation,
  names: ReadonlyMap<string, string>,
  lookups: ExportLookups,
  lang: Lang,
): CsvCell[] {
  const via = relation.via ?? null;
  const viaName = via === null ? null : (names.get(via) ?? lookups.actorName?.(via) ?? null);
  return [
    source.id,
    source.name,
    vocabularyLabel(lookups.vocab.relationTypes, relation.type, lang),
    target.id,
    target.name,
    via,
    viaName,
    CERTAINTY_LABELS[lang][relation.certainty],
    relation.from ?? null,
    relation.to ?? null,
    sourceTitles(relation.sources, lookups).join(LIST_SEPARATOR),
  ];
}

/** The relations among the exported actors as a CSV edge list, with its name and provenance. */
export function relationsToCsv(request: Omit<ExportRequest, 'profileUrl'>): ExportFile {
  const { actors, lookups, lang } = request;
  const relations = relationsAmong(actors, lookups);
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const rows = relations.map((r) => relationRow(r, names, lookups, lang));
  const provenance = buildProvenance(request, relations.length);
  return {
    fileName: exportFileName(request, 'csv', 'relations'),
    mimeType: CSV_MIME_TYPE,
    text: writeCsv(relationCsvHeader(lang), rows),
    provenance,
    provenanceLines: describeProvenance(provenance),
  };
}
