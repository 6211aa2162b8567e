/**
 * The page's view of the dataset: the backend's summary plus the lookups the UI needs. Small,
 * whatever the dataset's size: full records stay with the backend.
 */
import type { LonLat } from './schema.ts';
import type { DatasetSummary } from './backend.ts';
import { byId, indexVocabularies, type VocabularyIndex } from './dataset.ts';

export interface DatasetView extends DatasetSummary {
  vocab: VocabularyIndex;
  programmeById: ReadonlyMap<string, DatasetSummary['programmes'][number]>;
  sourceById: ReadonlyMap<string, DatasetSummary['sources'][number]>;
  /** Actor id → index into the columns. */
  indexOf: ReadonlyMap<string, number>;
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
    indexOf: new Map(columns.ids.map((id, i) => [id, i])),
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

/** What selecting an actor needs: its id, and where to move the map. */
export interface ActorRef {
  id: string;
  coordinates: LonLat | null;
}

export function refAt(view: DatasetView, index: number): ActorRef {
  return { id: view.columns.ids[index] ?? '', coordinates: coordinatesAt(view, index) };
}
