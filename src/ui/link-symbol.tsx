import { LINK_STYLES, type LinkStyle } from '@/domain/link-styles.ts';

/** A short stroke drawn exactly as the map draws that kind of tie. */
export function LinkSymbol({ style }: { style: LinkStyle }) {
  const spec = LINK_STYLES[style];
  return (
    <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true" focusable="false">
      <line
        x1="2"
        y1="6"
        x2="32"
        y2="6"
        stroke="#fff"
        strokeWidth={spec.width + 3}
        strokeLinecap="round"
      />
      <line
        x1="2"
        y1="6"
        x2="32"
        y2="6"
        stroke={spec.color}
        strokeWidth={spec.width}
        strokeLinecap="round"
        strokeDasharray={
          spec.dash.length ? spec.dash.map((d) => d * spec.width).join(' ') : undefined
        }
      />
    </svg>
  );
}
