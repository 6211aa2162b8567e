/**
 * The end-to-end driver: the only module that touches Playwright (maputnik's rule). Specs speak
 * in the user's terms (open the app, pick an actor, look at the map) and read results back.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page, Route } from 'playwright-core';
import { inject } from 'vitest';
import { chromium } from './browser.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

let browser: Browser | null = null;
async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.connect(inject('wsEndpoint'));
  return browser;
}

export interface DatasetResponse {
  status?: number;
  body?: string;
  /** Abort the request as a network failure. */
  fail?: boolean;
  delayMs?: number;
  /**
   * Send the body in these pieces, one every `intervalMs`, with no length given: as a large file
   * arrives over a slow line (the app then reads it a feature at a time).
   */
  trickle?: { pieces: string[]; intervalMs: number };
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  reducedMotion?: boolean;
  /** Pretend the browser has no WebGL. */
  noWebGL?: boolean;
  /** Replace the dataset response. */
  dataset?: DatasetResponse | ((attempt: number) => DatasetResponse);
  /**
   * Replace the summary snapshot's response. Default: the built one beside the built dataset,
   * and none (404) when `dataset` is replaced: a snapshot of other data would show first.
   */
  snapshot?: DatasetResponse;
  /** Wait for the map to render (default true unless noWebGL). */
  waitForMap?: boolean;
  /** Service workers are blocked unless a test is about offline use. */
  serviceWorkers?: boolean;
  /** Another build of the app (e.g. one configured with an online basemap). */
  baseUrl?: string;
  /** Hold back the basemap's land and lake tiles this long, or answer them with this HTTP status. */
  basemapDelayMs?: number;
  basemapStatus?: number;
  /** Note when the page first asks a canvas for a WebGL context (see webglContextRequestedAt). */
  recordWebGLContext?: boolean;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export class AppDriver {
  /** Page errors, console errors and CSP violations seen so far. */
  readonly errors: string[] = [];
  datasetRequests = 0;
  snapshotRequests = 0;
  dialogs = 0;

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      this.dialogs += 1;
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console: ${m.text()}`);
    });
  }

  // ---------------------------------------------------------------- given

  async goto(path: string, waitForMap = true): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
    await this.page.getByRole('heading', { level: 1 }).first().waitFor();
    if (waitForMap) await this.mapIdle();
  }

  // ---------------------------------------------------------------- when

  /** Clicks a row, scrolling the virtualised list until it is rendered. */
  async clickActorInList(name: string | RegExp): Promise<void> {
    const row = this.listRow(name);
    const scroller = this.page.locator('.actor-scroll');
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    for (let i = 0; i < 200 && (await row.count()) === 0; i++) {
      const atEnd = await scroller.evaluate((el) => {
        const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        el.scrollBy({ top: el.clientHeight * 0.8 });
        return end;
      });
      if (atEnd) break;
      await this.page.waitForTimeout(30);
    }
    await row.click();
  }

  async clickMapAt(lon: number, lat: number): Promise<void> {
    const point = await this.page.evaluate(({ x, y }) => window.aktorskartanMap.project(x, y), {
      x: lon,
      y: lat,
    });
    const box = await this.page.locator('.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('the map canvas is not on the page');
    await this.page.mouse.click(box.x + point.x, box.y + point.y);
  }

  /** The search field's width and whether its clear button is shown. */
  async searchFieldLook(): Promise<{ width: number; clearButton: boolean }> {
    const box = await this.page.getByRole('searchbox').boundingBox();
    return {
      width: box?.width ?? 0,
      clearButton: (await this.page.getByRole('button', { name: 'Rensa sökningen' }).count()) > 0,
    };
  }

  async typeSearch(text: string): Promise<void> {
    await this.page.getByRole('searchbox').fill(text);
  }

  async typeKeys(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 20 });
  }

  async toggleFacetValue(facet: string, value: string | RegExp): Promise<void> {
    const group = this.page.getByRole('group', { name: facet });
    const box = group.getByRole('checkbox', { name: value });
    if ((await box.count()) === 0)
      await group.getByRole('button', { name: /Visa alla|Show all/ }).click();
    await group.getByRole('checkbox', { name: value }).click();
  }

  /**
   * Clicks a facet value from inside the page and reads the result count right after the click
   * and its microtasks, before any timer or frame: what the reader sees in the click's frame.
   */
  async countInClickFrame(facet: string, value: string | RegExp): Promise<string> {
    const box = this.page
      .getByRole('group', { name: facet })
      .getByRole('checkbox', { name: value });
    return box.evaluate(async (el) => {
      (el as HTMLElement).click();
      await Promise.resolve();
      return document.querySelector('.result-count')?.textContent ?? '';
    });
  }

  /**
   * Clicks a facet value and then "Kopiera länk" in the same task, before the page has drawn
   * (and so before it has written the address bar), and returns what landed on the clipboard.
   */
  async copyLinkInClickOf(facet: string, value: string | RegExp): Promise<string> {
    await this.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(this.page.url()).origin,
    });
    const copy = await this.page.getByRole('button', { name: 'Kopiera länk' }).elementHandle();
    const group = this.page.getByRole('group', { name: facet });
    const box = group.getByRole('checkbox', { name: value });
    if ((await box.count()) === 0)
      await group.getByRole('button', { name: /Visa alla|Show all/ }).click();
    await box.evaluate((el, button) => {
      (el as HTMLElement).click();
      (button as HTMLElement).click();
    }, copy);
    await this.waitForText('Länken är kopierad.');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /**
   * Clicks a facet value from inside the page and reports, at the first animation frame after the
   * click, the result count shown and how many actors the map had been handed; and how many it
   * holds once it is idle on new data.
   */
  async mapActorsAroundClick(
    facet: string,
    value: string | RegExp,
  ): Promise<{ before: number; countAtFrame: string; atFrame: number; settled: number }> {
    const box = this.page
      .getByRole('group', { name: facet })
      .getByRole('checkbox', { name: value });
    return box.evaluate(async (el) => {
      const map = window.aktorskartanMap;
      const before = map.actorsHanded();
      const version = map.dataVersion();
      const frame = new Promise<{ countAtFrame: string; atFrame: number }>((resolve) =>
        requestAnimationFrame(() =>
          resolve({
            countAtFrame: document.querySelector('.result-count')?.textContent ?? '',
            atFrame: map.actorsHanded(),
          }),
        ),
      );
      const t0 = performance.now();
      (el as HTMLElement).click();
      const atFrame = await frame;
      await new Promise<void>((resolve) => {
        const poll = () => {
          const hit = map.idleLog().find((e) => e.time > t0 && e.dataVersion > version);
          if (hit && map.actorsHanded() !== before) resolve();
          else requestAnimationFrame(poll);
        };
        poll();
      });
      return { before, ...atFrame, settled: map.actorsHanded() };
    });
  }

  /** The count shown beside a facet value, or null when none is shown. */
  async facetCount(facet: string, value: string | RegExp): Promise<number | null> {
    const box = this.page
      .getByRole('group', { name: facet })
      .getByRole('checkbox', { name: value });
    const text = await box.evaluate(
      (el) => el.closest('label')?.querySelector('.facet-count')?.firstChild?.textContent ?? null,
    );
    return text === null ? null : Number(text.replace(/\D/g, ''));
  }

  async chooseSort(value: 'relevance' | 'name' | 'distance'): Promise<void> {
    await this.page.getByRole('combobox').first().selectOption(value);
  }

  async checkedFacetValues(): Promise<string[]> {
    await this.settled();
    return this.page
      .locator('.facet input:checked')
      .evaluateAll((els) =>
        els.map((el) => el.closest('label')?.querySelector('.facet-label')?.textContent ?? ''),
      );
  }

  async searchText(): Promise<string> {
    return this.page.getByRole('searchbox').inputValue();
  }

  /** The sidebar's first status line (loading, failure, problems). */
  async statusText(): Promise<string> {
    return (await this.page.locator('.sidebar .status').first().textContent()) ?? '';
  }

  async resultCountText(): Promise<string> {
    await this.settled();
    return (await this.page.locator('.result-count').textContent()) ?? '';
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
    // MapLibre hears of its container's new size a little later (a throttled ResizeObserver):
    // wait until its canvas has followed, where there is a map.
    await this.page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLElement>('.maplibregl-canvas');
      const container = document.querySelector<HTMLElement>('.maplibregl-map');
      return (
        !canvas ||
        !container ||
        (canvas.clientWidth === container.clientWidth &&
          canvas.clientHeight === container.clientHeight)
      );
    });
  }

  /** Drags the map by (dx, dy) CSS pixels with the mouse, as a reader pans it. */
  async dragMap(dx: number, dy: number): Promise<void> {
    const box = await this.page.locator('.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 8; i++) await this.page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
    await this.page.mouse.up();
    await this.mapIdle();
  }

  /** The map's label fade (ms) in the middle of a drag, and once the map is idle after it. */
  async labelFadeAroundDrag(dx: number, dy: number): Promise<{ during: number; after: number }> {
    const box = await this.page.locator('.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const fade = () => this.page.evaluate(() => window.aktorskartanMap.labelFade() ?? NaN);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 4; i++) await this.page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
    const during = await fade();
    for (let i = 5; i <= 8; i++) await this.page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
    await this.page.mouse.up();
    await this.mapIdle();
    return { during, after: await fade() };
  }

  async isVisible(selector: 'map' | 'list'): Promise<boolean> {
    await this.settled();
    return this.page.locator(selector === 'map' ? '.map-area' : '.actor-list').isVisible();
  }

  /** Opens the current address in a fresh page (a new tab, as a colleague would). */
  async openSameLinkInNewPage(): Promise<AppDriver> {
    return openApp((await this.url()).href.replace(inject('baseUrl'), ''));
  }

  /**
   * True if hostile input got to run: the test payloads set window.__pwned or open a dialog, and
   * an <img src=x> would only exist if markup had been parsed.
   */
  async scriptRan(): Promise<boolean> {
    const evidence = await this.page.evaluate(
      () =>
        (window as unknown as { __pwned?: unknown }).__pwned !== undefined ||
        document.querySelector('img[src="x"]') !== null,
    );
    return evidence || this.dialogs > 0;
  }

  async clickFirstCluster(): Promise<void> {
    const point = await this.page.evaluate(() => window.aktorskartanMap.firstClusterPoint());
    if (!point) throw new Error('no cluster on the map');
    const box = await this.page.locator('.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('the map canvas is not on the page');
    await this.page.mouse.click(box.x + point.x, box.y + point.y);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Presses Tab until the focused element matches, failing after `max` presses. */
  async tabTo(name: string | RegExp, max = 80): Promise<void> {
    await this.settled();
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.focusedName();
      if (typeof name === 'string' ? focused === name : name.test(focused)) return;
    }
    throw new Error(`never reached ${String(name)} with Tab`);
  }

  /** Presses ArrowDown in the list until the focused row matches. */
  async arrowTo(name: RegExp, max = 100): Promise<void> {
    await this.settled();
    for (let i = 0; i < max; i++) {
      if (name.test(await this.focusedName())) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`never reached ${String(name)} with ArrowDown`);
  }

  async clickCheckbox(name: string | RegExp): Promise<void> {
    await this.page.getByRole('checkbox', { name }).first().click();
  }

  async clickButton(name: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).first().click();
  }

  async goBack(): Promise<void> {
    // As a reader would: after the last change has reached the address bar.
    await this.nextPaintedFrame();
    await this.page.goBack();
  }

  // ---------------------------------------------------------------- then

  /**
   * Waits until the page shows the answer to its current state: the data backend works in a
   * worker, so the list, the profile and the map's highlights arrive a moment after the action.
   * The app marks such regions aria-busy, for assistive technology and for this.
   */
  async settled(timeout = 15_000): Promise<void> {
    await this.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, {
      timeout,
      polling: 50,
    });
  }

  async mapIdle(timeout = 30_000): Promise<void> {
    // Idle, and idle since it was handed the latest actor data: not idle on the previous data.
    await this.page.waitForFunction(
      () => {
        const m = window.aktorskartanMap;
        if (!m?.isIdle()) return false;
        const last = m.idleLog().at(-1);
        return last !== undefined && last.dataVersion === m.dataVersion();
      },
      null,
      {
        timeout,
        polling: 100,
      },
    );
  }

  /** How many actors the map shows: markers (with their occupants) plus cluster counts. */
  async actorsOnMap(): Promise<number> {
    await this.settled();
    await this.mapIdle();
    return this.page.evaluate(() => {
      const m = window.aktorskartanMap;
      return (
        m.renderedPlaces().reduce((n, p) => n + p.count, 0) +
        m.renderedClusters().reduce((n, c) => n + c, 0)
      );
    });
  }

  /** Relation lines on the map: the actors they lead to, by style. */
  async relationLines(): Promise<{ to: string; style: string; inactive: boolean }[]> {
    await this.settled();
    await this.mapIdle();
    return this.page.evaluate(() => window.aktorskartanMap.focusLines());
  }

  /** Town names on the map, once there are any (they follow the first actors). */
  async townNames(): Promise<string[]> {
    await this.page.waitForFunction(() => window.aktorskartanMap.townNames().length > 0);
    return this.page.evaluate(() => window.aktorskartanMap.townNames());
  }

  /** Single-place markers drawn (clusters not counted). */
  async markersOnMap(): Promise<number> {
    await this.mapIdle();
    return this.page.evaluate(() => window.aktorskartanMap.renderedPlaces().length);
  }

  /** Whether the page has set a User Timing mark of this name, waiting up to `timeout` ms. */
  async hasMark(name: string, timeout = 0): Promise<boolean> {
    const has = () =>
      this.page.evaluate((n) => performance.getEntriesByName(n, 'mark').length > 0, name);
    if (timeout > 0) {
      await this.page
        .waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, {
          timeout,
        })
        .catch(() => undefined);
    }
    return has();
  }

  /** Land and lake shapes the embedded basemap draws in view, per layer. */
  async basemapShapes(): Promise<Record<string, number>> {
    await this.mapIdle();
    return this.page.evaluate(() => window.aktorskartanMap.basemapShapes());
  }

  /** Whether MapLibre draws its sky pass on each frame. */
  async drawsSky(): Promise<boolean> {
    await this.mapIdle();
    return this.page.evaluate(() => window.aktorskartanMap.drawsSky());
  }

  /**
   * Whether the map's WebGL drawing buffer has an alpha channel (asking a canvas for the context
   * it already has returns that context, whatever the attributes).
   */
  async mapCanvasHasAlpha(): Promise<boolean | null> {
    return this.page
      .locator('.maplibregl-canvas')
      .evaluate(
        (el) =>
          (el as HTMLCanvasElement).getContext('webgl2')?.getContextAttributes()?.alpha ?? null,
      );
  }

  /** Whether the map's canvas is shown, and the colour of the frame behind it. */
  async mapCanvasLook(): Promise<{ visibility: string; frameColor: string }> {
    const canvas = this.page.locator('.maplibregl-canvas');
    await canvas.waitFor({ state: 'attached' });
    return {
      visibility: await canvas.evaluate((el) => getComputedStyle(el).visibility),
      frameColor: await this.page
        .locator('.map-frame')
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    };
  }

  /** A User Timing mark's time and detail, or null when the page has not set it. */
  async mark(name: string): Promise<{ at: number; detail: unknown } | null> {
    return this.page.evaluate((n) => {
      const m = performance.getEntriesByName(n, 'mark')[0] as PerformanceMark | undefined;
      return m ? { at: m.startTime, detail: m.detail as unknown } : null;
    }, name);
  }

  /**
   * How many animation frames began after the frame (or the task after it) in which the first
   * mark `from` was set, up to the frame of the first mark `to` (first 10 s only).
   */
  async framesBetweenMarks(from: string, to: string): Promise<number | null> {
    return this.page.evaluate(
      (names) => {
        const frames = (window as unknown as { markFrames: Record<string, number[]> }).markFrames;
        const a = frames[names.from]?.[0];
        const b = frames[names.to]?.[0];
        return a === undefined || b === undefined ? null : b - a;
      },
      { from, to },
    );
  }

  /** When the page first asked a canvas for WebGL 2 (needs the recordWebGLContext option). */
  async webglContextRequestedAt(): Promise<number | null> {
    return this.page.evaluate(
      () =>
        (window as unknown as { webglContextRequestedAt?: number }).webglContextRequestedAt ?? null,
    );
  }

  /** The images the map holds (marker icons). */
  async mapImages(): Promise<string[]> {
    return this.page.evaluate(() => window.aktorskartanMap.imageIds());
  }

  /** The map's layers, bottom to top. */
  async mapLayerOrder(): Promise<string[]> {
    return this.page.evaluate(() => window.aktorskartanMap.layerOrder());
  }

  /** Actors brought forward on the map (the open actor or programme and its ties). */
  async focusedActors(): Promise<string[]> {
    await this.settled();
    await this.mapIdle();
    return this.page.evaluate(() => window.aktorskartanMap.focusMarkers().map((m) => m.id));
  }

  async chooseYear(year: number | null): Promise<void> {
    await this.page
      .getByRole('combobox', { name: /Som läget var år|As of year/ })
      .selectOption(year === null ? '' : String(year));
  }

  /** The text of the open panel, for checking what it lists. */
  async panelText(): Promise<string> {
    await this.settled();
    return ((await this.page.locator('.panel').first().textContent()) ?? '').replace(/\s+/g, ' ');
  }

  /**
   * What the page shows at this moment, without waiting for it to settle: the result count, the
   * names in the list, the actors drawn, and whether it says the full data is still coming.
   */
  async shownNow(): Promise<{ count: string; names: string[]; onMap: number; preparing: boolean }> {
    return this.page.evaluate(() => {
      const m = window.aktorskartanMap;
      return {
        count: document.querySelector('.result-count')?.textContent ?? '',
        names: [...document.querySelectorAll('.actor-rows .actor-row-name')].map(
          (el) => el.textContent ?? '',
        ),
        onMap: m
          ? m.renderedPlaces().reduce((n, p) => n + p.count, 0) +
            m.renderedClusters().reduce((n, c) => n + c, 0)
          : 0,
        preparing: document.querySelector('[data-testid="preparing-full"]') !== null,
      };
    });
  }

  async renderedPlaceIds(): Promise<string[]> {
    await this.settled();
    await this.mapIdle();
    return this.page.evaluate(() => window.aktorskartanMap.renderedPlaces().map((p) => p.placeId));
  }

  async mapZoom(): Promise<number> {
    return this.page.evaluate(() => window.aktorskartanMap.zoom());
  }

  /** Names in the list, as rendered (without the short names shown beside them while searching). */
  async listNames(): Promise<string[]> {
    await this.settled();
    return this.page.locator('.actor-list .actor-row-name').evaluateAll((els) =>
      els.map((el) =>
        [...el.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.classList.contains('actor-row-aka')))
          .map((n) => n.textContent)
          .join('')
          .trim(),
      ),
    );
  }

  /** Clicks a related actor or programme inside the open profile. */
  async clickInPanel(name: string | RegExp): Promise<void> {
    await this.page.locator('.panel').getByRole('button', { name }).first().click();
  }

  async panelHeading(): Promise<string | null> {
    await this.settled();
    const heading = this.page.locator('.panel h2').first();
    return (await heading.count()) ? heading.textContent() : null;
  }

  async focusedName(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labels = (el as HTMLInputElement).labels;
      const text =
        el.getAttribute('aria-label') ??
        (labels && labels[0] ? labels[0].textContent : null) ??
        el.textContent ??
        '';
      return text.replace(/\s+/g, ' ').trim();
    });
  }

  /** The focused list row: its place in the list, whether it is wholly in view, its name. */
  async focusedRow(): Promise<{ position: number; of: number; inView: boolean; name: string }> {
    return this.page.evaluate(() => {
      const li = document.activeElement?.closest('.actor-rows > li');
      const scroller = document.querySelector('.actor-scroll');
      if (!li || !scroller) return { position: -1, of: -1, inView: false, name: '' };
      const row = li.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return {
        position: Number(li.getAttribute('aria-posinset')),
        of: Number(li.getAttribute('aria-setsize')),
        inView: row.top >= view.top - 0.5 && row.bottom <= view.bottom + 0.5,
        name: li.querySelector('.actor-row-name')?.getAttribute('title') ?? '',
      };
    });
  }

  /** Heights of the rendered list rows, and how many rows are rendered. */
  async listRowHeights(): Promise<number[]> {
    return this.page
      .locator('.actor-rows > li')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  }

  async text(role: 'alert' | 'status' | 'note' | 'dialog'): Promise<string> {
    return (await this.page.getByRole(role).allTextContents()).join(' | ');
  }

  async hasText(text: string | RegExp): Promise<boolean> {
    return (await this.page.getByText(text).count()) > 0;
  }

  async waitForButton(name: string | RegExp, timeout = 15_000): Promise<void> {
    await this.page.getByRole('button', { name }).first().waitFor({ timeout });
  }

  async waitForText(text: string | RegExp, timeout = 15_000): Promise<void> {
    await this.page.getByText(text).first().waitFor({ timeout });
  }

  async waitForNoText(text: string | RegExp, timeout = 15_000): Promise<void> {
    await this.page.getByText(text).first().waitFor({ state: 'detached', timeout });
  }

  /**
   * The address bar, as a reader sees it once the page has drawn: the app writes the address
   * after the frame that shows a change (see src/app/url-store.ts).
   */
  async url(): Promise<URL> {
    await this.nextPaintedFrame();
    return new URL(this.page.url());
  }

  /** Resolves in the first task after the page's next frame. */
  private nextPaintedFrame(): Promise<void> {
    return this.page.evaluate(
      () =>
        new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 0))),
    );
  }

  htmlLang(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  async axe(): Promise<AxeViolation[]> {
    await this.page.evaluate(AXE_SOURCE);
    return this.page.evaluate(async (tags) => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    }, AXE_TAGS);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  // ---------------------------------------------------------------- the failing world

  async setOffline(offline: boolean): Promise<void> {
    await this.context.setOffline(offline);
  }

  async reload(waitForMap = true): Promise<void> {
    await this.page.reload();
    await this.page.getByRole('heading', { level: 1 }).first().waitFor();
    if (waitForMap) await this.mapIdle();
  }

  /**
   * Waits until the service worker has cached the app and controls the page. A new worker waits
   * for the reader's consent before taking over (no silent swaps), so the first visit is only
   * controlled after one reload, as it would be for a reader coming back.
   */
  /** Whether a service worker has been registered and is active, without reloading the page. */
  async serviceWorkerActive(): Promise<boolean> {
    return this.page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active !== null));
  }

  async serviceWorkerReady(): Promise<void> {
    await this.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const controlled = await this.page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!controlled) await this.reload();
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  async loseWebGLContext(): Promise<void> {
    await this.page.evaluate(() => {
      const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement | null;
      (canvas?.getContext('webgl2') as WebGL2RenderingContext | null)
        ?.getExtension('WEBGL_lose_context')
        ?.loseContext();
    });
  }

  /** Injects an inline script and an inline event handler; true when the page's policy blocked both. */
  async scriptInjectionBlocked(): Promise<boolean> {
    await this.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline script"';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__pwned = "inline handler"');
      img.src = 'data:,broken';
      document.body.append(img);
    });
    await this.page.waitForTimeout(300);
    return this.page.evaluate(
      () => (window as unknown as { __pwned?: unknown }).__pwned === undefined,
    );
  }

  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }

  async polluted(): Promise<boolean> {
    return this.page
      .evaluate(() => ({}) as Record<string, unknown>)
      .then(() =>
        this.page.evaluate(
          () => (Object.prototype as Record<string, unknown>).polluted !== undefined,
        ),
      );
  }

  // ---------------------------------------------------------------- statistics, export, embed

  async chooseTab(name: 'Lista' | 'Statistik' | 'List' | 'Statistics'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** The bars of one chart, as read from their buttons: label and count. */
  async chartBars(chart: string): Promise<{ label: string; count: number; pressed: boolean }[]> {
    await this.settled();
    const section = this.page.locator('.chart').filter({
      has: this.page.getByRole('heading', { name: chart, exact: true }),
    });
    const more = section.getByRole('button', { name: /^Visa alla/ });
    if (await more.count()) await more.click();
    return section.locator('.bar').evaluateAll((bars) =>
      bars.map((b) => ({
        label: b.querySelector('.bar-label')?.textContent ?? '',
        count: Number((b.querySelector('.bar-value')?.textContent ?? '').replace(/\s/g, '')),
        pressed: b.getAttribute('aria-pressed') === 'true',
      })),
    );
  }

  async clickBar(chart: string, label: string | RegExp): Promise<void> {
    const section = this.page.locator('.chart').filter({
      has: this.page.getByRole('heading', { name: chart, exact: true }),
    });
    await section.locator('.bar').filter({ hasText: label }).first().click();
  }

  /** Rows of the coverage table: facility, then one cell per part of the region. */
  async coverageRows(): Promise<string[][]> {
    await this.settled();
    return this.page
      .locator('.coverage-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())),
      );
  }

  /** Opens the download dialog, asks for one file and returns it. */
  async download(button: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
    await this.settled();
    const dialog = this.page.getByRole('dialog');
    if (!(await dialog.isVisible()))
      await this.page.getByRole('button', { name: 'Ladda ner' }).click();
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('dialog').getByRole('button', { name: button }).click(),
    ]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  /** The iframe code the embed dialog offers. */
  async embedCode(): Promise<string> {
    await this.page.getByRole('button', { name: 'Bädda in' }).click();
    return this.page.getByRole('dialog').getByRole('textbox').inputValue();
  }

  /**
   * Puts the given HTML on a page of another origin (a partner site) and returns the first
   * frame in it, once the embedded app has settled.
   */
  async openPartnerPage(html: string): Promise<EmbeddedApp> {
    // A real server on another port: another origin, on this machine. (A page faked with
    // page.route counts as public, and Chromium blocks public pages from framing local ones.)
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    this.page.once('close', () => server.close());
    const { port } = server.address() as AddressInfo;
    await this.page.goto(`http://127.0.0.1:${port}/partner.html`);
    const handle = await this.page.waitForSelector('iframe');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('the iframe has no content');
    const embedded = new EmbeddedApp(frame);
    await embedded.settled();
    return embedded;
  }

  /** Rows of the problems dialog: record, field, problem, effect. */
  async problemRows(): Promise<string[][]> {
    return this.page
      .locator('table.problems tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent ?? '')),
      );
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  private listRow(name: string | RegExp) {
    return this.page.locator('.actor-list').getByRole('button', { name });
  }
}

/** The app inside a partner's iframe. */
export class EmbeddedApp {
  constructor(private readonly frame: Frame) {}

  async settled(): Promise<void> {
    await this.frame.getByRole('heading', { level: 1 }).first().waitFor();
    await this.frame.waitForFunction(
      () =>
        document.querySelector('.actor-list') !== null &&
        !document.querySelector('[aria-busy="true"]') &&
        window.aktorskartanMap?.isIdle() &&
        window.aktorskartanMap.idleLog().at(-1)?.dataVersion ===
          window.aktorskartanMap.dataVersion(),
      null,
      { timeout: 30_000, polling: 100 },
    );
  }

  async listNames(): Promise<string[]> {
    await this.settled();
    return this.frame
      .locator('.actor-list .actor-row-name')
      .evaluateAll((els) => els.map((el) => (el.firstChild?.textContent ?? '').trim()));
  }

  async hasFilterPanel(): Promise<boolean> {
    return (await this.frame.getByRole('group', { name: 'Typ av aktör' }).count()) > 0;
  }

  async fullMapLink(): Promise<string | null> {
    return this.frame.getByRole('link', { name: /Öppna hela kartan/ }).getAttribute('href');
  }

  async clickActor(name: string | RegExp): Promise<void> {
    await this.frame.locator('.actor-list').getByRole('button', { name }).first().click();
  }

  async panelHeading(): Promise<string | null> {
    await this.settled();
    const heading = this.frame.locator('.panel h2').first();
    return (await heading.count()) ? heading.textContent() : null;
  }

  async actorsOnMap(): Promise<number> {
    await this.settled();
    return this.frame.evaluate(() => {
      const m = window.aktorskartanMap;
      return (
        m.renderedPlaces().reduce((n, p) => n + p.count, 0) +
        m.renderedClusters().reduce((n, c) => n + c, 0)
      );
    });
  }

  async axe(): Promise<AxeViolation[]> {
    await this.frame.evaluate(AXE_SOURCE);
    return this.frame.evaluate(async (tags) => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    }, AXE_TAGS);
  }
}

export async function openApp(path = '/', options: OpenOptions = {}): Promise<AppDriver> {
  const b = await sharedBrowser();
  const context = await b.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    reducedMotion: options.reducedMotion === false ? 'no-preference' : 'reduce',
    locale: 'sv-SE',
    serviceWorkers: options.serviceWorkers ? 'allow' : 'block',
  });
  const page = await context.newPage();
  const app = new AppDriver(context, page, options.baseUrl ?? inject('baseUrl'));
  // Any Content-Security-Policy violation fails the test through the console-error check.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  // Which animation frame each User Timing mark was set in (see framesBetweenMarks). Frames are
  // told apart by their timestamp, which every callback of one frame shares. Comparing a frame's
  // timestamp with a mark's time does not work: when the page's thread is late, Chromium hands
  // the next frame the time its vsync came, which can be earlier than a mark set late in the
  // frame before (seen in CI: one frame counted where two had passed).
  await page.addInitScript(() => {
    const w = window as unknown as { frameIndex: number; markFrames: Record<string, number[]> };
    w.frameIndex = 0;
    w.markFrames = {};
    let lastTimestamp = -1;
    const request = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) =>
      request((t) => {
        if (t !== lastTimestamp) {
          lastTimestamp = t;
          w.frameIndex += 1;
        }
        callback(t);
      });
    const mark = performance.mark.bind(performance);
    performance.mark = (name, options) => {
      (w.markFrames[name] ??= []).push(w.frameIndex);
      return mark(name, options);
    };
    // A callback in every frame of the first 10 s, so that no frame goes uncounted.
    const tick = (t: number) => {
      if (t < 10_000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  if (options.noWebGL || options.recordWebGLContext) {
    // One wrapper of getContext: it refuses WebGL (noWebGL) and notes when WebGL 2 is first
    // asked for (recordWebGLContext).
    await page.addInitScript(
      ({ refuse, record }) => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (
          this: HTMLCanvasElement,
          type: string,
          ...rest: unknown[]
        ) {
          if (record && type === 'webgl2') {
            const w = window as unknown as { webglContextRequestedAt?: number };
            w.webglContextRequestedAt ??= performance.now();
          }
          if (refuse && (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl'))
            return null;
          return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
        } as typeof original;
      },
      { refuse: options.noWebGL === true, record: options.recordWebGLContext === true },
    );
  }
  const { basemapDelayMs, basemapStatus } = options;
  if (basemapDelayMs || basemapStatus) {
    await page.route('**/basemap/tiles/**', async (route: Route) => {
      if (basemapDelayMs) await new Promise((done) => setTimeout(done, basemapDelayMs));
      if (basemapStatus) await route.fulfill({ status: basemapStatus, body: 'no land here' });
      else await route.fallback();
    });
  }
  // The dataset and its summary snapshot, each counted, and answered as the test says (a test
  // that replaces the dataset gets no snapshot unless it gives one: one of other data would show
  // first).
  const snapshot =
    options.snapshot ?? (options.dataset ? { status: 404, body: 'no snapshot' } : undefined);
  await page.route('**/data/aktorskartan.summary.json', (route: Route) => {
    app.snapshotRequests += 1;
    return respond(route, snapshot, 'application/json');
  });
  const dataset = options.dataset;
  await page.route('**/data/aktorskartan.geojson', (route: Route) => {
    app.datasetRequests += 1;
    const r = typeof dataset === 'function' ? dataset(app.datasetRequests) : dataset;
    return respond(route, r, 'application/geo+json');
  });
  await app.goto(path, options.waitForMap ?? !options.noWebGL);
  return app;
}

/** Answers a request as a test asked: as served (no answer given, or neither body nor status), or not. */
async function respond(
  route: Route,
  r: DatasetResponse | undefined,
  contentType: string,
): Promise<void> {
  if (r?.delayMs) await new Promise((done) => setTimeout(done, r.delayMs));
  if (r?.trickle) return route.continue({ url: await trickleServer(r.trickle, contentType) });
  if (r?.fail) return route.abort('failed');
  if (r === undefined || (r.body === undefined && r.status === undefined)) return route.continue();
  return route.fulfill({ status: r.status ?? 200, contentType, body: r.body ?? '' });
}

/**
 * A server on this machine that sends one body in pieces, slowly; page.route cannot (it answers
 * with a whole body). The request is passed on to it, so the page still sees its own URL.
 */
async function trickleServer(
  { pieces, intervalMs }: { pieces: string[]; intervalMs: number },
  contentType: string,
): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    let next = 0;
    const send = () => {
      if (next === pieces.length) {
        res.end();
        server.close();
        return;
      }
      res.write(pieces[next++]);
      setTimeout(send, intervalMs);
    };
    send();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/aktorskartan.geojson`;
}

/** The shipped dataset, as the app fetches it. */
export function shippedDataset(): {
  features: { id: string; geometry: unknown; properties: { name: string; kind: string } }[];
} {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '../../dist/data/aktorskartan.geojson'), 'utf8'),
  ) as never;
}

declare global {
  interface Window {
    aktorskartanMap: {
      renderedPlaces: () => { placeId: string; count: number }[];
      renderedClusters: () => number[];
      project: (lon: number, lat: number) => { x: number; y: number };
      isIdle: () => boolean;
      idleLog: () => { time: number; dataVersion: number }[];
      dataVersion: () => number;
      actorsHanded: () => number;
      zoom: () => number;
      firstClusterPoint: () => { x: number; y: number } | null;
      focusLines: () => { to: string; style: string; inactive: boolean }[];
      focusMarkers: () => { id: string; centre: boolean; coordinates: [number, number] }[];
      townNames: () => string[];
      basemapShapes: () => Record<string, number>;
      drawsSky: () => boolean;
      labelFade: () => number | null;
      layerOrder: () => string[];
      imageIds: () => string[];
    };
    axe: {
      run: (
        context: Document,
        options: unknown,
      ) => Promise<{
        violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
      }>;
    };
  }
}
