import { describe, expect, it, vi } from 'vitest';
import { IdScan } from '@/data/id-scan.ts';

describe('IdScan', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `aktör-${i}`);

  it('finds every id, and nothing for an unknown one', () => {
    const index = new IdScan(ids);
    expect(ids.every((id, i) => index.get(id) === i)).toBe(true);
    expect(index.get('no-such-actor')).toBeUndefined();
    expect(index.get('no-such-actor')).toBeUndefined();
  });

  it('scans once for an id asked for again and again', () => {
    const scan = vi.spyOn(ids, 'indexOf');
    const index = new IdScan(ids);
    for (let render = 0; render < 5; render++) expect(index.get('aktör-999')).toBe(999);
    expect(scan).toHaveBeenCalledTimes(1);
    scan.mockRestore();
  });
});
