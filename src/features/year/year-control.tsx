import { memo, useId, useMemo } from 'react';
import { setUrlState, useUrlState } from '@/app/url-store.ts';
import { useMessages } from '@/i18n/i18n.ts';

/**
 * "As of year": shows the ecosystem as it stood in a year. The note under it says exactly what
 * the control hides and fades, and that unknown starts and ends are shown as unknown.
 */
export const YearControl = memo(function YearControl({
  range,
}: {
  range: readonly [number, number];
}) {
  const t = useMessages();
  const id = useId();
  const year = useUrlState((s) => s.year);
  // Two centuries of options: built once per range, not on every filter click (about 3 ms each).
  const options = useMemo(() => {
    const out = [];
    for (let y = range[1]; y >= range[0]; y--)
      out.push(
        <option key={y} value={y}>
          {y}
        </option>,
      );
    return out;
  }, [range]);
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
        {options}
      </select>
      {year !== null && (
        <p id={`${id}-note`} className="year-note">
          {t.yearNote(year)}
        </p>
      )}
    </div>
  );
});
