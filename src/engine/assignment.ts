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

/**
 * How a file departs from the assignment it names, one sentence each; empty when it follows it
 * (or names none). The file's own record of the assignment is what it is checked against.
 */
export function assignmentProblems(file: SessionFile): string[] {
  const a = file.meta.assignment;
  if (!a) return [];
  const problems: string[] = [];
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
