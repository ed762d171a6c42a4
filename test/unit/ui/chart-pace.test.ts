import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paced } from '../../../src/ui/chart-pace.ts';

const PACE = 250;

describe('a paced chart', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws the first change at once, then at most once a pace, ending on the newest', () => {
    let data = 0;
    const drawn: number[] = [];
    const chart = paced(() => drawn.push(data), PACE);
    data = 1;
    chart.request();
    expect(drawn).toEqual([1]);
    // Ten changes within 100 ms: none drawn yet, then only the last one.
    for (let i = 2; i <= 11; i++) {
      data = i;
      chart.request();
      vi.advanceTimersByTime(10);
    }
    expect(drawn).toEqual([1]);
    vi.advanceTimersByTime(150);
    expect(drawn).toEqual([1, 11]);
    vi.advanceTimersByTime(1000);
    expect(drawn).toEqual([1, 11]);
  });

  it('draws nothing more once stopped', () => {
    const drawn: number[] = [];
    const chart = paced(() => drawn.push(drawn.length), PACE);
    chart.request();
    chart.request();
    chart.stop();
    vi.advanceTimersByTime(1000);
    expect(drawn).toEqual([0]);
  });
});
