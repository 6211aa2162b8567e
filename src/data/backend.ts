/**
 * The data backend: everything that needs the whole dataset (fetching, validating, indexing,
 * searching, filtering, relations) behind one asynchronous interface. It runs in a Web Worker
 * (worker-backend.ts), so that a dataset of 100,000 or a million actors never blocks the page;
 * where workers are unavailable (tests, old browsers) the same class runs on the main thread.
 *
 * The page keeps only what it draws: a summary with light per-actor columns (name, kind, place,
 * a line of description). Full records travel one at a time, when a profile opens.
 */
import type { Actor, Dataset } from './dataset.ts';
import type { Problem } from './problems.ts';
import type { DatasetMetadata, Precision, Programme, Source, Vocabularies } from './schema.ts';
import { fetchDataset } from './fetch-dataset.ts';
import { fetchSnapshot } from './fetch-snapshot.ts';
import { sameSummary } from './summary-snapshot.ts';
import { RepeatSharer, shareRepeats } from './share-repeats.ts';
import { actorsToCsv } from '@/domain/export/csv.ts';
import { actorsToGeoJson } from '@/domain/export/geojson.ts';
import type { ExportFile, ExportSelection } from '@/domain/export/provenance.ts';
import { relationsToCsv } from '@/domain/export/relations-csv.ts';
import { computeStatistics, type Statistics } from '@/domain/statistics.ts';
import type { Lang } from '@/i18n/messages.ts';
import { buildPlaceIndex, type PlaceIndex } from '@/domain/places.ts';
import { filterAndCount, type ForwardIndex } from '@/domain/facets.ts';
import { actorFocus, programmeFocus, type FocusModel } from '@/domain/focus.ts';
import type { BBox } from '@/domain/region.ts';
import {
  buildProgrammeIndex,
  buildRelationIndex,
  type ProgrammeMember,
  type RelationIndex,
  type RelationView,
} from '@/domain/relations.ts';
import {
  buildActorIndex,
  computeResults,
  suggestRelaxations,
  type ActorIndex,
  type Relaxation,
  type ResultQuery,
} from '@/domain/results.ts';
import { presenceMask, yearRange } from '@/domain/time.ts';
import { EMPTY_FILTERS, FACETS, type Facet, type Filters, type Sort } from '@/domain/url-state.ts';

/** Per-actor data the page needs to draw the list and the map, as parallel arrays. */
export interface ActorColumns {
  ids: string[];
  names: string[];
  kinds: string[];
  /** Short names and former names joined, shown beside the name while searching. */
  aka: string[];
  municipalities: (string | null)[];
  siteNames: (string | null)[];
  precisions: (Precision | null)[];
  /**
   * The first words of the description, per language: English null when absent, and '' when it
   * is the Swedish text again (a description is never empty), so the same words are not sent and
   * kept twice. Read them with snippetAt() (dataset-view.ts).
   */
  snippetSv: string[];
  snippetEn: (string | null)[];
  /** Coordinates; NaN for an actor without a point. */
  lon: Float64Array;
  lat: Float64Array;
}

export interface DatasetSummary {
  metadata: DatasetMetadata;
  vocabularies: Vocabularies;
  programmes: Programme[];
  sources: Source[];
  /** At most MAX_PROBLEMS problems; the totals count all. */
  problems: Problem[];
  problemTotals: { excludedRecords: number; other: number };
  recordCount: number;
  columns: ActorColumns;
  /** Value ids per facet, in code order (results' counts use the same order). */
  facetValues: Record<Facet, string[]>;
  /** Actors grouped by identical coordinates (built here, off the page's thread). */
  places: PlaceIndex;
  /** How many actors hold each value with no filter at all. */
  facetTotals: Record<Facet, number[]>;
  /**
   * Each actor's facet values as codes, and the actors in name order: enough for the page to
   * answer a filter click itself, in the same frame (src/data/page-results.ts).
   */
  forward: ForwardIndex;
  nameOrder: Uint32Array;
  yearRange: [number, number];
  /**
   * True for a first view read from the dataset's summary snapshot (summary-snapshot.ts): the
   * full file is still loading behind it and may replace it (DataBackend.confirmed()).
   */
  provisional: boolean;
}

export interface ResultRequest {
  q: string;
  filters: Filters;
  sort: Sort;
  inView: BBox | null;
  center: readonly [number, number] | null;
  year: number | null;
}

export interface ResultResponse {
  /** Actor indices in display order. */
  order: Uint32Array;
  /** Per facet, in summary.facetValues order: how many results choosing that value would give. */
  counts: Record<Facet, Uint32Array>;
  terms: string[];
  relaxations: Relaxation[];
}

export interface ActorDetail {
  actor: Actor;
  index: number;
  relations: RelationView[];
  /** Names and positions of the actors the relations mention. */
  related: Record<string, { name: string; index: number }>;
}

export interface ProgrammeMemberDetail extends ProgrammeMember {
  index: number;
  name: string;
  kind: string;
  hasPlace: boolean;
}

export interface FocusRequest {
  actor: string | null;
  programme: string | null;
  year: number | null;
}

export type StatisticsResponse = Statistics;

export type ExportFormat = 'csv' | 'geojson' | 'relations';

export interface ExportOrder {
  format: ExportFormat;
  /** The same request the list answers, so the file holds exactly what is shown, in its order. */
  request: ResultRequest;
  selection: ExportSelection;
  lang: Lang;
  exportedAt: Date;
  /** The app's address; profiles are linked as `<appUrl>?actor=<id>`. */
  appUrl: string;
}

export interface DataBackend {
  /**
   * The first view of the dataset at `url`: from its summary snapshot when there is a usable one
   * and it comes first (then `provisional`), else from the full file.
   */
  load(url: string): Promise<DatasetSummary>;
  /**
   * Once the full file is in: null when the view load() gave stands (it was the full file's, or
   * the snapshot said the same), else the full file's summary to show instead. Rejects with the
   * full file's load error.
   */
  confirmed(): Promise<DatasetSummary | null>;
  results(request: ResultRequest): Promise<ResultResponse>;
  /** Plain counts and coverage of the result set, for the statistics view. */
  statistics(request: ResultRequest): Promise<StatisticsResponse>;
  /** A download of the result set, written where the records are. */
  exportFile(order: ExportOrder): Promise<ExportFile>;
  actor(id: string): Promise<ActorDetail | null>;
  programme(id: string): Promise<ProgrammeMemberDetail[]>;
  focus(request: FocusRequest): Promise<FocusModel | null>;
  /** Full records, e.g. for export. */
  records(indices: readonly number[]): Promise<Actor[]>;
  /**
   * Does the work put off while the first screen drew (memory sharing, the search index) now,
   * if it has not begun, and resolves when it is done. The page calls it once the actors are on
   * screen; without the call it starts by itself after IDLE_WORK_FALLBACK_MS.
   */
  catchUp(): Promise<void>;
  /**
   * How far the load of a large file has come (read a feature at a time, fetch-dataset.ts), or
   * null when no such load is under way.
   */
  progress(): Promise<LoadProgress | null>;
  dispose(): void;
}

export interface LoadProgress {
  /** Actor records read from the file so far. */
  recordsRead: number;
}

/**
 * From this many records on, the full file behind a snapshot waits for the first drawing: below
 * it, reading the file costs less than a frame's worth of the map's start.
 */
export const DEFER_FULL_FROM = 5000;

/**
 * Actors made to share their repeats per step of the put-off work (about 0.25 s at the
 * benchmark's pace): a search that comes meanwhile waits for one slice, not for all of them
 * (5 s or more at a million actors).
 */
const SHARE_SLICE = 50_000;

/** When the put-off work starts if the page never says its first screen is drawn. */
export const IDLE_WORK_FALLBACK_MS = 5000;

export const MAX_PROBLEMS = 2000;
/** Coverage splits the region at Stockholm: north of it, the municipality itself, south of it. */
const COVERAGE_CENTRE = 'stockholm';
/**
 * The list shows two lines of what an actor does (CSS clamps them and draws the ellipsis), so 120
 * characters are plenty. Cut at a word and marked with ASCII dots, not "…": one character outside
 * Latin-1 makes V8 store the whole string in two bytes per character, which at 100,000 actors and
 * two languages cost the page about 40 MB.
 */
const SNIPPET = 120;

export const snippet = (text: string) =>
  text.length > SNIPPET ? `${text.slice(0, SNIPPET).replace(/\s+\S*$/, '')}...` : text;

function forwardOf(index: ActorIndex): ForwardIndex {
  const forward = { size: index.facets.size } as ForwardIndex;
  for (const facet of FACETS) {
    const { values, offsets, codes } = index.facets[facet];
    forward[facet] = { values, offsets, codes };
  }
  return forward;
}

export function summarize(dataset: Dataset, index: ActorIndex): DatasetSummary {
  const { actors } = dataset;
  const totals = filterAndCount(index.facets, EMPTY_FILTERS).counts;
  const excluded = new Set(
    dataset.problems.filter((p) => p.effect === 'record-excluded').map((p) => p.recordId),
  );
  return {
    metadata: dataset.metadata,
    vocabularies: dataset.vocabularies,
    programmes: [...dataset.programmes],
    sources: [...dataset.sources],
    problems: dataset.problems.slice(0, MAX_PROBLEMS),
    problemTotals: {
      excludedRecords: excluded.size,
      other: dataset.problems.filter((p) => p.effect !== 'record-excluded').length,
    },
    recordCount: dataset.recordCount,
    columns: {
      ids: actors.map((a) => a.id),
      names: actors.map((a) => a.name),
      kinds: actors.map((a) => a.kind),
      aka: actors.map((a) => [...a.shortNames, ...a.formerNames].join(', ')),
      municipalities: actors.map((a) => a.location?.municipality ?? null),
      siteNames: actors.map((a) => a.location?.siteName ?? null),
      precisions: actors.map((a) => a.location?.precision ?? null),
      snippetSv: actors.map((a) => snippet(a.description.sv)),
      snippetEn: actors.map(({ description: { sv, en } }) =>
        en === undefined ? null : en === sv ? '' : snippet(en),
      ),
      lon: index.lon.slice(),
      lat: index.lat.slice(),
    },
    places: buildPlaceIndex(index),
    facetValues: Object.fromEntries(FACETS.map((f) => [f, [...index.facets[f].values]])) as Record<
      Facet,
      string[]
    >,
    facetTotals: Object.fromEntries(FACETS.map((f) => [f, [...totals[f]]])) as Record<
      Facet,
      number[]
    >,
    forward: forwardOf(index),
    nameOrder: index.nameOrder,
    yearRange: yearRange(
      actors,
      dataset.programmes.map((p) => p.period),
      new Date().getFullYear(),
    ),
    provisional: false,
  };
}

/** The backend's work, on whichever thread runs it. */
export class LocalBackend implements DataBackend {
  private dataset: Dataset | null = null;
  private index: ActorIndex | null = null;
  private relations: RelationIndex | null = null;
  private members: ReadonlyMap<string, readonly ProgrammeMember[]> | null = null;
  private positionOf = new Map<string, number>();
  private presence = new Map<number, Uint8Array>();
  private idleWork: IdleWork | null = null;
  /** Settles when the full file of the latest load() is in and indexed, or failed to be. */
  private full: Promise<unknown> = Promise.resolve();
  /** Starts the full file's load put off behind a snapshot; null once started. */
  private startFull: (() => void) | null = null;
  private fullFallback: ReturnType<typeof setTimeout> | undefined;
  private confirmation: Promise<DatasetSummary | null> = Promise.resolve(null);
  private loads = 0;
  private loadProgress: LoadProgress | null = null;

  /**
   * The snapshot first, then the full file. The snapshot is a quarter of the bytes with nothing
   * to validate record by record; read at the same time, the two bodies shared the worker and
   * the full file's parsing held the snapshot back by seconds at 100,000 actors. After a
   * snapshot of a large dataset, on the first load, the full file waits until the page has drawn
   * its first actors (catchUp()) or a request needs the records (results, search, profiles,
   * exports), whichever comes first: parsing it took a core from the page and MapLibre while they
   * drew. A small file is read at once (it is in before the map has drawn, and search never
   * waits for it), and so is a later load: a retry, with the reader waiting for the records.
   */
  async load(url: string): Promise<DatasetSummary> {
    const load = ++this.loads;
    this.startFull = null;
    let settle!: (done: Promise<DatasetSummary>) => void;
    const full = new Promise<DatasetSummary>((resolve) => (settle = resolve));
    // Nobody may be waiting yet: a failure is still read by whoever asks next.
    full.catch(() => undefined);
    // Not the summary itself: kept here, it would hold its columns for the worker's lifetime.
    this.full = full.then(() => undefined);
    this.full.catch(() => undefined);
    const start = () => {
      if (this.startFull === start) this.startFull = null;
      clearTimeout(this.fullFallback);
      const onProgress = (recordsRead: number) => {
        if (load === this.loads) this.loadProgress = { recordsRead };
      };
      const loaded = fetchDataset(url, undefined, onProgress).then((dataset) => {
        if (load !== this.loads) throw new Error('a newer load replaced this one');
        return this.use(dataset);
      });
      const done = () => {
        if (load === this.loads) this.loadProgress = null;
      };
      loaded.then(done, done);
      settle(loaded);
    };
    clearTimeout(this.fullFallback);
    const quick = await fetchSnapshot(url);
    if (load !== this.loads) {
      // Whoever waited on this load is answered, by the error: the newer load has its own.
      settle(Promise.reject(new Error('a newer load replaced this one')));
      throw new Error('a newer load replaced this one');
    }
    if (quick === null) {
      start();
      this.confirmation = Promise.resolve(null);
      return full;
    }
    if (load === 1 && quick.recordCount >= DEFER_FULL_FROM) {
      this.startFull = start;
      this.fullFallback = setTimeout(start, IDLE_WORK_FALLBACK_MS);
    } else start();
    this.confirmation = full.then((summary) => {
      if (sameSummary({ ...quick, provisional: false }, summary)) return null;
      console.warn(
        "The summary snapshot differs from the dataset file; the file's view replaces it.",
      );
      return summary;
    });
    this.confirmation.catch(() => undefined);
    return quick;
  }

  confirmed(): Promise<DatasetSummary | null> {
    return this.confirmation;
  }

  progress(): Promise<LoadProgress | null> {
    return Promise.resolve(this.loadProgress);
  }

  /** Takes an already parsed dataset (tests, benchmarks). */
  use(dataset: Dataset): DatasetSummary {
    this.dataset = dataset;
    this.index = buildActorIndex(dataset);
    this.relations = buildRelationIndex(dataset.actors);
    this.members = buildProgrammeIndex(dataset.actors);
    this.positionOf = new Map(dataset.actors.map((a, i) => [a.id, i]));
    this.presence.clear();
    this.scheduleIdleWork(dataset, this.index);
    return summarize(dataset, this.index);
  }

  /**
   * Work the first screen does not need: identical values made to share memory, the search
   * index, and what ranking a search reads. Done before the summary, it held the first screen
   * back by about 1.5 s at 100,000 actors; started right after it, it took a core from the page
   * and MapLibre while they drew the first actors. So it waits for catchUp() (or the fallback
   * timer). One timer per step, so that a request arriving meanwhile waits for one step at most;
   * a search that comes first builds its index itself.
   */
  private scheduleIdleWork(dataset: Dataset, index: ActorIndex): void {
    this.idleWork?.cancel();
    const share = new RepeatSharer();
    const slices = Array.from(
      { length: Math.ceil(dataset.actors.length / SHARE_SLICE) },
      (_, k) => () => shareRepeats(dataset.actors, share, k * SHARE_SLICE, (k + 1) * SHARE_SLICE),
    );
    this.idleWork = new IdleWork(
      [
        ...slices,
        () => void index.search,
        () => void index.foldedNames,
        () => void index.foldedShortNames,
      ],
      IDLE_WORK_FALLBACK_MS,
    );
  }

  catchUp(): Promise<void> {
    // After a first view from the snapshot, the full file comes first; the put-off work follows.
    this.startFull?.();
    return this.full.then(
      () => this.idleWork?.start(),
      () => undefined,
    );
  }

  /** The full dataset, once the latest load has it; rejects with that load's error. */
  private async ready(): Promise<{ dataset: Dataset; index: ActorIndex }> {
    this.startFull?.();
    await this.full;
    return this.current();
  }

  private current(): { dataset: Dataset; index: ActorIndex } {
    if (!this.dataset || !this.index) throw new Error('the dataset is not loaded');
    return { dataset: this.dataset, index: this.index };
  }

  private presentIn(year: number): Uint8Array {
    const { index } = this.current();
    let mask = this.presence.get(year);
    if (!mask) {
      mask = presenceMask(index.actors, year);
      this.presence.set(year, mask);
    }
    return mask;
  }

  private query(request: ResultRequest): ResultQuery {
    return {
      q: request.q,
      filters: request.filters,
      sort: request.sort,
      inView: request.inView,
      center: request.center,
      present: request.year === null ? null : this.presentIn(request.year),
    };
  }

  async results(request: ResultRequest): Promise<ResultResponse> {
    const { index } = await this.ready();
    const query = this.query(request);
    const results = computeResults(index, query);
    return {
      order: results.order,
      counts: results.counts,
      terms: results.terms,
      relaxations: results.order.length === 0 ? suggestRelaxations(index, query) : [],
    };
  }

  async statistics(request: ResultRequest): Promise<StatisticsResponse> {
    const { dataset, index } = await this.ready();
    const { order } = computeResults(index, this.query(request));
    const centre = dataset.vocab.municipalities.get(COVERAGE_CENTRE);
    return computeStatistics(index.facets, index.lat, order, {
      centreMunicipality: COVERAGE_CENTRE,
      centreLatitude: centre?.centre[1] ?? Number.NaN,
      coreFacility: 'core-facility',
    });
  }

  async exportFile(order: ExportOrder): Promise<ExportFile> {
    const { dataset, index } = await this.ready();
    const results = computeResults(index, this.query(order.request));
    const request = {
      actors: Array.from(results.order, (i) => dataset.actors[i]!),
      lookups: {
        ...dataset,
        actorName: (id: string) => dataset.actorById.get(id)?.name,
      },
      selection: order.selection,
      lang: order.lang,
      exportedAt: order.exportedAt,
      profileUrl: (id: string) => `${order.appUrl}?actor=${encodeURIComponent(id)}`,
    };
    if (order.format === 'csv') return actorsToCsv(request);
    if (order.format === 'geojson') return actorsToGeoJson(request);
    return relationsToCsv(request);
  }

  async actor(id: string): Promise<ActorDetail | null> {
    const { dataset } = await this.ready();
    const actor = dataset.actorById.get(id);
    const index = this.positionOf.get(id);
    if (!actor || index === undefined) return null;
    const relations = [...(this.relations?.get(id) ?? [])];
    const related: ActorDetail['related'] = {};
    for (const r of relations) {
      for (const other of [r.otherId, r.via]) {
        if (!other) continue;
        const a = dataset.actorById.get(other);
        const i = this.positionOf.get(other);
        if (a && i !== undefined) related[other] = { name: a.name, index: i };
      }
    }
    return { actor, index, relations, related };
  }

  async programme(id: string): Promise<ProgrammeMemberDetail[]> {
    const { dataset } = await this.ready();
    return (this.members?.get(id) ?? []).flatMap((m) => {
      const a = dataset.actorById.get(m.actorId);
      const index = this.positionOf.get(m.actorId);
      return a && index !== undefined
        ? [{ ...m, index, name: a.name, kind: a.kind, hasPlace: a.coordinates !== null }]
        : [];
    });
  }

  async focus({ actor, programme, year }: FocusRequest): Promise<FocusModel | null> {
    const { dataset } = await this.ready();
    const selected = actor ? dataset.actorById.get(actor) : undefined;
    if (selected && this.relations) return actorFocus(selected, dataset, this.relations, year);
    if (programme && dataset.programmeById.has(programme)) {
      return programmeFocus(programme, dataset, this.members?.get(programme) ?? [], year);
    }
    return null;
  }

  async records(indices: readonly number[]): Promise<Actor[]> {
    const { dataset } = await this.ready();
    return indices.flatMap((i) => dataset.actors[i] ?? []);
  }

  dispose(): void {
    clearTimeout(this.fullFallback);
    this.startFull = null;
    this.idleWork?.cancel();
    this.idleWork = null;
    this.dataset = null;
    this.index = null;
  }
}

/** Steps run one per timer, from start() or after a fallback delay, whichever comes first. */
class IdleWork {
  private readonly steps: (() => void)[];
  private readonly fallback: ReturnType<typeof setTimeout>;
  private started = false;
  private cancelled = false;
  private readonly done: Promise<void>;
  private finish!: () => void;

  constructor(steps: (() => void)[], fallbackMs: number) {
    this.steps = steps;
    this.done = new Promise<void>((resolve) => (this.finish = resolve));
    this.fallback = setTimeout(() => void this.start(), fallbackMs);
  }

  start(): Promise<void> {
    if (!this.started && !this.cancelled) {
      this.started = true;
      clearTimeout(this.fallback);
      const next = () => {
        if (this.cancelled) return;
        this.steps.shift()?.();
        if (this.steps.length > 0) setTimeout(next, 0);
        else this.finish();
      };
      setTimeout(next, 0);
    }
    return this.done;
  }

  /** A newer dataset replaced this one: its own steps are scheduled. */
  cancel(): void {
    this.cancelled = true;
    clearTimeout(this.fallback);
    this.finish();
  }
}
