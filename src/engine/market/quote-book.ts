import type { AssetSpec } from '../config.ts';
import { Dec, mul } from '../decimal.ts';
import type { DepthLevel, Quote } from './quote.ts';

const DEPTH_LEVELS = 5;

/** An asset's price and quantity grids, as decimals and numbers, made once per asset. */
interface Grid {
  readonly tick: Dec;
  readonly step: Dec;
  readonly tickNumber: number;
  readonly stepNumber: number;
}
const grids = new WeakMap<AssetSpec, Grid>();
function gridOf(asset: AssetSpec): Grid {
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
  const grid = gridOf(asset);
  const half = Math.max(1, Math.round(mid * 0.00005 * (asset.annualVolatility / 0.6) * stress));
  const gap = Math.max(1, Math.round(mid * 0.0002));
  const topUsd =
    (250_000 * (0.6 / Math.max(0.1, asset.annualVolatility)) ** 2) / Math.max(1, stress);
  const bid = Math.max(1, mid - half);
  return new LazyQuote(grid, gap, topUsd, asset.symbol, time, bid, mid + half, mid, input.halted);
}

/**
 * One side's levels from its best price outwards (`direction` -1 for bids, 1 for asks), `gap`
 * ticks apart, `topUsd` worth at the best.
 */
function sideOf(
  grid: Grid,
  gap: number,
  topUsd: number,
  best: number,
  direction: -1 | 1,
): DepthLevel[] {
  // Bids stop above zero; the array is made at its length, not grown by pushes.
  let count = DEPTH_LEVELS;
  while (count > 0 && best + direction * (count - 1) * gap < 1) count--;
  const levels = new Array<DepthLevel>(count);
  for (let k = 0; k < count; k++) {
    const ticks = best + direction * k * gap;
    levels[k] = new LazyLevel(grid, ticks, stepsAt(grid, topUsd, ticks, k));
  }
  return levels;
}

/** The whole steps at level k (0 = best), `topUsd` (1 + k) worth at its price; at least one. */
function stepsAt(grid: Grid, topUsd: number, ticks: number, k: number): number {
  return Math.max(1, Math.floor((topUsd * (1 + k)) / (ticks * grid.tickNumber * grid.stepNumber)));
}

/**
 * A level's price and quantity as decimals, made when first read: a fill reads a level or two
 * and the depth view reads them all, so most quotes never make most of them. A class with
 * prototype getters, not an object literal with getter closures: it is built ten times for every
 * order.
 */
class LazyLevel implements DepthLevel {
  private priceDec: Dec | undefined;
  private quantityDec: Dec | undefined;

  constructor(
    private readonly grid: Grid,
    readonly ticks: number,
    /** The quantity as whole steps, counted as an integer: exact, and cheaper than decimals. */
    private readonly steps: number,
  ) {}

  get price(): Dec {
    return (this.priceDec ??= mul(this.grid.tick, this.ticks));
  }

  get quantity(): Dec {
    return (this.quantityDec ??= mul(this.grid.step, this.steps));
  }
}

/**
 * A quote whose best prices, like its levels, become decimals when first read; each side's levels
 * are made when that side is first read (a market order reads one side).
 */
class LazyQuote implements Quote {
  private bidDec: Dec | undefined;
  private askDec: Dec | undefined;
  private lastDec: Dec | undefined;
  private bidLevels: DepthLevel[] | undefined;
  private askLevels: DepthLevel[] | undefined;

  constructor(
    private readonly grid: Grid,
    private readonly gap: number,
    private readonly topUsd: number,
    readonly symbol: string,
    readonly time: number,
    private readonly bidTicks: number,
    private readonly askTicks: number,
    readonly lastTicks: number,
    readonly halted: boolean,
  ) {}

  get bids(): readonly DepthLevel[] {
    return (this.bidLevels ??= sideOf(this.grid, this.gap, this.topUsd, this.bidTicks, -1));
  }

  get asks(): readonly DepthLevel[] {
    return (this.askLevels ??= sideOf(this.grid, this.gap, this.topUsd, this.askTicks, 1));
  }

  get bid(): Dec {
    return (this.bidDec ??= mul(this.grid.tick, this.bidTicks));
  }

  get ask(): Dec {
    return (this.askDec ??= mul(this.grid.tick, this.askTicks));
  }

  get last(): Dec {
    return (this.lastDec ??= mul(this.grid.tick, this.lastTicks));
  }
}
