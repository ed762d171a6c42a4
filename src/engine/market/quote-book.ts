import type { AssetSpec } from '../config.ts';
import { Dec } from '../decimal.ts';
import type { DepthLevel, Quote } from './quote.ts';

const DEPTH_LEVELS = 5;

/** An asset's price and quantity grids, as decimals and numbers, made once per asset. */
const grids = new WeakMap<
  AssetSpec,
  { tick: Dec; step: Dec; tickNumber: number; stepNumber: number }
>();
function gridOf(asset: AssetSpec) {
  let grid = grids.get(asset);
  if (!grid) {
    grid = {
      tick: new Dec(asset.tickSize),
      step: new Dec(asset.stepSize),
      tickNumber: Number(asset.tickSize),
      stepNumber: Number(asset.stepSize),
    };
    grids.set(asset, grid);
  }
  return grid;
}

/**
 * Builds a quote around a mid price (in ticks): a half-spread of half a basis point for a coin as
 * volatile as Bitcoin, wider for wilder coins and in stress; five depth levels two basis points
 * apart whose size grows with distance and shrinks in stress (assumed liquidity, not measured).
 */
export function buildQuote(input: {
  readonly asset: AssetSpec;
  readonly time: number;
  readonly midTicks: number;
  /** Current volatility over its normal level (1 = normal). */
  readonly stress: number;
  readonly halted: boolean;
}): Quote {
  const { asset, time, midTicks: mid, stress } = input;
  const { tick, step, tickNumber, stepNumber } = gridOf(asset);
  const half = Math.max(1, Math.round(mid * 0.00005 * (asset.annualVolatility / 0.6) * stress));
  const bid = Math.max(1, mid - half);
  const ask = mid + half;
  const gap = Math.max(1, Math.round(mid * 0.0002));
  const topUsd =
    (250_000 * (0.6 / Math.max(0.1, asset.annualVolatility)) ** 2) / Math.max(1, stress);
  // Quantities are whole steps, counted as integers: exact, and cheaper than rounding decimals.
  // A fill reads a level or two and the depth view reads them all: each level makes its
  // decimals when first read, not ten of them for every quote.
  const level = (ticks: number, k: number): DepthLevel => {
    const steps = Math.max(1, Math.floor((topUsd * (1 + k)) / (ticks * tickNumber * stepNumber)));
    let price: Dec | undefined;
    let quantity: Dec | undefined;
    return {
      ticks,
      get price() {
        return (price ??= tick.times(ticks));
      },
      get quantity() {
        return (quantity ??= step.times(steps));
      },
    };
  };
  const bids: DepthLevel[] = [];
  const asks: DepthLevel[] = [];
  for (let k = 0; k < DEPTH_LEVELS; k++) {
    if (bid - k * gap >= 1) bids.push(level(bid - k * gap, k));
    asks.push(level(ask + k * gap, k));
  }
  return {
    symbol: asset.symbol,
    time,
    bid: tick.times(bid),
    ask: tick.times(ask),
    last: tick.times(mid),
    lastTicks: mid,
    bids,
    asks,
    halted: input.halted,
  };
}
