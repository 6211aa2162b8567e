import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node.ts';
import type { PlaceIndex, ResultPlaces } from '@/domain/places.ts';
import { FIXTURE, renderApp, addressBarWritten } from './render-app.tsx';

const webgl = vi.hoisted(() => ({ available: true }));
vi.mock('@/map/webgl.ts', () => ({ mayHaveWebGL2: () => webgl.available }));
// The map is replaced by a stub that renders each place as a button (DESIGN.md: components tests stub the map).
vi.mock('@/map/map-view.tsx', async () => {
  const { placeIdOf } = await import('@/domain/places.ts');
  return {
    default: (props: {
      places: PlaceIndex;
      onMap: ResultPlaces;
      onSelectPlace: (place: number) => void;
    }) => (
      <ul aria-label="map stub">
        {[...props.onMap.list].map((place) => (
          <li key={place}>
            <button type="button" onClick={() => props.onSelectPlace(place)}>
              place {placeIdOf(props.places, place)} ({props.onMap.count[place]})
            </button>
          </li>
        ))}
      </ul>
    ),
  };
});

beforeEach(() => {
  webgl.available = true;
});

describe('loading', () => {
  it('says it is loading, then lists every actor sorted the Swedish way', async () => {
    renderApp();
    expect(screen.getByText('Laddar aktörer …')).toBeInTheDocument();
    const heading = await screen.findByRole('heading', { name: /Aktörer/ });
    await screen.findByText('Visar 4 av 4 aktörer');
    const rows = within(heading.closest('section') as HTMLElement).getAllByRole('button');
    expect(rows.map((r) => r.querySelector('.actor-row-name')?.textContent)).toEqual([
      'Fonden',
      'Testparken',
      'Teststaden',
      'Åkerlabbet',
    ]);
  });

  it('announces how many actors were loaded', async () => {
    renderApp();
    await waitFor(() =>
      expect(screen.getByRole('status', { name: '' })).toHaveTextContent('4 aktörer laddade.'),
    );
  });
});

describe('failures', () => {
  it('explains a missing file and offers a retry that recovers', async () => {
    const user = userEvent.setup();
    renderApp('not-found');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Datafilen hittades inte (404)');
    server.use(http.get('*/data/aktorskartan.geojson', () => HttpResponse.json(FIXTURE)));
    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText('Visar 4 av 4 aktörer')).toBeInTheDocument();
  });

  it('keeps the overview from the summary snapshot when the full file fails, and recovers', async () => {
    const user = userEvent.setup();
    renderApp('overview-only');
    expect(await screen.findByText('Visar 4 av 4 aktörer')).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Bara en översikt kunde laddas');
    expect(alert).toHaveTextContent('Servern svarade med ett fel (500)');
    expect(screen.getByText('Åkerlabbet')).toBeInTheDocument();
    server.use(http.get('*/data/aktorskartan.geojson', () => HttpResponse.json(FIXTURE)));
    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByText('Visar 4 av 4 aktörer')).toBeInTheDocument();
  });

  it.each([
    ['malformed', 'Datafilen är trasig'],
    ['empty', 'Datafilen är tom'],
  ] as const)('explains %s data', async (scenario, text) => {
    renderApp(scenario);
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
  });

  it('says it is trying again after a dropped connection, instead of waiting in silence', async () => {
    renderApp('network-error');
    expect(
      await screen.findByText(/Det gick inte att nå servern.*Försöker igen \(försök 2 av 4\)/),
    ).toBeInTheDocument();
  });
});

describe('partial data', () => {
  it('shows the valid actors and explains, on demand, the records left out', async () => {
    const user = userEvent.setup();
    renderApp('partial');
    expect(await screen.findByText(/2 poster utelämnade/)).toBeInTheDocument();
    expect(await screen.findByText('Visar 4 av 4 aktörer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Visa detaljer' }));
    const dialog = screen.getByRole('dialog', { name: 'Problem i datamängden' });
    expect(
      within(dialog).getByText(
        'Filen innehåller 6 poster; 4 visas. Posterna nedan är utelämnade eller ändrade.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog)
        .getAllByRole('row')
        .map((r) => (r as HTMLTableRowElement).cells[0]?.textContent),
    ).toEqual(expect.arrayContaining(['no-name', 'bad-url']));
  });
});

describe('actor profile', () => {
  it('opens from the list with focus on its heading, and Escape returns focus to the row', async () => {
    const user = userEvent.setup();
    renderApp();
    const row = await screen.findByRole('button', { name: /Testparken/ });
    await user.click(row);
    const heading = screen.getByRole('heading', { level: 2, name: 'Testparken' });
    expect(heading).toHaveFocus();
    await addressBarWritten();
    expect(window.location.search).toContain('actor=park');
    const panel = screen.getByRole('complementary', { name: 'Testparken' });
    expect(within(panel).getByRole('link', { name: /example\.org/ })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    expect(within(panel).getByText('Ägs av')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Teststaden' })).toBeInTheDocument();
    expect(within(panel).getByText(/Testprogrammet/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: /Testparken/ })).toHaveFocus());
  });

  it('shows the inverse relation on the other actor', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: /Teststaden/ }));
    const panel = screen.getByRole('complementary', { name: 'Teststaden' });
    expect(within(panel).getByText('Äger')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Testparken' })).toBeInTheDocument();
  });

  it('marks a description shown in another language than the interface', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?lang=en');
    renderApp();
    await user.click(await screen.findByRole('button', { name: /Fonden/ }));
    const panel = screen.getByRole('complementary', { name: 'Fonden' });
    expect(within(panel).getByText('Bara svenska.')).toHaveAttribute('lang', 'sv');
    expect(within(panel).getByText('(in Swedish)')).toBeInTheDocument();
    expect(within(panel).getByText(/No place of its own/)).toBeInTheDocument();
  });

  it('opens from a shared link', async () => {
    window.history.replaceState(null, '', '/?actor=lab');
    renderApp();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Åkerlabbet' }),
    ).toBeInTheDocument();
  });

  it('says so when the linked actor does not exist', async () => {
    window.history.replaceState(null, '', '/?actor=ghost&foo=1');
    renderApp();
    expect(await screen.findByText(/Aktören i länken finns inte i datamängden/)).toHaveTextContent(
      'foo',
    );
  });
});

describe('map', () => {
  it('selects the only actor of a place clicked on the map', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(
      await screen.findByRole('button', { name: /place 18\.00000,59\.35000 \(1\)/ }),
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Åkerlabbet' })).toBeInTheDocument();
  });

  it('lists the occupants of a shared place instead of hiding one under the other', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(
      await screen.findByRole('button', { name: /place 17\.60000,59\.20000 \(2\)/ }),
    );
    const panel = screen.getByRole('complementary');
    expect(
      within(panel).getByRole('heading', { name: '2 aktörer på samma plats' }),
    ).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: /Teststaden/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Teststaden' })).toBeInTheDocument();
  });

  it('without WebGL, says so and keeps the list working', async () => {
    webgl.available = false;
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByText(/saknar WebGL/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'map stub' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /Åkerlabbet/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Åkerlabbet' })).toBeInTheDocument();
  });
});

describe('language', () => {
  it('switches language, keeps the selection and sets <html lang>', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?actor=park');
    renderApp();
    await screen.findByRole('heading', { level: 2, name: 'Testparken' });
    await user.click(screen.getByRole('button', { name: 'In English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByText('Showing 4 of 4 actors')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Testparken' })).toBeInTheDocument();
    await addressBarWritten();
    expect(window.location.search).toBe('?lang=en&actor=park');
  });
});
