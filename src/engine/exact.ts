import { Dec, ZERO } from './decimal.ts';

/**
 * Sums, differences, products and cent rounding of decimals, exact and equal to decimal.js's,
 * with one new decimal for the result and nothing else. decimal.js copies its argument and pads
 * digit arrays for every operation (about 300 bytes); the order path does some thirty of them
 * for every order. Money, prices and quantities have few decimals, so both sides fit a safe
 * integer scaled by a power of ten, where the arithmetic is exact; anything else (more than 14
 * decimals, more than 15 digits) goes to decimal.js as before.
 *
 * Reads decimal.js's documented fields of a finite decimal: sign `s`, exponent `e` (of the
 * leading digit) and digits `d` in base 1e7, most significant first, no zero word at either end.
 */

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const MAX_PLACES = 14;
const SAFE = 2 ** 53;

/** Decimals a finite decimal has after the point, as `decimalPlaces()` counts them. */
function placesOf(x: Dec): number {
  const d = x.d;
  const w = d.length - 1;
  let n = (w - Math.floor(x.e / 7)) * 7;
  let last = d[w]!;
  if (last !== 0) for (; last % 10 === 0; last /= 10) n--;
  return n < 0 ? 0 : n;
}

/** `x` × 10^places as an exact safe integer (places at least `x`'s decimals), or NaN. */
function scaled(x: Dec, places: number): number {
  if (x.e + 1 + places > 15) return NaN;
  const d = x.d;
  const k = Math.floor(x.e / 7);
  let n = 0;
  for (let i = 0; i < d.length; i++) {
    const p = 7 * (k - i) + places;
    n += p >= 0 ? d[i]! * POW10[p]! : d[i]! / POW10[-p]!;
  }
  return x.s < 0 ? -n : n;
}

/**
 * A decimal as a whole number of cents, or NaN when it is not on the cent or is $2.8 trillion or
 * more: thirty-two such amounts add up exactly as numbers.
 */
export function centsOf(x: Dec): number {
  if (!x.d || placesOf(x) > 2) return NaN;
  const cents = scaled(x, 2);
  return Math.abs(cents) < 2 ** 48 ? cents : NaN;
}

/** A whole number of cents (a safe integer) as a decimal. */
export function fromCents(cents: number): Dec {
  return fromScaled(cents, 2);
}

/** Writable view of a decimal made here and not yet handed out. */
type Raw = { s: number; e: number; d: number[] };

/**
 * The template each result is copied from: `new Dec(decimal)` copies its digits at their length.
 * Made on first use, since decimal.ts imports this module before it has made `Dec`.
 */
let template: Raw | undefined;
const WORDS = [0, 0, 0, 0, 0];
const BUFFERS = [1, 2, 3, 4, 5].map((n) => new Array<number>(n).fill(0));

function digitsOf(word: number): number {
  let n = 1;
  while (word >= POW10[n]!) n++;
  return n;
}

/** The decimal `n` × 10^-places, for a safe integer `n` and at most 14 places. */
function fromScaled(n: number, places: number): Dec {
  if (n === 0) return ZERO;
  const a = n < 0 ? -n : n;
  const frac = a % POW10[places]!;
  let whole = (a - frac) / POW10[places]!;
  // Words at base-1e7 exponents 2, 1, 0 (the whole part) and -1, -2 (the fraction).
  if (places <= 7) {
    WORDS[3] = frac * POW10[7 - places]!;
    WORDS[4] = 0;
  } else {
    const low = frac % POW10[places - 7]!;
    WORDS[3] = (frac - low) / POW10[places - 7]!;
    WORDS[4] = low * POW10[14 - places]!;
  }
  WORDS[2] = whole % 1e7;
  whole = (whole - WORDS[2]) / 1e7;
  WORDS[1] = whole % 1e7;
  WORDS[0] = (whole - WORDS[1]) / 1e7;
  let first = 0;
  while (WORDS[first] === 0) first++;
  let last = 4;
  while (WORDS[last] === 0) last--;
  const digits = BUFFERS[last - first]!;
  // `| 0`: the words (below 1e7) and the exponent are kept as small integers, as decimal.js
  // keeps them, not as floating-point numbers, which would each need a box of their own.
  for (let i = first; i <= last; i++) digits[i - first] = WORDS[i]! | 0;
  template ??= new Dec(1) as unknown as Raw;
  template.s = n < 0 ? -1 : 1;
  template.e = (7 * (2 - first) + digitsOf(WORDS[first]!) - 1) | 0;
  template.d = digits;
  return new Dec(template as unknown as Dec);
}

/** `a + b`, exactly. A zero side gives the other side itself (decimals never change). */
export function add(a: Dec, b: Dec): Dec {
  if (b.isZero()) return a;
  if (a.isZero()) return b;
  if (!a.d || !b.d) return a.plus(b);
  const places = Math.max(placesOf(a), placesOf(b));
  if (places <= MAX_PLACES) {
    const sum = scaled(a, places) + scaled(b, places);
    if (sum === sum) return fromScaled(sum, places);
  }
  return a.plus(b);
}

/** `a - b`, exactly. Taking away zero gives `a` itself. */
export function sub(a: Dec, b: Dec): Dec {
  if (b.isZero()) return a;
  if (!a.d || !b.d) return a.minus(b);
  const places = Math.max(placesOf(a), placesOf(b));
  if (places <= MAX_PLACES) {
    const difference = scaled(a, places) - scaled(b, places);
    if (difference === difference) return fromScaled(difference, places);
  }
  return a.minus(b);
}

/** `a × b`, exactly (`b` a decimal or a safe integer such as a count of ticks). */
export function mul(a: Dec, b: Dec | number): Dec {
  if (!a.d) return a.times(b);
  const aPlaces = placesOf(a);
  let product = NaN;
  let places = aPlaces;
  if (typeof b === 'number') {
    if (Number.isSafeInteger(b)) product = scaled(a, aPlaces) * b;
  } else if (b.d) {
    const bPlaces = placesOf(b);
    places += bPlaces;
    product = scaled(a, aPlaces) * scaled(b, bPlaces);
  }
  if (places <= MAX_PLACES && Math.abs(product) < SAFE) return fromScaled(product, places);
  return a.times(b);
}

/**
 * `value` rounded to the cent with ROUND_HALF_EVEN, as `toDecimalPlaces(2, ROUND_HALF_EVEN)`
 * rounds it; a value already to the cent is itself.
 */
export function roundToCent(value: Dec): Dec {
  if (!value.d) return value;
  const places = placesOf(value);
  if (places <= 2) return value;
  const n = places <= MAX_PLACES ? scaled(value, places) : NaN;
  if (n !== n) return value.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
  const unit = POW10[places - 2]!;
  const a = n < 0 ? -n : n;
  const rest = a % unit;
  let cents = (a - rest) / unit;
  if (rest * 2 > unit || (rest * 2 === unit && cents % 2 === 1)) cents++;
  return fromScaled(n < 0 ? -cents : cents, 2);
}
