/**
 * Trustworthy under bad input: hostile data, failing requests, no WebGL, no network, a strict CSP,
 * and accessible in every state (axe-core, WCAG 2.2 AA tags).
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openApp, type AppDriver } from './driver.ts';
import { HOSTILE, hostileDataset } from './fixtures/hostile-dataset.ts';
import { dataset, feature } from '../fixtures/make-dataset.ts';

const opened: AppDriver[] = [];
const open = async (...args: Parameters<typeof openApp>) => {
  const app = await openApp(...args);
  opened.push(app);
  return app;
};
afterEach(async () => {
  for (const app of opened.splice(0)) {
    expect(app.errors).toEqual([]);
    await app.close();
  }
});

/** The browser itself logs failed requests; those are the point of these tests. */
const ignoreNetworkNoise = (app: AppDriver) => {
  const kept = app.errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e));
  app.errors.splice(0, app.errors.length, ...kept);
};

describe('hostile data', () => {
  it('runs nothing, breaks no layout, shows the valid records and explains every rejected one', async () => {
    const app = await open('/', { dataset: { body: hostileDataset() }, waitForMap: false });
    await app.mapIdle();
    const shown = HOSTILE.filter((h) => !/left out/.test(h.expect));
    expect(await app.resultCountText()).toBe(`Visar ${shown.length} av ${shown.length} aktörer`);
    expect(await app.scriptRan()).toBe(false);
    expect(await app.polluted()).toBe(false);
    expect(await app.horizontalOverflow()).toBeLessThanOrEqual(0);
    // Markup arrives as text; the direction override is gone.
    expect(await app.hasText('<img src=x onerror=window.__pwned=1> Markup AB')).toBe(true);
    expect(await app.hasText('Rätt gnävsillev Namn')).toBe(true);

    const leftOut = new Set(HOSTILE.filter((h) => /left out/.test(h.expect)).map((h) => h.id));
    expect(await app.hasText(`${leftOut.size} poster utelämnade`)).toBe(true);
    await app.clickButton('Visa detaljer');
    const rows = await app.problemRows();
    for (const id of [
      'javascript-url',
      'data-url',
      'huge-string',
      'numbers-as-strings',
      'out-of-range',
      'polygon',
      'missing-fields',
      'unknown-kind',
    ]) {
      expect(rows.some((r) => r[0] === id && r[3] === 'Posten visas inte')).toBe(true);
    }
    expect(rows.some((r) => r[0] === 'valid-1' && /Samma id/.test(r[2] ?? ''))).toBe(true);
    expect(rows.some((r) => r[0] === 'swapped' && /omkastade/.test(r[2] ?? ''))).toBe(true);
    expect(rows.some((r) => r[0] === 'unknown-sector' && r[3] === 'Värdet är borttaget')).toBe(
      true,
    );
    expect(rows.some((r) => r[0] === '#18')).toBe(true);
    expect(await app.axe()).toEqual([]);
    await app.screenshot('hostile-data');
  });

  it('opens a hostile record’s profile without running anything', async () => {
    const app = await open('/?actor=markup-in-text', {
      dataset: { body: hostileDataset() },
      waitForMap: false,
    });
    expect(await app.panelHeading()).toBe('<img src=x onerror=window.__pwned=1> Markup AB');
    expect(await app.scriptRan()).toBe(false);
  });
});

describe('a failing dataset request', () => {
  it.each([
    [
      'a server error, after retrying with backoff',
      { status: 500, body: 'oops' },
      /Servern svarade med ett fel \(500\)/,
    ],
    ['a dropped connection, after retrying', { fail: true }, /Det gick inte att nå servern/],
    [
      'malformed JSON',
      { body: '{"type": "FeatureCollection", "features": [' },
      /kunde inte läsas som JSON/,
    ],
    ['an empty file', { body: '' }, /Datafilen är tom/],
    [
      'a file of the wrong shape',
      { body: '{"hello": "world"}' },
      /inte det format appen väntar sig/,
    ],
  ])('explains %s, offers a retry, and never shows a blank page', async (_, response, message) => {
    const app = await open('/', { dataset: response, waitForMap: false });
    await app.waitForText(message, 20_000);
    // Automatic retries first; the retry button comes with the final message.
    await app.waitForButton('Försök igen', 20_000);
    expect(await app.hasText('Aktörskartan')).toBe(true);
    expect(await app.axe()).toEqual([]);
    ignoreNetworkNoise(app);
    if ('status' in response) expect(app.datasetRequests).toBe(4); // 1 + 3 retries, not on 4xx
  });

  it('does not retry a 404', async () => {
    const app = await open('/', { dataset: { status: 404, body: 'gone' }, waitForMap: false });
    await app.waitForText(/hittades inte/);
    await new Promise((done) => setTimeout(done, 2500));
    expect(app.datasetRequests).toBe(1);
    ignoreNetworkNoise(app);
  });

  it('tells the reader when the data is slow, and shows it when it comes', async () => {
    const app = await open('/', { dataset: { delayMs: 9000 }, waitForMap: false });
    await app.waitForText(/tar längre tid än vanligt/, 8000);
    expect(await app.axe()).toEqual([]);
    // The map is laid out, basemap and all, while the data is still on its way.
    await app.screenshot('loading-slow');
    await app.mapIdle(20_000);
    expect(await app.resultCountText()).toBe('Visar 35 av 35 aktörer');
  });
});

describe('a large dataset', () => {
  it('is read a batch of actors at a time, and says how far it has come', async () => {
    // Test actors (tests/fixtures), sent in twelve pieces over about eight seconds with no
    // length given: the app cannot know the size and reads the file a feature at a time.
    const records = Array.from({ length: 3000 }, (_, i) =>
      feature({ id: `test-actor-${i}`, name: `Testaktör ${i}` }),
    );
    const text = JSON.stringify(dataset(records));
    const size = Math.ceil(text.length / 12);
    const pieces = Array.from({ length: 12 }, (_, i) => text.slice(i * size, (i + 1) * size));
    const app = await open('/', {
      dataset: { trickle: { pieces, intervalMs: 700 } },
      waitForMap: false,
    });
    await app.waitForText(/läses in i omgångar: [\d\s\u00a0]+ hittills/, 8000);
    const shown = await app.statusText();
    const read = Number((/: ([\d\s\u00a0]+) hittills/.exec(shown)?.[1] ?? '').replace(/\D/g, ''));
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(3000);
    await app.screenshot('loading-in-batches');
    await app.mapIdle(30_000);
    // Numbers are grouped with no-break spaces.
    expect((await app.resultCountText()).replace(/\s/g, ' ')).toBe('Visar 3 000 av 3 000 aktörer');
    expect(app.datasetRequests).toBe(1);
  });
});

describe('the map failing', () => {
  it('keeps working as a list when the WebGL context is lost', async () => {
    const app = await open('/');
    await app.loseWebGLContext();
    await app.waitForText('Kartan kunde inte startas. Alla aktörer finns i listan.');
    await app.clickActorInList(/^Vecura/);
    expect(await app.panelHeading()).toBe('Vecura');
    ignoreNetworkNoise(app);
    app.errors.splice(0); // MapLibre reports the lost context itself
  });

  it('says the map could not start, and keeps the list, when the basemap tiles cannot be had', async () => {
    const app = await open('/', { basemapStatus: 500, waitForMap: false });
    // Not a map frame held hidden while it waits for land that never comes.
    await app.waitForText('Kartan kunde inte startas. Alla aktörer finns i listan.');
    expect(await app.resultCountText()).toBe('Visar 35 av 35 aktörer');
    await app.clickActorInList(/^Vecura/);
    expect(await app.panelHeading()).toBe('Vecura');
    ignoreNetworkNoise(app);
    // MapLibre reports the failing tiles: that is the scenario itself. (A 404 it reads as an
    // empty tile, by design: the build writes every tile in the tilesets' bounds.)
    app.errors.splice(
      0,
      app.errors.length,
      ...app.errors.filter((e) => !/basemap\/tiles|500/.test(e)),
    );
  });

  it('falls back to the embedded basemap when the online one is unreachable', async () => {
    const app = await open('/', { baseUrl: inject('onlineBaseUrl'), waitForMap: false });
    await app.waitForText(/inbyggda kartan visas i stället/, 15_000);
    await app.mapIdle();
    expect(await app.actorsOnMap()).toBeGreaterThan(0);
    expect((await app.townNames()).length).toBeGreaterThan(0);
    // The embedded style loaded in place of the first one has no sky either.
    expect(await app.drawsSky()).toBe(false);
    // The canvas was made for the online style, which may leave parts of it transparent.
    expect(await app.mapCanvasHasAlpha()).toBe(true);
    ignoreNetworkNoise(app);
    // The online style's failed request is blocked or refused: that is the scenario itself.
    app.errors.splice(
      0,
      app.errors.length,
      ...app.errors.filter((e) => !/127\.0\.0\.1:9|style\.json|AJAXError/.test(e)),
    );
  });
});

describe('offline', () => {
  it('loads the app, the data and the basemap with the network off after one visit', async () => {
    const app = await open('/', { serviceWorkers: true });
    await app.serviceWorkerReady();
    await app.setOffline(true);
    await app.reload();
    expect(await app.resultCountText()).toBe('Visar 35 av 35 aktörer');
    expect(await app.actorsOnMap()).toBeGreaterThan(0);
    // The basemap's tiles came from the service worker's cache: a missing tile would be sea.
    const shapes = await app.basemapShapes();
    expect(shapes.land).toBeGreaterThan(0);
    expect(shapes.lakes).toBeGreaterThan(0);
    await app.screenshot('offline');
  });

  it('installs the service worker only once the first actors are drawn', async () => {
    const app = await open('/', { serviceWorkers: true, basemapDelayMs: 1500 });
    // Not serviceWorkerReady(): its reload would start the page, and its marks, over.
    expect(await app.serviceWorkerActive()).toBe(true);
    const loaded = await app.mark('aktorskartan:map-loaded');
    const drawn = await app.mark('aktorskartan:first-screen');
    const registering = await app.mark('aktorskartan:service-worker-registering');
    expect(loaded).not.toBeNull();
    expect(drawn).not.toBeNull();
    expect(registering).not.toBeNull();
    // The basemap was held back: registered at the page's load, it would come long before these.
    expect(drawn!.at).toBeGreaterThanOrEqual(loaded!.at);
    expect(registering!.at).toBeGreaterThanOrEqual(drawn!.at);
  });
});

describe('content security policy', () => {
  it('blocks injected inline script, and the app itself needs none', async () => {
    const app = await open('/');
    expect(app.errors).toEqual([]); // the app ran without a single violation
    expect(await app.scriptInjectionBlocked()).toBe(true);
    expect(app.errors.some((e) => /CSP violation: script-src/.test(e))).toBe(true);
    app.errors.splice(0);
  });
});

describe('accessibility', () => {
  it('has no axe violations at 320 px wide and does not scroll sideways', async () => {
    const app = await open('/', { viewport: { width: 320, height: 640 }, waitForMap: false });
    await app.waitForText(/Visar 35 av 35 aktörer/);
    expect(await app.horizontalOverflow()).toBeLessThanOrEqual(0);
    expect(await app.axe()).toEqual([]);
    await app.screenshot('narrow-320');
  });

  it('has an accessibility statement in Swedish and English', async () => {
    const app = await open('/accessibility.html', { waitForMap: false });
    expect(await app.hasText('Tillgänglighetsredogörelse för Aktörskartan')).toBe(true);
    expect(await app.hasText('Accessibility statement for Aktörskartan')).toBe(true);
    expect(await app.axe()).toEqual([]);
  });
});
