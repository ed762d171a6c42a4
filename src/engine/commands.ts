import type { ScenarioEvent } from './market/scenario.ts';

/** A deposit of quote currency (USD) into the session's cash. */
export interface DepositCommand {
  readonly type: 'deposit';
  readonly amount: string;
}

/** Buy at the market: fills now at the last price, plus the taker fee. */
export interface MarketBuyCommand {
  readonly type: 'market-buy';
  readonly symbol: string;
  readonly quantity: string;
}

/** Sell at the market from the position held; selling more than held is refused. */
export interface MarketSellCommand {
  readonly type: 'market-sell';
  readonly symbol: string;
  readonly quantity: string;
}

/** A teaching scenario (flash crash, halt, …) injected into the market. */
export interface ScenarioCommand {
  readonly type: 'scenario';
  readonly event: ScenarioEvent;
}

export type Command = DepositCommand | MarketBuyCommand | MarketSellCommand | ScenarioCommand;
export type CommandType = Command['type'];

/** A command as the session log stores it: stamped with the simulated time it applied at. */
export interface TimedCommand {
  readonly at: number;
  readonly command: Command;
}

export type RefusalCode =
  | 'unknown-command'
  | 'unknown-symbol'
  | 'not-a-number'
  | 'non-positive'
  | 'over-precise'
  | 'below-min-notional'
  | 'insufficient-cash'
  | 'insufficient-position'
  | 'halted'
  | 'not-available'
  | 'too-large';
