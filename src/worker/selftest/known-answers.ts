import { defaultConfig } from '../../engine/config.ts';
import type { TimedCommand } from '../../engine/commands.ts';
import { replay, stateHash } from '../../engine/session.ts';

/** A fixed simulated start, so the known answer never depends on the wall clock. */
export const KNOWN_START = Date.UTC(2026, 0, 1);
export const KNOWN_CONFIG = defaultConfig(KNOWN_START);

/** A session run for a simulated day, whose hash every device must reproduce. */
export const KNOWN_LOG: TimedCommand[] = [
  { at: KNOWN_START, command: { type: 'deposit', amount: '50000' } },
  { at: KNOWN_START + 3_600_000, command: { type: 'market-buy', symbol: 'BTC', quantity: '0.3' } },
  { at: KNOWN_START + 7_200_000, command: { type: 'market-sell', symbol: 'BTC', quantity: '0.1' } },
  {
    at: KNOWN_START + 43_200_000,
    command: { type: 'market-buy', symbol: 'BTC', quantity: '0.05' },
  },
  {
    at: KNOWN_START + 86_400_000,
    command: { type: 'market-sell', symbol: 'BTC', quantity: '0.25' },
  },
];

/**
 * The hash those commands give with seed "golden". If it changes, every stored and shared session
 * replays differently: that needs a new session format version and a migration, not a new hash.
 */
export const KNOWN_HASH = '46e5f3a4833ab735ab4ee5faf6696ff329f93b8e80da2456b32d5237a7e78897';

/** Replays the known session and returns its hash. */
export async function knownSessionHash(): Promise<string> {
  const result = replay('golden', KNOWN_CONFIG, KNOWN_LOG);
  if (!result.ok) throw new Error(result.message);
  return stateHash(result.value.snapshot());
}
