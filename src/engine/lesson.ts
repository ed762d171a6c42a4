import type { TimedCommand } from './commands.ts';
import type { SessionConfig } from './config.ts';
import { Dec, canonical, ZERO } from './decimal.ts';
import { DEMO_CASH, demoCommands, demoConfig } from './demo.ts';
import type { EngineEvent, FillEvent } from './events.ts';
import type { ScenarioEvent } from './market/scenario.ts';
import type { BreakerKind } from './risk/pre-trade.ts';
import { cappedByGlobalLimit, maxPositionValue, TIERS, type TierName } from './risk/tiers.ts';
import { Session } from './session.ts';

/** The equity at which the original report quoted the three tiers' limits. */
export const REPORT_EQUITY = '49973.07';

/** The lesson's market shock: every coin loses half its price at once. */
export const LESSON_CRASH = { type: 'flash-crash', drop: 0.5 } as const satisfies ScenarioEvent;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The market runs an hour after the buys before the crash, and an hour after it. */
export const LESSON_CRASH_AFTER = HOUR;
export const LESSON_FOLLOW_FOR = HOUR;

/** The tier whose session the lesson follows and keeps: the demo's. */
export const LESSON_KEPT_TIER: TierName = 'moderate';

const TIER_ORDER: readonly TierName[] = ['conservative', 'moderate', 'aggressive'];

/** One of the five buys, as the engine filled it. */
export interface LessonBuy {
  readonly symbol: string;
  readonly quantity: string;
  readonly price: string;
  readonly notional: string;
  readonly fee: string;
}

/** A tripped breaker, in the engine's words. */
export interface LessonBreaker {
  readonly kind: BreakerKind;
  readonly at: number;
  readonly message: string;
}

/** One tier's run through the lesson; money as canonical decimal strings. */
export interface LessonTier {
  readonly tier: TierName;
  readonly label: string;
  /** Fractions of equity, as the tier states them. */
  readonly riskPerTrade: string;
  readonly dailyLossLimit: string;
  /** The position limit at the report's equity: the tier's own fraction, then after the cap. */
  readonly ownLimit: string;
  readonly limit: string;
  readonly capped: boolean;
  readonly buys: readonly LessonBuy[];
  readonly invested: string;
  readonly fees: string;
  readonly equityBeforeCrash: string;
  /** At the first check after the crash: equity, the day's loss and the day's loss limit. */
  readonly equityAfterCrash: string;
  readonly dayLoss: string;
  /** The day's loss as a fraction of the day's starting equity, to compare with the limit. */
  readonly dayLossShare: string;
  readonly dayLossLimit: string;
  readonly breaker: LessonBreaker | null;
  readonly endEquity: string;
  /** End equity against the starting cash: in dollars, and as a signed fraction. */
  readonly endPnl: string;
  readonly endReturn: string;
}

/** The whole lesson: the same seeded market under the three tiers, and the crash. */
export interface Lesson {
  readonly seed: string;
  readonly startingCash: string;
  readonly reportEquity: string;
  readonly crashDrop: number;
  readonly startTime: number;
  readonly crashAt: number;
  readonly checkAt: number;
  readonly endTime: number;
  readonly keptTier: TierName;
  readonly tiers: readonly LessonTier[];
}

/** What a kept lesson stores: the followed tier's session, its config and its log. */
export interface LessonLog {
  readonly config: SessionConfig;
  readonly commands: readonly TimedCommand[];
  readonly session: Session;
}

/**
 * Runs the lesson on a seed: under each tier, the demo's deposit and five buys sized by that tier,
 * an hour of market, the flash crash, and an hour after it. Returns the figures of every step and
 * the log of the session the lesson follows (the Moderate one, the demo's), which can be kept.
 */
export function runLesson(seed: string): { lesson: Lesson; log: LessonLog } {
  const startTime = demoConfig().startTime;
  const crashAt = startTime + LESSON_CRASH_AFTER;
  const times = { crashAt, checkAt: crashAt + MINUTE, endTime: crashAt + LESSON_FOLLOW_FOR };
  let log: LessonLog | undefined;
  const tiers = TIER_ORDER.map((name) => {
    const run = runTier(seed, name, times);
    if (name === LESSON_KEPT_TIER) log = run.log;
    return run.figures;
  });
  if (!log) throw new Error('The lesson follows a tier it did not run.');
  const lesson: Lesson = {
    seed,
    startingCash: DEMO_CASH,
    reportEquity: REPORT_EQUITY,
    crashDrop: LESSON_CRASH.drop,
    startTime,
    ...times,
    keptTier: LESSON_KEPT_TIER,
    tiers,
  };
  return { lesson, log };
}

function runTier(
  seed: string,
  name: TierName,
  times: { crashAt: number; checkAt: number; endTime: number },
): { figures: LessonTier; log: LessonLog } {
  const tier = TIERS[name];
  const config: SessionConfig = { ...demoConfig(), risk: tier };
  const session = Session.create(seed, config);
  const breakers: LessonBreaker[] = [];
  session.onEvent = (event) => watchBreaker(event, session.time, breakers);
  const commands: TimedCommand[] = [...demoCommands(seed, config, tier)];
  const buys = commands.flatMap(({ command }) => fillsOf(apply(session, command)));
  session.advanceTo(times.crashAt);
  const equityBeforeCrash = session.view().equity;
  const crash = { at: times.crashAt, command: { type: 'scenario', event: LESSON_CRASH } } as const;
  apply(session, crash.command).forEach((e) => watchBreaker(e, session.time, breakers));
  commands.push(crash);
  session.advanceTo(times.checkAt);
  const check = session.view();
  const dayBase = new Dec(check.equity).minus(check.dayPnl);
  const dayLoss = new Dec(check.dayPnl).negated();
  session.advanceTo(times.endTime);
  const endEquity = new Dec(session.view().equity);
  const endPnl = endEquity.minus(DEMO_CASH);
  const sum = (pick: (b: LessonBuy) => string) =>
    canonical(buys.reduce((total, b) => total.plus(pick(b)), ZERO));
  const reportEquity = new Dec(REPORT_EQUITY);
  return {
    figures: {
      tier: name,
      label: tier.label,
      riskPerTrade: tier.riskPerTrade,
      dailyLossLimit: tier.dailyLossLimit,
      ownLimit: canonical(maxPositionValue({ ...tier, liftGlobalCap: true }, reportEquity)),
      limit: canonical(maxPositionValue(tier, reportEquity)),
      capped: cappedByGlobalLimit(tier),
      buys,
      invested: sum((b) => b.notional),
      fees: sum((b) => b.fee),
      equityBeforeCrash,
      equityAfterCrash: check.equity,
      dayLoss: canonical(dayLoss),
      dayLossShare: canonical(dayLoss.dividedBy(dayBase).toDecimalPlaces(6)),
      dayLossLimit: canonical(dayBase.times(tier.dailyLossLimit).toDecimalPlaces(2)),
      breaker: breakers[0] ?? null,
      endEquity: canonical(endEquity),
      endPnl: canonical(endPnl),
      endReturn: canonical(endPnl.dividedBy(DEMO_CASH).toDecimalPlaces(6)),
    },
    log: { config, commands, session },
  };
}

function apply(session: Session, command: TimedCommand['command']): readonly EngineEvent[] {
  const applied = session.apply(command);
  if (!applied.ok) throw new Error(`The lesson cannot apply ${command.type}: ${applied.message}`);
  return applied.value;
}

function fillsOf(events: readonly EngineEvent[]): LessonBuy[] {
  return events
    .filter((e): e is FillEvent => e.type === 'filled')
    .map(({ symbol, quantity, price, notional, fee }) => ({
      symbol,
      quantity,
      price,
      notional,
      fee,
    }));
}

function watchBreaker(event: EngineEvent, time: number, out: LessonBreaker[]): void {
  if (event.type === 'breaker' && event.breaker)
    out.push({ kind: event.breaker.kind, at: time, message: event.breaker.message });
}
