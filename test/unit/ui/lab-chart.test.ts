import { describe, expect, it } from 'vitest';
import { coincidingWith, refusalsText, tripsText } from '../../../src/ui/lab/lab-chart.ts';

describe('the lab chart', () => {
  it('finds curves that lie on an earlier one, so they can be drawn dashed', () => {
    const a = { equity: [50_000, 49_000, 48_500] };
    const b = { equity: [50_000, 48_000, 47_000] };
    const sameAsB = { equity: [50_000, 48_000, 47_000.01] };
    expect(coincidingWith([a, b, sameAsB])).toEqual([null, null, 1]);
  });

  it('names the refusals by code, or says there were none', () => {
    expect(refusalsText({ 'max-open-positions': 12, breaker: 3 })).toBe(
      'max-open-positions 12, breaker 3',
    );
    expect(refusalsText({})).toBe('none');
    expect(tripsText(2, { drawdown: 1, 'daily-loss': 1 })).toBe('2 (drawdown 1, daily-loss 1)');
    expect(tripsText(0, {})).toBe('0');
  });
});
