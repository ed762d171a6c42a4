import { REALISTIC, type SessionConfig } from '../config.ts';
import { canonical } from '../decimal.ts';
import { DEMO_CASH } from '../demo.ts';
import { drawdown } from '../analytics/metrics.ts';
import { DEFAULT_ASSETS } from '../market/universe.ts';
import { Market } from '../market/market.ts';
import { labSymbols, tradeDay, type LabStrategy } from './lab-strategies.ts';
import { LabTrader, type HeldBack } from './lab-trader.ts';
import { historicalVar } from './measures.ts';
import type { RiskTier } from './tiers.ts';

const DAY = 86_400_000;
/** One-hour ticks: the coarsest the market allows, and plenty for daily decisions. */
const TICK_MS = 3_600_000;
/** The lab starts at a fixed simulated time, so a seed names one market everywhere. */
export const LAB_START = Date.UTC(2026, 0, 1);

export { LAB_STRATEGIES, DEFAULT_STRATEGY, type LabStrategy } from './lab-strategies.ts';
export type { HeldBack } from './lab-trader.ts';

/** One run of a strategy under one tier. */
export interface LabRun {
  /** The built-in tier's name, or `custom:` and the custom tier's label. */
  readonly tier: string;
  readonly label: string;
  /** Equity at the end of each simulated day, day 0 first. */
  readonly equity: readonly number[];
  readonly finalEquity: string;
  readonly totalReturn: number;
  readonly maxDrawdown: number;
  /** Historical 1-day VaR at 95 % of the final equity, in dollars. */
  readonly var95: number;
  readonly sharpe: number | null;
  readonly orders: number;
  /** Orders the session refused (the tier's pre-trade checks, or not enough cash). */
  readonly refused: number;
  readonly heldBack: HeldBack;
}

/** How a run may differ from the plain one: the "what if" that lifts the 2 % global cap. */
export interface LabOptions {
  readonly liftGlobalCap?: boolean;
}

/** The id a tier's runs are grouped by: unique among the tiers of one lab. */
export function tierId(tier: RiskTier): string {
  return tier.name === 'custom' ? `custom:${tier.label}` : tier.name;
}

/** The lab's market: the strategy's coins at one-hour ticks, realistic fills, under a tier. */
export function labConfig(tier: RiskTier, strategy: LabStrategy = 'buy-and-hold'): SessionConfig {
  const symbols = labSymbols(strategy);
  return {
    startTime: LAB_START,
    tickMs: TICK_MS,
    takerFeeRate: '0.001',
    makerFeeRate: '0.001',
    execution: REALISTIC,
    assets: DEFAULT_ASSETS.filter((a) => symbols.includes(a.symbol)),
    risk: tier,
  };
}

/** Runs one strategy for `days` simulated days under one tier; same inputs, same run. */
export function runTierLab(
  seed: string,
  days: number,
  strategy: LabStrategy,
  tier: RiskTier,
  options: LabOptions = {},
): LabRun {
  return runTierLabs(seed, days, strategy, [tier], options)[0]!;
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
  options: LabOptions = {},
): LabRun[] {
  const lifted = tiers.map((t) => (options.liftGlobalCap ? { ...t, liftGlobalCap: true } : t));
  const assets = labConfig(lifted[0]!, strategy).assets;
  // Market model 1, as when the lab was first shared: a lab link's figures stay what they were.
  const market = Market.create(seed, assets, TICK_MS, LAB_START, 1);
  const traders = lifted.map((tier) => new LabTrader(seed, labConfig(tier, strategy), market));
  const curves = traders.map(() => [] as number[]);
  const closes = new Map<string, number[]>(assets.map((a) => [a.symbol, []]));
  let time = LAB_START;
  for (let day = 0; day <= days; day++) {
    for (const end = LAB_START + day * DAY; time + TICK_MS <= end;) {
      time += TICK_MS;
      for (const trader of traders) trader.session.advanceTo(time);
    }
    for (const [symbol, series] of closes)
      series.push(traders[0]!.session.lastPrice(symbol).toNumber());
    traders.forEach((trader, i) => {
      trader.endDay();
      if (day < days) tradeDay(strategy, trader, { day, closes, equity: trader.equity() });
      curves[i]!.push(trader.equity().toNumber());
    });
  }
  return traders.map((trader, i) => result(trader, curves[i]!));
}

/** A finished run's figures. */
function result(trader: LabTrader, equity: readonly number[]): LabRun {
  const returns = equity.slice(1).map((e, i) => e / equity[i]! - 1);
  const mean = returns.reduce((a, b) => a + b, 0) / Math.max(1, returns.length);
  const sd = Math.sqrt(
    returns.reduce((a, r) => a + (r - mean) ** 2, 0) / Math.max(1, returns.length - 1),
  );
  const final = equity.at(-1)!;
  const tier = trader.tier;
  return {
    tier: tierId(tier),
    label: tier.label,
    equity,
    finalEquity: canonical(trader.equity()),
    totalReturn: final / Number(DEMO_CASH) - 1,
    maxDrawdown: drawdown(equity, DAY).depth,
    var95: historicalVar(returns, 0.95, final).valueAtRisk,
    sharpe: returns.length > 1 && sd > 0 ? (mean / sd) * Math.sqrt(365) : null,
    orders: trader.orders,
    refused: trader.refused,
    heldBack: trader.heldBack(),
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
  readonly tier: string;
  readonly label: string;
  readonly runs: number;
  readonly finalEquity: Spread;
  readonly maxDrawdown: Spread;
  readonly refused: number;
  /** What held the tier back, summed over its runs. */
  readonly heldBack: HeldBack;
}

/** Per tier that has runs, in the order first seen: its spreads, refusals and held-back counts. */
export function summarize(runs: readonly LabRun[]): TierSummary[] {
  const tiers = [...new Set(runs.map((r) => r.tier))];
  return tiers.map((tier) => {
    const mine = runs.filter((r) => r.tier === tier);
    return {
      tier,
      label: mine[0]!.label,
      runs: mine.length,
      finalEquity: spreadOf(mine.map((r) => Number(r.finalEquity))),
      maxDrawdown: spreadOf(mine.map((r) => r.maxDrawdown)),
      refused: mine.reduce((a, r) => a + r.refused, 0),
      heldBack: addHeldBack(mine.map((r) => r.heldBack)),
    };
  });
}

/** Several runs' held-back counts added up, code by code. */
export function addHeldBack(all: readonly HeldBack[]): HeldBack {
  const add = (pick: (h: HeldBack) => Readonly<Record<string, number>>) => {
    const total: Record<string, number> = {};
    for (const h of all)
      for (const [key, n] of Object.entries(pick(h))) total[key] = (total[key] ?? 0) + n;
    return total;
  };
  const sum = (pick: (h: HeldBack) => number) => all.reduce((a, h) => a + pick(h), 0);
  return {
    refusedBy: add((h) => h.refusedBy),
    cappedByGlobal: sum((h) => h.cappedByGlobal),
    breakerTrips: sum((h) => h.breakerTrips),
    tripsBy: add((h) => h.tripsBy),
    daysHalted: sum((h) => h.daysHalted),
  };
}
