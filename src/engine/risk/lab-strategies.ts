import { Dec } from '../decimal.ts';
import { DEMO_SYMBOLS } from '../demo.ts';
import { DEFAULT_ASSETS } from '../market/universe.ts';
import type { LabTrader } from './lab-trader.ts';
import { maxPositionValue } from './tiers.ts';

export const LAB_STRATEGIES = [
  'dip-buyer',
  'momentum-rotation',
  'buy-and-hold',
  'monthly-dca',
  'ma-crossover',
] as const;
export type LabStrategy = (typeof LAB_STRATEGIES)[number];

/** The strategy a new lab opens with: on the default seed its three tiers all come out apart. */
export const DEFAULT_STRATEGY: LabStrategy = 'dip-buyer';

/** What a strategy sees at the start of a simulated day. */
export interface LabDay {
  readonly day: number;
  /** Each coin's daily closes so far, today's first close last. */
  readonly closes: ReadonlyMap<string, readonly number[]>;
  /** Equity at the start of the day, before today's orders. */
  readonly equity: Dec;
}

/** The coins a strategy trades: the original five for the first strategies, all ten for the new. */
export function labSymbols(strategy: LabStrategy): readonly string[] {
  return strategy === 'momentum-rotation' || strategy === 'dip-buyer'
    ? DEFAULT_ASSETS.map((a) => a.symbol)
    : DEMO_SYMBOLS;
}

/** A strategy's moves on one day, through its trader. */
export function tradeDay(strategy: LabStrategy, trader: LabTrader, today: LabDay): void {
  switch (strategy) {
    case 'momentum-rotation':
      return rotate(trader, today);
    case 'dip-buyer':
      return buyDips(trader, today);
    case 'buy-and-hold':
    case 'monthly-dca':
    case 'ma-crossover':
      for (const symbol of DEMO_SYMBOLS) firstStrategies(strategy, trader, today, symbol);
      return;
    default:
      strategy satisfies never;
  }
}

/** The lab's first three strategies, exactly as they always ran (their figures are asserted). */
function firstStrategies(
  strategy: 'buy-and-hold' | 'monthly-dca' | 'ma-crossover',
  trader: LabTrader,
  { day, closes, equity }: LabDay,
  symbol: string,
): void {
  const tier = trader.tier;
  if (strategy === 'buy-and-hold' && day === 0) {
    const own = equity.times(tier.maxPositionFraction).toDecimalPlaces(2, Dec.ROUND_DOWN);
    trader.buy(
      symbol,
      maxPositionValue(tier, equity),
      own.greaterThan(maxPositionValue(tier, equity)),
    );
  }
  if (strategy === 'monthly-dca' && day % 30 === 0)
    trader.buy(symbol, equity.times(tier.riskPerTrade).dividedBy(2));
  if (strategy === 'ma-crossover') crossover(trader, symbol, closes.get(symbol)!);
}

function crossover(trader: LabTrader, symbol: string, series: readonly number[]): void {
  if (series.length < 30) return;
  const average = (n: number) => series.slice(-n).reduce((a, b) => a + b, 0) / n;
  const held = trader.holds(symbol);
  if (average(10) > average(30) && !held) {
    const equity = trader.equity();
    const own = equity.times(trader.tier.maxPositionFraction).toDecimalPlaces(2, Dec.ROUND_DOWN);
    const limit = maxPositionValue(trader.tier, equity);
    trader.buy(symbol, limit, own.greaterThan(limit));
  } else if (average(10) < average(30) && held) {
    trader.sellAll(symbol);
  }
}

/** Days of closes the rotation ranks the coins by. */
const MOMENTUM_DAYS = 14;

/**
 * Ten-coin momentum rotation, weekly: rank the coins by their two-week return and want every
 * coin that rose, strongest first. Keep the strongest the tier has room for, sell the rest, and
 * buy each wanted coin not held for the tier's risk per trade of equity, until the tier
 * refuses one: its position count and size limits decide how much of that it gets.
 */
function rotate(trader: LabTrader, { day, closes }: LabDay): void {
  if (day % 7 !== 0) return;
  const momentum = [...closes]
    .filter(([, series]) => series.length > MOMENTUM_DAYS)
    .map(([symbol, series]) => ({
      symbol,
      change: series.at(-1)! / series.at(-1 - MOMENTUM_DAYS)! - 1,
    }))
    .filter((m) => m.change > 0)
    .sort((a, b) => b.change - a.change || (a.symbol < b.symbol ? -1 : 1));
  const keep = new Set(momentum.slice(0, trader.tier.maxOpenPositions).map((m) => m.symbol));
  for (const symbol of closes.keys()) if (!keep.has(symbol)) trader.sellAll(symbol);
  for (const { symbol } of momentum) {
    if (trader.holds(symbol)) continue;
    const { budget, capped } = trader.size(trader.equity().times(trader.tier.riskPerTrade));
    if (!tryBuy(trader, symbol, budget, capped)) return;
  }
}

/**
 * Buys, and says whether to go on buying today: after a refusal, no. The checks that refuse a
 * new coin here (no room for another position, a breaker, no cash) would refuse the next one
 * too, so the run is the same and each refusal counted is a day the tier said no.
 */
function tryBuy(trader: LabTrader, symbol: string, budget: Dec, capped: boolean): boolean {
  const refused = trader.refused;
  trader.buy(symbol, budget, capped);
  return trader.refused === refused;
}

/** How far a coin must fall below its 20-day high to count as a dip. */
const DIP = 0.1;
/** The dip buyer's stop-loss distance below the entry, and its take-profit distance above. */
const STOP = 0.08;
const TARGET = 0.12;

/**
 * Dip buyer: each day, first sell any coin that closed 8 % below its entry (the stop) or 12 %
 * above it (the target); then buy any coin not held that closed 10 % or more below its 20-day
 * high, until the tier refuses one (it tries again the next day). The size puts the tier's risk
 * per trade between entry and stop (equity × risk ÷ 8 %), as large as the tier's limits allow. Exits are checked once a day, like every lab decision:
 * resting stop orders would be worked every hourly tick and make a run several times slower.
 */
function buyDips(trader: LabTrader, { closes }: LabDay): void {
  for (const [symbol, series] of closes) {
    const entry = trader.entryOf(symbol);
    if (entry === null || !trader.holds(symbol)) continue;
    const change = series.at(-1)! / entry - 1;
    if (change <= -STOP || change >= TARGET) trader.sellAll(symbol);
  }
  for (const [symbol, series] of closes) {
    if (series.length < 20 || trader.holds(symbol)) continue;
    const high = Math.max(...series.slice(-20));
    if (series.at(-1)! > high * (1 - DIP)) continue;
    const wanted = trader.equity().times(trader.tier.riskPerTrade).dividedBy(STOP);
    const { budget, capped } = trader.size(wanted);
    if (!tryBuy(trader, symbol, budget, capped)) return;
  }
}
