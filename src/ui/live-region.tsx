import { useUiStore } from '@/app/ui-store.ts';

/**
 * The one polite live region. Its text is replaced, not appended; the sequence number in a key
 * makes screen readers announce a repeated message again.
 */
export function LiveRegion() {
  const announcement = useUiStore((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      <span key={announcement.seq}>{announcement.text}</span>
    </div>
  );
}
