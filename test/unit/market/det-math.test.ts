import { describe, expect, it } from 'vitest';
import { detExp, detLog } from '../../../src/engine/market/det-math.ts';
import { Rng } from '../../../src/engine/rng.ts';

describe('deterministic log and exp', () => {
  it('agree with Math.log and Math.exp to 1e-15, relative', () => {
    const rng = Rng.fromSeed('det');
    for (let i = 0; i < 20_000; i++) {
      const x = rng.nextFloat() * 10 ** (rng.nextFloat() * 40 - 20) || 1e-300;
      expect(Math.abs(detLog(x) - Math.log(x))).toBeLessThanOrEqual(
        1e-15 * Math.max(1, Math.abs(Math.log(x))),
      );
      const y = (rng.nextFloat() - 0.5) * 200;
      expect(Math.abs(detExp(y) / Math.exp(y) - 1)).toBeLessThan(1e-14);
    }
  });

  it('stop their series early with the same bits as all fifteen terms', () => {
    // The published definition: the full series, every term added, whatever its size.
    const fullSeries = (x: number): number => {
      const exponent = Math.floor(Math.log2(x));
      let m = x / 2 ** exponent;
      let e = exponent;
      if (m > Math.SQRT2) {
        m /= 2;
        e++;
      }
      const s = (m - 1) / (m + 1);
      let term = s;
      let sum = s;
      for (let k = 3; k <= 31; k += 2) {
        term *= s * s;
        sum += term / k;
      }
      return e * 0.6931471805599453 + 2 * sum;
    };
    const rng = Rng.fromSeed('det-bits');
    for (let i = 0; i < 200_000; i++) {
      // Uniforms (as the market draws them), products of two, and values close to 1 and √2.
      const u = 1 - rng.nextFloat();
      const x = [
        u,
        u * (1 - rng.nextFloat()),
        1 + (u - 0.5) * 1e-9,
        Math.SQRT2 * (1 + (u - 0.5) * 1e-12),
      ][i % 4]!;
      expect(Object.is(detLog(x), fullSeries(x))).toBe(true);
    }
  });

  it('handle the edges of their ranges', () => {
    expect(detLog(1)).toBe(0);
    expect(detLog(5e-324)).toBeCloseTo(Math.log(5e-324), 10);
    expect(detExp(0)).toBe(1);
    expect(() => detLog(0)).toThrow();
    expect(() => detLog(-1)).toThrow();
  });
});
