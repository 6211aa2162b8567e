import { setUrlState, useUrlState } from '@/app/url-store.ts';
import type { FocusModel } from '@/domain/focus.ts';
import { LINK_STYLE_ORDER, type LinkStyle } from '@/domain/link-styles.ts';
import { useMessages } from '@/i18n/i18n.ts';
import type { Messages } from '@/i18n/messages.ts';
import { LinkSymbol } from '@/ui/link-symbol.tsx';

export const LINK_LABEL: Record<LinkStyle, (t: Messages) => string> = {
  'project-owner': (t) => t.linkProjectOwner,
  owner: (t) => t.linkOwner,
  funder: (t) => t.linkFunder,
  partner: (t) => t.linkPartner,
  member: (t) => t.linkMember,
  host: (t) => t.linkHost,
  uncertain: (t) => t.linkUncertain,
};

/** The key to the lines on the map, with the switch to hide them and a way to see them all. */
export function RelationsLegend({ focus, onFit }: { focus: FocusModel; onFit: () => void }) {
  const t = useMessages();
  const show = useUrlState((s) => s.relations);
  const styles = LINK_STYLE_ORDER.filter((style) =>
    focus.links.some((l) => (l.uncertain ? 'uncertain' : l.style) === style),
  );
  return (
    <section className="relations-legend" aria-label={t.relationsOnMap}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={show}
          onChange={(e) => setUrlState({ relations: e.target.checked }, 'replace')}
        />
        {t.showRelations}
      </label>
      {show && styles.length > 0 && (
        <ul>
          {styles.map((style) => (
            <li key={style}>
              <LinkSymbol style={style} /> {LINK_LABEL[style](t)}
            </li>
          ))}
        </ul>
      )}
      {focus.links.some((l) => l.inactive) && <p className="muted">{t.inactiveLinksNote}</p>}
      {focus.others.length > 0 && (
        <button type="button" className="button" onClick={onFit}>
          {t.fitRelated}
        </button>
      )}
    </section>
  );
}
