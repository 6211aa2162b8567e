import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RegionErrorBoundary } from '@/app/error-boundary.tsx';

function Broken(): never {
  throw new Error('boom');
}

describe('RegionErrorBoundary', () => {
  it('replaces only the broken region with its fallback', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <main>
        <RegionErrorBoundary fallback={<p>Den här delen kunde inte visas.</p>}>
          <Broken />
        </RegionErrorBoundary>
        <p>Resten av sidan</p>
      </main>,
    );
    expect(screen.getByText('Den här delen kunde inte visas.')).toBeInTheDocument();
    expect(screen.getByText('Resten av sidan')).toBeInTheDocument();
    spy.mockRestore();
  });
});
