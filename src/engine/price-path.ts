import type { AssetSpec } from './config.ts';
import type { Rng } from './rng.ts';

const MS_PER_YEAR = 365 * 24 * 3600 * 1000;

/**
 * A simple driftless random walk of one asset's price, one step per tick: the placeholder the
 * market simulator replaces. It uses only + - * / and sqrt, which are exactly rounded in every
 * JavaScript engine, so the path is bit-identical everywhere.
 */
export class PricePath {
  private readonly stepVolatility: number;

  constructor(
    readonly asset: AssetSpec,
    tickMs: number,
    /** The unrounded price; the ledger sees it rounded to the tick. */
    public price: number,
  ) {
    this.stepVolatility = asset.annualVolatility * Math.sqrt(tickMs / MS_PER_YEAR);
  }

  /** Moves the price by one tick. */
  step(rng: Rng): void {
    const shock = this.stepVolatility * rng.nextNormal();
    // Clamp keeps the price positive whatever the draw; at 1 s ticks it never binds.
    this.price *= Math.max(0.5, 1 + shock);
  }
}
