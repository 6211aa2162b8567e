/**
 * Starts the dataset, and the first result set after it, before React has rendered anything:
 * the data worker boots and fetches while the page lays itself out, and the first results are
 * computed while the page renders the loaded dataset (the page may list them itself, but the
 * facet counts come from the worker). The options are the hooks' own, so the components find
 * both answers in the query cache (a failure shows there too, with its retry). After a first
 * view from the summary snapshot nothing is asked: the worker's answers hold positions in the
 * full file, which the snapshot's view may not share (use-results.ts waits for the full file's
 * word), and for the unrestricted first screen, which the page answers whole (page-results.ts),
 * asking would make the worker read the full file while the map draws.
 */
import type { QueryClient } from '@tanstack/react-query';
import { datasetQueryOptions } from '@/data/load-dataset.ts';
import { countsOnPage, orderOnPage } from '@/data/page-results.ts';
import { config } from './config.ts';
import { warmUpMatchingLater } from './warm-up-matching.ts';
import { resultRequestOf, resultsQueryOptions } from './use-results.ts';
import { getUrlState } from './url-store.ts';

export function startLoading(client: QueryClient): void {
  client
    .fetchQuery(datasetQueryOptions(config.dataUrl))
    .then((dataset) => {
      warmUpMatchingLater(dataset);
      const request = resultRequestOf(getUrlState(), null);
      if (dataset.provisional) return;
      if (orderOnPage(dataset, request) !== null && countsOnPage(dataset, request) !== null) return;
      return client.prefetchQuery(resultsQueryOptions(dataset, request));
    })
    .catch(() => {
      // The dataset query holds the error; the page shows it with a retry.
    });
}
