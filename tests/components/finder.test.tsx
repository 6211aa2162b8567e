import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SEARCH_PAUSE_MS } from '@/features/search/search-box.tsx';
import { renderApp, addressBarWritten, holdAnswers } from './render-app.tsx';

vi.mock('@/map/webgl.ts', () => ({ mayHaveWebGL2: () => false }));

const rowNames = () =>
  [...document.querySelectorAll('.actor-list .actor-row-name')].map((el) =>
    el.textContent?.replace(/\s*\(.*\)$/, ''),
  );

describe('search', () => {
  it('narrows the list as the reader types, highlights matches and keeps the URL in step', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByText('Visar 4 av 4 aktörer');
    await user.type(screen.getByRole('searchbox', { name: 'Sök aktörer' }), 'akerl');
    await waitFor(() => expect(rowNames()).toEqual(['Åkerlabbet']));
    expect(document.querySelector('.actor-list mark')?.textContent).toBe('Åkerl');
    expect(screen.getByText('Visar 1 av 4 aktörer')).toBeInTheDocument();
    await addressBarWritten();
    expect(window.location.search).toBe('?q=akerl');
  });

  it('says it is at work when an answer is slow to come, and stops saying so when it comes', async () => {
    const { release, restore } = holdAnswers((request) => Boolean(request.q));
    try {
      const user = userEvent.setup();
      renderApp();
      await screen.findByText('Visar 4 av 4 aktörer');
      expect(screen.queryByText('Söker bland aktörerna …')).toBeNull();
      await user.type(screen.getByRole('searchbox', { name: 'Sök aktörer' }), 'akerl');
      await screen.findByText('Söker bland aktörerna …', undefined, { timeout: 3000 });
      release();
      await waitFor(() => expect(rowNames()).toEqual(['Åkerlabbet']));
      expect(screen.queryByText('Söker bland aktörerna …')).toBeNull();
    } finally {
      release();
      restore();
    }
  });

  it('clears the search with its button', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?q=fonden');
    renderApp();
    await screen.findByText('Visar 1 av 4 aktörer');
    await user.click(screen.getByRole('button', { name: 'Rensa sökningen' }));
    expect(screen.getByRole('searchbox')).toHaveValue('');
    await screen.findByText('Visar 4 av 4 aktörer');
  });
});

describe('facets', () => {
  it('filters by a facet value, shows the choice as a chip, and removes it from the chip', async () => {
    const user = userEvent.setup();
    renderApp();
    const kinds = await screen.findByRole('group', { name: 'Typ av aktör' });
    await user.click(within(kinds).getByRole('checkbox', { name: /Science park/ }));
    expect(rowNames()).toEqual(['Testparken']);
    await addressBarWritten();
    expect(window.location.search).toBe('?kind=science-park');
    const chip = screen.getByRole('button', { name: 'Ta bort filtret Typ av aktör: Science park' });
    await user.click(chip);
    expect(rowNames()).toHaveLength(4);
  });

  it('shows disjunctive counts, and values that would give nothing as zero', async () => {
    window.history.replaceState(null, '', '/?municipality=solna');
    renderApp();
    const kinds = await screen.findByRole('group', { name: 'Typ av aktör' });
    await screen.findByText('Visar 1 av 4 aktörer');
    const count = (name: RegExp) =>
      within(kinds).getByRole('checkbox', { name }).closest('label')?.querySelector('.facet-count')
        ?.textContent;
    expect(count(/Forskningsinfrastruktur/)).toBe('1');
    expect(count(/Science park/)).toMatch(/^0/);
    const municipalities = screen.getByRole('group', { name: 'Kommun' });
    // Other municipalities still show what they would give (OR within the facet).
    expect(
      within(municipalities)
        .getByRole('checkbox', { name: /Södertälje/ })
        .closest('label')?.textContent,
    ).toContain('2');
  });

  it('clears every filter at once', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?kind=funder&sector=life-science');
    renderApp();
    await screen.findByText('Visar 1 av 4 aktörer');
    await user.click(screen.getByRole('button', { name: 'Rensa alla filter' }));
    expect(screen.getByText('Visar 4 av 4 aktörer')).toBeInTheDocument();
    await addressBarWritten();
    expect(window.location.search).toBe('');
  });
});

describe('empty result', () => {
  it('says so and offers to remove the filter that emptied it', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?q=fonden&kind=science-park');
    renderApp();
    expect(
      await screen.findByRole('heading', { name: 'Inga aktörer matchar' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ta bort filtret Typ av aktör (ger 1)' }));
    expect(rowNames()).toEqual(['Fonden']);
  });
});

describe('sorting', () => {
  it('sorts by name with å, ä and ö after z', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?q=e');
    renderApp();
    await screen.findByText(/Visar \d av 4 aktörer/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sortera' }), 'name');
    await addressBarWritten();
    expect(window.location.search).toContain('sort=name');
    await user.clear(screen.getByRole('searchbox'));
    await waitFor(() =>
      expect(rowNames()).toEqual(['Fonden', 'Testparken', 'Teststaden', 'Åkerlabbet']),
    );
  });
});

describe('links', () => {
  it('drops filter values the dataset does not know, and says so', async () => {
    window.history.replaceState(null, '', '/?sector=astrology,life-science');
    renderApp();
    expect(
      await screen.findByText(/Ett filtervärde i länken finns inte i datamängden/),
    ).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe('?sector=life-science'));
  });

  it('never turns markup in the search text into elements', async () => {
    window.history.replaceState(null, '', '/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    renderApp();
    expect(await screen.findByRole('searchbox')).toHaveValue('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('announcements', () => {
  it('searches when typing pauses, not on every key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      renderApp();
      await screen.findByText('Visar 4 av 4 aktörer');
      await user.type(screen.getByRole('searchbox'), 'fo');
      expect(screen.getByRole('searchbox')).toHaveValue('fo');
      expect(new URLSearchParams(window.location.search).get('q')).toBeNull();
      await act(() => vi.advanceTimersByTimeAsync(SEARCH_PAUSE_MS));
      expect(new URLSearchParams(window.location.search).get('q')).toBe('fo');
    } finally {
      vi.useRealTimers();
    }
  });

  it('announces the count politely once the result set settles', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      renderApp();
      await screen.findByText('Visar 4 av 4 aktörer');
      await user.type(screen.getByRole('searchbox'), 'fond');
      // The box hands the text on after a pause; then the new count is announced after its own.
      await act(() => vi.advanceTimersByTimeAsync(SEARCH_PAUSE_MS));
      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Visar 1 av 4 aktörer');
    } finally {
      vi.useRealTimers();
    }
  });
});
