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

  it('handle the edges of their ranges', () => {
    expect(detLog(1)).toBe(0);
    expect(detLog(5e-324)).toBeCloseTo(Math.log(5e-324), 10);
    expect(detExp(0)).toBe(1);
    expect(() => detLog(0)).toThrow();
    expect(() => detLog(-1)).toThrow();
  });
});
