import { Dec, ZERO, add, isAboveZero, smaller, sub } from '../decimal.ts';
import type { Quote } from '../market/quote.ts';
import type { Side } from './order.ts';

/** One price level in whole ticks, with the quantity resting there. */
export interface Level {
  readonly ticks: number;
  readonly quantity: Dec;
}

/** A quote in whole ticks, after the session's spread multiplier. */
export interface Book {
  readonly bids: readonly Level[];
  readonly asks: readonly Level[];
}

/** How fills are made: the realism toggles of the session config. */
export interface FillRules {
  /** False: the whole quantity fills at the best price (the "ideal" preset). */
  readonly slippage: boolean;
  /** True: a market order takes only the visible depth, a resting order one level per tick. */
  readonly partialFills: boolean;
}

/** Beyond the visible levels the book goes on in the same pattern, to this many levels in all. */
const MAX_LEVELS = 40;

/** A quote in ticks, its spread scaled by `multiplier` (0 = no spread, 1 = as simulated). */
export function bookOf(quote: Quote, multiplier: number): Book {
  // The spread as simulated: the quote itself, whose sides are made only when read.
  if (multiplier === 1) return quote;
  const mid = quote.lastTicks;
  const bestBid = quote.bids[0]?.ticks ?? mid;
  const bestAsk = quote.asks[0]?.ticks ?? mid;
  const shiftBid = Math.round((mid - bestBid) * (1 - multiplier));
  const shiftAsk = Math.round((bestAsk - mid) * (1 - multiplier));
  if (shiftBid === 0 && shiftAsk === 0) return quote;
  return {
    bids: quote.bids.map((l) => shifted(l, shiftBid)),
    asks: quote.asks.map((l) => shifted(l, -shiftAsk)),
  };
}

/** A level moved by some ticks; its quantity is still read only when needed. */
function shifted(level: Quote['bids'][number], by: number): Book['bids'][number] {
  return {
    ticks: level.ticks + by,
    get quantity() {
      return level.quantity;
    },
  };
}

/**
 * The slices a taker order of `quantity` gets, best first. Depth is spaced evenly and grows
 * linearly with distance, so the cumulative quantity grows with the square of the distance: the
 * price impact of an order grows with the square root of its size. `limit` (in ticks) stops the
 * walk at a price; the result may fill less than asked when depth or the limit runs out.
 */
export function walkBook(
  book: Book,
  side: Side,
  quantity: Dec,
  rules: FillRules,
  step: Dec,
  limit?: number,
): Level[] {
  const levels = side === 'buy' ? book.asks : book.bids;
  const best = levels[0];
  if (!best) return [];
  if (!rules.slippage)
    return within(best.ticks, side, limit) ? [{ ticks: best.ticks, quantity }] : [];
  const taken: Level[] = [];
  let remaining = quantity;
  const count = rules.partialFills ? levels.length : MAX_LEVELS;
  const gap = Math.abs((levels[1]?.ticks ?? best.ticks + 1) - best.ticks) || 1;
  for (let k = 0; k < count && isAboveZero(remaining); k++) {
    const level = levels[k] ?? extrapolate(best, k, gap, side, step);
    if (!within(level.ticks, side, limit)) break;
    const take = smaller(remaining, level.quantity);
    // Most orders take the best level alone: one slice, in an array of one, not one grown by a
    // push (which makes room for sixteen).
    if (k === 0 && take === remaining) return [{ ticks: level.ticks, quantity: take }];
    taken.push({ ticks: level.ticks, quantity: take });
    remaining = take === remaining ? ZERO : sub(remaining, take);
  }
  return taken;
}

/** Whether a taker may fill at a price: a positive one, not beyond its limit if it has one. */
function within(ticks: number, side: Side, limit: number | undefined): boolean {
  return ticks >= 1 && (limit === undefined || (side === 'buy' ? ticks <= limit : ticks >= limit));
}

/** Level k beyond the visible depth: k gaps from the best, (1 + k) times its size. */
function extrapolate(best: Level, k: number, gap: number, side: Side, step: Dec): Level {
  return {
    ticks: side === 'buy' ? best.ticks + k * gap : best.ticks - k * gap,
    quantity: Dec.max(best.quantity.times(1 + k).toNearest(step, Dec.ROUND_DOWN), step),
  };
}

/** The total quantity of some slices. */
export function totalOf(slices: readonly Level[]): Dec {
  return slices.reduce((sum, s) => add(sum, s.quantity), ZERO);
}
