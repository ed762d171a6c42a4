import type { TimedCommand } from '../../src/engine/commands.ts';
import { replay, stateHash } from '../../src/engine/session.ts';
import { CONFIG, START, buy, deposit, sell } from './sessions.ts';

/** A session run for a simulated day, whose hash node and Chromium must both reproduce. */
export const GOLDEN_LOG: TimedCommand[] = [
  { at: START, command: deposit('50000') },
  { at: START + 3_600_000, command: buy('0.3') },
  { at: START + 7_200_000, command: sell('0.1') },
  { at: START + 43_200_000, command: buy('0.05') },
  { at: START + 86_400_000, command: sell('0.25') },
];

/**
 * The hash those commands give with seed "golden". If it changes, every stored and shared session
 * replays differently: that needs a new session format version and a migration, not a new hash.
 */
export const GOLDEN_HASH = '8bfe14cc89191045db916bf6e2fad5bbbfda255b2f6888858ce8fc69f28b9f2c';

export async function goldenHash(): Promise<string> {
  const result = replay('golden', CONFIG, GOLDEN_LOG);
  if (!result.ok) throw new Error(result.message);
  return stateHash(result.value.snapshot());
}
