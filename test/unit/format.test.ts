import { describe, expect, it } from 'vitest';
import {
  axisFigure,
  axisPrice,
  bytes,
  decimal,
  megabytes,
  money,
  percent,
  price,
  signedMoney,
  signedPercent,
} from '../../src/ui/format.ts';

// Written from what a reader expects to see, not from the code: one rule everywhere.
describe('numbers as people read them', () => {
  it('shows a loss with a true minus before the dollar sign', () => {
    expect(money('-20000')).toBe('−$20,000.00');
    expect(money(-0.5)).toBe('−$0.50');
    expect(money('49954')).toBe('$49,954.00');
    expect(money('1234567.891')).toBe('$1,234,567.89');
  });

  it('never shows a negative zero', () => {
    expect(money('-0')).toBe('$0.00');
    expect(money(-0.004)).toBe('$0.00');
    expect(percent(-0.00004)).toBe('0.0%');
    expect(percent(-0)).toBe('0.0%');
    expect(signedMoney('-0.001')).toBe('$0.00');
    expect(signedPercent(-0.000001)).toBe('0.00%');
    expect(decimal(-0.0004, 3)).toBe('0.000');
  });

  it('signs changes: gains with +, losses with −, nothing for zero', () => {
    expect(signedMoney('1.5')).toBe('+$1.50');
    expect(signedMoney('-0.5')).toBe('−$0.50');
    expect(signedMoney(0)).toBe('$0.00');
    expect(signedPercent(0.0123)).toBe('+1.23%');
    expect(signedPercent(-0.05)).toBe('−5.00%');
    expect(signedPercent(0.001)).toBe('+0.10%');
  });

  it('shows percentages with one decimal and grouping', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(-0.038)).toBe('−3.8%');
    expect(percent(-32.448)).toBe('−3,244.8%');
  });

  it('keeps every decimal of a price tick, and at least cents', () => {
    expect(price('49973.07')).toBe('$49,973.07');
    expect(price('0.4522')).toBe('$0.4522');
    expect(price('0.00001234')).toBe('$0.00001234');
    expect(price('6.5')).toBe('$6.50');
    expect(price('100')).toBe('$100.00');
    expect(price('1234567.1')).toBe('$1,234,567.10');
  });

  it('shows sizes in the unit that suits them', () => {
    expect(bytes(0)).toBe('0 bytes');
    expect(bytes(1023)).toBe('1,023 bytes');
    expect(bytes(10_240)).toBe('10.0 KB');
    expect(megabytes(10241.6)).toBe('10.0 GB');
    expect(megabytes(0.5)).toBe('512.0 KB');
    expect(bytes(5 * 1024 ** 4)).toBe('5.0 TB');
  });

  it('does not depend on the device locale', () => {
    // Intl is asked for en-US explicitly; a German device still reads 1,234.50.
    expect(decimal(1234.5)).toBe('1,234.50');
  });
});

describe('chart axes', () => {
  it('price a tick with cents, and to four decimals under $10', () => {
    expect(axisPrice(50_000)).toBe('$50,000.00');
    expect(axisPrice(0.4522)).toBe('$0.4522');
    expect(axisPrice(1.5)).toBe('$1.50');
    expect(axisPrice(12.345)).toBe('$12.35');
  });

  it('give a figure three significant digits, whole from a thousand up', () => {
    expect(axisFigure(0.012345)).toBe('0.0123');
    expect(axisFigure(12.5)).toBe('12.5');
    expect(axisFigure(1234.5)).toBe('1,234.5');
  });

  it('keep each shape once made: eight decimals twice give the same text', () => {
    expect(money(0.00001234, 8)).toBe('$0.00001234');
    expect(money(-0.00001234, 8)).toBe('\u2212$0.00001234');
  });
});
