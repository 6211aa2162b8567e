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

export function clusterPlaces(
  places: PlaceIndex,
  results: ResultPlaces,
  view: { zoom: number; bounds: BBox },
  options: ClusterOptions = CLUSTER_OPTIONS,
): Clustering {
  const zoom = Math.max(0, Math.floor(view.zoom));
  const [west, south, east, north] = view.bounds;
  const cell = zoom > options.maxZoom ? 0 : options.radius / (options.extent * 2 ** zoom);

  // Bin the places in view into cells.
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
  const gx: number[] = [];
  const gy: number[] = [];
  const sx: number[] = [];
  const sy: number[] = [];
  const actors: number[] = [];
  const placeCount: number[] = [];
  const firstPlace: number[] = [];
  const bw: number[] = [];
  const bs: number[] = [];
  const be: number[] = [];
  const bn: number[] = [];
  const { list, count } = results;
  // Places in index order, whatever the results' order: the columns are then read front to
  // back (at a million places, reading them in name order was mostly waiting on memory), and
  // the clustering does not depend on how the list is sorted. Many results: every place is
  // looked at; few: just theirs, sorted.
  const scanAll = list.length > places.size / 8;
  const sorted = scanAll ? null : Uint32Array.from(list).sort();
  const visits = scanAll ? places.size : list.length;
  for (let k = 0; k < visits; k++) {
    const p = sorted ? sorted[k]! : k;
    if (count[p] === 0) continue;
    const lon = places.lon[p]!;
    const lat = places.lat[p]!;
    if (lon < west || lon > east || lat < south || lat > north) continue;
    const x = places.x[p]!;
    const y = places.y[p]!;
    const n = count[p]!;
    // Above maxZoom every place is its own cell.
    const cx = cell ? Math.floor(x / cell) : p;
    const cy = cell ? Math.floor(y / cell) : 0;
    let c = table.get(cx, cy);
    if (c < 0) {
      c = gx.length;
      table.set(cx, cy, c);
      gx.push(cx);
      gy.push(cy);
      sx.push(0);
      sy.push(0);
      actors.push(0);
      placeCount.push(0);
      firstPlace.push(p);
      bw.push(lon);
      bs.push(lat);
      be.push(lon);
      bn.push(lat);
    }
    sx[c]! += x * n;
    sy[c]! += y * n;
    actors[c]! += n;
    placeCount[c]! += 1;
    if (lon < bw[c]!) bw[c] = lon;
    if (lat < bs[c]!) bs[c] = lat;
    if (lon > be[c]!) be[c] = lon;
    if (lat > bn[c]!) bn[c] = lat;
    cellOfPlace[p] = c;
  }

  // Merge neighbouring cells, largest first, when their centres are within the radius.
  const cells = gx.length;
  const parent = new Int32Array(cells).fill(-1);
  if (cell) {
    const byActors = Array.from({ length: cells }, (_, c) => c).sort(
      (a, b) => actors[b]! - actors[a]! || a - b,
    );
    const done = new Uint8Array(cells);
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
  }

  const itemOfCell = new Int32Array(cells).fill(-1);
  const items: ClusterItem[] = [];
  for (let c = 0; c < cells; c++) {
    if (parent[c] !== -1) continue;
    itemOfCell[c] = items.length;
    const single = placeCount[c] === 1;
    const p = firstPlace[c]!;
    items.push({
      place: single ? p : -1,
      lon: single ? places.lon[p]! : lonOfX(sx[c]! / actors[c]!),
      lat: single ? places.lat[p]! : latOfY(sy[c]! / actors[c]!),
      actors: actors[c]!,
      places: placeCount[c]!,
      bounds: [bw[c]!, bs[c]!, be[c]!, bn[c]!],
    });
  }

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
