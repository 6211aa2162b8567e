/**
 * Finding actors: search, facets, the list and the map in step, shareable links, Back, keyboard.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dataset, feature } from '../fixtures/make-dataset.ts';
import { openApp, shippedDataset, type AppDriver } from './driver.ts';

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

const data = shippedDataset();
const nameOf = (id: string) => data.features.find((f) => f.id === id)!.properties.name;
const withProgramme = (programme: string) =>
  data.features.filter((f) =>
    (f.properties as unknown as { programmes: { programme: string }[] }).programmes.some(
      (p) => p.programme === programme,
    ),
  );

describe('finding actors', () => {
  it('finds Södertälje Science Park first when typing "sodertalje", list and map agreeing', async () => {
    const app = await open('/');
    await app.typeSearch('sodertalje');
    await expect.poll(async () => (await app.listNames())[0]).toBe('Södertälje Science Park');
    const names = await app.listNames();
    await app.mapIdle();
    // Everything in the list that has a place is on the map; nothing else is.
    const placed = names.filter(
      (n) => data.features.find((f) => f.properties.name === n)?.geometry,
    );
    expect(await app.actorsOnMap()).toBe(placed.length);
    expect((await app.url()).searchParams.get('q')).toBe('sodertalje');
    expect(await app.axe()).toEqual([]);
  });

  it('keeps the search field’s width when its clear button appears, and clears with it', async () => {
    const app = await open('/');
    const empty = await app.searchFieldLook();
    expect(empty.clearButton).toBe(false);
    await app.typeSearch('k');
    const typed = await app.searchFieldLook();
    expect(typed.clearButton).toBe(true);
    expect(typed.width).toBe(empty.width);
    await app.clickButton('Rensa sökningen');
    expect(await app.searchText()).toBe('');
  });

  it('gives exactly the actors of the programme Stockholm Life Tech: owner, partners and pilots', async () => {
    const app = await open('/');
    await app.toggleFacetValue('Program och projekt', /Stockholm Life Tech/);
    const expected = withProgramme('stockholm-life-tech')
      .map((f) => f.properties.name)
      .sort();
    expect((await app.listNames()).sort()).toEqual(expected);
    for (const id of [
      'region-stockholm',
      'akademiska-hus',
      'karolinska-institutet',
      'ki-science-park',
      'karolinska-universitetssjukhuset',
      'stockholm-science-city',
      'flemingsberg-science',
    ]) {
      expect(expected).toContain(nameOf(id));
    }
    expect((await app.url()).searchParams.get('programme')).toBe('stockholm-life-tech');
    expect(await app.axe()).toEqual([]);
  });

  it('combines a sector and a facility type (AND across facets)', async () => {
    const app = await open('/');
    await app.toggleFacetValue('Bransch', /Cell- och genterapi/);
    await app.toggleFacetValue('Faciliteter', /GMP-tillverkning/);
    expect((await app.listNames()).sort()).toEqual(['Vecura', 'XNK Therapeutics']);
    expect(await app.resultCountText()).toBe('Visar 2 av 35 aktörer');
    expect(await app.axe()).toEqual([]);
  });

  it('updates the list in the frame of a filter click, without waiting for the worker', async () => {
    const app = await open('/');
    await app.settled();
    expect(await app.facetCount('Bransch', /^Life science/)).toBe(19);
    expect(await app.countInClickFrame('Typ av aktör', /Science park/)).toBe(
      'Visar 3 av 35 aktörer',
    );
    const parks = await app.listNames();
    expect(parks).toHaveLength(3);
    // The counts beside the other facets come from the worker and follow: one of the parks.
    await app.settled();
    expect(await app.facetCount('Bransch', /^Life science/)).toBe(1);
    // A search still goes to the worker, and the list catches up: the parks that mention it.
    await app.typeSearch('flemingsberg');
    await app.settled();
    const found = await app.listNames();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(3);
    expect(parks).toEqual(expect.arrayContaining(found));
    expect(await app.axe()).toEqual([]);
  });

  it('paints a large dataset’s filtered list before the map takes its share of the click', async () => {
    // 24,000 actors, half of them in healthcare: from 20,000 the map's counting and clustering
    // wait for the list's frame to be painted (Workspace in src/app/app.tsx).
    const features = Array.from({ length: 24_000 }, (_, i) =>
      feature({
        id: `actor-${i}`,
        coordinates: [17.9 + (i % 150) * 0.002, 59.25 + Math.floor(i / 150) * 0.001],
        sectors: [i % 2 === 0 ? 'life-science' : 'healthcare'],
      }),
    );
    const app = await open('/', { dataset: { body: JSON.stringify(dataset(features)) } });
    await app.settled();
    const click = await app.mapActorsAroundClick('Bransch', /^Hälso- och sjukvård/);
    expect(click.countAtFrame).toMatch(/^Visar 12\s000 av 24\s000 aktörer/);
    expect(click.before).toBe(24_000);
    expect(click.atFrame).toBe(24_000);
    expect(click.settled).toBe(12_000);
  });

  it('says when nothing matches and offers to remove the filter that emptied it', async () => {
    const app = await open('/?q=scania&kind=hospital');
    await app.waitForText('Inga aktörer matchar');
    expect(await app.axe()).toEqual([]);
    await app.clickButton(/Ta bort filtret Typ av aktör/);
    expect(await app.listNames()).toEqual(['Scania']);
  });

  it('opens a shared link in a new page with the same state', async () => {
    const app = await open('/');
    await app.typeSearch('flemingsberg');
    await app.toggleFacetValue('Typ av aktör', /Kluster- eller nätverksorganisation/);
    await app.clickActorInList(/^Flemingsberg Science/);
    await app.mapIdle();
    const names = await app.listNames();
    const here = await app.url();
    const other = await open(here.pathname + here.search, {});
    expect(await other.searchText()).toBe('flemingsberg');
    expect(await other.checkedFacetValues()).toEqual(['Kluster- eller nätverksorganisation']);
    expect(await other.listNames()).toEqual(names);
    expect(await other.panelHeading()).toBe('Flemingsberg Science');
    expect((await other.url()).searchParams.get('map')).toBe(
      (await app.url()).searchParams.get('map'),
    );
  });

  it('copies a link to what it shows, also in the moment the address bar has yet to follow', async () => {
    const app = await open('/');
    const link = new URL(await app.copyLinkInClickOf('Typ av aktör', /Sjukhus/));
    expect(link.searchParams.get('kind')).toBe('hospital');
    const other = await open(link.pathname + link.search, {});
    expect(await other.listNames()).toEqual(['Karolinska Universitetssjukhuset']);
  });

  it('goes back through selections and filter changes with Back', async () => {
    const app = await open('/');
    await app.clickActorInList(/^Vecura/);
    await app.clickInPanel('Karolinska Universitetssjukhuset');
    expect(await app.panelHeading()).toBe('Karolinska Universitetssjukhuset');
    await app.goBack();
    expect(await app.panelHeading()).toBe('Vecura');
    await app.goBack();
    expect(await app.panelHeading()).toBeNull();
    await app.toggleFacetValue('Typ av aktör', /Sjukhus/);
    expect(await app.listNames()).toEqual(['Karolinska Universitetssjukhuset']);
    await app.goBack();
    expect(await app.resultCountText()).toBe('Visar 35 av 35 aktörer');
  });

  it('can be driven with the keyboard alone: search, filter, list, profile', async () => {
    const app = await open('/');
    await app.tabTo('Sök aktörer', 10);
    await app.typeKeys('science');
    await app.tabTo(/^Universitet eller högskola/);
    await app.press('Space');
    await app.tabTo(/Kluster- eller nätverksorganisation/);
    await app.press('Space');
    const rows = await app.listNames();
    expect(rows.length).toBeGreaterThan(1);
    await app.tabTo(new RegExp(`^${rows[0]}`));
    await app.press('ArrowDown');
    expect(await app.focusedName()).toMatch(new RegExp(`^${rows[1]}`));
    await app.press('Enter');
    expect(await app.panelHeading()).toBe(rows[1]);
    expect(await app.focusedName()).toBe(rows[1]);
    await app.press('Escape');
    expect(await app.focusedName()).toMatch(new RegExp(`^${rows[1]}`));
  });

  it('renders only the rows in view, all of one height, and reaches every row by keyboard', async () => {
    const app = await open('/');
    const heights = await app.listRowHeights();
    expect(heights.length).toBeGreaterThan(3);
    expect(heights.length).toBeLessThan(35);
    expect(new Set(heights.map((h) => Math.round(h))).size).toBe(1);
    const first = (await app.listNames())[0]!;
    await app.tabTo(new RegExp(`^${first}`));
    await app.press('End');
    const last = await app.focusedRow();
    expect(last).toMatchObject({ position: 35, of: 35, inView: true });
    await app.press('PageUp');
    const up = await app.focusedRow();
    expect(up.inView).toBe(true);
    expect(up.position).toBeLessThan(35);
    expect(up.position).toBeGreaterThan(35 - heights.length);
    await app.press('Home');
    const top = await app.focusedRow();
    expect(top).toMatchObject({ position: 1, inView: true });
    // A name cut short on screen is whole in the row's title.
    expect(top.name.startsWith(first)).toBe(true);
  });

  it('keeps only the actors in view when "search as I move the map" is on', async () => {
    const app = await open('/?inview=1&map=17.94278,59.21944,12');
    const names = await app.listNames();
    expect(names).toContain('ANA Futura');
    expect(names).not.toContain('KTH Kungliga Tekniska högskolan');
    expect(names.length).toBeLessThan(35);
  });

  it('zooms into a clicked cluster and lists its members', async () => {
    const app = await open('/?map=17.8,59.3,7');
    const before = await app.mapZoom();
    await app.clickFirstCluster();
    // The expansion zoom comes back from MapLibre's worker, so the camera moves a moment later.
    await expect.poll(() => app.mapZoom()).toBeGreaterThan(before);
    await expect.poll(() => app.panelHeading()).toMatch(/aktörer i gruppen/);
  });

  it('ignores a hostile link with a notice: no crash, nothing injected', async () => {
    const app = await open(
      '/?q=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&actor=%3Cscript%3E&map=18,59.3,1e9&sector=x&sector=y&evil=1',
    );
    expect(await app.text('status')).toMatch(/ignorerats eller justerats/);
    expect(await app.searchText()).toBe('<img src=x onerror=window.__pwned=1>');
    expect(await app.scriptRan()).toBe(false);
    expect(await app.axe()).toEqual([]);
  });

  it('switches between map and list on a narrow screen', async () => {
    const app = await open('/', { viewport: { width: 375, height: 740 }, waitForMap: false });
    expect(await app.isVisible('list')).toBe(true);
    expect(await app.isVisible('map')).toBe(false);
    await app.clickButton('Karta');
    await app.mapIdle();
    expect(await app.isVisible('map')).toBe(true);
    expect(await app.isVisible('list')).toBe(false);
    expect(await app.axe()).toEqual([]);
    await app.screenshot('narrow-map');
  });
});
