/**
 * Seeing the ecosystem at a glance and taking it along: statistics linked to the map and list,
 * downloads of exactly what is shown, and the map embedded in a partner's page.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, openApp, type AppDriver } from './driver.ts';

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

const sum = (bars: { count: number }[]) => bars.reduce((n, b) => n + b.count, 0);

describe('statistics', () => {
  it('counts the actors shown, and a click on a bar filters the list and the map', async () => {
    const app = await open('/');
    await app.chooseTab('Statistik');
    const kinds = await app.chartBars('Typ av aktör');
    // Every actor has exactly one kind: the bars add up to the actors shown.
    expect(sum(kinds)).toBe(35);
    expect(kinds[0]).toMatchObject({ label: 'Kluster- eller nätverksorganisation', count: 9 });
    expect(await app.axe()).toEqual([]);
    await app.screenshot('statistics');

    await app.clickBar('Typ av aktör', 'Sjukhus');
    expect((await app.url()).searchParams.get('kind')).toBe('hospital');
    expect(await app.chartBars('Typ av aktör')).toEqual([
      { label: 'Sjukhus', count: 1, pressed: true },
    ]);
    expect(await app.actorsOnMap()).toBe(1);
    await app.chooseTab('Lista');
    expect(await app.listNames()).toEqual(['Karolinska Universitetssjukhuset']);
  });

  it('follows the search', async () => {
    const app = await open('/?tab=stats');
    await app.typeSearch('flemingsberg');
    const kinds = await app.chartBars('Typ av aktör');
    const shown = Number(/Visar (\d+) av/.exec(await app.resultCountText())?.[1]);
    expect(sum(kinds)).toBe(shown);
    expect(shown).toBeLessThan(35);
  });

  it('shows where facilities are missing, north and south of Stockholm', async () => {
    const app = await open('/?tab=stats');
    const rows = await app.coverageRows();
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(row).toHaveLength(4);
      for (const cell of row.slice(1)) expect(cell).toMatch(/^(\d+|saknas)$/);
    }
    const core = rows.find((r) => r[0] === 'Core facility');
    const coreBar = (await app.chartBars('Faciliteter')).find((b) => b.label === 'Core facility');
    const placed = (core ?? []).slice(1).reduce((n, c) => n + (Number(c) || 0), 0);
    expect(placed).toBeGreaterThan(0);
    expect(placed).toBeLessThanOrEqual(coreBar?.count ?? 0);
    expect(rows.some((r) => r.includes('saknas'))).toBe(true);
  });
});

describe('export', () => {
  it('downloads exactly the filtered list as CSV, GeoJSON, relations and a map image', async () => {
    const app = await open('/?sector=life-science&municipality=huddinge');
    const names = await app.listNames();
    expect(names.length).toBeGreaterThan(2);

    const csv = await app.download(/CSV \(Excel\)/);
    expect(csv.name).toMatch(/^aktorskartan-\d{4}-\d{2}-\d{2}.*\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true });
    expect(parsed.errors).toEqual([]);
    const nameColumn = parsed.meta.fields?.find((f) => /^namn$/i.test(f)) ?? 'Namn';
    expect(parsed.data.map((row) => row[nameColumn])).toEqual(names);

    const geo = await app.download(/GeoJSON/);
    const collection = check(geo.bytes.toString('utf8'));
    expect(collection.type).toBe('FeatureCollection');
    const features = (collection as { features: { properties: { name?: string } | null }[] })
      .features;
    expect(features.map((f) => f.properties?.name)).toEqual(names);

    const relations = await app.download(/Relationer/);
    const edges = Papa.parse<string[]>(relations.bytes.toString('utf8').slice(1)).data.slice(1);
    for (const edge of edges) {
      expect(names).toContain(edge[1]);
      expect(names).toContain(edge[4]);
    }

    const image = await app.download(/PNG/);
    expect(image.name).toMatch(/\.png$/);
    expect(image.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = image.bytes.readUInt32BE(16);
    const height = image.bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(300);
    writeFileSync(join(ARTIFACTS, 'export-map.png'), image.bytes);
    expect(await app.axe()).toEqual([]);
  });
});

describe('embed', () => {
  it('runs inside a partner’s page with the chosen filters, and links to the full map', async () => {
    const app = await open('/?sector=advanced-therapies');
    const names = await app.listNames();
    const code = await app.embedCode();
    expect(code).toMatch(/^<iframe src="http:\/\/[^"]+\?[^"]*embed=1/);

    const partner = await open('/', { waitForMap: false });
    const embedded = await partner.openPartnerPage(
      `<!doctype html><html lang="sv"><head><title>Partner</title></head><body>
       <h1>Vår partnersida</h1>${code}</body></html>`,
    );
    expect(await embedded.listNames()).toEqual(names);
    expect(await embedded.hasFilterPanel()).toBe(false);
    expect(await embedded.actorsOnMap()).toBeGreaterThan(0);
    const full = await embedded.fullMapLink();
    expect(full).toContain('sector=advanced-therapies');
    expect(full).not.toContain('embed=1');
    expect(await embedded.axe()).toEqual([]);
    await partner.screenshot('embed');
    await embedded.clickActor(/^Vecura/);
    expect(await embedded.panelHeading()).toBe('Vecura');
  });
});
