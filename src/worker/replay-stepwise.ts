import type { TimedCommand } from '../engine/commands.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import { replayFrom, type Session } from '../engine/session.ts';

/** How long one slice of replay may hold the worker before it lets other messages through. */
const SLICE_MS = 25;
/** Simulated time advanced per step when the market runs between commands. */
const ADVANCE_STEP_MS = 3_600_000;

export interface ReplayControl {
  /** Fraction done, 0 to 1; called at most once per slice. */
  readonly onProgress?: (fraction: number) => unknown;
  readonly isCancelled?: () => boolean;
}

/** Why a logged command that did not count as one cannot be in a log. */
function uncounted(number: number, { command }: TimedCommand): string {
  if (command.type === 'place-order')
    return `Command ${number} (place-order) repeats the order id ${command.clientOrderId} of an order placed before it. A live session never logs a resubmitted order, so this log was changed.`;
  return `Command ${number} (${command.type}) changed nothing, and a live session never logs such a command, so this log was changed.`;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
  const pause = async (): Promise<boolean> => {
    if (performance.now() - sliceStart < SLICE_MS) return false;
    control.onProgress?.(Math.min(1, (session.time - start) / span));
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
    const before = session.seq;
    const applied = replayFrom(session, [entry], index + 1);
    if (!applied.ok) return applied;
    // Every logged command counts once: a stored log numbers its commands 1, 2, 3…, and a
    // session resumes by those numbers. A live session never logs one that changes nothing.
    if (session.seq !== before + 1) return refuse('invalid-log', uncounted(index + 1, entry));
    if (await pause()) return cancelled;
  }
  if (!(await runUntil(endTime))) return cancelled;
  session.advanceTo(endTime);
  control.onProgress?.(1);
  return ok(session);
}
