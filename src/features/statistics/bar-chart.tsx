/**
 * One bar chart: a facet's values among the actors shown, most first.
 *
 * Lean HTML and CSS rather than a charting library: horizontal bars with their labels and values
 * are a list of buttons with a width, which gives keyboard use, focus and screen-reader names for
 * free, prints and zooms as text, and costs a few kilobytes. Recharts 3.10 would add 116 kB gzip
 * (measured: a vertical-layout BarChart with axes, labels and a tooltip, bundled and minified
 * with esbuild, against React alone). The table alternative and the text summary come with it.
 */
import { useId, useState } from 'react';
import type { Bar } from '@/domain/statistics.ts';
import { formatNumber, useLang, useMessages } from '@/i18n/i18n.ts';

const VISIBLE_BARS = 8;

interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  /** Results with no value in this facet. */
  without: number;
  selected: readonly string[];
  onToggle: (id: string) => void;
}

export function BarChart({ title, bars, without, selected, onToggle }: BarChartProps) {
  const t = useMessages();
  const lang = useLang();
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const max = bars.reduce((m, b) => Math.max(m, b.count), 0);
  const shown = expanded
    ? bars
    : bars.filter((b, i) => i < VISIBLE_BARS || selected.includes(b.id));
  const top = bars.slice(0, 3).map((b) => `${b.label} (${formatNumber(b.count, lang)})`);
  const summary =
    top.length === 0
      ? t.chartSummaryNone(title)
      : t.chartSummary(
          title,
          top.length === 1
            ? top[0]!
            : `${top.slice(0, -1).join(', ')} ${t.chartAnd} ${top.at(-1)!}`,
        );

  return (
    <section className="chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="chart-summary">
        {summary}
        {without > 0 && <> {t.chartWithout(formatNumber(without, lang))}</>}
      </p>
      {bars.length > 0 && (
        <ul className="bars">
          {shown.map((bar) => {
            const isSelected = selected.includes(bar.id);
            const count = formatNumber(bar.count, lang);
            return (
              <li key={bar.id}>
                <button
                  type="button"
                  className={isSelected ? 'bar is-selected' : 'bar'}
                  aria-pressed={isSelected}
                  onClick={() => onToggle(bar.id)}
                >
                  {/* The name is the visible text (label and count) plus what a click does. */}
                  <span className="bar-label">{bar.label}</span>
                  <span className="visually-hidden">: </span>
                  <span className="bar-track" aria-hidden="true">
                    <span
                      className="bar-fill"
                      style={{ width: `${max ? (bar.count / max) * 100 : 0}%` }}
                    />
                  </span>
                  <span className="bar-value">{count}</span>
                  <span className="visually-hidden">
                    {' '}
                    {isSelected ? t.barUnfilter : t.barFilter}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {bars.length > VISIBLE_BARS && (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? t.showFewerValues : t.showAllValues(bars.length)}
        </button>
      )}
      {bars.length > 0 && (
        <details className="chart-table">
          <summary>{t.chartTable}</summary>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.chartValue}</th>
                <th scope="col">{t.chartCount}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.id}>
                  <th scope="row">{bar.label}</th>
                  <td>{formatNumber(bar.count, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
