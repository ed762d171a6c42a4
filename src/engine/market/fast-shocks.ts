/**
 * Market model 2's shocks: the same unit-variance, Student-t-like fat tails as model 1, at about
 * an eighth of the cost (17 against 140 ns a draw in node). A normal draw comes from Marsaglia
 * and Tsang's ziggurat (2000), and its scale from a table of the Student-t (4 degrees of freedom)
 * mixing distribution, so the usual draw is two 32-bit integers, two table reads and a multiply,
 * with no logarithm.
 *
 * The tables are computed when this module loads, from `detLog`, `detExp` and `Math.sqrt` (which
 * IEEE 754 rounds exactly), so they hold the same bits in every JavaScript engine.
 */
import type { Rng } from '../rng.ts';
import { detExp, detLog } from './det-math.ts';

const LAYERS = 128;
/** Where the ziggurat's tail begins, and the area of each layer (Marsaglia and Tsang's values). */
const TAIL = 3.442619855899;
const AREA = 9.91256303526217e-3;
const M31 = 2147483648;

/** |draw| below LIMIT[i] lies inside layer i's rectangle; WIDTH[i] scales it; EDGE[i] is e^(−x²/2) at its edge. */
const LIMIT = new Float64Array(LAYERS);
const WIDTH = new Float64Array(LAYERS);
const EDGE = new Float64Array(LAYERS);
{
  let x = TAIL;
  let previous = TAIL;
  const q = AREA / detExp(-0.5 * x * x);
  LIMIT[0] = (x / q) * M31;
  LIMIT[1] = 0;
  WIDTH[0] = q / M31;
  WIDTH[LAYERS - 1] = x / M31;
  EDGE[0] = 1;
  EDGE[LAYERS - 1] = detExp(-0.5 * x * x);
  for (let i = LAYERS - 2; i >= 1; i--) {
    x = Math.sqrt(-2 * detLog(AREA / x + detExp(-0.5 * x * x)));
    LIMIT[i + 1] = (x / previous) * M31;
    previous = x;
    EDGE[i] = detExp(-0.5 * x * x);
    WIDTH[i] = x / M31;
  }
}

/**
 * A standard normal draw. `layerBits` picks the layer (its low seven bits); the value comes from
 * the next integer, so the layer and the value never share bits.
 */
export function zigguratNormal(rng: Rng, layerBits: number): number {
  const layer = layerBits & (LAYERS - 1);
  const value = rng.nextInt32();
  // About 98.8 % of draws end here; the rest take the slow path, kept apart so this one inlines.
  if (Math.abs(value) < LIMIT[layer]!) return value * WIDTH[layer]!;
  return outsideBox(rng, layer, value);
}

/** The draws that fall outside their layer's inner rectangle: the wedge or the tail. */
function outsideBox(rng: Rng, layer: number, value: number): number {
  for (;;) {
    if (Math.abs(value) < LIMIT[layer]!) return value * WIDTH[layer]!;
    if (layer === 0) return tail(rng, value > 0);
    const x = value * WIDTH[layer]!;
    const edge = EDGE[layer]!;
    if (edge + rng.nextFloat() * (EDGE[layer - 1]! - edge) < detExp(-0.5 * x * x)) return x;
    layer = rng.nextUint32() & (LAYERS - 1);
    value = rng.nextInt32();
  }
}

/** A draw beyond TAIL (Marsaglia's method for the normal tail), with the given sign. */
function tail(rng: Rng, positive: boolean): number {
  for (;;) {
    const x = -detLog(1 - rng.nextFloat()) / TAIL;
    const y = -detLog(1 - rng.nextFloat());
    if (y + y >= x * x) return positive ? TAIL + x : -TAIL - x;
  }
}

const SCALE_BITS = 10;
const SLICES = 1 << SCALE_BITS;
/**
 * Student-t with ν = 4 is a normal whose variance is 4 / W, W chi-square with 4 degrees of
 * freedom. Cut W into 1,024 equally likely slices: SCALES[k] is √(E[4 / W | W in slice k] / 2),
 * so a slice drawn at random times a normal draw has the Student-t's tails, and the variance of
 * the mixture is exactly E[4 / W] / 2 = 1, as for model 1's scaled Student-t.
 *
 * With density w e^(−w/2) / 4, the slice from a to b gives ∫ (4/w) f(w) dw = 2 (e^(−a/2) − e^(−b/2)),
 * and at the quantile u = w/2 of probability p, e^(−u) = (1 − p) / (1 + u).
 */
const SCALES = new Float64Array(SLICES);
{
  // e^(−w/2) at the slices' bounds: 1 at w = 0, 0 at w = ∞.
  const below = new Float64Array(SLICES + 1);
  below[0] = 1;
  for (let k = 1; k < SLICES; k++) {
    // P(W ≤ 2u) = 1 − e^(−u)(1 + u) = k / SLICES, that is u − log(1 + u) = −log(1 − k / SLICES):
    // Newton's method from above, where the convex left side makes every step move down.
    const rest = (SLICES - k) / SLICES;
    const target = -detLog(rest);
    let u = target + Math.sqrt(2 * target);
    for (let step = 0; step < 100; step++) {
      const next = u - ((u - detLog(1 + u) - target) * (1 + u)) / u;
      if (!(next < u)) break;
      u = next;
    }
    below[k] = rest / (1 + u);
  }
  for (let k = 0; k < SLICES; k++) SCALES[k] = Math.sqrt(SLICES * (below[k]! - below[k + 1]!));
}

/** A unit-variance, fat-tailed shock: a ziggurat normal times a Student-t scale. */
export function fatTailedShock(rng: Rng): number {
  const bits = rng.nextUint32();
  return zigguratNormal(rng, bits) * SCALES[bits >>> (32 - SCALE_BITS)]!;
}
