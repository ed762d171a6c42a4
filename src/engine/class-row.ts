import { canonical, Dec } from './decimal.ts';
import type { EngineEvent } from './events.ts';
import { curveReturns, drawdown } from './analytics/metrics.ts';
import type { SessionFile } from './session-file.ts';
import { stateHash, type Session } from './session.ts';
import { verifyFile } from './file-verdict.ts';
import { checkAssignment, UNKNOWN_ASSIGNMENT_REASON, type Assignment } from './assignment.ts';

/** What checking a file found: it replays to its hash, to another hash, or not at all. */
export type ClassVerdict = 'verified' | 'modified' | 'refused';

/**
 * One session file's line in the class table and in `sim verify`. Money and percentages are
 * canonical decimal strings; figures a refused file cannot have are null.
 */
export interface ClassRow {
  readonly file: string;
  readonly name: string;
  readonly author: string;
  /** The risk tier's label, or empty when the session has none. */
  readonly tier: string;
  readonly verdict: ClassVerdict;
  /** Why the file is not verified; empty when it is. */
  readonly reason: string;
  readonly finalEquity: string | null;
  /** Gain (final equity plus withdrawals minus deposits) over deposits, in percent. */
  readonly returnPct: string | null;
  /** The deepest fall of the deposit-adjusted equity curve from a peak, in percent. */
  readonly maxDrawdownPct: string | null;
  /** Fills. */
  readonly trades: number | null;
  /** Orders the broker rejected (post-only that would take, a halted market). */
  readonly refusedOrders: number | null;
  /** Circuit breakers tripped, the kill switch included. */
  readonly breakerTrips: number | null;
  /** The assignment the file names (its id and title), or empty. */
  readonly assignment: string;
  readonly assignmentTitle: string;
  /**
   * Whether the file keeps to the seed and settings of the teacher's copy of its assignment;
   * null when it names none, or one this device does not know (then `assignment` is set).
   */
  readonly followsAssignment: boolean | null;
  /** How it departs from its assignment, or that the assignment is not known; empty if it follows. */
  readonly assignmentReason: string;
}

/** The row of a file that could not be read, parsed or replayed. */
export function refusedRow(
  file: string,
  reason: string,
  parsed?: SessionFile,
  known: readonly Assignment[] = [],
): ClassRow {
  return {
    ...assignmentColumns(parsed, known),
    file,
    name: parsed?.meta.name ?? '',
    author: parsed?.meta.author ?? '',
    tier: parsed?.config.risk?.label ?? '',
    verdict: 'refused',
    reason,
    finalEquity: null,
    returnPct: null,
    maxDrawdownPct: null,
    trades: null,
    refusedOrders: null,
    breakerTrips: null,
  };
}

/**
 * The row of a file whose log replayed: compares the state hash and checks the file against the
 * teacher's copy of its assignment among `known`. `counts` are what `watch` saw during the replay.
 */
export async function replayedRow(
  file: string,
  f: SessionFile,
  session: Session,
  counts: EventCounts,
  known: readonly Assignment[],
): Promise<ClassRow> {
  const snapshot = session.snapshot();
  const hash = await stateHash(snapshot);
  const equity = new Dec(session.view().equity);
  const deposited = new Dec(snapshot.ledger.deposited);
  const gain = equity.plus(snapshot.ledger.withdrawn).minus(deposited);
  const { stats, curve } = session.record();
  const { depth } = drawdown(curveReturns(curve).index, curve.intervalMs);
  const { verdict, reason } = verifyFile(f, hash);
  return {
    ...assignmentColumns(f, known),
    file,
    name: f.meta.name,
    author: f.meta.author ?? '',
    tier: f.config.risk?.label ?? '',
    verdict,
    // A teacher's table needs no sentence for a file that is what it says.
    reason: verdict === 'verified' ? '' : reason,
    finalEquity: canonical(equity),
    returnPct: deposited.isZero() ? '0' : percent(gain.dividedBy(deposited)),
    maxDrawdownPct: percent(new Dec(depth)),
    trades: Object.values(stats.perAsset).reduce((n, a) => n + a.fills, 0),
    refusedOrders: counts.refusedOrders,
    breakerTrips: counts.breakerTrips,
  };
}

/** The assignment a file names and whether it keeps to the teacher's copy, in four columns. */
function assignmentColumns(
  file: SessionFile | undefined,
  known: readonly Assignment[],
): Pick<ClassRow, 'assignment' | 'assignmentTitle' | 'followsAssignment' | 'assignmentReason'> {
  const check = file ? checkAssignment(file, known) : ({ type: 'none' } as const);
  switch (check.type) {
    case 'none':
      return { assignment: '', assignmentTitle: '', followsAssignment: null, assignmentReason: '' };
    case 'unknown':
      return {
        assignment: check.id,
        assignmentTitle: check.title,
        followsAssignment: null,
        assignmentReason: UNKNOWN_ASSIGNMENT_REASON,
      };
    case 'checked': {
      const { reference, problems } = check;
      return {
        assignment: reference.id,
        // The teacher's title: the file's record of it may have been edited.
        assignmentTitle: reference.title,
        followsAssignment: problems.length === 0,
        assignmentReason:
          problems.length === 0 ? '' : `It does not follow its assignment: ${problems.join('; ')}.`,
      };
    }
    default:
      return check satisfies never;
  }
}

/** A fraction as a percentage to two places, canonical (no trailing zeros, no negative zero). */
function percent(fraction: Dec): string {
  return canonical(fraction.times(100).toDecimalPlaces(2));
}

/** What the final state does not keep: rejected orders and breaker trips. */
export interface EventCounts {
  refusedOrders: number;
  breakerTrips: number;
}

/**
 * Counts rejected orders and breaker trips into `counts`. Events between commands come through
 * `onEvent`; a command's own events are returned by `apply`, which `replayFrom` does not pass on,
 * so `apply` is observed here rather than the fold copied.
 */
export function watch(session: Session, counts: EventCounts): void {
  const count = (event: EngineEvent) => {
    if (event.type === 'order' && event.change === 'rejected') counts.refusedOrders++;
    else if (event.type === 'breaker' && event.breaker) counts.breakerTrips++;
  };
  session.onEvent = count;
  const apply = session.apply.bind(session);
  session.apply = (command) => {
    const outcome = apply(command);
    if (outcome.ok) outcome.value.forEach(count);
    return outcome;
  };
}
