import { useId } from 'react';
import { setUrlState, useUrlState } from '@/app/url-store.ts';
import { useMessages } from '@/i18n/i18n.ts';

/**
 * "As of year": shows the ecosystem as it stood in a year. The note under it says exactly what
 * the control hides and fades, and that unknown starts and ends are shown as unknown.
 */
export function YearControl({ range }: { range: readonly [number, number] }) {
  const t = useMessages();
  const id = useId();
  const year = useUrlState((s) => s.year);
  const years: number[] = [];
  for (let y = range[1]; y >= range[0]; y--) years.push(y);
  return (
    <div className="year-control">
      <label htmlFor={id}>{t.yearLabel}</label>
      <select
        id={id}
        value={year ?? ''}
        aria-describedby={year !== null ? `${id}-note` : undefined}
        onChange={(e) =>
          setUrlState({ year: e.target.value ? Number(e.target.value) : null }, 'push')
        }
      >
        <option value="">{t.yearAll}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      {year !== null && (
        <p id={`${id}-note`} className="year-note">
          {t.yearNote(year)}
        </p>
      )}
    </div>
  );
}
