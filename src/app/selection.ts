/**
 * Selecting and closing actors. Selection is shareable state, so it lives in the URL and pushes a
 * history entry (Back undoes it). Focus returns to whatever opened the profile.
 */
import type { Actor } from '@/data/dataset.ts';
import { setUrlState } from './url-store.ts';
import { useUiStore } from './ui-store.ts';

let opener: HTMLElement | null = null;
/** Set when the reader picks something, so a panel opened from a shared link does not steal focus. */
let focusRequested = false;

/** True once after a selection made by the reader: the panel then takes focus. */
export function takeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

export function selectActor(actor: Actor, options: { moveMap?: boolean } = {}) {
  if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
    opener = document.activeElement;
  }
  focusRequested = true;
  const ui = useUiStore.getState();
  ui.setOpenPlace(null);
  ui.setOpenGroup(null);
  if (options.moveMap && actor.coordinates) {
    const [lon, lat] = actor.coordinates;
    ui.requestMapFocus([lon, lat, lon, lat]);
  }
  setUrlState((s) => ({ ...s, actor: actor.id }), 'push');
}

export function closeActor() {
  const target = opener;
  opener = null;
  // Focus moves back before the panel goes, so it never falls to <body> in between.
  if (target && target.isConnected) target.focus();
  else document.getElementById('actor-list-heading')?.focus();
  setUrlState((s) => ({ ...s, actor: null }), 'push');
}
