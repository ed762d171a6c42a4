import type { ScenarioEvent } from './market/scenario.ts';
import type { OrderRequest } from './orders/order.ts';
import type { TierName } from './risk/tiers.ts';

/** A deposit of quote currency (USD) into the session's cash. */
export interface DepositCommand {
  readonly type: 'deposit';
  readonly amount: string;
}

/** Takes cash out of the session; never more than is free of open buy orders. */
export interface WithdrawCommand {
  readonly type: 'withdraw';
  readonly amount: string;
}

/** Places an order of any type; see `OrderRequest`. */
export interface PlaceOrderCommand extends OrderRequest {
  readonly type: 'place-order';
}

/** Cancels one open order by its id. */
export interface CancelOrderCommand {
  readonly type: 'cancel-order';
  readonly orderId: string;
}

/** Cancels every open order, or those of one asset. */
export interface CancelAllCommand {
  readonly type: 'cancel-all';
  readonly symbol?: string;
}

/** Changes the price (limit or trigger) or quantity of a resting order. */
export interface AmendOrderCommand {
  readonly type: 'amend-order';
  readonly orderId: string;
  readonly price?: string;
  readonly quantity?: string;
}

/** Cancels every resting buy, keeps the exits, and halts new buys until a reset. */
export interface KillSwitchCommand {
  readonly type: 'kill-switch';
}

/** Clears a tripped circuit breaker; the drawdown is measured from here on. */
export interface ResetBreakerCommand {
  readonly type: 'reset-breaker';
}

/** Shorthand for a market buy (IOC) with an id the session gives it. */
export interface MarketBuyCommand {
  readonly type: 'market-buy';
  readonly symbol: string;
  readonly quantity: string;
}

/** Shorthand for a market sell (IOC) from the position held. */
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

/**
 * Puts the session under another built-in tier (or none) from now on: later buys are checked
 * against its limits. A tripped breaker stays until it is reset.
 */
export interface SetTierCommand {
  readonly type: 'set-tier';
  readonly tier: TierName | 'none';
}

export type Command =
  | DepositCommand
  | WithdrawCommand
  | PlaceOrderCommand
  | CancelOrderCommand
  | CancelAllCommand
  | AmendOrderCommand
  | KillSwitchCommand
  | ResetBreakerCommand
  | MarketBuyCommand
  | MarketSellCommand
  | ScenarioCommand
  | SetTierCommand;
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
  | 'invalid-order'
  | 'off-tick'
  | 'would-trigger'
  | 'no-such-order'
  | 'not-amendable'
  | 'breaker'
  | 'max-position'
  | 'max-open-positions'
  | 'price-band'
  | 'no-breaker'
  | 'not-available'
  | 'too-large'
  | 'same-tier'
  | 'invalid-tier'
  | 'not-allowed'
  | 'closed';
