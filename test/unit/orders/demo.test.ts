import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demoCommands, DEMO_SYMBOLS } from '../../../src/engine/demo.ts';
import { Dec } from '../../../src/engine/decimal.ts';
import { replay, stateHash } from '../../../src/engine/session.ts';
import { CONFIG } from '../../support/sessions.ts';

const run = promisify(execFile);
const sim = (...args: string[]) =>
  run('npx', ['tsx', 'src/cli/sim.ts', ...args]).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('the seed demo', () => {
  it('buys the five coins, each within the Moderate tier limit of 2 % of equity', () => {
    const replayed = replay('42', CONFIG, demoCommands('42', CONFIG));
    if (!replayed.ok) throw new Error(replayed.message);
    const view = replayed.value.view();
    expect(view.positions.map((p) => p.symbol).sort()).toEqual([...DEMO_SYMBOLS].sort());
    for (const p of view.positions) {
      expect(new Dec(p.marketValue).lessThanOrEqualTo('1000')).toBe(true);
      expect(new Dec(p.marketValue).greaterThan('990')).toBe(true);
    }
    expect(new Dec(view.cash).plus(view.feesPaid).lessThan('45010')).toBe(true);
  });

  it('gives the same commands and the same hash for the same seed, another for another', async () => {
    const hash = async (seed: string) => {
      const r = replay(seed, CONFIG, demoCommands(seed, CONFIG));
      if (!r.ok) throw new Error(r.message);
      r.value.advanceTo(CONFIG.startTime + 86_400_000);
      return stateHash(r.value.snapshot());
    };
    expect(demoCommands('7', CONFIG)).toEqual(demoCommands('7', CONFIG));
    expect(await hash('7')).toBe(await hash('7'));
    expect(await hash('7')).not.toBe(await hash('8'));
  });
});

describe('npm run sim -- demo and replay', () => {
  it('writes a session file that replays to the same JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-'));
    const file = join(dir, 'demo.json');
    const demo = await sim('demo', '--seed', '42', '--days', '1', '--session-out', file);
    expect(demo.code).toBe(0);
    const printed = JSON.parse(demo.stdout);
    expect(Object.keys(printed)).toEqual([
      'stateHash',
      'cash',
      'equity',
      'positions',
      'realizedPnl',
      'fees',
      'fills',
    ]);
    expect(printed.fills).toBe(5);
    expect(JSON.parse(readFileSync(file, 'utf8')).stateHash).toBe(printed.stateHash);
    const replayed = await sim('replay', file);
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout)).toEqual(printed);
  }, 60_000);

  it('refuses a file that cannot be replayed with a clear message and exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"type":"powertrader.session","version":1}');
    const result = await sim('replay', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a session file this app can replay: .+/);
  }, 60_000);
});
