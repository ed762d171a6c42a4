import { IDEAL, defaultConfig } from '../../src/engine/config.ts';
import type { Command, TimedCommand } from '../../src/engine/commands.ts';

/** A fixed simulated start so that tests never depend on the wall clock. */
export const START = Date.UTC(2026, 0, 1);
export const CONFIG = defaultConfig(START);
/** Fees but no spread, slippage or latency: fills at the last price, for hand-checked money. */
export const AT_LAST = { ...CONFIG, execution: IDEAL };

/** Stamps commands one simulated minute apart, starting at START. */
export function minuteApart(...commands: Command[]): TimedCommand[] {
  return commands.map((command, i) => ({ at: START + i * 60_000, command }));
}

export const deposit = (amount: string): Command => ({ type: 'deposit', amount });
export const buy = (quantity: string, symbol = 'BTC'): Command => ({
  type: 'market-buy',
  symbol,
  quantity,
});
export const sell = (quantity: string, symbol = 'BTC'): Command => ({
  type: 'market-sell',
  symbol,
  quantity,
});
