import type { ScenarioEvent } from './market/scenario.ts';
import type { OrderState, Side } from './orders/order.ts';
import type { Breaker } from './risk/pre-trade.ts';

/** What a change to an order was; the order's state after it travels with the event. */
export type OrderChange =
  | 'accepted'
  | 'triggered'
  | 'amended'
  | 'partially-filled'
  | 'filled'
  | 'cancelled'
  | 'expired'
  | 'rejected';

/** One execution: a slice of an order at one price, with its fee and slippage. */
export interface FillEvent {
  readonly type: 'filled';
  readonly time: number;
  readonly orderId: string;
  readonly side: Side;
  readonly symbol: string;
  readonly quantity: string;
  readonly price: string;
  /** Price times quantity, to the cent. */
  readonly notional: string;
  readonly fee: string;
  /** Maker: a resting order was filled. Taker: the order took liquidity. */
  readonly liquidity: 'maker' | 'taker';
  /** What the fill cost against the last price when the order was placed (negative: better). */
  readonly slippage: string;
  /** Realized P&L of a sell (zero for a buy). */
  readonly realizedPnl: string;
}

/** Something that happened when a command applied or the market moved; the UI and the log show these. */
export type EngineEvent =
  | { readonly type: 'deposited'; readonly amount: string }
  | { readonly type: 'withdrew'; readonly amount: string }
  | { readonly type: 'scenario'; readonly event: ScenarioEvent }
  | FillEvent
  | { readonly type: 'order'; readonly change: OrderChange; readonly order: OrderState }
  /** A circuit breaker tripped (breaker) or cleared (null). */
  | { readonly type: 'breaker'; readonly breaker: Breaker | null }
  /** The tier in force changed (its label), or the session has none now (null). */
  | { readonly type: 'tier'; readonly tier: string | null }
  /** The client order id was used before: nothing happened again; this is the first order now. */
  | { readonly type: 'duplicate'; readonly order: OrderState };
