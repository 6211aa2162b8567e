/**
 * The page's view of the dataset: the backend's summary plus the lookups the UI needs. Small,
 * whatever the dataset's size: full records stay with the backend.
 */
import type { LonLat } from './schema.ts';
import type { DatasetSummary } from './backend.ts';
import type { Lang } from '@/i18n/messages.ts';
import type { ForwardIndex } from '@/domain/facets.ts';
import { buildPlaceIndex } from '@/domain/places.ts';
import { FACETS } from '@/domain/url-state.ts';
import { byId, indexVocabularies, type VocabularyIndex } from './dataset.ts';
import { IdScan, type IdLookup } from './id-scan.ts';

export interface DatasetView extends DatasetSummary {
  vocab: VocabularyIndex;
  programmeById: ReadonlyMap<string, DatasetSummary['programmes'][number]>;
  sourceById: ReadonlyMap<string, DatasetSummary['sources'][number]>;
  /** Actor id → index into the columns. */
  indexOf: IdLookup;
  actorCount: number;
  kindsPresent: ReadonlySet<string>;
}

export function viewOf(summary: DatasetSummary): DatasetView {
  const { columns } = summary;
  return {
    ...summary,
    vocab: indexVocabularies(summary.vocabularies),
    programmeById: byId(summary.programmes),
    sourceById: byId(summary.sources),
    indexOf: new IdScan(columns.ids),
    actorCount: columns.ids.length,
    kindsPresent: new Set(columns.kinds),
  };
}

/** Where an actor is, or null when it has no point. */
export function coordinatesAt(view: Pick<DatasetSummary, 'columns'>, index: number): LonLat | null {
  const lon = view.columns.lon[index];
  const lat = view.columns.lat[index];
  return lon === undefined || lat === undefined || Number.isNaN(lon) ? null : [lon, lat];
}

/**
 * The line of description the list shows in a language, and the language it is written in (the
 * Swedish stands in where there is no English).
 */
export function snippetAt(
  columns: DatasetSummary['columns'],
  index: number,
  lang: Lang,
): { text: string; lang: Lang } {
  const sv = columns.snippetSv[index] ?? '';
  if (lang === 'sv') return { text: sv, lang: 'sv' };
  const en = columns.snippetEn[index] ?? null;
  if (en === null) return { text: sv, lang: 'sv' };
  return { text: en === '' ? sv : en, lang: 'en' };
}

/** What selecting an actor needs: its id, and where to move the map. */
export interface ActorRef {
  id: string;
  coordinates: LonLat | null;
}

export function refAt(view: DatasetView, index: number): ActorRef {
  return { id: view.columns.ids[index] ?? '', coordinates: coordinatesAt(view, index) };
}

/**
 * The view before any dataset has arrived: no actors, no vocabulary. Lets the page lay out the
 * map (and start MapLibre, its slowest part) while the data is still on its way.
 */
export const EMPTY_VIEW: DatasetView = (() => {
  const lon = new Float64Array(0);
  const lat = new Float64Array(0);
  const none = { kind: [], sector: [], facility: [], programme: [], municipality: [] };
  return viewOf({
    metadata: { title: '', version: '', updated: '', licence: '', citation: '' },
    vocabularies: {
      kinds: [],
      sectors: [],
      facilityTypes: [],
      relationTypes: [],
      programmeRoles: [],
      municipalities: [],
    },
    programmes: [],
    sources: [],
    problems: [],
    problemTotals: { excludedRecords: 0, other: 0 },
    recordCount: 0,
    columns: {
      ids: [],
      names: [],
      kinds: [],
      aka: [],
      municipalities: [],
      siteNames: [],
      precisions: [],
      snippetSv: [],
      snippetEn: [],
      lon,
      lat,
    },
    facetValues: none,
    places: buildPlaceIndex({ lon, lat }),
    facetTotals: none,
    forward: {
      size: 0,
      ...(Object.fromEntries(
        FACETS.map((f) => [
          f,
          { values: [], offsets: new Uint32Array(1), codes: new Uint16Array(0) },
        ]),
      ) as unknown as Omit<ForwardIndex, 'size'>),
    },
    nameOrder: new Uint32Array(0),
    yearRange: [0, 0],
    provisional: false,
  });
})();
