/** An "i" in a circle, drawn rather than typed: the ⓘ character is missing from many fonts. */
export function InfoIcon({ size = 16 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect x="7.2" y="6.8" width="1.6" height="5" rx="0.5" fill="currentColor" />
      <circle cx="8" cy="4.6" r="1" fill="currentColor" />
    </svg>
  );
}
