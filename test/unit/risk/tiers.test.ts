import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal.ts';
import { cappedByGlobalLimit, maxPositionValue, TIERS } from '../../../src/engine/risk/tiers.ts';

describe('the three risk tiers', () => {
  const equity = new Dec('49973.07');

  it('give the original report’s maximum positions at $49,973.07 of equity', () => {
    expect(maxPositionValue(TIERS.conservative, equity).toFixed(2)).toBe('499.73');
    expect(maxPositionValue(TIERS.moderate, equity).toFixed(2)).toBe('999.46');
    expect(maxPositionValue(TIERS.aggressive, equity).toFixed(2)).toBe('999.46');
  });

  it('let the 2 % global cap hold the Aggressive tier', () => {
    expect(cappedByGlobalLimit(TIERS.aggressive)).toBe(true);
    expect(cappedByGlobalLimit(TIERS.moderate)).toBe(false);
  });

  it('round a limit down, never up past itself', () => {
    expect(maxPositionValue(TIERS.conservative, new Dec('99.999')).toFixed(2)).toBe('0.99');
  });
});
