import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { useUiStore } from '@/app/ui-store.ts';
import { flushUrlWrites } from '@/app/url-store.ts';
import { server } from '../../mocks/node.ts';

const initialUi = useUiStore.getState();

// The first test of a file waits for the backend module's lazy import and the dataset's parse;
// on a loaded 2-core machine that took up to 1.4 s, past the default 1 s of findBy queries.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout: give elements a size so the virtualised list renders its rows.
for (const [prop, value] of [
  ['offsetHeight', 80],
  ['offsetWidth', 360],
  ['clientHeight', 600],
  ['clientWidth', 360],
] as const) {
  Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
}
Element.prototype.getBoundingClientRect = function getBoundingClientRect() {
  return {
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    width: 360,
    height: 600,
    right: 360,
    bottom: 600,
    toJSON: () => ({}),
  } as DOMRect;
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  // A write the last test left pending would land in this one.
  flushUrlWrites();
  window.history.replaceState(null, '', '/');
  useUiStore.setState(initialUi, true);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
