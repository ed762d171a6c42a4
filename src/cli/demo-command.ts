import { sealFile } from '../engine/file-verdict.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO_START, demoCommands, demoConfig } from '../engine/demo.ts';
import {
  SESSION_FILE_TYPE,
  SESSION_FILE_VERSION,
  serializeSessionFile,
} from '../engine/session-file.ts';
import { replay, stateHash, type Session } from '../engine/session.ts';
import { parseSessionFile } from '../schema/session-file.ts';
import { version as appVersion } from '../../package.json';
import { UsageError } from './usage-error.ts';

const DAY_MS = 86_400_000;

/** What `demo` and `replay` print: where the session ends, money as decimal strings. */
async function summary(session: Session) {
  const view = session.view();
  const fills = Object.values(session.record().stats.perAsset).reduce((n, a) => n + a.fills, 0);
  return {
    stateHash: await stateHash(session.snapshot()),
    cash: view.cash,
    equity: view.equity,
    positions: view.positions,
    realizedPnl: view.realizedPnl,
    fees: view.feesPaid,
    fills,
  };
}

/** Runs the seed's demo headless for some simulated days; optionally writes its session file. */
export async function runDemo(options: {
  seed?: string | undefined;
  days?: string | undefined;
  sessionOut?: string | undefined;
}): Promise<number> {
  const seed = options.seed ?? '42';
  const days = Number(options.days ?? '30');
  if (!Number.isInteger(days) || days < 0 || days > 3650)
    throw new UsageError('--days must be a whole number from 0 to 3650.');
  const config = demoConfig();
  const commands = demoCommands(seed, config);
  const replayed = replay(seed, config, commands);
  if (!replayed.ok) throw new Error(replayed.message);
  const session = replayed.value;
  const endTime = DEMO_START + days * DAY_MS;
  session.advanceTo(endTime);
  if (options.sessionOut) {
    const text = serializeSessionFile(
      sealFile({
        type: SESSION_FILE_TYPE,
        version: SESSION_FILE_VERSION,
        meta: {
          name: `Demo, seed ${seed}, ${days} days`,
          createdAt: new Date(DEMO_START).toISOString(),
          appVersion,
        },
        seed,
        config,
        commands,
        endTime,
        stateHash: await stateHash(session.snapshot()),
      }),
      true,
    );
    writeFileSync(options.sessionOut, text);
  }
  process.stdout.write(`${JSON.stringify(await summary(session), null, 2)}\n`);
  return 0;
}

/** Replays a session file to its end time; a file that cannot be replayed exits 1 with why. */
export async function runReplay(path: string): Promise<number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    process.stderr.write(
      `Cannot read ${path}: ${error instanceof Error ? error.message : error}\n`,
    );
    return 1;
  }
  const parsed = parseSessionFile(text);
  if (!parsed.ok) {
    process.stderr.write(`${path} is not a session file this app can replay: ${parsed.message}\n`);
    return 1;
  }
  const file = parsed.value;
  const replayed = replay(file.seed, file.config, file.commands);
  if (!replayed.ok) {
    process.stderr.write(`${path} cannot be replayed: ${replayed.message}\n`);
    return 1;
  }
  replayed.value.advanceTo(file.endTime);
  const result = await summary(replayed.value);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (result.stateHash !== file.stateHash) {
    process.stderr.write(
      `Warning: the replayed state hash differs from the file's (${file.stateHash}): the file was changed or made by a different engine.\n`,
    );
    return 1;
  }
  return 0;
}
