import { useState } from 'react';
import type { UrlNotice } from '@/domain/url-state.ts';
import { useMessages } from '@/i18n/i18n.ts';

/** Says which parts of an opened link were ignored or adjusted, instead of silently dropping them. */
export function UrlNotices({
  notices,
  missingActor,
  removedFilters = false,
}: {
  notices: readonly UrlNotice[];
  missingActor: boolean;
  removedFilters?: boolean;
}) {
  const t = useMessages();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || (notices.length === 0 && !missingActor && !removedFilters)) return null;
  const params = [...new Set(notices.map((n) => n.param))];
  return (
    <div className="status status-warn notice-bar" role="status">
      <p>
        {missingActor && `${t.notFoundActor} `}
        {removedFilters && `${t.unknownFilterValue} `}
        {params.length > 0 && t.urlIgnored(params.join(', '))}
      </p>
      <button type="button" className="button button-quiet" onClick={() => setDismissed(true)}>
        {t.close}
      </button>
    </div>
  );
}
