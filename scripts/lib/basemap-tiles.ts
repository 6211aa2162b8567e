/**
 * Cuts the embedded basemap's GeoJSON into Mapbox Vector Tiles at build time.
 *
 * As GeoJSON sources, MapLibre's worker parsed ~400 kB of polygons and built a tile index for
 * them before the map's first frame: with the basemap files emptied, navigation to drawn actors
 * was ~0.5 s shorter on the 2-core bench machine. Pre-cut tiles leave the worker only the
 * decoding of the dozen tiles in view. The cutting uses MapLibre's own GeoJSON tiler with the
 * settings its GeoJSON source used (extent 8192, simplification 0.6 px), so the map looks as it
 * did, but for the buffer: see BUFFER_PX.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { tileRange, type BasemapTileset } from '../../src/domain/basemap-tilesets.ts';

const EXTENT = 8192;
/** Tile units per screen pixel of a 512-pixel tile. */
const SCALE = EXTENT / 512;
/**
 * How far past its edges a tile carries geometry. The basemap is fills only, which need just
 * enough to keep a polygon's cut edge, and the anti-aliased outline MapLibre draws along it, out
 * of sight (8 px stays outside at the 2× a tile is drawn at between zooms, and 16× beyond zoom
 * 10). GeoJSON sources default to 128 px, for line joins and labels: with that, every frame
 * processed each tile's land and lakes over 2.25 times its area, all but the middle cut away by
 * the tile's stencil mask. Measured under software WebGL (median GPU time of a plain repaint,
 * builds alternating): 67 → 47 ms at 10,000 actors, 84 → 61 ms on the shipped data; the tiles went
 * from 658 to 338 kB; screenshots differ in at most a handful of pixels of anti-aliasing.
 */
const BUFFER_PX = 8;

export interface CutTile {
  z: number;
  x: number;
  y: number;
  /** Uncompressed MVT; empty where the tile has no features. */
  bytes: Uint8Array;
}

/** Every tile of the set's box, zoom 0 to its maxZoom, empty ones included. */
export function* cutTiles(
  set: BasemapTileset,
  layers: Record<string, FeatureCollection>,
): Generator<CutTile> {
  const indexes = Object.entries(layers).map(
    ([name, data]) =>
      [
        name,
        new GeoJSONVT(data, {
          maxZoom: set.maxZoom,
          indexMaxZoom: set.maxZoom,
          indexMaxPoints: 0,
          tolerance: 0.6 * SCALE,
          extent: EXTENT,
          buffer: BUFFER_PX * SCALE,
        }),
      ] as const,
  );
  for (let z = 0; z <= set.maxZoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(set.bounds, z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const found = Object.fromEntries(
          indexes.flatMap(([name, index]) => {
            const tile = index.getTile(z, x, y);
            return tile && tile.features.length > 0 ? [[name, tile]] : [];
          }),
        );
        const bytes =
          Object.keys(found).length > 0
            ? fromGeojsonVt(found, { version: 2, extent: EXTENT })
            : new Uint8Array(0);
        yield { z, x, y, bytes };
      }
    }
  }
}
