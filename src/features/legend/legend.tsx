import { useState } from 'react';
import { useUrlState } from '@/app/url-store.ts';
import type { DatasetView } from '@/data/dataset-view.ts';
import { PALETTE } from '@/domain/palette.ts';
import { label, useLang, useMessages } from '@/i18n/i18n.ts';
import { KindSymbol } from '@/ui/kind-symbol.tsx';

/** Names every marker the map can draw: colour and shape per kind, clusters, shared places. */
export function Legend({ dataset }: { dataset: DatasetView }) {
  const lang = useLang();
  const t = useMessages();
  const embed = useUrlState((s) => s.embed);
  const [wide] = useState(
    () =>
      typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 801px)').matches,
  );
  const kinds = dataset.vocabularies.kinds.filter((k) => dataset.kindsPresent.has(k.id));
  return (
    // Open by default where there is room; on a phone or in a partner's frame the map needs it.
    <details className="legend" open={wide && !embed}>
      <summary>{t.legend}</summary>
      <ul>
        {kinds.map((kind) => (
          <li key={kind.id}>
            <KindSymbol kind={kind} />
            {label(kind.label, lang)}
          </li>
        ))}
        <li>
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
            <circle
              cx="9"
              cy="9"
              r="8"
              fill="#24364b"
              stroke={PALETTE.markerHalo}
              strokeWidth="1.5"
            />
            <text x="9" y="12.5" textAnchor="middle" fontSize="9" fill="#fff">
              5
            </text>
          </svg>
          {t.legendCluster}
        </li>
        <li>
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
            <rect
              x="1"
              y="1"
              width="16"
              height="16"
              rx="4"
              fill={PALETTE.markerOutline}
              stroke={PALETTE.markerHalo}
              strokeWidth="1.5"
            />
            <text x="9" y="12.5" textAnchor="middle" fontSize="9" fill="#fff">
              3
            </text>
          </svg>
          {t.legendColocated}
        </li>
      </ul>
    </details>
  );
}
