/**
 * Where the gaps are: facility types by part of the region, and municipalities that have actors
 * but no core facility. Counts come from the statistics of the actors shown.
 */
import { useId } from 'react';
import type { DatasetView } from '@/data/dataset-view.ts';
import { ZONES, type Statistics, type Zone } from '@/domain/statistics.ts';
import { formatNumber, label, useLang, useMessages } from '@/i18n/i18n.ts';
import type { Messages } from '@/i18n/messages.ts';

const ZONE_LABEL: Record<Zone, (t: Messages) => string> = {
  north: (t) => t.zoneNorth,
  stockholm: (t) => t.zoneStockholm,
  south: (t) => t.zoneSouth,
};

interface CoverageViewProps {
  dataset: DatasetView;
  statistics: Statistics;
  onMunicipality: (id: string) => void;
}

export function CoverageView({ dataset, statistics, onMunicipality }: CoverageViewProps) {
  const t = useMessages();
  const lang = useLang();
  const headingId = useId();
  const { coverage } = statistics;
  const facilities = dataset.facetValues.facility;
  const municipalities = dataset.facetValues.municipality;
  // Vocabulary order: the curators' order of facility types, stable whatever is shown.
  const rows = [...dataset.vocab.facilityTypes.keys()].flatMap((id) => {
    const code = facilities.indexOf(id);
    return code < 0
      ? []
      : [{ id, code, label: label(dataset.vocab.facilityTypes.get(id)?.label, lang) }];
  });
  const placed = ZONES.reduce((n, z) => n + coverage.zoneTotals[z], 0);
  const unplaced = statistics.total - placed;

  return (
    <section className="coverage" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.coverageTitle}</h3>
      <p className="chart-summary">{t.coverageIntro}</p>
      {/* Focusable so that a keyboard can scroll it when it is wider than the sidebar. */}
      <div
        className="table-scroll"
        role="region"
        aria-labelledby={headingId}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <table className="coverage-table">
          <thead>
            <tr>
              <th scope="col">{t.coverageFacility}</th>
              {ZONES.map((z) => (
                <th key={z} scope="col">
                  {ZONE_LABEL[z](t)}
                  <span className="muted"> ({formatNumber(coverage.zoneTotals[z], lang)})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                {ZONES.map((z) => {
                  const n = coverage.facilityByZone[z][row.code] ?? 0;
                  return (
                    <td key={z} className={n === 0 ? 'is-gap' : undefined}>
                      {n === 0 ? t.coverageGap : formatNumber(n, lang)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unplaced > 0 && <p className="muted">{t.coverageNoPlace(formatNumber(unplaced, lang))}</p>}
      <h4>{t.coverageWithoutCore}</h4>
      {coverage.municipalitiesWithoutCore.length === 0 ? (
        <p>{t.coverageWithoutCoreNone}</p>
      ) : (
        <ul className="coverage-list">
          {coverage.municipalitiesWithoutCore.map((code) => {
            const id = municipalities[code] ?? '';
            const name = label(dataset.vocab.municipalities.get(id)?.label, lang) || id;
            const count = formatNumber(statistics.counts.municipality[code] ?? 0, lang);
            return (
              <li key={id}>
                <button type="button" className="link-button" onClick={() => onMunicipality(id)}>
                  {name}
                </button>{' '}
                <span className="muted">({t.coverageActors(count)})</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
