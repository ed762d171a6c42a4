import type { TimedCommand } from '../../src/engine/commands.ts';
import { replay } from '../../src/engine/session.ts';
import { newSessionId } from '../../src/schema/rows.ts';
import { exportSessionFile } from '../../src/worker/session-files.ts';
import { CONFIG, START, buy, deposit, sell } from '../support/sessions.ts';

/**
 * A session file of `count` commands, as the app exports it: the opening deposit, then small
 * BTC buys and sells and deposits ten simulated seconds apart. For measuring how the app's
 * costs grow with a session's length.
 */
export async function longSessionFile(count: number): Promise<string> {
  const timed: TimedCommand[] = [{ at: START, command: deposit('50000') }];
  for (let i = 1; i < count; i++) {
    const command = i % 3 === 0 ? deposit('1') : i % 3 === 1 ? buy('0.001') : sell('0.001');
    timed.push({ at: START + i * 10_000, command });
  }
  const session = replay('long', CONFIG, timed);
  if (!session.ok) throw new Error(session.message);
  const id = newSessionId();
  const row = {
    id,
    name: `${count} commands`,
    seed: 'long',
    config: CONFIG,
    createdAt: START,
    writerEpoch: 0,
  };
  const rows = timed.map(({ at, command }, i) => ({ sessionId: id, seq: i + 1, at, command }));
  return (await exportSessionFile(row, rows, session.value, { pretty: false })).text;
}
