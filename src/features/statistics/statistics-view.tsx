/**
 * The statistics beside the list: the actors shown, counted by kind, sector, facility type,
 * programme and municipality, and where the gaps are. It follows the same result request as the
 * list, so search, filters, the year and "search as I move the map" all apply.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useUiStore } from '@/app/ui-store.ts';
import { useResultRequest } from '@/app/use-results.ts';
import { useUrlState } from '@/app/url-store.ts';
import { getBackend } from '@/data/create-backend.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import { collator } from '@/domain/collation.ts';
import { barsOf } from '@/domain/statistics.ts';
import { FACETS } from '@/domain/url-state.ts';
import { FACET_TITLE, facetValueLabel } from '@/features/filters/facet-labels.ts';
import { toggleFilter } from '@/features/filters/filter-panel.tsx';
import { formatNumber, locale, useLang, useMessages } from '@/i18n/i18n.ts';
import { BarChart } from './bar-chart.tsx';
import { CoverageView } from './coverage-view.tsx';

export function StatisticsView({ dataset }: { dataset: DatasetView }) {
  const t = useMessages();
  const lang = useLang();
  const filters = useUrlState((s) => s.filters);
  const { request, typing } = useResultRequest();
  const query = useQuery({
    queryKey: ['statistics', dataset.metadata.version, dataset.actorCount, request],
    queryFn: () => getBackend().statistics(request),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30_000,
  });
  const statistics = query.data;
  const charts = useMemo(() => {
    if (!statistics) return [];
    const compare = collator(locale(lang)).compare;
    return FACETS.map((facet) => ({
      facet,
      title: FACET_TITLE[facet](t),
      bars: barsOf(
        dataset.facetValues[facet],
        statistics.counts[facet],
        (id) => facetValueLabel(dataset, facet, id, lang),
        compare,
      ),
      without: statistics.without[facet],
    }));
  }, [statistics, dataset, lang, t]);
  const searchPending = useUiStore((s) => s.searchPending);
  const busy = searchPending || typing || query.isPending || query.isPlaceholderData;

  return (
    <section className="statistics" aria-labelledby="statistics-heading" aria-busy={busy}>
      <h2 id="statistics-heading" className="visually-hidden" tabIndex={-1}>
        {t.tabStats}
      </h2>
      {query.isError ? (
        <p className="status status-error" role="alert">
          {t.statsFailed}
        </p>
      ) : !statistics ? (
        <p className="status">{t.statsLoading}</p>
      ) : statistics.total === 0 ? (
        <p>{t.statsEmpty}</p>
      ) : (
        <>
          <p className="chart-summary">{t.statsIntro(formatNumber(statistics.total, lang))}</p>
          {charts.map((c) => (
            <BarChart
              key={c.facet}
              title={c.title}
              bars={c.bars}
              without={c.without}
              selected={filters[c.facet]}
              onToggle={(id) => toggleFilter(c.facet, id)}
            />
          ))}
          <CoverageView
            dataset={dataset}
            statistics={statistics}
            onMunicipality={(id) => toggleFilter('municipality', id)}
          />
        </>
      )}
    </section>
  );
}
