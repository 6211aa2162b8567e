/**
 * Transient UI state (DESIGN.md: zustand, one store in slices, read through selectors).
 * Nothing fetched or derivable lives here.
 */
import { create } from 'zustand';
import type { BBox } from '@/domain/region.ts';

export type MapStatus = 'idle' | 'loading' | 'ready' | 'no-webgl' | 'failed';

interface UiState {
  hoveredActorId: string | null;
  /** A place with several occupants whose list is open (transient: not in the URL). */
  openPlaceId: string | null;
  mapStatus: MapStatus;
  basemapFallback: boolean;
  problemsOpen: boolean;
  /** The latest polite announcement; `seq` makes a repeated message be read again. */
  announcement: { text: string; seq: number };
  /** Where the app asks the map to go; `seq` tells a new request from an old one. */
  mapFocus: { bounds: BBox; seq: number; maxZoom?: number } | null;
  setHoveredActor: (id: string | null) => void;
  setOpenPlace: (id: string | null) => void;
  setMapStatus: (status: MapStatus) => void;
  setBasemapFallback: () => void;
  setProblemsOpen: (open: boolean) => void;
  announce: (text: string) => void;
  requestMapFocus: (bounds: BBox, maxZoom?: number) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  hoveredActorId: null,
  openPlaceId: null,
  mapStatus: 'idle',
  basemapFallback: false,
  problemsOpen: false,
  announcement: { text: '', seq: 0 },
  mapFocus: null,
  setHoveredActor: (hoveredActorId) => set({ hoveredActorId }),
  setOpenPlace: (openPlaceId) => set({ openPlaceId }),
  setMapStatus: (mapStatus) => set({ mapStatus }),
  setBasemapFallback: () => set({ basemapFallback: true }),
  setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
  announce: (text) => set((s) => ({ announcement: { text, seq: s.announcement.seq + 1 } })),
  requestMapFocus: (bounds, maxZoom) =>
    set((s) => ({ mapFocus: { bounds, maxZoom, seq: (s.mapFocus?.seq ?? 0) + 1 } })),
}));
