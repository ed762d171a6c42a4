export type Side = 'buy' | 'sell';
export type OrderType =
  'market' | 'limit' | 'stop' | 'stop-limit' | 'take-profit' | 'trailing-stop';
export type TimeInForce = 'GTC' | 'IOC' | 'FOK' | 'GTD';

/** Accepted → partially filled → filled, cancelled, expired or rejected; the last four are final. */
export type OrderStatus =
  'accepted' | 'partially-filled' | 'filled' | 'cancelled' | 'expired' | 'rejected';

export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'filled',
  'cancelled',
  'expired',
  'rejected',
]);

/** A trailing stop keeps this distance behind the best price since it arrived. */
export interface Trail {
  readonly by: 'amount' | 'percent';
  /** USD for `amount`, a percentage (e.g. "5" for 5 %) for `percent`. */
  readonly value: string;
}

/** Take-profit and stop-loss prices attached to a buy entry; they sell what the entry bought. */
export interface Bracket {
  readonly takeProfit: string;
  readonly stopLoss: string;
}

/** What a trader asks for. Prices are decimal strings on the asset's tick grid. */
export interface OrderRequest {
  /** Chosen by the client; submitting the same id again returns the first order, never a second. */
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly quantity: string;
  /** Limit and stop-limit orders. */
  readonly limitPrice?: string;
  /** Stop, stop-limit and take-profit orders. */
  readonly triggerPrice?: string;
  /** Trailing stops. */
  readonly trail?: Trail;
  /** Default GTC for resting orders, IOC for market orders. */
  readonly timeInForce?: TimeInForce;
  /** Simulated expiry time of a GTD order, ms since the epoch. */
  readonly expiresAt?: number;
  /** A limit that would take liquidity on arrival is rejected instead. */
  readonly postOnly?: boolean;
  readonly bracket?: Bracket;
}

/** An order as snapshots store it and the UI shows it; decimals as canonical strings. */
export interface OrderState {
  readonly id: string;
  /** Placement number: orders are worked in this order, every tick. */
  readonly number: number;
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly quantity: string;
  readonly filled: string;
  readonly limitPrice: string | null;
  /** The stop or take-profit trigger; for a trailing stop, where it stands now. */
  readonly triggerPrice: string | null;
  readonly trail: Trail | null;
  /** A trailing stop's best price since arrival (highest for a sell, lowest for a buy). */
  readonly extreme: string | null;
  readonly timeInForce: TimeInForce;
  readonly expiresAt: number | null;
  readonly postOnly: boolean;
  readonly bracket: Bracket | null;
  /** A bracket child names its sibling: a fill of one shrinks the other (one-cancels-other). */
  readonly ocoWith: string | null;
  /** The role of a bracket child, or null. */
  readonly role: 'take-profit' | 'stop-loss' | null;
  readonly status: OrderStatus;
  /** Stop-type orders: the trigger has been hit. */
  readonly triggered: boolean;
  readonly placedAt: number;
  /** When the order reaches the simulated market (placement plus latency). */
  readonly arrivesAt: number;
  readonly updatedAt: number;
  /** The last price when placed: slippage is measured from it. */
  readonly referencePrice: string;
  readonly filledNotional: string;
  readonly fees: string;
  /** Why an order was cancelled, expired or rejected. */
  readonly reason: string | null;
}
