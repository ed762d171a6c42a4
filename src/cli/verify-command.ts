import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Dec } from '../engine/decimal.ts';
import { Session, replayLog, stateHash } from '../engine/session.ts';
import { parseSessionFile } from '../schema/session-file.ts';

interface Row {
  readonly file: string;
  readonly name: string;
  readonly author: string;
  readonly verdict: 'verified' | 'modified' | 'refused';
  readonly reason?: string;
  readonly equity: string;
  readonly returnPct: string;
  readonly trades: number;
}

async function verifyOne(path: string): Promise<Row> {
  const file = basename(path);
  const refused = (reason: string): Row => ({
    file,
    name: '',
    author: '',
    verdict: 'refused',
    reason,
    equity: '',
    returnPct: '',
    trades: 0,
  });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return refused(`cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseSessionFile(text);
  if (!parsed.ok) return refused(parsed.message);
  const f = parsed.value;
  // The same rules as the app's import: each logged command must count as one.
  const replayed = replayLog(Session.create(f.seed, f.config), f.commands);
  if (!replayed.ok) return refused(replayed.message);
  replayed.value.advanceTo(f.endTime);
  const view = replayed.value.view();
  const deposited = new Dec(replayed.value.snapshot().ledger.deposited);
  const returnPct = deposited.isZero()
    ? '0'
    : new Dec(view.equity).dividedBy(deposited).minus(1).times(100).toFixed(2);
  return {
    file,
    name: f.meta.name,
    author: f.meta.author ?? '',
    verdict: (await stateHash(replayed.value.snapshot())) === f.stateHash ? 'verified' : 'modified',
    equity: view.equity,
    returnPct,
    trades: Object.values(replayed.value.record().stats.perAsset).reduce((n, a) => n + a.fills, 0),
  };
}

/** Replays each file and prints a table sorted by return; exit 1 if any is not verified. */
export async function runVerify(paths: readonly string[], json: boolean): Promise<number> {
  const rows = await Promise.all(paths.map(verifyOne));
  rows.sort((a, b) => Number(b.returnPct || -Infinity) - Number(a.returnPct || -Infinity));
  if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    const header = ['file', 'name', 'author', 'verdict', 'final equity', 'return %', 'trades'];
    const table = [
      header,
      ...rows.map((r) => [
        r.file,
        r.name,
        r.author,
        r.verdict + (r.reason ? `: ${r.reason}` : ''),
        r.equity,
        r.returnPct,
        String(r.trades),
      ]),
    ];
    const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
    for (const row of table)
      process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}\n`);
  }
  return rows.every((r) => r.verdict === 'verified') ? 0 : 1;
}
