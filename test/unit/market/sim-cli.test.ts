import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const sim = (...args: string[]) =>
  run('npx', ['tsx', 'src/cli/sim.ts', ...args]).then((r) => r.stdout);

describe('npm run sim (candles)', () => {
  it('writes sorted candles on the tick grid, byte-identical for one seed', async () => {
    const args = ['--seed', '42', '--days', '2', '--interval', '1h', '--assets', 'ETH,BTC'];
    const [first, again, other] = await Promise.all([
      sim(...args),
      sim(...args),
      sim('--seed', '43', ...args.slice(2)),
    ]);
    expect(first).toBe(again);
    expect(first).not.toBe(other);
    const lines = first.trim().split('\n');
    expect(lines[0]).toBe('time,symbol,open,high,low,close,volume');
    expect(lines).toHaveLength(1 + 48 * 2);
    expect(lines[1]).toMatch(
      /^2026-01-01T00:00:00\.000Z,BTC,49973\.07,\d+(\.\d{1,2})?,\d+(\.\d{1,2})?,\d+(\.\d{1,2})?,\d+(\.\d+)?$/,
    );
    expect(lines[2]).toMatch(/^2026-01-01T00:00:00\.000Z,ETH,/);
    for (const line of lines.slice(1)) {
      const [, , open, high, low, close, volume] = line.split(',').map(Number);
      expect(
        low! <= Math.min(open!, close!) &&
          Math.max(open!, close!) <= high! &&
          volume! >= 0 &&
          low! > 0,
      ).toBe(true);
    }
  }, 60_000);

  it.each([
    [['--interval', '2h'], /--interval must be one of 1m, 5m, 1h, 1d/],
    [['--days', 'many'], /--days must be a whole number/],
    [['--assets', 'BTC,DOGE'], /Unknown asset DOGE/],
    [['--tick', '7s'], /--tick must be one of/],
    [['--interval', '1m', '--tick', '1h'], /does not divide/],
    [['--bogus'], /Unknown option/],
    [['teleport'], /Unknown subcommand "teleport"/],
  ])(
    'refuses %j with the usage and exit code 2',
    async (args, message) => {
      const failure = await run('npx', ['tsx', 'src/cli/sim.ts', ...args]).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(failure).toMatchObject({ code: 2 });
      expect((failure as { stderr: string }).stderr).toMatch(message);
      expect((failure as { stderr: string }).stderr).toMatch(/Usage:/);
    },
    60_000,
  );
});
