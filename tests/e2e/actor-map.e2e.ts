/**
 * The actor map, end to end, on the built app in Debian Chromium with real WebGL (SwiftShader).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, shippedDataset, type AppDriver } from './driver.ts';

let app: AppDriver | undefined;
afterEach(async () => {
  if (app) expect(app.errors).toEqual([]);
  await app?.close();
  app = undefined;
});

const WARM_UP_MARK = 'aktorskartan:marker-program-warmed';
const GPU_WARM_UP_MARK = 'aktorskartan:gpu-warmed';
const ACTORS_IN_MAP_MARK = 'aktorskartan:actors-in-map';
const MAP_LOADED_MARK = 'aktorskartan:map-loaded';
const FIRST_SCREEN_MARK = 'aktorskartan:first-screen';
const ACTORS_DRAWN_MARK = 'aktorskartan:actors-drawn';
const AT_REST_MARK = 'aktorskartan:map-at-rest';
const data = shippedDataset();
const basemapTowns = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../public/basemap/places.geojson'), 'utf8'),
  ) as { features: { properties: { name: string } }[] }
).features.map((f) => f.properties.name);
const placed = data.features.filter((f) => f.geometry !== null);

describe('the actor map', () => {
  it('draws every placed actor of the dataset on the map, as markers or inside clusters', async () => {
    app = await openApp('/');
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect(await app.resultCountText()).toBe(
      `Visar ${data.features.length} av ${data.features.length} aktörer`,
    );
    await app.screenshot('map-start');
    expect(await app.axe()).toEqual([]);
  });

  it('keeps every actor in view when the page around the map changes size, until the reader moves it', async () => {
    app = await openApp('/');
    expect(await app.actorsOnMap()).toBe(placed.length);
    const opened = await app.mapZoom();
    // The map's frame loses 200 px of height: fitted again, not cut at the top and bottom.
    await app.setViewport(1400, 700);
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect(await app.mapZoom()).toBeLessThan(opened);
    // Once the reader has moved the map, the camera is theirs: a resize keeps their zoom.
    await app.dragMap(60, 40);
    const theirs = await app.mapZoom();
    await app.setViewport(1400, 900);
    await app.mapIdle();
    expect(await app.mapZoom()).toBe(theirs);
  });

  it('skips the sky pass a flat map never shows', async () => {
    app = await openApp('/');
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect(await app.drawsSky()).toBe(false);
  });

  it('fades labels only while the map moves, and not at all for readers who ask for less motion', async () => {
    app = await openApp('/', { reducedMotion: false });
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect(await app.labelFadeAroundDrag(120, 60)).toEqual({ during: 300, after: 0 });
    // The labels are all placed again once the move has ended: the towns are named.
    expect((await app.townNames()).length).toBeGreaterThan(0);
    await app.close();
    app = await openApp('/');
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect(await app.labelFadeAroundDrag(120, 60)).toEqual({ during: 0, after: 0 });
  });

  it('draws on an opaque canvas, which the page need not blend, over the embedded basemap', async () => {
    app = await openApp('/');
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect(await app.mapCanvasHasAlpha()).toBe(false);
  });

  it('names the towns of the basemap, under the actor markers', async () => {
    app = await openApp('/');
    const towns = await app.townNames();
    expect(basemapTowns).toEqual(expect.arrayContaining(towns));
    // Both cities' own spots are taken by actor markers: their names move beside them.
    expect(towns).toEqual(expect.arrayContaining(['Stockholm', 'Södertälje']));
    const order = await app.mapLayerOrder();
    expect(order.indexOf('place-labels')).toBeGreaterThan(order.indexOf('lakes'));
    expect(order.indexOf('place-labels')).toBeLessThan(order.indexOf('clusters'));
    expect(order.indexOf('place-labels')).toBeLessThan(order.indexOf('places'));
    // Single markers were on the map from the start: no marker was drawn to prepare them.
    expect(await app.hasMark(WARM_UP_MARK, 2000)).toBe(false);
  });

  it('starts the GPU from a worker, before the map asks for its WebGL context', async () => {
    app = await openApp('/', { recordWebGLContext: true });
    expect(await app.actorsOnMap()).toBe(placed.length);
    const warmed = await app.mark(GPU_WARM_UP_MARK);
    expect(warmed?.detail).toBe('context');
    const asked = await app.webglContextRequestedAt();
    expect(asked).not.toBeNull();
    expect(warmed!.at).toBeLessThanOrEqual(asked!);
  });

  it('shows the land’s colour, not an empty sea, until the basemap is drawn', async () => {
    app = await openApp('/', { basemapDelayMs: 3000, waitForMap: false });
    const early = await app.mapCanvasLook();
    expect(early).toEqual({ visibility: 'hidden', frameColor: 'rgb(243, 240, 232)' });
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect((await app.mapCanvasLook()).visibility).toBe('visible');
  });

  it('hands the actors to the map while the basemap is still on its way', async () => {
    app = await openApp('/', { basemapDelayMs: 3000, waitForMap: false });
    expect(await app.actorsOnMap()).toBe(placed.length);
    const actors = await app.mark(ACTORS_IN_MAP_MARK);
    const loaded = await app.mark(MAP_LOADED_MARK);
    expect(actors).not.toBeNull();
    expect(loaded).not.toBeNull();
    // The basemap's tiles were held back for 3 s: the actors had been read well before.
    expect(actors!.at).toBeLessThan(loaded!.at - 1000);
  });

  it('shows the map before it starts the work that waits for the first screen', async () => {
    app = await openApp('/');
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect(await app.hasMark(FIRST_SCREEN_MARK, 5000)).toBe(true);
    // Town names, the marker program, the data worker's put-off work and the service worker
    // wait until the frame that shows the map has been drawn, not in its way.
    expect(
      await app.framesBetweenMarks(ACTORS_DRAWN_MARK, FIRST_SCREEN_MARK),
    ).toBeGreaterThanOrEqual(2);
  });

  it('prepares the single markers when it opens on clusters only, and leaves no trace', async () => {
    app = await openApp('/?map=17.9,59.5,4.8');
    expect(await app.markersOnMap()).toBe(0);
    expect(await app.hasMark(WARM_UP_MARK, 10_000)).toBe(true);
    // Every kind's icon is drawn ahead, though no single marker has asked for one yet.
    const kinds = new Set(data.features.map((f) => `kind:${f.properties.kind}`));
    expect(await app.mapImages()).toEqual(expect.arrayContaining([...kinds]));
    expect(await app.mapLayerOrder()).not.toContain('marker-program-warm-up');
    expect(await app.actorsOnMap()).toBe(placed.length);
    // The map is at rest only once the warm-up marker is gone again, which takes another frame.
    expect(await app.hasMark(AT_REST_MARK, 10_000)).toBe(true);
    expect(await app.framesBetweenMarks(WARM_UP_MARK, AT_REST_MARK)).toBeGreaterThanOrEqual(1);
  });

  it('opens an actor clicked on the map, with its owners, sources and position precision', async () => {
    // Zoomed in on KTH's campus, where KTH is the only occupant.
    app = await openApp('/?map=18.07278,59.34722,13');
    expect(await app.renderedPlaceIds()).toContain('18.07278,59.34722');
    await app.clickMapAt(18.07278, 59.34722);
    expect(await app.panelHeading()).toBe('KTH Kungliga Tekniska högskolan');
    expect((await app.url()).searchParams.get('actor')).toBe('kth');
    expect(await app.hasText('Äger')).toBe(true);
    expect(await app.hasText('Södertälje Science Park')).toBe(true);
    expect(await app.hasText(/Precision: område/)).toBe(true);
    await app.screenshot('actor-panel');
    expect(await app.axe()).toEqual([]);
  });

  it('flies to an actor chosen in the list and highlights its place', async () => {
    app = await openApp('/');
    await app.clickActorInList(/^Vecura/);
    await app.mapIdle();
    expect(await app.panelHeading()).toBe('Vecura');
    expect(await app.mapZoom()).toBeGreaterThanOrEqual(11);
    expect(await app.renderedPlaceIds()).toContain('17.94278,59.21944');
  });

  it('lists the occupants of a shared place on the Flemingsberg campus', async () => {
    app = await openApp('/?map=17.94278,59.21944,14');
    await app.clickMapAt(17.94278, 59.21944);
    expect(await app.panelHeading()).toMatch(/aktörer på samma plats/);
    for (const name of [
      'ANA Futura',
      'Biomedrex',
      'Vecura',
      'A Working Lab Flemingsberg',
      'Södertörns högskola',
    ]) {
      expect(await app.hasText(name)).toBe(true);
    }
    expect(await app.axe()).toEqual([]);
  });

  it('can be used with the keyboard alone: skip link, list, profile, Escape', async () => {
    app = await openApp('/');
    await app.press('Tab');
    expect(await app.focusedName()).toBe('Hoppa till aktörslistan');
    await app.press('Enter');
    // The skip link lands on the list; Tab enters it at its first row, arrows move along it.
    await app.press('Tab');
    expect(await app.focusedName()).toMatch(/^A Working Lab Flemingsberg/);
    await app.arrowTo(/^Biomedrex/);
    await app.press('Enter');
    expect(await app.focusedName()).toBe('Biomedrex');
    expect(await app.panelHeading()).toBe('Biomedrex');
    await app.press('Escape');
    expect(await app.panelHeading()).toBeNull();
    expect(await app.focusedName()).toMatch(/^Biomedrex/);
  });

  it('switches to English and keeps <html lang> right', async () => {
    app = await openApp('/?actor=vecura');
    await app.clickButton('In English');
    expect(await app.htmlLang()).toBe('en');
    expect(await app.hasText('What they do')).toBe(true);
    expect((await app.url()).searchParams.get('actor')).toBe('vecura');
    await app.mapIdle();
    expect(await app.axe()).toEqual([]);
  });

  it('without WebGL, says so and still lists and opens every actor', async () => {
    app = await openApp('/', { noWebGL: true });
    await app.waitForText(/saknar WebGL/);
    expect(await app.resultCountText()).toBe(
      `Visar ${data.features.length} av ${data.features.length} aktörer`,
    );
    await app.clickActorInList(/^Scania/);
    expect(await app.panelHeading()).toBe('Scania');
    expect(await app.axe()).toEqual([]);
  });

  it('shows a clear message and a working retry when the dataset request fails', async () => {
    app = await openApp('/', {
      waitForMap: false,
      dataset: (attempt) => (attempt === 1 ? { status: 404, body: 'gone' } : {}),
    });
    await app.waitForText(/Datafilen hittades inte/);
    expect(await app.axe()).toEqual([]);
    app.errors.length = 0; // the browser logs the 404 itself
    await app.clickButton('Försök igen');
    await app.mapIdle();
    expect(await app.resultCountText()).toBe(
      `Visar ${data.features.length} av ${data.features.length} aktörer`,
    );
  });
});
