import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runLesson } from '../../../src/engine/lesson.ts';

const run = promisify(execFile);
const sim = (...args: string[]) =>
  run('npx', ['tsx', 'src/cli/sim.ts', ...args]).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('npm run sim -- lesson', () => {
  it('prints the lesson page’s figures for a seed, as the engine gives them', async () => {
    const printed = await sim('lesson', '--seed', '7');
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(runLesson('7').lesson);
  }, 60_000);

  it('refuses a seed with a space, with the usage and exit code 2', async () => {
    const refused = await sim('lesson', '--seed', 'a b');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^--seed must be 1–32 letters or digits\.\nUsage:/);
  }, 60_000);
});
