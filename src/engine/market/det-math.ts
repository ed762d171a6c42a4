/**
 * log and exp from + − × ÷ and bit operations only. Math.log and Math.exp may differ in the last
 * bit between JavaScript engines; these give the same bits everywhere, so a seeded market is
 * identical on every browser. Relative error is below 1e-15.
 */
const LN2 = 0.6931471805599453;
// ln 2 split in two (Cody and Waite): k × LN2_HI is exact, so the reduction loses no bits.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.9082149292705877e-10;
const SQRT2 = 1.4142135623730951;
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
// Little-endian on every platform a browser runs on: word 1 holds sign, exponent and high mantissa.
const HIGH = 1;

/** Natural logarithm of a positive finite number. */
export function detLog(x: number): number {
  if (!(x > 0) || x === Infinity) throw new Error(`detLog of ${x}`);
  scratch[0] = x;
  let exponent = ((words[HIGH]! >>> 20) & 0x7ff) - 1023;
  if (exponent === -1023) {
    // Subnormal: scale into the normal range first (exact, a power of two).
    scratch[0] = x * 18014398509481984; // 2^54
    exponent = ((words[HIGH]! >>> 20) & 0x7ff) - 1023 - 54;
  }
  // Mantissa m in [1, 2): set the exponent field to 1023.
  words[HIGH] = (words[HIGH]! & 0x800fffff) | 0x3ff00000;
  let m = scratch[0]!;
  if (m > SQRT2) {
    m /= 2;
    exponent++;
  }
  // log(m) = 2 atanh(s), s = (m − 1) / (m + 1), |s| < 0.172.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  // Every term has the sign of s and is smaller than the one before, so once a term leaves the
  // sum unchanged (rounding is monotone) every later one does too: stopping there gives the same
  // bits as summing all fifteen, in about half the work.
  for (let k = 3; k <= 31; k += 2) {
    term *= s2;
    const next = sum + term / k;
    if (next === sum) break;
    sum = next;
  }
  return exponent * LN2 + 2 * sum;
}

/** e to the power x, for |x| < 700. */
export function detExp(x: number): number {
  if (!(Math.abs(x) < 700)) throw new Error(`detExp of ${x}`);
  const k = Math.round(x / LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Taylor series of e^r for |r| ≤ 0.35: 18 terms leave an error far below 1e-16.
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 18; n++) {
    term = (term * r) / n;
    sum += term;
  }
  scratch[0] = 1;
  words[HIGH] = ((k + 1023) & 0x7ff) << 20;
  words[0] = 0;
  return sum * scratch[0]!;
}
