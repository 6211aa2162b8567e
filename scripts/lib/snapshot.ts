/**
 * Writes a dataset's summary snapshot (src/data/summary-snapshot.ts) from the published file's
 * text, read exactly as the app's worker reads it, so that the two say the same.
 */
import { writeFileSync } from 'node:fs';
import { summarize } from '../../src/data/backend.ts';
import { parseDataset } from '../../src/data/parse-dataset.ts';
import { encodeSummary } from '../../src/data/summary-snapshot.ts';
import { buildActorIndex } from '../../src/domain/results.ts';

export const snapshotPathOf = (geojsonPath: string) =>
  geojsonPath.replace(/\.geojson$/, '.summary.json');

export function snapshotOf(publishedText: string): string {
  const dataset = parseDataset(JSON.parse(publishedText));
  return encodeSummary(summarize(dataset, buildActorIndex(dataset)));
}

/** Writes `<name>.summary.json` beside `<name>.geojson`; returns its path. */
export function writeSnapshot(geojsonPath: string, publishedText: string): string {
  const path = snapshotPathOf(geojsonPath);
  writeFileSync(path, snapshotOf(publishedText));
  return path;
}
