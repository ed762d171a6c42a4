import type { Dec } from '../decimal.ts';

/** One level of simulated order-book depth: a price on the tick grid and the quantity there. */
export interface DepthLevel {
  readonly price: Dec;
  /** The price as a whole number of ticks, for fast comparisons. */
  readonly ticks: number;
  readonly quantity: Dec;
}

/**
 * What the market offers for one asset at one simulated time: the contract between the market
 * simulator (which makes quotes) and the order engine (which fills against them).
 * Prices are on the asset's tick grid, quantities on its step grid; bid < ask when not halted.
 */
export interface Quote {
  readonly symbol: string;
  readonly time: number;
  /** Best bid and best ask. */
  readonly bid: Dec;
  readonly ask: Dec;
  /** The last traded price (the mid rounded to the tick). */
  readonly last: Dec;
  readonly lastTicks: number;
  /** Depth, best level first; a market order walks these and pays the impact. */
  readonly bids: readonly DepthLevel[];
  readonly asks: readonly DepthLevel[];
  /** A halted asset accepts no fills (a scenario event can halt one). */
  readonly halted: boolean;
}
