import type { Assignment } from '../../src/engine/assignment.ts';
import { assignmentConfig, assignmentOpening } from '../../src/engine/assignment.ts';
import type { Command, TimedCommand } from '../../src/engine/commands.ts';
import type { SessionConfig } from '../../src/engine/config.ts';
import { sealFile } from '../../src/engine/file-verdict.ts';
import { SESSION_FILE_VERSION, serializeSessionFile } from '../../src/engine/session-file.ts';
import { Session, stateHash } from '../../src/engine/session.ts';

/** A week of BTC and ETH from seed "week1", $20,000 under Moderate, closing on day 5 at noon. */
export const WEEK1: Assignment = {
  id: 'wk1a2b3c',
  title: 'Week 1: two coins',
  seed: 'week1',
  start: Date.UTC(2026, 2, 2),
  days: 7,
  cash: '20000',
  tier: 'moderate',
  coins: ['BTC', 'ETH'],
  deadline: Date.UTC(2026, 2, 6, 12),
};

/**
 * A student's exported file, made as the app makes it: the assignment's config and opening, then
 * `later` commands an hour apart (only accepted ones logged). `change` edits the file afterwards
 * and replays and reseals it, as anyone can: its seed, config and its record of the assignment
 * (`record`, which also sets the opening's cash).
 */
export async function studentFile(
  a: Assignment,
  later: readonly Command[],
  change: { seed?: string; config?: SessionConfig; record?: Assignment } = {},
): Promise<string> {
  const record = change.record ?? a;
  const seed = change.seed ?? a.seed;
  const config = change.config ?? assignmentConfig(a);
  const session = Session.create(seed, config);
  const commands: TimedCommand[] = [];
  const run = (command: Command) => {
    if (session.apply(command).ok) commands.push({ at: session.time, command });
  };
  assignmentOpening(record).forEach(run);
  for (const command of later) {
    session.advanceTo(session.time + 3_600_000);
    run(command);
  }
  session.advanceTo(session.time + 3_600_000);
  return serializeSessionFile(
    sealFile({
      type: 'powertrader.session',
      version: SESSION_FILE_VERSION,
      meta: {
        name: 'My week',
        author: 'Ada',
        createdAt: '2026-03-02T08:00:00.000Z',
        appVersion: '0.1.0',
        assignment: record,
      },
      seed,
      config,
      commands,
      endTime: session.time,
      stateHash: await stateHash(session.snapshot()),
    }),
    true,
  );
}
