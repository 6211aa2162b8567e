/**
 * The URL as a store: components read slices of the parsed URL state and re-render only when
 * their slice changes. Writes go through `setUrlState`, which replaces (typing, panning) or pushes
 * (selecting) a history entry, so Back and Forward step through selections.
 */
import { useSyncExternalStore } from 'react';
import {
  parseUrlState,
  serializeUrlState,
  type UrlNotice,
  type UrlState,
} from '@/domain/url-state.ts';

type Listener = () => void;
const listeners = new Set<Listener>();

let current: { search: string; state: UrlState; notices: UrlNotice[] } | null = null;

/** Keeps unchanged parts of the state identical (===) across parses, so selectors stay stable. */
function share(prev: UrlState | undefined, next: UrlState): UrlState {
  if (!prev) return next;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const out = { ...next };
  for (const key of Object.keys(next) as (keyof UrlState)[]) {
    if (same(prev[key], next[key])) (out as Record<string, unknown>)[key] = prev[key];
  }
  return same(prev, out) ? prev : out;
}

function read() {
  const search = window.location.search;
  if (!current || current.search !== search) {
    const parsed = parseUrlState(search);
    current = { search, state: share(current?.state, parsed.state), notices: parsed.notices };
  }
  return current;
}

function notify() {
  for (const l of listeners) l();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

export function getUrlState(): UrlState {
  return read().state;
}

/** Notices from the URL the page was opened with: what was ignored or clamped. */
export function initialUrlNotices(): UrlNotice[] {
  return read().notices;
}

export function useUrlState<T>(selector: (state: UrlState) => T): T {
  return useSyncExternalStore(subscribe, () => selector(read().state));
}

export type HistoryMode = 'push' | 'replace';

export function setUrlState(
  update: Partial<UrlState> | ((s: UrlState) => UrlState),
  mode: HistoryMode = 'replace',
) {
  const prev = read().state;
  const next = typeof update === 'function' ? update(prev) : { ...prev, ...update };
  const search = serializeUrlState(next);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  notify();
}

/** Rewrites the address bar in canonical form, dropping what the parser ignored. */
export function canonicalizeUrl() {
  const search = serializeUrlState(read().state);
  if (search !== window.location.search) {
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
    notify();
  }
}
