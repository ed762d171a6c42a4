import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, add, canonical, mul, roundToCent, sub } from '../../../src/engine/decimal.ts';

/** A decimal of up to 18 digits and 0 to 12 decimals, either sign: inside and beyond the fast path. */
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 12 }))
  .map(([digits, places]) => new Dec(digits.toString()).dividedBy(new Dec(10).pow(places)));

/** The same number, written the same way, with the same digits inside. */
function expectSame(actual: Dec, expected: Dec): void {
  expect(canonical(actual)).toBe(canonical(expected));
  if (!expected.isZero())
    expect([actual.s, actual.e, actual.d]).toEqual([expected.s, expected.e, expected.d]);
}

describe('exact arithmetic gives what decimal.js gives', () => {
  it('adds, takes away and multiplies any two decimals alike', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expectSame(add(a, b), a.plus(b));
        expectSame(sub(a, b), a.minus(b));
        expectSame(mul(a, b), a.times(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('multiplies by a whole number of ticks alike', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: -1e9, max: 1e9 }), (a, n) => {
        expectSame(mul(a, n), a.times(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds to the cent half to even alike', () => {
    fc.assert(
      fc.property(decimal, (a) => {
        expectSame(roundToCent(a), a.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds the halves by hand: to the even cent', () => {
    const cents = ['0.005', '0.015', '0.025', '-0.035', '12493.2675', '12.4932675'].map((t) =>
      canonical(roundToCent(new Dec(t))),
    );
    expect(cents).toEqual(['0', '0.02', '0.02', '-0.04', '12493.27', '12.49']);
  });

  it('adds money by hand, and across the edge of the fast path', () => {
    expect(canonical(sub(new Dec('999999499.51'), new Dec('499.73')))).toBe('999998999.78');
    expect(canonical(add(new Dec('999999999999999.99'), new Dec('0.01')))).toBe('1000000000000000');
    expect(canonical(mul(new Dec('0.00000001'), new Dec('0.0000001')))).toBe('0.000000000000001');
  });
});
