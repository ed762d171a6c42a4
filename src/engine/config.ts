import type { MarketModel } from './market/market.ts';
import type { ReplaySource } from './market/replay-market.ts';
import { DEFAULT_ASSETS } from './market/universe.ts';
import type { RiskTier } from './risk/tiers.ts';

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
  /** Fee rates for this asset, when they differ from the session's. */
  readonly makerFeeRate?: string;
  readonly takerFeeRate?: string;
}

/** The realism toggles: how orders reach the simulated market and how they fill. */
export interface ExecutionConfig {
  /** Simulated milliseconds between submitting an order and its arrival at the market. */
  readonly latencyMs: number;
  /** 1 = the simulated spread, 0 = none, 2 = twice as wide. */
  readonly spreadMultiplier: number;
  /** False: every order fills whole at the best price (no price impact). */
  readonly slippage: boolean;
  /** True: market orders take only the visible depth, resting orders one level per tick. */
  readonly partialFills: boolean;
}

/** Realistic by default: 100 ms to the market, the simulated spread and depth, partial fills. */
export const REALISTIC: ExecutionConfig = {
  latencyMs: 100,
  spreadMultiplier: 1,
  slippage: true,
  partialFills: true,
};

/** For beginners: no latency, spread, slippage or partial fills (fees are set to zero too). */
export const IDEAL: ExecutionConfig = {
  latencyMs: 0,
  spreadMultiplier: 0,
  slippage: false,
  partialFills: false,
};

/** Everything that, with the seed, determines a session's market and accounting. */
export interface SessionConfig {
  /** Simulated start time, milliseconds since the Unix epoch (UTC). */
  readonly startTime: number;
  /** Simulated time between two market ticks, in milliseconds. */
  readonly tickMs: number;
  readonly assets: readonly AssetSpec[];
  /** Taker fee as a fraction of notional, e.g. "0.001" for 0.10 %. */
  readonly takerFeeRate: string;
  /** Maker fee (a resting limit order filled); the taker rate when absent. */
  readonly makerFeeRate?: string;
  /** Realism toggles; realistic when absent. */
  readonly execution?: ExecutionConfig;
  /** The risk tier whose limits every entry is checked against; none when absent. */
  readonly risk?: RiskTier;
  /** Real candles to replay instead of simulating; the session then has one asset. */
  readonly replay?: ReplaySource;
  /** The only assets orders may name (an assignment's coins); every asset when absent. */
  readonly allowedSymbols?: readonly string[];
  /** Simulated time from which no order is taken (an assignment's end); never when absent. */
  readonly closesAt?: number;
  /** The market generator (see `MarketModel`): 2 for sessions made now, 1 when absent. */
  readonly marketModel?: Exclude<MarketModel, 1>;
}

/** The cash a new session and the demo start with; a file that starts with more or less says so. */
export const STARTING_CASH = '50000';

/** The default configuration of a new session: the ten-coin universe at 1 s ticks. */
export function defaultConfig(startTime: number): SessionConfig {
  return {
    startTime,
    tickMs: 1000,
    takerFeeRate: '0.001',
    makerFeeRate: '0.001',
    execution: REALISTIC,
    assets: DEFAULT_ASSETS,
    marketModel: 2,
  };
}

/** The "ideal" preset of a config: no fees, no spread, no slippage, no latency. */
export function idealConfig(config: SessionConfig): SessionConfig {
  return {
    ...config,
    takerFeeRate: '0',
    makerFeeRate: '0',
    execution: IDEAL,
    assets: config.assets.map(({ makerFeeRate: _m, takerFeeRate: _t, ...asset }) => asset),
  };
}
