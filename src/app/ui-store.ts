/**
 * Transient UI state (DESIGN.md: zustand, one store in slices, read through selectors).
 * Nothing fetched or derivable lives here.
 */
import { create } from 'zustand';
import type { BBox } from '@/domain/region.ts';

export type MapStatus = 'idle' | 'loading' | 'ready' | 'no-webgl' | 'failed';
export type NarrowView = 'map' | 'list';

interface UiState {
  hoveredActorId: string | null;
  /** A place (index) with several occupants whose list is open (transient: not in the URL). */
  openPlace: number | null;
  /** Members (actor indices) of a cluster the reader clicked, listed in the side panel. */
  openGroup: { members: number[] } | null;
  /** The map's current bounds, for "search as I move the map" (transient: the URL has the view). */
  viewBounds: BBox | null;
  /** On narrow screens, which of map and list is shown. */
  narrowView: NarrowView;
  mapStatus: MapStatus;
  /** Bumped to tear the map down and build it again (the benchmark's leak test). */
  mapEpoch: number;
  basemapFallback: boolean;
  problemsOpen: boolean;
  /** The latest polite announcement; `seq` makes a repeated message be read again. */
  announcement: { text: string; seq: number };
  /** Where the app asks the map to go; `seq` tells a new request from an old one. */
  mapFocus: { bounds: BBox; seq: number; maxZoom?: number } | null;
  /** Set when the next focus model (a programme just opened) should be fitted into view. */
  fitToFocusPending: boolean;
  /** Offline support: a new version waits (with the function that activates it), or the app is cached. */
  update: { activate: () => void } | null;
  offlineReady: boolean;
  /** Typed search text not yet handed to the URL (the search box waits for a short pause). */
  searchPending: boolean;
  setHoveredActor: (id: string | null) => void;
  setOpenPlace: (place: number | null) => void;
  setOpenGroup: (group: { members: number[] } | null) => void;
  setViewBounds: (bounds: BBox) => void;
  setNarrowView: (view: NarrowView) => void;
  setMapStatus: (status: MapStatus) => void;
  remountMap: () => void;
  setBasemapFallback: () => void;
  setProblemsOpen: (open: boolean) => void;
  announce: (text: string) => void;
  requestMapFocus: (bounds: BBox, maxZoom?: number) => void;
  requestFitToFocus: () => void;
  setUpdate: (update: { activate: () => void } | null) => void;
  setOfflineReady: (ready: boolean) => void;
  clearFitToFocus: () => void;
  setSearchPending: (pending: boolean) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  hoveredActorId: null,
  openPlace: null,
  openGroup: null,
  viewBounds: null,
  narrowView: 'list',
  mapStatus: 'idle',
  mapEpoch: 0,
  basemapFallback: false,
  problemsOpen: false,
  announcement: { text: '', seq: 0 },
  mapFocus: null,
  fitToFocusPending: false,
  update: null,
  offlineReady: false,
  searchPending: false,
  setHoveredActor: (hoveredActorId) => set({ hoveredActorId }),
  setOpenPlace: (openPlace) => set({ openPlace, openGroup: null }),
  setOpenGroup: (openGroup) => set({ openGroup, openPlace: null }),
  setViewBounds: (viewBounds) => set({ viewBounds }),
  setNarrowView: (narrowView) => set({ narrowView }),
  setMapStatus: (mapStatus) => set({ mapStatus }),
  remountMap: () => set((s) => ({ mapEpoch: s.mapEpoch + 1, mapStatus: 'loading' })),
  setBasemapFallback: () => set({ basemapFallback: true }),
  setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
  announce: (text) => set((s) => ({ announcement: { text, seq: s.announcement.seq + 1 } })),
  requestMapFocus: (bounds, maxZoom) =>
    set((s) => ({ mapFocus: { bounds, maxZoom, seq: (s.mapFocus?.seq ?? 0) + 1 } })),
  requestFitToFocus: () => set({ fitToFocusPending: true }),
  setUpdate: (update) => set({ update }),
  setOfflineReady: (offlineReady) => set({ offlineReady }),
  clearFitToFocus: () => set({ fitToFocusPending: false }),
  setSearchPending: (searchPending) => set({ searchPending }),
}));
