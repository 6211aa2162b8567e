import { setUrlState, useUrlState } from '@/app/url-store.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import { EMPTY_FILTERS, FACETS } from '@/domain/url-state.ts';
import { useLang, useMessages } from '@/i18n/i18n.ts';
import { FACET_TITLE, facetValueLabel } from './facet-labels.ts';
import { toggleFilter } from './filter-panel.tsx';

/** The active filters as removable chips, and one button to clear them all. */
export function ActiveFilters({ dataset }: { dataset: DatasetView }) {
  const t = useMessages();
  const lang = useLang();
  const filters = useUrlState((s) => s.filters);
  const chips = FACETS.flatMap((facet) => filters[facet].map((value) => ({ facet, value })));
  if (chips.length === 0) return null;
  return (
    <section className="active-filters" aria-label={t.activeFilters}>
      <ul>
        {chips.map(({ facet, value }) => {
          const valueLabel = facetValueLabel(dataset, facet, value, lang);
          const facetLabel = FACET_TITLE[facet](t);
          return (
            <li key={`${facet}:${value}`}>
              <button
                type="button"
                className="chip"
                aria-label={t.removeFilter(facetLabel, valueLabel)}
                onClick={() => toggleFilter(facet, value)}
              >
                <span className="chip-facet">{facetLabel}:</span> {valueLabel}{' '}
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="link-button"
        onClick={() => setUrlState({ filters: EMPTY_FILTERS }, 'push')}
      >
        {t.clearAll}
      </button>
    </section>
  );
}
