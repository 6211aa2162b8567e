/**
 * Selecting and closing actors. Selection is shareable state, so it lives in the URL and pushes a
 * history entry (Back undoes it). Focus returns to whatever opened the profile.
 */
import type { ActorRef } from '@/data/dataset-view.ts';
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

export function selectActor(actor: ActorRef, options: { moveMap?: boolean } = {}) {
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
  // An actor opened from a programme replaces it; Back returns to the programme.
  setUrlState((s) => ({ ...s, actor: actor.id, programme: null }), 'push');
}

/** Opens the programme view: its panel, and its members highlighted on the map. */
export function openProgramme(programmeId: string) {
  if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
    opener = document.activeElement;
  }
  focusRequested = true;
  const ui = useUiStore.getState();
  ui.setOpenPlace(null);
  ui.setOpenGroup(null);
  ui.requestFitToFocus();
  setUrlState((s) => ({ ...s, programme: programmeId, actor: null }), 'push');
}

export function closeProgramme() {
  restoreFocus();
  setUrlState((s) => ({ ...s, programme: null }), 'push');
}

/** Focus moves back before a panel goes, so it never falls to <body> in between. */
function restoreFocus() {
  const target = opener;
  opener = null;
  if (target && target.isConnected) target.focus();
  else document.getElementById('actor-list-heading')?.focus();
}

export function closeActor() {
  restoreFocus();
  setUrlState((s) => ({ ...s, actor: null }), 'push');
}
