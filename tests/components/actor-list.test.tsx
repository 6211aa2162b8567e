import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useUiStore } from '@/app/ui-store.ts';
import type * as DatasetViewModule from '@/data/dataset-view.ts';
import { holdAnswers, renderApp } from './render-app.tsx';

vi.mock('@/map/webgl.ts', () => ({ mayHaveWebGL2: () => false }));

// Every row reads its description with snippetAt, and nothing else does: its calls count the
// rows React renders. A row rendered for nothing costs the frame of a keystroke or a click.
const rowRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/data/dataset-view.ts', async (importOriginal) => {
  const original = await importOriginal<typeof DatasetViewModule>();
  return {
    ...original,
    snippetAt: (...args: Parameters<typeof original.snippetAt>) => {
      rowRenders.count += 1;
      return original.snippetAt(...args);
    },
  };
});

const filterPanelBusy = () =>
  document.querySelector('.filter-panel')?.getAttribute('aria-busy') === 'true';

describe('the actor list renders its rows only when they change', () => {
  it('not when the list only turns busy (the first key of a search)', async () => {
    renderApp();
    await screen.findByText('Visar 4 av 4 aktörer');
    await waitFor(() => expect(filterPanelBusy()).toBe(false));
    const list = document.querySelector('.actor-list');
    expect(list?.getAttribute('aria-busy')).toBe('false');
    expect(rowRenders.count).toBeGreaterThanOrEqual(4);
    const before = rowRenders.count;
    act(() => useUiStore.getState().setSearchPending(true));
    expect(list?.getAttribute('aria-busy')).toBe('true');
    act(() => useUiStore.getState().setSearchPending(false));
    expect(list?.getAttribute('aria-busy')).toBe('false');
    expect(rowRenders.count).toBe(before);
  });

  it('not when the facet counts come in after a filter click', async () => {
    const { release, restore } = holdAnswers((request) => Boolean(request.filters.kind?.length));
    try {
      const user = userEvent.setup();
      renderApp();
      const kinds = await screen.findByRole('group', { name: 'Typ av aktör' });
      await screen.findByText('Visar 4 av 4 aktörer');
      await user.click(within(kinds).getByRole('checkbox', { name: /Science park/ }));
      // The page answers the list at once; the worker's counts are held.
      await screen.findByText('Visar 1 av 4 aktörer');
      expect(filterPanelBusy()).toBe(true);
      const before = rowRenders.count;
      release();
      await waitFor(() => expect(filterPanelBusy()).toBe(false));
      expect(rowRenders.count).toBe(before);
    } finally {
      release();
      restore();
    }
  });
});
