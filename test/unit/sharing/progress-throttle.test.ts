import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_INTERVAL_MS, throttled } from '../../../src/worker/throttle.ts';

describe('progress sent to the page', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['performance'] }));
  afterEach(() => void vi.useRealTimers());

  it('passes at most one call per interval, and always the final one', async () => {
    const seen: number[] = [];
    const report = throttled((n: number) => seen.push(n));
    // A replay that tells its progress every 10 ms for one simulated second of wall time.
    for (let n = 1; n <= 100; n++) {
      report(n === 100, n);
      vi.advanceTimersByTime(10);
    }
    await Promise.resolve();
    await Promise.resolve();
    expect(seen.length).toBeLessThanOrEqual(1000 / PROGRESS_INTERVAL_MS + 1);
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(100);
  });

  it('ignores a page that has gone: a failing callback throws nothing', async () => {
    const report = throttled(() => Promise.reject(new Error('proxy released')));
    expect(() => report(true)).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
