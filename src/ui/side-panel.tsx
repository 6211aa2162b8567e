import { useEffect, useRef, useState, type ReactNode } from 'react';

const NARROW = '(max-width: 800px)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(
    () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches,
  );
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(NARROW);
    const update = () => setNarrow(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

/**
 * The profile's container: a landmark beside the map on wide screens, a modal dialog on narrow
 * ones, where it covers the page (the browser then keeps focus inside and makes the rest inert).
 */
export function SidePanel({
  labelledBy,
  onClose,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const narrow = useNarrow();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (narrow && d && !d.open && typeof d.showModal === 'function') d.showModal();
  }, [narrow]);
  if (narrow) {
    return (
      <dialog
        ref={dialog}
        className="panel panel-dialog"
        aria-labelledby={labelledBy}
        onCancel={(e) => {
          e.preventDefault();
          onClose();
        }}
      >
        {children}
      </dialog>
    );
  }
  return (
    <aside className="panel" aria-labelledby={labelledBy}>
      {children}
    </aside>
  );
}
