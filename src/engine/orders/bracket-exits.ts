/** The take-profit and stop-loss orders a bracket entry opens for what it bought. */
import { canonical, type Dec } from '../decimal.ts';
import type { OrderState } from './order.ts';

/** The id of a bracket's exit: `entry/tp` and `entry/sl` first, then `entry/tp-2`, … */
export function exitId(entry: string, leg: 'tp' | 'sl', pair: number): string {
  return pair === 1 ? `${entry}/${leg}` : `${entry}/${leg}-${pair}`;
}

/** One exit of a bracket: the take-profit rests as a limit, the stop-loss waits as a stop. */
export function exitOrder(
  symbol: string,
  quantity: Dec,
  time: number,
  [id, sibling]: readonly [string, string],
  role: 'take-profit' | 'stop-loss',
  price: string,
): OrderState {
  const takeProfit = role === 'take-profit';
  return {
    id,
    number: 0, // the broker gives it its placement number
    symbol,
    side: 'sell',
    type: takeProfit ? 'limit' : 'stop',
    quantity: canonical(quantity),
    filled: '0',
    limitPrice: takeProfit ? price : null,
    triggerPrice: takeProfit ? null : price,
    trail: null,
    extreme: null,
    timeInForce: 'GTC',
    expiresAt: null,
    postOnly: false,
    bracket: null,
    ocoWith: sibling,
    role,
    status: 'accepted',
    triggered: false,
    placedAt: time,
    arrivesAt: time,
    updatedAt: time,
    referencePrice: price,
    filledNotional: '0',
    fees: '0',
    reason: null,
  };
}
