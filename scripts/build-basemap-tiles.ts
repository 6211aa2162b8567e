/**
 * npm run basemap:tiles — cuts the embedded basemap (public/basemap/*.geojson, committed) into the
 * vector tiles the map loads (public/basemap/tiles/, not committed: rebuilt by `npm run build` and
 * `npm run dev`). See scripts/lib/basemap-tiles.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_TILESETS } from '../src/domain/basemap-tilesets.ts';
import { cutTiles } from './lib/basemap-tiles.ts';

const basemap = resolve('public/basemap');
const out = join(basemap, 'tiles');
rmSync(out, { recursive: true, force: true });
for (const set of BASEMAP_TILESETS) {
  const layers = Object.fromEntries(
    Object.entries(set.layers).map(([name, file]) => [
      name,
      JSON.parse(readFileSync(join(basemap, file), 'utf8')) as FeatureCollection,
    ]),
  );
  let tiles = 0;
  let bytes = 0;
  for (const tile of cutTiles(set, layers)) {
    const dir = join(out, set.id, String(tile.z), String(tile.x));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${tile.y}.pbf`), tile.bytes);
    tiles += 1;
    bytes += tile.bytes.length;
  }
  console.log(
    `basemap:tiles: ${set.id}: ${tiles} tiles, zoom 0–${set.maxZoom}, ${(bytes / 1024).toFixed(0)} kB`,
  );
}
