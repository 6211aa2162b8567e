/**
 * The Leaflet + Leaflet.markercluster baseline (bench/leaflet/), measured in the same browser on
 * the same dataset as the app: time to first render (navigation start → clusters painted) and
 * time to apply a filter (clearLayers + addLayers with the same facet rule → next paint).
 * Each run is a fresh context; the filter is applied once per run, then cleared (not measured).
 */
import type { Browser } from 'playwright-core';
import type { BrowserMetric } from './browser-metrics.ts';
import { newBenchContext } from './launch.ts';

export const LEAFLET_METRIC = {
  firstRender: 'Leaflet: navigation → clusters rendered',
  filter: 'Leaflet: apply filter → next paint',
} as const;

interface BaselineWindow {
  baseline: {
    firstRender: number | null;
    error: string | null;
    applyFilter: ((sector: string | null) => Promise<number>) | null;
  };
}

const TIMEOUT_MS = 600_000;

export interface LeafletRunOptions {
  size: number | 'real';
  runs: number;
  /** The sector id the app's filter click selected. */
  filterValue: string | null;
  mapSize: { width: number; height: number } | null;
  log?: (line: string) => void;
}

export async function leafletMetrics(
  browser: Browser,
  baseUrl: string,
  options: LeafletRunOptions,
): Promise<BrowserMetric[]> {
  const { size, runs, filterValue, mapSize } = options;
  const log = options.log ?? (() => {});
  const first: number[] = [];
  const filter: number[] = [];
  const query = mapSize ? `?w=${mapSize.width}&h=${mapSize.height}` : '';
  for (let run = 0; run < runs; run++) {
    const context = await newBenchContext(browser);
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${baseUrl}/leaflet/${query}`);
      await page.waitForFunction(
        () => {
          const b = (window as unknown as BaselineWindow).baseline;
          return b.firstRender !== null || b.error !== null;
        },
        null,
        { timeout: TIMEOUT_MS, polling: 250 },
      );
      const state = await page.evaluate(() => {
        const b = (window as unknown as BaselineWindow).baseline;
        return { firstRender: b.firstRender, error: b.error };
      });
      if (state.firstRender === null)
        throw new Error(`Leaflet baseline failed: ${state.error} ${errors.join('; ')}`);
      first.push(state.firstRender);
      await page.waitForTimeout(500);
      if (filterValue) {
        const ms = await page.evaluate(async (sector) => {
          const b = (window as unknown as BaselineWindow).baseline;
          if (!b.applyFilter) throw new Error('no applyFilter');
          return b.applyFilter(sector);
        }, filterValue);
        filter.push(ms);
      }
      log(
        `  Leaflet run ${run + 1}/${runs}: rendered ${state.firstRender.toFixed(0)} ms` +
          (filter.length > run ? `, filter ${filter[run]?.toFixed(0)} ms` : ''),
      );
    } finally {
      await context.close();
    }
  }
  return [
    { name: LEAFLET_METRIC.firstRender, size, samples: first, unit: 'ms', runs },
    ...(filter.length > 0
      ? [{ name: LEAFLET_METRIC.filter, size, samples: filter, unit: 'ms' as const, runs }]
      : []),
  ];
}
