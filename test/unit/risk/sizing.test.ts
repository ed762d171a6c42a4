import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal.ts';
import {
  fixedFractional,
  kellyFraction,
  volatilitySized,
} from '../../../src/engine/risk/sizing.ts';

const btc = { symbol: 'BTC', stepSize: '0.00000001', minNotional: '10' };
const d = (s: string) => new Dec(s);

describe('position sizing', () => {
  it('risks the fraction of equity between entry and stop, rounded down to the step', () => {
    const size = fixedFractional({
      equity: d('50000'),
      riskFraction: d('0.02'),
      entry: d('50000'),
      stop: d('48000'),
      asset: btc,
    });
    // $1,000 at risk over $2,000 a coin: 0.5 BTC, $25,000 notional.
    expect(
      size.ok && [
        size.value.quantity.toFixed(),
        size.value.notional.toFixed(2),
        size.value.riskAmount.toFixed(2),
      ],
    ).toEqual(['0.5', '25000.00', '1000.00']);
  });

  it('rounds an awkward size down to the step and the cent', () => {
    const size = fixedFractional({
      equity: d('49973.07'),
      riskFraction: d('0.01'),
      entry: d('3000'),
      stop: d('2900'),
      asset: { ...btc, symbol: 'ETH', stepSize: '0.0001' },
    });
    // 499.7307 / 100 = 4.997307 → 4.9973 ETH.
    expect(size.ok && size.value.quantity.toFixed()).toBe('4.9973');
    expect(size.ok && size.value.riskAmount.toFixed(2)).toBe('499.73');
  });

  it.each([
    ['no stop', { stop: undefined }, 'no-stop', /Give a stop price/],
    [
      'a stop above entry',
      { stop: d('51000') },
      'stop-not-below-entry',
      /The stop \$51,000\.00 must be below the entry \$50,000\.00/,
    ],
    ['no equity', { equity: d('0') }, 'no-equity', /no equity/],
    [
      'a size below the minimum',
      { equity: d('100'), riskFraction: d('0.001') },
      'below-min-notional',
      /below the \$10\.00 minimum for BTC/,
    ],
  ])('says why the size is zero: %s', (_name, change, code, message) => {
    const size = fixedFractional({
      equity: d('50000'),
      riskFraction: d('0.02'),
      entry: d('50000'),
      stop: d('48000'),
      asset: btc,
      ...change,
    });
    expect(size.ok).toBe(false);
    if (!size.ok) {
      expect(size.code).toBe(code);
      expect(size.message).toMatch(message);
    }
  });

  it('puts the stop two ATRs below entry for volatility sizing', () => {
    const size = volatilitySized({
      equity: d('50000'),
      riskFraction: d('0.01'),
      entry: d('100'),
      atr: d('5'),
      asset: { ...btc, symbol: 'SOL', stepSize: '0.01' },
    });
    // $500 over $10 a coin = 50 SOL.
    expect(size.ok && size.value.quantity.toFixed()).toBe('50');
  });

  it('takes half-Kelly, capped, and refuses to bet without an edge', () => {
    // W = 0.55, R = 1.5: f* = 0.55 − 0.45 / 1.5 = 0.25; half = 0.125; capped at 5 %.
    expect(kellyFraction({ winRate: 0.55, payoffRatio: 1.5 })).toEqual({ ok: true, value: 0.05 });
    const uncapped = kellyFraction({ winRate: 0.55, payoffRatio: 1.5, cap: 1 });
    expect(uncapped.ok && uncapped.value).toBeCloseTo(0.125, 12);
    expect(kellyFraction({ winRate: 0.4, payoffRatio: 1 })).toMatchObject({
      ok: false,
      code: 'no-edge',
    });
    expect(kellyFraction({ winRate: 1.2, payoffRatio: 1 })).toMatchObject({
      ok: false,
      code: 'bad-input',
    });
  });
});
