import { describe, expect, it } from 'vitest';
import { CentTotal } from '../../../src/engine/analytics/cent-total.ts';
import { Dec, canonical } from '../../../src/engine/decimal.ts';

const total = (start: string, ...steps: ['add' | 'sub', string][]) => {
  const t = new CentTotal(new Dec(start));
  for (const [op, amount] of steps) t[op](new Dec(amount));
  return canonical(t.value);
};

describe('a running total of money is exact', () => {
  it('adds and takes away cents', () => {
    expect(total('0', ['add', '499.73'], ['add', '0.5'], ['sub', '12.49'])).toBe('487.74');
  });

  it('adds amounts off the cent as decimals, in between cents', () => {
    expect(total('1.005', ['add', '0.01'], ['add', '0.0001'], ['sub', '2'])).toBe('-0.9849');
  });

  it('stays exact past the largest safe number of cents', () => {
    expect(
      total('0', ['add', '2000000000000'], ['add', '2000000000000'], ['add', '90000000000000.01']),
    ).toBe('94000000000000.01');
    expect(total('99999999999999999999.99', ['add', '0.01'])).toBe('100000000000000000000');
  });

  it('starts again from zero when cleared', () => {
    const t = new CentTotal(new Dec('5'));
    t.add(new Dec('1.25'));
    t.clear();
    t.sub(new Dec('0.75'));
    expect(canonical(t.value)).toBe('-0.75');
  });
});
