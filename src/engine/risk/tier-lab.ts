import { REALISTIC, type SessionConfig } from '../config.ts';
import type { Command } from '../commands.ts';
import { canonical, Dec } from '../decimal.ts';
import { DEMO_CASH, DEMO_SYMBOLS } from '../demo.ts';
import { drawdown } from '../analytics/metrics.ts';
import { DEFAULT_ASSETS } from '../market/universe.ts';
import { Session } from '../session.ts';
import { historicalVar } from './measures.ts';
import { maxPositionValue, TIERS, type RiskTier, type TierName } from './tiers.ts';

const DAY = 86_400_000;
/** The lab starts at a fixed simulated time, so a seed names one market everywhere. */
export const LAB_START = Date.UTC(2026, 0, 1);

export const LAB_STRATEGIES = ['buy-and-hold', 'monthly-dca', 'ma-crossover'] as const;
export type LabStrategy = (typeof LAB_STRATEGIES)[number];

/** One run of a strategy under one tier. */
export interface LabRun {
  readonly tier: TierName;
  /** Equity at the end of each simulated day, day 0 first. */
  readonly equity: readonly number[];
  readonly finalEquity: string;
  readonly totalReturn: number;
  readonly maxDrawdown: number;
  /** Historical 1-day VaR at 95 % of the final equity, in dollars. */
  readonly var95: number;
  readonly sharpe: number | null;
  readonly orders: number;
  /** Orders the tier's pre-trade checks refused. */
  readonly refused: number;
}

/** The lab's market: the five demo coins at one-hour ticks, realistic fills, under a tier. */
export function labConfig(tier: RiskTier): SessionConfig {
  return {
    startTime: LAB_START,
    tickMs: 3_600_000,
    takerFeeRate: '0.001',
    makerFeeRate: '0.001',
    execution: REALISTIC,
    assets: DEFAULT_ASSETS.filter((a) => (DEMO_SYMBOLS as readonly string[]).includes(a.symbol)),
    risk: tier,
  };
}

/** Runs one strategy for `days` simulated days under one tier; same inputs, same run. */
export function runTierLab(
  seed: string,
  days: number,
  strategy: LabStrategy,
  tier: RiskTier,
): LabRun {
  const config = labConfig(tier);
  const session = Session.create(seed, config);
  let orders = 0;
  let refused = 0;
  const run = (command: Command) => {
    const outcome = session.apply(command);
    if (command.type === 'place-order') {
      orders++;
      if (!outcome.ok) refused++;
    }
  };
  run({ type: 'deposit', amount: DEMO_CASH });
  const closes = new Map<string, number[]>(DEMO_SYMBOLS.map((s) => [s, []]));
  const equity: number[] = [];
  let id = 0;
  const buy = (symbol: string, budget: Dec) => {
    const asset = config.assets.find((a) => a.symbol === symbol)!;
    const price = session.quote(symbol).ask.times('1.001');
    const quantity = budget.dividedBy(price).toNearest(asset.stepSize, Dec.ROUND_DOWN);
    if (quantity.isZero()) return;
    run({
      type: 'place-order',
      clientOrderId: `lab-${++id}`,
      symbol,
      side: 'buy',
      orderType: 'market',
      quantity: canonical(quantity),
    });
  };
  for (let day = 0; day <= days; day++) {
    session.advanceTo(LAB_START + day * DAY);
    const value = session.equity();
    for (const symbol of DEMO_SYMBOLS)
      closes.get(symbol)!.push(session.lastPrice(symbol).toNumber());
    if (day < days) {
      for (const symbol of DEMO_SYMBOLS) {
        if (strategy === 'buy-and-hold' && day === 0) buy(symbol, maxPositionValue(tier, value));
        if (strategy === 'monthly-dca' && day % 30 === 0)
          buy(symbol, value.times(tier.riskPerTrade).dividedBy(2));
        if (strategy === 'ma-crossover') crossover(symbol);
      }
    }
    equity.push(session.equity().toNumber());
  }

  function crossover(symbol: string): void {
    const series = closes.get(symbol)!;
    if (series.length < 30) return;
    const average = (n: number) => series.slice(-n).reduce((a, b) => a + b, 0) / n;
    const held = session.quantityOf(symbol);
    if (average(10) > average(30) && held.isZero()) {
      buy(symbol, maxPositionValue(tier, session.equity()));
    } else if (average(10) < average(30) && !held.isZero()) {
      run({
        type: 'place-order',
        clientOrderId: `lab-${++id}`,
        symbol,
        side: 'sell',
        orderType: 'market',
        quantity: canonical(held),
      });
    }
  }

  const returns = equity.slice(1).map((e, i) => e / equity[i]! - 1);
  const mean = returns.reduce((a, b) => a + b, 0) / Math.max(1, returns.length);
  const sd = Math.sqrt(
    returns.reduce((a, r) => a + (r - mean) ** 2, 0) / Math.max(1, returns.length - 1),
  );
  const final = equity.at(-1)!;
  return {
    tier: tier.name,
    equity,
    finalEquity: canonical(session.equity()),
    totalReturn: final / Number(DEMO_CASH) - 1,
    maxDrawdown: drawdown(equity, DAY).depth,
    var95: historicalVar(returns, 0.95, final).valueAtRisk,
    sharpe: returns.length > 1 && sd > 0 ? (mean / sd) * Math.sqrt(365) : null,
    orders,
    refused,
  };
}

/** Mean, median and the 5th and 95th percentiles of some numbers. */
export interface Spread {
  readonly mean: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return {
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    median: at(0.5),
    p5: at(0.05),
    p95: at(0.95),
  };
}

/** A Monte Carlo summary per tier: final equity and max drawdown across seeds. */
export interface TierSummary {
  readonly tier: TierName;
  readonly runs: number;
  readonly finalEquity: Spread;
  readonly maxDrawdown: Spread;
  readonly refused: number;
}

/** Per tier that has runs: its spread of final equity and max drawdown, and its refusals. */
export function summarize(runs: readonly LabRun[]): TierSummary[] {
  const tiers = (Object.keys(TIERS) as TierName[]).filter((t) => runs.some((r) => r.tier === t));
  return tiers.map((tier) => {
    const mine = runs.filter((r) => r.tier === tier);
    return {
      tier,
      runs: mine.length,
      finalEquity: spreadOf(mine.map((r) => Number(r.finalEquity))),
      maxDrawdown: spreadOf(mine.map((r) => r.maxDrawdown)),
      refused: mine.reduce((a, r) => a + r.refused, 0),
    };
  });
}
