import { useEffect } from 'react';
import { useUiStore } from '@/app/ui-store.ts';
import { useMessages } from '@/i18n/i18n.ts';

/** Offers a new version instead of swapping it in silently, and says once that offline use works. */
export function UpdatePrompt() {
  const t = useMessages();
  const update = useUiStore((s) => s.update);
  const setUpdate = useUiStore((s) => s.setUpdate);
  const offlineReady = useUiStore((s) => s.offlineReady);
  const announce = useUiStore((s) => s.announce);
  useEffect(() => {
    if (offlineReady) announce(t.offlineReady);
  }, [offlineReady, announce, t]);
  if (!update) return null;
  return (
    <div className="status status-warn notice-bar" role="status">
      <p>{t.updateAvailable}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={update.activate}>
          {t.updateNow}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setUpdate(null)}>
          {t.updateLater}
        </button>
      </div>
    </div>
  );
}
