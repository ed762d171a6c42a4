import { defaultConfig, type SessionConfig } from './config.ts';
import type { Command, TimedCommand } from './commands.ts';
import { Dec } from './decimal.ts';
import { maxPositionValue, TIERS, type RiskTier } from './risk/tiers.ts';
import { Session } from './session.ts';
import { canonical } from './decimal.ts';

/** The demo starts at a fixed simulated time, so a seed names one demo in the app and the CLI. */
export const DEMO_START = Date.UTC(2026, 0, 1);

/** The demo's session config: the ten-coin market under the Moderate tier. */
export function demoConfig(): SessionConfig {
  return { ...defaultConfig(DEMO_START), risk: TIERS.moderate };
}

/** The original report's demo: $50,000 and five coins. */
export const DEMO_CASH = '50000';
export const DEMO_SYMBOLS = ['BTC', 'ETH', 'ADA', 'SOL', 'DOT'] as const;

/**
 * The demo's opening commands: the deposit, then one market buy of each demo coin, each as large
 * as the tier (Moderate unless told) allows at the equity of that moment, priced at the ask with
 * the taker fee and rounded down to the coin's step. Same seed, config and tier, same commands.
 */
export function demoCommands(
  seed: string,
  config: SessionConfig,
  tier: RiskTier = TIERS.moderate,
): TimedCommand[] {
  const session = Session.create(seed, config);
  const at = config.startTime;
  const log: TimedCommand[] = [];
  const run = (command: Command) => {
    const applied = session.apply(command);
    if (!applied.ok) throw new Error(`The demo cannot place ${command.type}: ${applied.message}`);
    log.push({ at, command });
  };
  run({ type: 'deposit', amount: DEMO_CASH });
  for (const symbol of DEMO_SYMBOLS) {
    const asset = config.assets.find((a) => a.symbol === symbol);
    if (!asset) throw new Error(`The demo needs ${symbol} in the session's assets.`);
    const budget = maxPositionValue(tier, new Dec(session.view().equity));
    const fee = new Dec(asset.takerFeeRate ?? config.takerFeeRate);
    const price = session.quote(symbol).ask.times(fee.plus(1));
    const quantity = budget.dividedBy(price).toNearest(asset.stepSize, Dec.ROUND_DOWN);
    run({
      type: 'place-order',
      clientOrderId: `demo-${symbol}`,
      symbol,
      side: 'buy',
      orderType: 'market',
      quantity: canonical(quantity),
    });
  }
  return log;
}
