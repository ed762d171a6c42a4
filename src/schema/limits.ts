import { MAX_CANDLE_ROWS } from '../engine/market/candle-limits.ts';

const DAY_MS = 86_400_000;

/**
 * How much replay work an import may ask for, checked before any of it starts. The replay of a
 * file runs its market tick by tick from the start to the end time, so the work grows with the
 * span, the assets and the commands. Measured: about 5 million asset-ticks a second in node and
 * 1.5 million in Chromium on a school laptop, so the tick limit keeps an import under about five
 * minutes there (ten coins at 1 s ticks: about 580 days).
 */
export const REPLAY_LIMITS = {
  /** Simulated time from the session's start to its end. */
  spanDays: 5 * 365 + 1,
  assets: 20,
  commands: 200_000,
  /** Ticks times assets: one asset moved one tick is one unit of replay work. */
  assetTicks: 500_000_000,
  /** Rows of an imported candle CSV, header not counted (the parser enforces it). */
  candleRows: MAX_CANDLE_ROWS,
} as const;

/** Limits on a file from outside: anything larger is refused before it is parsed. */
export const FILE_LIMITS = {
  bytes: 20 * 1024 * 1024,
  commands: REPLAY_LIMITS.commands,
  depth: 12,
} as const;

const count = (n: number) => Math.floor(n).toLocaleString('en-US');

/** What a replay would need to do, as far as the limits care. */
export interface ReplayExtent {
  readonly startTime: number;
  readonly endTime: number;
  readonly tickMs: number;
  readonly assets: number;
  readonly commands: number;
}

/** Why a replay of this extent is refused before it starts, or undefined when it is within limits. */
export function replayLimitProblem(extent: ReplayExtent): string | undefined {
  const { startTime, endTime, tickMs, assets, commands } = extent;
  if (commands > REPLAY_LIMITS.commands)
    return `The session has ${count(commands)} commands; at most ${count(REPLAY_LIMITS.commands)} can be replayed.`;
  if (assets > REPLAY_LIMITS.assets)
    return `The session has ${count(assets)} assets; at most ${REPLAY_LIMITS.assets} can be replayed.`;
  const span = endTime - startTime;
  if (span > REPLAY_LIMITS.spanDays * DAY_MS)
    return `The session spans ${count(span / DAY_MS)} days; at most ${count(REPLAY_LIMITS.spanDays)} days (5 years) can be replayed.`;
  const ticks = (span / Math.max(1, tickMs)) * assets;
  if (ticks > REPLAY_LIMITS.assetTicks) {
    const days = ((REPLAY_LIMITS.assetTicks / assets) * Math.max(1, tickMs)) / DAY_MS;
    return `The session's market runs ${count(span / DAY_MS)} days for ${assets} assets at ${tickMs / 1000} s ticks, ${count(ticks)} price steps; at most ${count(REPLAY_LIMITS.assetTicks)} can be replayed (${count(days)} days for ${assets} assets).`;
  }
  return undefined;
}
