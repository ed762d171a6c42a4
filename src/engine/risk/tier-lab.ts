import { REALISTIC, type SessionConfig } from '../config.ts';
import type { Command } from '../commands.ts';
import { canonical, Dec } from '../decimal.ts';
import { DEMO_CASH, DEMO_SYMBOLS } from '../demo.ts';
import { drawdown } from '../analytics/metrics.ts';
import { DEFAULT_ASSETS } from '../market/universe.ts';
import { Market } from '../market/market.ts';
import { Session } from '../session.ts';
import { historicalVar } from './measures.ts';
import { maxPositionValue, TIERS, type RiskTier, type TierName } from './tiers.ts';

const DAY = 86_400_000;
/** One-hour ticks: the coarsest the market allows, and plenty for daily decisions. */
const TICK_MS = 3_600_000;
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
    tickMs: TICK_MS,
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
  return runTierLabs(seed, days, strategy, [tier])[0]!;
}

/**
 * Runs one strategy under several tiers on one market: the prices are simulated once and the
 * sessions advance tick by tick together, so each run is exactly what it would be alone.
 */
export function runTierLabs(
  seed: string,
  days: number,
  strategy: LabStrategy,
  tiers: readonly RiskTier[],
): LabRun[] {
  const assets = labConfig(tiers[0]!).assets;
  const market = Market.create(seed, assets, TICK_MS, LAB_START);
  const traders = tiers.map((tier) => new LabTrader(seed, tier, strategy, market));
  const closes = new Map<string, number[]>(DEMO_SYMBOLS.map((s) => [s, []]));
  let time = LAB_START;
  for (let day = 0; day <= days; day++) {
    for (const end = LAB_START + day * DAY; time + TICK_MS <= end;) {
      time += TICK_MS;
      for (const trader of traders) trader.session.advanceTo(time);
    }
    for (const symbol of DEMO_SYMBOLS) {
      closes.get(symbol)!.push(traders[0]!.session.lastPrice(symbol).toNumber());
    }
    for (const trader of traders) trader.day(day, days, closes);
  }
  return traders.map((trader) => trader.result());
}

/** One tier's account in the lab: its session, its strategy, its daily equity. */
class LabTrader {
  readonly session: Session;
  private readonly equity: number[] = [];
  private orders = 0;
  private refused = 0;
  private id = 0;

  constructor(
    seed: string,
    private readonly tier: RiskTier,
    private readonly strategy: LabStrategy,
    market: Market,
  ) {
    this.session = Session.create(seed, labConfig(tier), market);
    this.run({ type: 'deposit', amount: DEMO_CASH });
  }

  /** The strategy's moves at the start of a day, then the day's equity. */
  day(day: number, days: number, closes: ReadonlyMap<string, readonly number[]>): void {
    const value = this.session.equity();
    if (day < days) {
      for (const symbol of DEMO_SYMBOLS) {
        if (this.strategy === 'buy-and-hold' && day === 0)
          this.buy(symbol, maxPositionValue(this.tier, value));
        if (this.strategy === 'monthly-dca' && day % 30 === 0)
          this.buy(symbol, value.times(this.tier.riskPerTrade).dividedBy(2));
        if (this.strategy === 'ma-crossover') this.crossover(symbol, closes.get(symbol)!);
      }
    }
    this.equity.push(this.session.equity().toNumber());
  }

  private run(command: Command): void {
    const outcome = this.session.apply(command);
    if (command.type === 'place-order') {
      this.orders++;
      if (!outcome.ok) this.refused++;
    }
  }

  private buy(symbol: string, budget: Dec): void {
    const asset = this.session.config.assets.find((a) => a.symbol === symbol)!;
    const price = this.session.quote(symbol).ask.times('1.001');
    const quantity = budget.dividedBy(price).toNearest(asset.stepSize, Dec.ROUND_DOWN);
    if (quantity.isZero()) return;
    this.order(symbol, 'buy', quantity);
  }

  private order(symbol: string, side: 'buy' | 'sell', quantity: Dec): void {
    this.run({
      type: 'place-order',
      clientOrderId: `lab-${++this.id}`,
      symbol,
      side,
      orderType: 'market',
      quantity: canonical(quantity),
    });
  }

  private crossover(symbol: string, series: readonly number[]): void {
    if (series.length < 30) return;
    const average = (n: number) => series.slice(-n).reduce((a, b) => a + b, 0) / n;
    const held = this.session.quantityOf(symbol);
    if (average(10) > average(30) && held.isZero()) {
      this.buy(symbol, maxPositionValue(this.tier, this.session.equity()));
    } else if (average(10) < average(30) && !held.isZero()) {
      this.order(symbol, 'sell', held);
    }
  }

  result(): LabRun {
    const equity = this.equity;
    const returns = equity.slice(1).map((e, i) => e / equity[i]! - 1);
    const mean = returns.reduce((a, b) => a + b, 0) / Math.max(1, returns.length);
    const sd = Math.sqrt(
      returns.reduce((a, r) => a + (r - mean) ** 2, 0) / Math.max(1, returns.length - 1),
    );
    const final = equity.at(-1)!;
    return {
      tier: this.tier.name,
      equity,
      finalEquity: canonical(this.session.equity()),
      totalReturn: final / Number(DEMO_CASH) - 1,
      maxDrawdown: drawdown(equity, DAY).depth,
      var95: historicalVar(returns, 0.95, final).valueAtRisk,
      sharpe: returns.length > 1 && sd > 0 ? (mean / sd) * Math.sqrt(365) : null,
      orders: this.orders,
      refused: this.refused,
    };
  }
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
