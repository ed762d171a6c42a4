import type { TimedCommand } from '../engine/commands.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import { replayLog, type Session } from '../engine/session.ts';
import { nextTurn } from './next-turn.ts';

/** How long one slice of replay may hold the worker before it lets other messages through. */
const SLICE_MS = 25;
/** Simulated time advanced per step when the market runs between commands. */
const ADVANCE_STEP_MS = 3_600_000;

export interface ReplayControl {
  /** Fraction done, 0 to 1, and the commands replayed so far; called at most once per slice. */
  readonly onProgress?: (fraction: number, commands: number) => unknown;
  readonly isCancelled?: () => boolean;
}

/**
 * Replays a log and runs the market on to `endTime`, in slices that yield to the event loop, so
 * that a long file neither freezes the worker nor stops its other work; it can be cancelled.
 */
export async function replayStepwise(
  session: Session,
  commands: readonly TimedCommand[],
  endTime: number,
  control: ReplayControl = {},
): Promise<Result<Session, 'invalid-log' | 'cancelled'>> {
  const start = session.time;
  const span = Math.max(1, endTime - start);
  let sliceStart = performance.now();
  let replayed = 0;
  const pause = async (): Promise<boolean> => {
    if (performance.now() - sliceStart < SLICE_MS) return false;
    control.onProgress?.(Math.min(1, (session.time - start) / span), replayed);
    await nextTurn();
    sliceStart = performance.now();
    return control.isCancelled?.() ?? false;
  };
  const runUntil = async (time: number): Promise<boolean> => {
    while (session.time + ADVANCE_STEP_MS < time) {
      session.advanceTo(session.time + ADVANCE_STEP_MS);
      if (await pause()) return false;
    }
    return true;
  };
  const cancelled = refuse('cancelled', 'The import was cancelled; nothing was stored.');
  for (const [index, entry] of commands.entries()) {
    if (!(await runUntil(entry.at))) return cancelled;
    // Every logged command must count once, as on resume: see replayLog.
    const applied = replayLog(session, [entry], index + 1);
    if (!applied.ok) return applied;
    replayed = index + 1;
    if (await pause()) return cancelled;
  }
  if (!(await runUntil(endTime))) return cancelled;
  session.advanceTo(endTime);
  control.onProgress?.(1, commands.length);
  return ok(session);
}
