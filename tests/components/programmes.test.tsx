import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { dataset, feature } from '../fixtures/make-dataset.ts';
import { renderApp, addressBarWritten } from './render-app.tsx';

vi.mock('@/map/webgl.ts', () => ({ mayHaveWebGL2: () => false }));

const data = () =>
  dataset([
    feature({
      id: 'owner',
      name: 'Ägaren',
      programmes: [{ programme: 'test-programme', role: 'owner', sources: ['test-source'] }],
    }),
    feature({
      id: 'late',
      name: 'Senkomlingen',
      programmes: [
        { programme: 'test-programme', role: 'partner', from: 2022, sources: ['test-source'] },
      ],
      extra: { founded: { year: 2021, sources: ['test-source'] } },
    }),
    feature({
      id: 'fund',
      name: 'Fonden',
      coordinates: null,
      programmes: [{ programme: 'test-programme', role: 'funder', sources: [] }],
    }),
  ]);

describe('programme view', () => {
  it('opens from a profile and lists the programme’s actors by role, placeless ones included', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?actor=owner');
    renderApp('ok', data);
    await user.click(await screen.findByRole('button', { name: 'Testprogrammet' }));
    const panel = screen.getByRole('complementary', { name: 'Testprogrammet' });
    await addressBarWritten();
    expect(window.location.search).toBe('?prog=test-programme');
    expect(within(panel).getByText('Ägare eller projektägare')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Fonden' }).parentElement).toHaveTextContent(
      'utan egen plats på kartan',
    );
    expect(
      within(panel).getByText('Program · Period: 2020–2023', { exact: false }),
    ).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Senkomlingen' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Senkomlingen' })).toBeInTheDocument();
  });

  it('as of a year: hides actors not yet founded, fades memberships not yet begun, and says so', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?prog=test-programme');
    renderApp('ok', data);
    await screen.findByRole('complementary', { name: 'Testprogrammet' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Som läget var år' }), '2021');
    expect(screen.getByText(/Visar läget år 2021/)).toBeInTheDocument();
    expect(screen.getByText('Visar 3 av 3 aktörer')).toBeInTheDocument();
    const late = within(screen.getByRole('complementary'))
      .getByRole('button', { name: 'Senkomlingen' })
      .closest('dd');
    expect(late).toHaveClass('is-inactive');
    expect(late).toHaveTextContent('inte aktiv 2021');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Som läget var år' }), '2020');
    expect(screen.getByText('Visar 2 av 3 aktörer')).toBeInTheDocument();
    expect(within(screen.getByRole('complementary')).getByText('aktiv 2020')).toBeInTheDocument();
  });
});
