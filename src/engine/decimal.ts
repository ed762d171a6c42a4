import Decimal from 'decimal.js';
import { roundToCent } from './exact.ts';

// Exact arithmetic that makes one new decimal per result (see exact.ts).
export { add, centsOf, mul, roundToCent, sub } from './exact.ts';

/**
 * The engine's one decimal type. Rounding rule, used everywhere unless a caller says otherwise:
 * ROUND_HALF_EVEN (banker's rounding), so that rounding errors do not drift one way over many
 * fills. Money in the quote currency is kept to the cent; prices to the asset's tick; quantities
 * must already sit on the asset's step (an over-precise quantity is refused, never rounded).
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const CENT = new Dec('0.01');

const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** True when the string is a plain decimal: optional minus, digits, optional fraction, no exponent. */
export function isDecimalString(text: string): boolean {
  return text.length <= 64 && DECIMAL_PATTERN.test(text);
}

/** Parses a plain decimal string; throws on anything else (callers validate first). */
export function dec(text: string): Dec {
  if (!isDecimalString(text)) throw new Error(`Not a decimal string: ${JSON.stringify(text)}`);
  return new Dec(text);
}

const PARSED = new Map<string, Dec>();
const PARSED_LIMIT = 4096;

/**
 * A decimal string the engine made or already validated (an order's quantity, filled amount or
 * price, an asset's grid) as a Dec, remembered. The order path reads the same few strings many
 * times for each order, and a decimal.js value never changes, so one parse can be shared.
 */
export function parsed(text: string): Dec {
  let value = PARSED.get(text);
  if (value === undefined) {
    value = new Dec(text);
    remember(text, value, text === canonical(value));
  }
  return value;
}

/** The canonical text of each remembered decimal: `canonical` of it is a look-up. */
const TEXTS = new WeakMap<Dec, string>();

function remember(text: string, value: Dec, isCanonical: boolean): void {
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(text, value);
  if (isCanonical) TEXTS.set(value, text);
}

/**
 * `canonical(value)`, and the value remembered as `parsed` of that text: the order path writes a
 * price into an order as text and reads it back as a decimal (the reference price of each fill).
 */
export function canonicalRemembered(value: Dec): string {
  const text = canonical(value);
  // A zero may be negative zero; '0' stays the parse of its text.
  if (!value.isZero() && !PARSED.has(text)) remember(text, value, true);
  return text;
}

/**
 * `a.comparedTo(b)` (-1, 0 or 1) without its cost: decimal.js copies `b` into a new decimal to
 * compare it, and the order path compares a dozen times for every order. Reads the documented
 * read-only fields of a finite decimal: sign `s`, exponent `e`, base-1e7 digits `d`.
 */
export function compare(a: Dec, b: Dec): number {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.comparedTo(b); // NaN or infinite: never made by the engine
  if (!ad[0] || !bd[0]) return ad[0] ? a.s : bd[0] ? -b.s : 0;
  if (a.s !== b.s) return a.s;
  const bigger = a.s > 0 ? 1 : -1;
  if (a.e !== b.e) return a.e > b.e ? bigger : -bigger;
  const shorter = Math.min(ad.length, bd.length);
  for (let i = 0; i < shorter; i++) if (ad[i] !== bd[i]) return ad[i]! > bd[i]! ? bigger : -bigger;
  return ad.length === bd.length ? 0 : ad.length > bd.length ? bigger : -bigger;
}

/** `value > 0`, made no copy of zero to compare with. */
export function isAboveZero(value: Dec): boolean {
  return value.s > 0 && !value.isZero();
}

/**
 * The smaller of two decimals, itself rather than a copy (`Dec.min` makes a new one): decimals
 * never change, and the order path takes a minimum for every slice.
 */
export function smaller(a: Dec, b: Dec): Dec {
  return compare(b, a) < 0 ? b : a;
}

/** The canonical string of a decimal: no exponent, no trailing zeros, no negative zero. */
export function canonical(value: Dec): string {
  if (value.isZero()) return '0';
  return TEXTS.get(value) ?? value.toFixed();
}

/** Rounds money to the cent with the engine's rounding rule. */
export function toCent(value: Dec): Dec {
  // Already to the cent (a rounded notional, a zero): itself, since decimals never change.
  return roundToCent(value);
}

/** Rounds a price to the nearest multiple of the tick. */
export function toTick(value: Dec, tick: Dec): Dec {
  return value.toNearest(tick, Dec.ROUND_HALF_EVEN);
}

/** Number of digits after the decimal point of a decimal string ("0.50" has 2). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Formats money for a message, e.g. 1499.19 → "$1,499.19". */
export function formatUsd(value: Dec): string {
  return withDollars(toCent(value).toFixed(2));
}

/**
 * Money that a refusal compares with a limit (shown to the cent), written so that the text is as
 * true as the comparison: to the cent when the cent shows the difference, exactly otherwise
 * ("$999.4614 is over the limit of $999.46", never "$999.46 is over $999.46").
 */
export function formatUsdAgainst(value: Dec, limit: Dec): string {
  const cents = toCent(value);
  if (cents.comparedTo(toCent(limit)) === value.comparedTo(limit)) return formatUsd(cents);
  return withDollars(value.toFixed(Math.max(2, value.decimalPlaces())));
}

/**
 * `value` to `places` decimals, or to as many more as it takes for the text to compare with
 * `bound` (shown to `places`) as the value itself does.
 */
export function fixedAgainst(value: Dec, bound: Dec, places: number): string {
  const shownBound = bound.toDecimalPlaces(places);
  const order = value.comparedTo(bound);
  let shown = places;
  while (
    shown < value.decimalPlaces() &&
    value.toDecimalPlaces(shown).comparedTo(shownBound) !== order
  )
    shown++;
  return value.toFixed(shown);
}

function withDollars(fixed: string): string {
  const negative = fixed.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${grouped}.${cents}`;
}
