import { useMemo, useState } from 'react';
import type { ResultSet } from '@/app/use-results.ts';
import { openProgramme } from '@/app/selection.ts';
import { setUrlState, useUrlState } from '@/app/url-store.ts';
import { programmeActivity } from '@/domain/time.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import { collator } from '@/domain/collation.ts';
import { FACETS, type Facet } from '@/domain/url-state.ts';
import { formatNumber, locale, useLang, useMessages } from '@/i18n/i18n.ts';
import { InfoIcon } from '@/ui/info-icon.tsx';
import { FACET_TITLE, facetValueLabel } from './facet-labels.ts';

const VISIBLE_VALUES = 5;

export function toggleFilter(facet: Facet, value: string) {
  setUrlState((s) => {
    const current = s.filters[facet];
    const next = current.includes(value)
      ? current.filter((v) => v !== value)
      : [...current, value].sort();
    return { ...s, filters: { ...s.filters, [facet]: next } };
  }, 'push');
}

/**
 * The facets. Each value shows how many actors choosing it would give; values that would give
 * none stay visible, marked as such, so the reader sees what exists.
 */
export function FilterPanel({ dataset, results }: { dataset: DatasetView; results: ResultSet }) {
  const t = useMessages();
  const filters = useUrlState((s) => s.filters);
  const activeCount = FACETS.reduce((n, f) => n + filters[f].length, 0);
  return (
    <details className="filter-panel" open aria-busy={results.countsBusy}>
      <summary>
        {t.filters}
        {activeCount > 0 && <span className="badge">{activeCount}</span>}
      </summary>
      {FACETS.map((facet) => (
        <FacetGroup key={facet} facet={facet} dataset={dataset} results={results} />
      ))}
    </details>
  );
}

function FacetGroup({
  facet,
  dataset,
  results,
}: {
  facet: Facet;
  dataset: DatasetView;
  results: ResultSet;
}) {
  const t = useMessages();
  const lang = useLang();
  const selected = useUrlState((s) => s.filters[facet]);
  const year = useUrlState((s) => s.year);
  const [expanded, setExpanded] = useState(false);
  // A stable order for values: by how many actors hold them in all, not by the current counts,
  // so checkboxes do not jump under the pointer.
  const values = useMemo(() => {
    const c = collator(locale(lang));
    const totals = dataset.facetTotals[facet];
    return dataset.facetValues[facet]
      .map((id, code) => ({
        id,
        code,
        total: totals[code] ?? 0,
        label: facetValueLabel(dataset, facet, id, lang),
      }))
      .sort((a, b) => b.total - a.total || c.compare(a.label, b.label));
  }, [dataset, facet, lang]);
  if (values.length === 0) return null;
  // Selected values always stay in view, even beyond the first few.
  const shown = expanded
    ? values
    : values.filter((v, i) => i < VISIBLE_VALUES || selected.includes(v.id));
  const title = FACET_TITLE[facet](t);
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      <ul>
        {shown.map((v) => {
          // Until the first answer arrives there is no count to show, and "0" would be a lie.
          const count = results.countsReady ? (results.counts[facet][v.code] ?? 0) : null;
          const checked = selected.includes(v.id);
          const programme = facet === 'programme' ? dataset.programmeById.get(v.id) : undefined;
          const inactive =
            programme !== undefined &&
            year !== null &&
            programmeActivity(programme.period, year) === 'inactive';
          return (
            <li
              key={v.id}
              className={count === 0 && !checked ? 'facet-value is-empty' : 'facet-value'}
            >
              <label>
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => toggleFilter(facet, v.id)}
                />
                <span className={inactive ? 'facet-label is-inactive' : 'facet-label'}>
                  {v.label}
                  {inactive && year !== null && (
                    <span className="muted"> ({t.notActiveIn(year)})</span>
                  )}
                </span>
                {count !== null && (
                  <span className="facet-count">
                    {formatNumber(count, lang)}
                    {count === 0 && <span className="visually-hidden"> ({t.valueNone})</span>}
                  </span>
                )}
              </label>
              {programme && (
                <button
                  type="button"
                  className="icon-button info-button"
                  aria-label={t.openProgramme(programme.name)}
                  title={t.openProgramme(programme.name)}
                  onClick={() => openProgramme(programme.id)}
                >
                  <InfoIcon />
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {values.length > VISIBLE_VALUES && (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t.showFewerValues : t.showAllValues(values.length)}
        </button>
      )}
    </fieldset>
  );
}
