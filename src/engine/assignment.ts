import type { Command } from './commands.ts';
import { defaultConfig, type SessionConfig } from './config.ts';
import { DEFAULT_ASSETS } from './market/universe.ts';
import { TIERS, type TierName } from './risk/tiers.ts';
import type { SessionFile } from './session-file.ts';
import { differingPaths } from './file-verdict.ts';

const DAY_MS = 86_400_000;

/**
 * A teacher's assignment: every student's session starts from the same seed, simulated start,
 * cash and tier, trades only the given coins, and closes at the deadline (or after `days`).
 */
export interface Assignment {
  readonly id: string;
  readonly title: string;
  readonly seed: string;
  /** Simulated start, ms since the epoch (midnight UTC). */
  readonly start: number;
  readonly days: number;
  /** Starting cash in USD, a canonical decimal string. */
  readonly cash: string;
  readonly tier: TierName;
  /** The coins students may trade, in the universe's order. */
  readonly coins: readonly string[];
  /** Simulated time at which trading closes, before the last day ends; the end of `days` if absent. */
  readonly deadline?: number;
}

/** The simulated time at which an assignment's trading closes. */
export function closingTime(a: Assignment): number {
  return a.deadline ?? a.start + a.days * DAY_MS;
}

/** The config of a student's session: the default market at the assignment's start and rules. */
export function assignmentConfig(a: Assignment): SessionConfig {
  return {
    ...defaultConfig(a.start),
    risk: TIERS[a.tier],
    allowedSymbols: DEFAULT_ASSETS.map((x) => x.symbol).filter((s) => a.coins.includes(s)),
    closesAt: closingTime(a),
  };
}

/** The commands a student's session opens with: the assignment's cash. */
export function assignmentOpening(a: Assignment): Command[] {
  return [{ type: 'deposit', amount: a.cash }];
}

/** What the class page says of a file that names an assignment this device does not know. */
export const UNKNOWN_ASSIGNMENT_REASON =
  'Assignment not known on this device; paste its link to check it.';

/**
 * How a file stands against the assignment it names, checked against the teacher's own copy
 * (`known`), never against the file's record of it, which anyone can edit with the rest:
 * `none` when it names none, `unknown` when no copy here has its id, else the problems found.
 */
export type AssignmentCheck =
  | { readonly type: 'none' }
  | { readonly type: 'unknown'; readonly id: string; readonly title: string }
  | { readonly type: 'checked'; readonly reference: Assignment; readonly problems: string[] };

/** Finds the teacher's copy of the assignment a file names and checks the file against it. */
export function checkAssignment(file: SessionFile, known: readonly Assignment[]): AssignmentCheck {
  const named = file.meta.assignment;
  if (!named) return { type: 'none' };
  const reference = known.find((a) => a.id === named.id);
  if (!reference) return { type: 'unknown', id: named.id, title: named.title };
  return { type: 'checked', reference, problems: assignmentProblems(file, reference) };
}

/**
 * How a file departs from the teacher's copy of its assignment, one sentence each; empty when it
 * follows it. A record in the file that differs from the copy comes first: that is an edit.
 */
export function assignmentProblems(file: SessionFile, a: Assignment): string[] {
  const problems: string[] = [];
  const record = file.meta.assignment;
  const changed = record ? recordChanges(record, a) : [];
  if (changed.length > 0)
    problems.push(`its copy of the assignment was changed: ${changed.join(', ')}`);
  if (file.seed !== a.seed) problems.push(`seed "${file.seed}" (the assignment's: "${a.seed}")`);
  for (const line of differingPaths(file.config, assignmentConfig(a), 'the assignment'))
    problems.push(line);
  const first = file.commands[0];
  const cash = first?.command.type === 'deposit' ? first.command.amount : '0';
  if (cash !== a.cash || first?.at !== a.start)
    problems.push(`starting cash $${cash} (the assignment's: $${a.cash} at the start)`);
  for (const { command } of file.commands)
    if (command.type === 'set-tier')
      problems.push(`changes its tier to ${command.tier} (the assignment sets ${a.tier})`);
  return problems;
}

/** Each field of a file's record of its assignment that differs from the teacher's copy. */
function recordChanges(record: Assignment, teacher: Assignment): string[] {
  const show: { [K in keyof Assignment]-?: (a: Assignment) => string } = {
    id: (a) => a.id,
    title: (a) => JSON.stringify(a.title),
    seed: (a) => JSON.stringify(a.seed),
    start: (a) => utcTime(a.start),
    days: (a) => String(a.days),
    cash: (a) => `$${a.cash}`,
    tier: (a) => a.tier,
    coins: (a) => a.coins.join(', '),
    deadline: (a) => (a.deadline === undefined ? 'none' : utcTime(a.deadline)),
  };
  const out: string[] = [];
  for (const [field, format] of Object.entries(show) as [keyof Assignment, typeof show.id][]) {
    const mine = format(record);
    const theirs = format(teacher);
    if (mine !== theirs) out.push(`${field} ${mine} (the teacher's: ${theirs})`);
  }
  return out;
}

/** A simulated time as "2026-03-06 12:00 UTC". */
function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
