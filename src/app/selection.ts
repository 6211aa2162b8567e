/**
 * Selecting and closing actors. Selection is shareable state, so it lives in the URL and pushes a
 * history entry (Back undoes it). Focus returns to whatever opened the profile.
 */
import type { Actor } from '@/data/dataset.ts';
import { setUrlState } from './url-store.ts';
import { useUiStore } from './ui-store.ts';

let opener: HTMLElement | null = null;

export function selectActor(actor: Actor, options: { moveMap?: boolean } = {}) {
  if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
    opener = document.activeElement;
  }
  const ui = useUiStore.getState();
  ui.setOpenPlace(null);
  if (options.moveMap && actor.coordinates) {
    const [lon, lat] = actor.coordinates;
    ui.requestMapFocus([lon, lat, lon, lat]);
  }
  setUrlState((s) => ({ ...s, actor: actor.id }), 'push');
}

export function closeActor() {
  setUrlState((s) => ({ ...s, actor: null }), 'push');
  const target = opener;
  opener = null;
  // After React has removed the panel, give focus back to where the reader came from.
  requestAnimationFrame(() => {
    if (target && target.isConnected) target.focus();
    else document.getElementById('actor-list-heading')?.focus();
  });
}
