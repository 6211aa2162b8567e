/**
 * Clustering the result set for the map, over typed arrays, for the part of the world in view.
 *
 * Why not MapLibre's own clustering (a GeoJSON source with `cluster: true`, as DESIGN.md and the
 * react-map-gl examples do)? It re-indexes every point on each `setData`: about a second for
 * 100,000 actors, on every filter click. Here the places of the result set are binned into a
 * screen-space grid aligned to the world (so clusters do not shift as the map pans), neighbouring
 * cells whose centres are closer than the radius are merged, largest first (supercluster's greedy
 * rule, on cells instead of points), and only what is in view goes to the map: a few hundred
 * features, whatever the dataset's size.
 */
import type { BBox } from './region.ts';
import {
  COLOCATED_ICON,
  kindIcon,
  mercatorX,
  mercatorY,
  placeIdOf,
  type PlaceIndex,
  type ResultPlaces,
} from './places.ts';

export interface ClusterOptions {
  /** Cluster radius in screen pixels. */
  radius: number;
  /** Above this zoom every place is drawn on its own. */
  maxZoom: number;
  /** Pixels per world at zoom 0 (MapLibre: 512). */
  extent: number;
}

export const CLUSTER_OPTIONS: ClusterOptions = { radius: 42, maxZoom: 12, extent: 512 };

export interface ClusterItem {
  /** The place drawn, or -1 for a cluster of several places. */
  place: number;
  lon: number;
  lat: number;
  /** Results it holds. */
  actors: number;
  /** Places it holds. */
  places: number;
  /** [west, south, east, north] of its places. */
  bounds: BBox;
}

export interface Clustering {
  /** The zoom level the grid was built for. */
  zoom: number;
  items: ClusterItem[];
  /** The places inside one item. */
  placesOf(item: number): number[];
}

const CELL_KEY = 2 ** 26;
/** A flat table of up to this many cells (4 MB); a larger box of cells goes to a Map. */
const MAX_TABLE_CELLS = 1 << 20;

/**
 * Cell coordinates → cell number (-1 for none). Over the box of cells the view covers (plus a
 * margin for the neighbours merging looks at), a flat array; anything else in a Map. At a million
 * places, Map lookups with keys too large to be small integers were most of the clustering time.
 */
class CellTable {
  private readonly flat: Int32Array | null;
  private readonly others = new Map<number, number>();

  constructor(
    private readonly x0: number,
    private readonly y0: number,
    private readonly width: number,
    private readonly height: number,
  ) {
    this.flat =
      width > 0 && height > 0 && width * height <= MAX_TABLE_CELLS
        ? new Int32Array(width * height).fill(-1)
        : null;
  }

  private slot(cx: number, cy: number): number {
    const dx = cx - this.x0;
    const dy = cy - this.y0;
    return this.flat && dx >= 0 && dx < this.width && dy >= 0 && dy < this.height
      ? dx * this.height + dy
      : -1;
  }

  get(cx: number, cy: number): number {
    const slot = this.slot(cx, cy);
    if (slot >= 0) return (this.flat as Int32Array)[slot] as number;
    return this.others.get(cx * CELL_KEY + cy) ?? -1;
  }

  set(cx: number, cy: number, cell: number): void {
    const slot = this.slot(cx, cy);
    if (slot >= 0) (this.flat as Int32Array)[slot] = cell;
    else this.others.set(cx * CELL_KEY + cy, cell);
  }
}

/**
 * The cells the places in view fall into, as columns that grow by doubling. Typed arrays, not
 * number arrays pushed to: a function's optimised code that depends on an array literal's
 * allocation site is thrown away when the engine changes its mind about that site (seen in
 * Chromium while panning).
 */
class Cells {
  size = 0;
  gx = new Int32Array(64);
  gy = new Int32Array(64);
  firstPlace = new Int32Array(64);
  placeCount = new Int32Array(64);
  actors = new Float64Array(64);
  sx = new Float64Array(64);
  sy = new Float64Array(64);
  bw = new Float64Array(64);
  bs = new Float64Array(64);
  be = new Float64Array(64);
  bn = new Float64Array(64);

  add(cx: number, cy: number, place: number, lon: number, lat: number): number {
    if (this.size === this.gx.length) this.grow();
    const c = this.size++;
    this.gx[c] = cx;
    this.gy[c] = cy;
    this.firstPlace[c] = place;
    this.bw[c] = lon;
    this.bs[c] = lat;
    this.be[c] = lon;
    this.bn[c] = lat;
    return c;
  }

  private grow(): void {
    const twice = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.gx = twice(this.gx);
    this.gy = twice(this.gy);
    this.firstPlace = twice(this.firstPlace);
    this.placeCount = twice(this.placeCount);
    this.actors = twice(this.actors);
    this.sx = twice(this.sx);
    this.sy = twice(this.sy);
    this.bw = twice(this.bw);
    this.bs = twice(this.bs);
    this.be = twice(this.be);
    this.bn = twice(this.bn);
  }
}

/*
 * The clustering is split into small functions, one loop each, on purpose. The map calls it once
 * per pan or filter, so the engine optimises it while it runs (on-stack replacement of the loop);
 * when one function held the binning, the merging and the output, leaving the optimised loop ran
 * into code with no type feedback yet, and the optimised code was thrown away (Chromium's
 * --trace-deopt, while panning): a 100,000-place clustering then took 55–75 ms in the browser
 * against 1–5 ms in Node.
 */

/**
 * Bins the result places in view into cells of `cell` world units (0: a cell per place).
 *
 * Places are visited in index order, whatever the results' order: the columns are then read front
 * to back (at a million places, reading them in name order was mostly waiting on memory), and the
 * clustering does not depend on how the list is sorted. Many results: every place is looked at;
 * few: just theirs, sorted. The two walks are two functions: as one loop that read either the
 * sorted list or the index, a search with few results threw away the loop's optimised code, and
 * the next pans over all the places ran without it until it was optimised again. 100,000 places in
 * Node, three runs, the three clusterings after such a search: 2.7 to 12.9 ms as one loop, 0.6 to
 * 4.6 ms as two. In Chromium a pan at 100,000 actors after a search spent 29 ms of a 48 ms task
 * binning.
 */
function binPlaces(
  places: PlaceIndex,
  results: ResultPlaces,
  bounds: BBox,
  cell: number,
  table: CellTable,
  cellOfPlace: Int32Array,
): Cells {
  const bin = new Binning(places, results.count, bounds, cell, table, cellOfPlace);
  const list = results.list;
  if (list.length > places.size / 8) binEveryPlace(bin, places.size);
  else binListedPlaces(bin, Uint32Array.from(list).sort());
  return bin.cells;
}

function binEveryPlace(bin: Binning, size: number): void {
  for (let p = 0; p < size; p++) bin.add(p);
}

function binListedPlaces(bin: Binning, sorted: Uint32Array): void {
  for (let k = 0; k < sorted.length; k++) bin.add(sorted[k]!);
}

/** What binning one place needs, and the cells it fills. */
class Binning {
  readonly cells = new Cells();
  private readonly west: number;
  private readonly south: number;
  private readonly east: number;
  private readonly north: number;

  constructor(
    private readonly places: PlaceIndex,
    private readonly count: ResultPlaces['count'],
    bounds: BBox,
    private readonly cell: number,
    private readonly table: CellTable,
    private readonly cellOfPlace: Int32Array,
  ) {
    [this.west, this.south, this.east, this.north] = bounds;
  }

  add(p: number): void {
    const n = this.count[p]!;
    if (n === 0) return;
    const lon = this.places.lon[p]!;
    const lat = this.places.lat[p]!;
    if (lon < this.west || lon > this.east || lat < this.south || lat > this.north) return;
    const x = this.places.x[p]!;
    const y = this.places.y[p]!;
    const cell = this.cell;
    // Above maxZoom every place is its own cell.
    const cx = cell ? Math.floor(x / cell) : p;
    const cy = cell ? Math.floor(y / cell) : 0;
    const cells = this.cells;
    let c = this.table.get(cx, cy);
    if (c < 0) {
      c = cells.add(cx, cy, p, lon, lat);
      this.table.set(cx, cy, c);
    }
    cells.sx[c]! += x * n;
    cells.sy[c]! += y * n;
    cells.actors[c]! += n;
    cells.placeCount[c]! += 1;
    if (lon < cells.bw[c]!) cells.bw[c] = lon;
    if (lat < cells.bs[c]!) cells.bs[c] = lat;
    if (lon > cells.be[c]!) cells.be[c] = lon;
    if (lat > cells.bn[c]!) cells.bn[c] = lat;
    this.cellOfPlace[p] = c;
  }
}

/**
 * Merges neighbouring cells, largest first, when their centres are within `cell` of each other.
 * Returns each cell's parent: -1 for a cell that stays, else the cell it went into.
 */
function mergeNeighbours(cells: Cells, table: CellTable, cell: number): Int32Array {
  const n = cells.size;
  const parent = new Int32Array(n).fill(-1);
  if (!cell) return parent;
  const { gx, gy, sx, sy, actors, placeCount, bw, bs, be, bn } = cells;
  const byActors = Array.from({ length: n }, (_, c) => c).sort(
    (a, b) => actors[b]! - actors[a]! || a - b,
  );
  const done = new Uint8Array(n);
  for (const c of byActors) {
    if (done[c]) continue;
    done[c] = 1;
    const cx = sx[c]! / actors[c]!;
    const cy = sy[c]! / actors[c]!;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        if (dx === 0 && dy === 0) continue;
        const nb = table.get(gx[c]! + dx, gy[c]! + dy);
        if (nb < 0 || done[nb]) continue;
        const ox = sx[nb]! / actors[nb]! - cx;
        const oy = sy[nb]! / actors[nb]! - cy;
        if (ox * ox + oy * oy > cell * cell) continue;
        done[nb] = 1;
        parent[nb] = c;
        sx[c]! += sx[nb]!;
        sy[c]! += sy[nb]!;
        actors[c]! += actors[nb]!;
        placeCount[c]! += placeCount[nb]!;
        if (bw[nb]! < bw[c]!) bw[c] = bw[nb]!;
        if (bs[nb]! < bs[c]!) bs[c] = bs[nb]!;
        if (be[nb]! > be[c]!) be[c] = be[nb]!;
        if (bn[nb]! > bn[c]!) bn[c] = bn[nb]!;
      }
    }
  }
  return parent;
}

/** One item per cell that stayed; itemOfCell is filled in for those cells. */
function itemsOf(
  cells: Cells,
  parent: Int32Array,
  places: PlaceIndex,
  itemOfCell: Int32Array,
): ClusterItem[] {
  const items: ClusterItem[] = [];
  for (let c = 0; c < cells.size; c++) {
    if (parent[c] !== -1) continue;
    itemOfCell[c] = items.length;
    const single = cells.placeCount[c] === 1;
    const p = cells.firstPlace[c]!;
    const actors = cells.actors[c]!;
    items.push({
      place: single ? p : -1,
      lon: single ? places.lon[p]! : lonOfX(cells.sx[c]! / actors),
      lat: single ? places.lat[p]! : latOfY(cells.sy[c]! / actors),
      actors,
      places: cells.placeCount[c]!,
      bounds: [cells.bw[c]!, cells.bs[c]!, cells.be[c]!, cells.bn[c]!],
    });
  }
  return items;
}

export function clusterPlaces(
  places: PlaceIndex,
  results: ResultPlaces,
  view: { zoom: number; bounds: BBox },
  options: ClusterOptions = CLUSTER_OPTIONS,
): Clustering {
  const zoom = Math.max(0, Math.floor(view.zoom));
  const [west, south, east, north] = view.bounds;
  const cell = zoom > options.maxZoom ? 0 : options.radius / (options.extent * 2 ** zoom);

  // Place → its cell, for the places in view; -1 for the rest.
  const cellOfPlace = new Int32Array(places.size).fill(-1);
  const x0 = cell ? Math.floor(mercatorX(west) / cell) - 1 : 0;
  const y0 = cell ? Math.floor(mercatorY(north) / cell) - 1 : 0;
  const table = cell
    ? new CellTable(
        x0,
        y0,
        Math.floor(mercatorX(east) / cell) - x0 + 2,
        Math.floor(mercatorY(south) / cell) - y0 + 2,
      )
    : new CellTable(0, 0, 0, 0);
  const cells = binPlaces(places, results, view.bounds, cell, table, cellOfPlace);
  const parent = mergeNeighbours(cells, table, cell);
  const itemOfCell = new Int32Array(cells.size).fill(-1);
  const items = itemsOf(cells, parent, places, itemOfCell);
  const { list } = results;

  return {
    zoom,
    items,
    placesOf(item) {
      const out: number[] = [];
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        const c = cellOfPlace[p]!;
        if (c < 0) continue;
        const root = parent[c] === -1 ? c : parent[c]!;
        if (itemOfCell[root] === item) out.push(p);
      }
      return out;
    },
  };
}

function lonOfX(x: number): number {
  return x * 360 - 180;
}
function latOfY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

// ---------------------------------------------------------------- as GeoJSON for the map

export interface PlaceFeatureProperties {
  cluster: false;
  place: number;
  /** Stable id from the rounded coordinates (the same as placeKey). */
  placeId: string;
  count: number;
  /** Image id: the kind's marker for one occupant, the stack marker for several. */
  icon: string;
  label: string;
}

export interface ClusterFeatureProperties {
  cluster: true;
  item: number;
  actors: number;
}

export interface ClusterFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    /** Places keep their index, so feature-state (hover, selection) follows them across updates. */
    id: number;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: PlaceFeatureProperties | ClusterFeatureProperties;
  }[];
}

export function clusteringToGeoJSON(
  clustering: Clustering,
  places: PlaceIndex,
  results: ResultPlaces,
  columns: { names: readonly string[]; kinds: readonly string[] },
): ClusterFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: clustering.items.map((item, k) => {
      const geometry = {
        type: 'Point' as const,
        coordinates: [item.lon, item.lat] as [number, number],
      };
      if (item.place < 0)
        return {
          type: 'Feature' as const,
          id: places.size + k,
          geometry,
          properties: { cluster: true as const, item: k, actors: item.actors },
        };
      const first = results.first[item.place]!;
      const single = item.actors === 1;
      return {
        type: 'Feature' as const,
        id: item.place,
        geometry,
        properties: {
          cluster: false as const,
          place: item.place,
          placeId: placeIdOf(places, item.place),
          count: item.actors,
          icon: single ? kindIcon(columns.kinds[first] ?? '') : COLOCATED_ICON,
          label: single ? (columns.names[first] ?? '') : '',
        },
      };
    }),
  };
}

/**
 * True when two collections hold the same features, field for field: what react-map-gl's deep
 * comparison finds before it hands MapLibre new data, for the shape clusteringToGeoJSON makes.
 */
export function sameFeatures(a: ClusterFeatureCollection, b: ClusterFeatureCollection): boolean {
  if (a === b) return true;
  if (a.features.length !== b.features.length) return false;
  for (let k = 0; k < a.features.length; k++) {
    const fa = a.features[k]!;
    const fb = b.features[k]!;
    if (fa.id !== fb.id) return false;
    const [xa, ya] = fa.geometry.coordinates;
    const [xb, yb] = fb.geometry.coordinates;
    if (xa !== xb || ya !== yb) return false;
    const pa = fa.properties as unknown as Record<string, unknown>;
    const pb = fb.properties as unknown as Record<string, unknown>;
    const keys = Object.keys(pa);
    if (keys.length !== Object.keys(pb).length) return false;
    for (const key of keys) if (pa[key] !== pb[key]) return false;
  }
  return true;
}
