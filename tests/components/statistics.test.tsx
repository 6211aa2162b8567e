import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, addressBarWritten } from './render-app.tsx';

vi.mock('@/map/webgl.ts', () => ({ mayHaveWebGL2: () => false }));

const chart = async (title: string) =>
  (await screen.findByRole('heading', { level: 3, name: title })).closest('section')!;

describe('statistics', () => {
  it('charts the actors shown, with a text summary and a table', async () => {
    window.history.replaceState(null, '', '/?tab=stats');
    renderApp();
    const kinds = await chart('Typ av aktör');
    expect(within(kinds).getByText(/flest är/)).toHaveTextContent(
      'Typ av aktör: flest är Finansiär (1), Forskningsinfrastruktur eller core facility (1) och Offentlig aktör eller kommun (1).',
    );
    const rows = within(kinds).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toHaveLength(4);
  });

  it('filters by a clicked bar, and the charts follow', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?tab=stats');
    renderApp();
    const municipalities = await chart('Kommun');
    await user.click(
      within(municipalities).getByRole('button', { name: /^Södertälje:\s*2\s*aktörer – filtrera/ }),
    );
    await addressBarWritten();
    expect(window.location.search).toBe('?municipality=sodertalje&tab=stats');
    expect(await screen.findByText('Visar 2 av 4 aktörer')).toBeInTheDocument();
    const kinds = await chart('Typ av aktör');
    expect(
      within(kinds)
        .getAllByRole('button', { pressed: false })
        .map((b) => b.querySelector('.bar-label')?.textContent),
    ).toEqual(['Offentlig aktör eller kommun', 'Science park']);
    expect(
      within(await chart('Kommun')).getByRole('button', { name: /^Södertälje/, pressed: true }),
    ).toBeInTheDocument();
  });

  it('switches between list and statistics with the arrow keys', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByText('Visar 4 av 4 aktörer');
    const list = screen.getByRole('tab', { name: 'Lista' });
    expect(list).toHaveAttribute('aria-selected', 'true');
    list.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Statistik' })).toHaveFocus();
    await addressBarWritten();
    expect(window.location.search).toBe('?tab=stats');
    expect(await chart('Typ av aktör')).toBeInTheDocument();
  });
});
