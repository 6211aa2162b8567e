/**
 * Profiles, relations on the map, programmes and the "as of year" view.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppDriver } from './driver.ts';

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

const OWNERS = ['astrazeneca', 'kth', 'scania', 'sodertalje-kommun'];
const SLT_PARTNERS = [
  'akademiska-hus',
  'flemingsberg-science',
  'karolinska-institutet',
  'karolinska-universitetssjukhuset',
  'ki-science-park',
  'stockholm-science-city',
];

describe('relations', () => {
  it('shows the four owners of Södertälje Science Park in the panel and as lines on the map', async () => {
    const app = await open('/?map=17.85,59.3,9');
    await app.clickActorInList(/^Södertälje Science Park/);
    await app.mapIdle();
    const panel = await app.panelText();
    expect(panel).toMatch(/Ägs av\s*(AstraZeneca|KTH|Scania|Södertälje kommun)/);
    for (const name of [
      'AstraZeneca',
      'KTH Kungliga Tekniska högskolan',
      'Scania',
      'Södertälje kommun',
    ])
      expect(panel).toContain(name);
    await app.clickButton('Visa alla på kartan');
    await app.mapIdle();
    // Symbols settle a moment after the camera stops (placement and fade-in).
    await expect
      .poll(async () =>
        [
          ...new Set(
            (await app.relationLines()).filter((l) => l.style === 'owner').map((l) => l.to),
          ),
        ].sort(),
      )
      .toEqual(OWNERS);
    await expect
      .poll(() => app.focusedActors())
      .toEqual(expect.arrayContaining(['sodertalje-science-park', ...OWNERS]));
    await app.screenshot('relation-view');
    expect(await app.axe()).toEqual([]);
  });

  it('opens a link to an actor, without a map view, fitted to the actor and its ties', async () => {
    const app = await open('/?actor=sodertalje-science-park');
    await expect
      .poll(() => app.focusedActors())
      .toEqual(expect.arrayContaining(['sodertalje-science-park', ...OWNERS]));
    // Closer than the whole dataset, which the map opens on without a link (zoom 8.3 here).
    expect(await app.mapZoom()).toBeGreaterThan(8.6);
  });

  it('lists related actors without a place in the panel, never dropping them', async () => {
    const app = await open('/?actor=iuc-stockholm');
    const panel = await app.panelText();
    expect(panel).toContain('Europeiska regionala utvecklingsfonden');
    expect(panel).toContain('via Tillväxtverket');
    expect(panel).toContain('IUC-nätverket');
  });

  it('hides and shows the relation lines with the toggle', async () => {
    const app = await open('/?actor=sodertalje-science-park&map=17.85,59.3,9');
    await app.mapIdle();
    expect((await app.relationLines()).length).toBeGreaterThan(0);
    await app.clickCheckbox('Visa relationer på kartan');
    await app.mapIdle();
    expect(await app.relationLines()).toEqual([]);
    expect((await app.url()).searchParams.get('rel')).toBe('0');
  });
});

describe('programmes', () => {
  it('opens Stockholm Life Tech: its project owner and partners listed, highlighted and tied on the map', async () => {
    const app = await open('/');
    await app.clickButton('Öppna programmet Stockholm Life Tech');
    await app.mapIdle();
    expect(await app.panelHeading()).toBe('Stockholm Life Tech');
    const panel = await app.panelText();
    expect(panel).toMatch(/Ägare eller projektägare\s*Region Stockholm/);
    await expect
      .poll(async () =>
        [
          ...new Set(
            (await app.relationLines()).filter((l) => l.style === 'partner').map((l) => l.to),
          ),
        ].sort(),
      )
      .toEqual(SLT_PARTNERS);
    await expect
      .poll(() => app.focusedActors())
      .toEqual(expect.arrayContaining(['region-stockholm', ...SLT_PARTNERS]));
    expect((await app.url()).searchParams.get('prog')).toBe('stockholm-life-tech');
    await app.screenshot('programme-view');
    expect(await app.axe()).toEqual([]);
  });

  it('shows the cluster project active in 2011 and Stockholm Life Tech not yet', async () => {
    const app = await open('/');
    await app.chooseYear(2011);
    expect(await app.hasText(/Visar läget år 2011/)).toBe(true);
    expect(await app.hasText(/Stockholm Life Tech \(inte aktiv 2011\)/)).toBe(true);
    await app.clickButton('Öppna programmet Stockholm-Uppsala Life Science Kluster');
    expect(await app.panelText()).toContain('aktiv 2011');
    expect(await app.panelText()).not.toContain('inte aktiv 2011');
    // Actors founded after 2011 are hidden from the list and the map.
    expect(await app.resultCountText()).not.toBe('Visar 35 av 35 aktörer');
    expect(await app.axe()).toEqual([]);
  });

  it('is reachable and usable with the keyboard alone', async () => {
    const app = await open('/');
    await app.tabTo('Öppna programmet Stockholm Life Tech', 120);
    await app.press('Enter');
    expect(await app.focusedName()).toBe('Stockholm Life Tech');
    await app.tabTo('Region Stockholm', 20);
    await app.press('Enter');
    expect(await app.panelHeading()).toBe('Region Stockholm');
    await app.goBack();
    expect(await app.panelHeading()).toBe('Stockholm Life Tech');
  });
});

describe('narrow screens', () => {
  it('shows the profile as a dialog that Escape closes', async () => {
    const app = await open('/?actor=vecura', {
      viewport: { width: 375, height: 740 },
      waitForMap: false,
    });
    await app.settled();
    expect(await app.text('dialog')).toContain('Vecura');
    expect(await app.axe()).toEqual([]);
    await app.press('Escape');
    expect(await app.panelHeading()).toBeNull();
  });
});
