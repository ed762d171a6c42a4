import type { Assignment } from './assignment.ts';
import { refusedRow, replayedRow, watch, type ClassRow, type EventCounts } from './class-row.ts';
import type { TimedCommand } from './commands.ts';
import { Market } from './market/market.ts';
import { ok, refuse, type Refusal, type Result } from './result.ts';
import type { SessionFile } from './session-file.ts';
import { replayLog, Session } from './session.ts';

/** One file to check: its name, and what parsing it gave. */
export interface ClassInput {
  readonly file: string;
  readonly parsed: Result<SessionFile>;
}

export interface BatchControl {
  /**
   * Called every hour of simulated time with the fraction done (0 to 1); the worker yields there
   * and answers true to cancel. Node passes none and runs in one go.
   */
  readonly pause?: (fraction: number) => Promise<boolean>;
}

/** Simulated ticks between two calls of `pause`. */
const TICKS_PER_PAUSE = 3_600;

interface Member {
  readonly index: number;
  readonly file: SessionFile;
  session: Session;
  readonly counts: EventCounts;
  /** The next command to apply. */
  next: number;
  /** Whether its market is its own (it left the group's, or never had one to share). */
  own: boolean;
  failure?: Refusal<string>;
}

/**
 * Verifies files as `classRow` does one, and gives the same rows in the same order. Files whose
 * markets are the same (seed, coins, tick, start and market model: a class that follows one
 * assignment) are replayed in lockstep on one market, so its prices are made once and not once
 * per file. A file
 * whose log applies a scenario leaves the shared market first, on its own copy of its state, the
 * same exact copy a resumed session continues from.
 */
export async function classRows(
  inputs: readonly ClassInput[],
  known: readonly Assignment[] = [],
  control: BatchControl = {},
): Promise<Result<ClassRow[], 'cancelled'>> {
  const rows: (ClassRow | undefined)[] = inputs.map(({ file, parsed }) =>
    parsed.ok ? undefined : refusedRow(file, parsed.message),
  );
  const groups = new Map<string, { market?: Market; members: Member[] }>();
  for (const [index, { parsed }] of inputs.entries()) {
    if (!parsed.ok) continue;
    const f = parsed.value;
    const { replay, assets, tickMs, startTime, marketModel } = f.config;
    const key = replay
      ? `file ${index}`
      : JSON.stringify([f.seed, assets, tickMs, startTime, marketModel]);
    const group = groups.get(key) ?? {
      market: replay
        ? undefined
        : Market.create(f.seed, assets, tickMs, startTime, marketModel ?? 1),
      members: [],
    };
    const session = Session.create(f.seed, f.config, group.market);
    const counts = { refusedOrders: 0, breakerTrips: 0 };
    watch(session, counts);
    group.members.push({ index, file: f, session, counts, next: 0, own: !group.market });
    groups.set(key, group);
  }
  const members = [...groups.values()].flatMap((g) => g.members);
  const span = members.reduce((sum, m) => sum + Math.max(1, m.file.endTime - start(m)), 0);
  const progress = () =>
    members.reduce((sum, m) => sum + Math.min(m.session.time, m.file.endTime) - start(m), 0) / span;
  for (const { members: group } of groups.values()) {
    if (!(await lockstep(group, progress, control))) return refuse('cancelled', 'Cancelled.');
  }
  for (const m of members) {
    const { file } = inputs[m.index]!;
    rows[m.index] = m.failure
      ? refusedRow(file, m.failure.message, m.file, known)
      : await replayedRow(file, m.file, m.session, m.counts, known);
  }
  return ok(rows.map((row) => row!));
}

const start = (m: Member) => m.file.config.startTime;

/**
 * Runs a group of sessions on one market tick by tick: before each tick every session applies
 * its commands stamped before that tick, as `replayFrom` does, then all take the tick. Resolves
 * false when cancelled.
 */
async function lockstep(
  group: Member[],
  progress: () => number,
  control: BatchControl,
): Promise<boolean> {
  let active = [...group];
  const tick = group[0]!.file.config.tickMs;
  for (let time = start(group[0]!), ticks = 1; active.length > 0; ticks++) {
    const next = time + tick;
    // A session goes on while it has commands left or ticks before its end; one that is done
    // takes its market's state along, as the others move it on. The list is rebuilt only when
    // one stops, not every tick (604,800 arrays to collect in a week at 1 s ticks).
    let stopped = false;
    for (const m of active) {
      applyDue(m, next);
      if (!going(m, next)) stopped = true;
    }
    if (stopped) {
      for (const m of active) if (!going(m, next) && !m.failure) leaveMarket(m);
      active = active.filter((m) => going(m, next));
    }
    for (const m of active) m.session.advanceTo(next);
    time = next;
    if (ticks % TICKS_PER_PAUSE === 0 && control.pause && (await control.pause(progress())))
      return false;
  }
  for (const m of group) {
    if (!m.failure && m.session.time > m.file.endTime) m.failure = LATE_COMMAND;
  }
  return true;
}

/** Whether a session takes the tick that ends at `next`: commands left, or its end not reached. */
function going(m: Member, next: number): boolean {
  return !m.failure && (m.next < m.file.commands.length || next <= m.file.endTime);
}

/** Applies a session's commands stamped before `next`, leaving the shared market for a scenario. */
function applyDue(m: Member, next: number): void {
  const commands = m.file.commands;
  while (m.next < commands.length && commands[m.next]!.at < next) {
    const entry: TimedCommand = commands[m.next]!;
    // The scenario changes this session's market alone.
    if (entry.command.type === 'scenario') leaveMarket(m);
    const applied = replayLog(m.session, [entry], m.next + 1);
    if (!applied.ok) {
      m.failure = applied;
      return;
    }
    m.next++;
  }
}

/** The session goes on with its own copy of the shared market's state, as a resumed one does. */
function leaveMarket(m: Member): void {
  if (m.own) return;
  m.session = Session.fromSnapshot(m.file.config, m.session.snapshot());
  watch(m.session, m.counts);
  m.own = true;
}

/** A log whose commands run past the file's end time cannot be its export. */
const LATE_COMMAND = refuse(
  'invalid-log',
  "A command is stamped after the file's end time, so the log was changed.",
);

/** Rows replayed in one go, with nothing to cancel them (`sim verify` and tests). */
export async function classRowsAtOnce(
  inputs: readonly ClassInput[],
  known: readonly Assignment[] = [],
): Promise<ClassRow[]> {
  const rows = await classRows(inputs, known);
  if (!rows.ok) throw new Error('A replay without a pause cannot be cancelled.');
  return rows.value;
}

/** One file's row, replayed in one go. */
export async function classRow(
  file: string,
  parsed: Result<SessionFile>,
  known: readonly Assignment[] = [],
): Promise<ClassRow> {
  return (await classRowsAtOnce([{ file, parsed }], known))[0]!;
}
