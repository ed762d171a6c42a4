import { describe, expect, it } from 'vitest';
import { fatTailedShock, zigguratNormal } from '../../../src/engine/market/fast-shocks.ts';
import { Rng } from '../../../src/engine/rng.ts';

const N = 2_000_000;

/** The share of draws beyond ±x, and the draws' mean and variance. */
function tails(draw: () => number, xs: readonly number[]) {
  const beyond = xs.map(() => 0);
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < N; i++) {
    const z = draw();
    sum += z;
    squares += z * z;
    const a = Math.abs(z);
    for (let k = 0; k < xs.length; k++) if (a > xs[k]!) beyond[k]!++;
  }
  return { shares: beyond.map((b) => b / N), mean: sum / N, variance: squares / N };
}

/** Within six standard errors of a share p measured from N draws. */
const near = (measured: number, p: number) =>
  expect(Math.abs(measured - p)).toBeLessThan(6 * Math.sqrt((p * (1 - p)) / N));

describe('market model 2 shocks', () => {
  it('draws standard normals from the ziggurat: the textbook tail areas, the tail path included', () => {
    const rng = Rng.fromSeed('ziggurat');
    const { shares, mean, variance } = tails(
      () => zigguratNormal(rng, rng.nextUint32()),
      [1, 2, 3, 3.5, 4],
    );
    // P(|Z| > x) from the normal table.
    [0.3173105, 0.0455003, 0.0026998, 0.00046526, 0.00006334].forEach((p, k) =>
      near(shares[k]!, p),
    );
    expect(Math.abs(mean)).toBeLessThan(6 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(0.005);
  });

  it('scales them to a unit-variance Student-t with 4 degrees of freedom', () => {
    // Student-t, ν = 4: F(t) = 1/2 + (3/8)·u·(1 − u²/12), u = t/√(1 + t²/4). A unit-variance
    // shock s is t/√2, so P(|s| > x) = 2(1 − F(x√2)).
    const cdf = (t: number) => {
      const u = t / Math.sqrt(1 + (t * t) / 4);
      return 0.5 + (3 / 8) * u * (1 - (u * u) / 12);
    };
    const rng = Rng.fromSeed('student');
    const xs = [0.5, 1, 2, 3];
    const { shares, mean, variance } = tails(() => fatTailedShock(rng), xs);
    xs.forEach((x, k) => near(shares[k]!, 2 * (1 - cdf(x * Math.SQRT2))));
    expect(Math.abs(mean)).toBeLessThan(6 / Math.sqrt(N));
    // The scale table is rescaled to variance 1; what is left is sampling error.
    expect(Math.abs(variance - 1)).toBeLessThan(0.01);
  });

  it('uses the generator alone: the same seed gives the same draws', () => {
    const a = Rng.fromSeed('same');
    const b = Rng.fromSeed('same');
    for (let i = 0; i < 1000; i++) expect(fatTailedShock(a)).toBe(fatTailedShock(b));
    expect(a.state()).toEqual(b.state());
  });
});
