/**
 * List or statistics: the WAI-ARIA tabs pattern (arrow keys move between tabs, the tab panel
 * follows), with the choice kept in the URL so a shared link opens on the same view.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { setUrlState, useUrlState } from '@/app/url-store.ts';
import { TABS, type Tab } from '@/domain/url-state.ts';
import { useMessages } from '@/i18n/i18n.ts';

const tabId = (tab: Tab) => `sidebar-tab-${tab}`;
const panelId = 'sidebar-tabpanel';

export function SidebarTabs({ children }: { children: ReactNode }) {
  const t = useMessages();
  const current = useUrlState((s) => s.tab);
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const label: Record<Tab, string> = { list: t.tabList, stats: t.tabStats };

  const choose = (tab: Tab, focus: boolean) => {
    setUrlState({ tab }, 'push');
    if (focus) refs.current[tab]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(current);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(at + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(at - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    choose(next, true);
  };

  return (
    <>
      <div className="sidebar-tabs" role="tablist" aria-label={t.tabsLabel}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            id={tabId(tab)}
            type="button"
            role="tab"
            aria-selected={tab === current}
            aria-controls={panelId}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => choose(tab, false)}
            onKeyDown={onKeyDown}
          >
            {label[tab]}
          </button>
        ))}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(current)} className="sidebar-panel">
        {children}
      </div>
    </>
  );
}
