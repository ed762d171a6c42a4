import type { ReplaySource } from './market/replay-market.ts';
import { DEFAULT_ASSETS } from './market/universe.ts';

/** One tradable asset, quoted in USD. Decimal fields are canonical decimal strings. */
export interface AssetSpec {
  readonly symbol: string;
  readonly name: string;
  readonly tickSize: string;
  readonly stepSize: string;
  readonly minNotional: string;
  readonly startPrice: string;
  /** Annualized volatility of log returns, e.g. 0.6 for 60 %. */
  readonly annualVolatility: number;
}

/** Everything that, with the seed, determines a session's market and accounting. */
export interface SessionConfig {
  /** Simulated start time, milliseconds since the Unix epoch (UTC). */
  readonly startTime: number;
  /** Simulated time between two market ticks, in milliseconds. */
  readonly tickMs: number;
  readonly assets: readonly AssetSpec[];
  /** Taker fee as a fraction of notional, e.g. "0.001" for 0.10 %. */
  readonly takerFeeRate: string;
  /** Real candles to replay instead of simulating; the session then has one asset. */
  readonly replay?: ReplaySource;
}

/** The default configuration of a new session: the ten-coin universe at 1 s ticks. */
export function defaultConfig(startTime: number): SessionConfig {
  return { startTime, tickMs: 1000, takerFeeRate: '0.001', assets: DEFAULT_ASSETS };
}
