import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runTierLab, runTierLabs, spreadOf, summarize } from '../../../src/engine/risk/tier-lab.ts';
import { TIERS } from '../../../src/engine/risk/tiers.ts';

const run = promisify(execFile);

describe('the tier lab', () => {
  it('gives the same table for the same seeds, and another for other seeds', () => {
    const table = (seeds: string[]) =>
      summarize(
        seeds.flatMap((seed) =>
          Object.values(TIERS).map((tier) => runTierLab(seed, 60, 'monthly-dca', tier)),
        ),
      );
    expect(table(['1', '2'])).toEqual(table(['1', '2']));
    expect(table(['1', '2'])).not.toEqual(table(['3', '4']));
  });

  it('sizes buy-and-hold by the tier: Conservative buys half of what Moderate buys', () => {
    const conservative = runTierLab('5', 1, 'buy-and-hold', TIERS.conservative);
    const moderate = runTierLab('5', 1, 'buy-and-hold', TIERS.moderate);
    const aggressive = runTierLab('5', 1, 'buy-and-hold', TIERS.aggressive);
    // Entering costs fees and half the spread, in proportion to what is bought.
    const entryCost = (r: typeof moderate) => 50_000 - r.equity[0]!;
    expect(conservative.orders).toBe(5);
    // Aggressive's 3 % is held to the 2 % global cap: the same positions as Moderate.
    expect(aggressive.finalEquity).toBe(moderate.finalEquity);
    expect(conservative.refused + moderate.refused).toBe(0);
    expect(entryCost(conservative) / entryCost(moderate)).toBeCloseTo(0.5, 1);
  });

  it('counts the buys a tier refuses: monthly buying runs into the position limit', () => {
    const result = runTierLab('9', 240, 'monthly-dca', TIERS.conservative);
    expect(result.orders).toBe(40);
    expect(result.refused).toBeGreaterThan(0);
    expect(result.equity).toHaveLength(241);
  });

  it('summarizes with mean, median and percentiles', () => {
    expect(spreadOf([5, 1, 4, 2, 3])).toEqual({ mean: 3, median: 3, p5: 1, p95: 5 });
  });

  it('runs on the command line and prints the per-tier summary as JSON', async () => {
    const { stdout } = await run('npx', [
      'tsx',
      'src/cli/sim.ts',
      'tierlab',
      '--seeds',
      '3',
      '--days',
      '30',
      '--strategy',
      'ma-crossover',
      '--json',
    ]);
    const printed = JSON.parse(stdout);
    expect(printed).toMatchObject({ seeds: 3, days: 30, strategy: 'ma-crossover' });
    expect(printed.tiers.map((t: { tier: string }) => t.tier)).toEqual([
      'conservative',
      'moderate',
      'aggressive',
    ]);
    expect(Object.keys(printed.tiers[0].finalEquity)).toEqual(['mean', 'median', 'p5', 'p95']);
  }, 60_000);
});

describe('the tier lab on one shared market', () => {
  it('gives each tier exactly the run it would have alone', () => {
    const tiers = Object.values(TIERS);
    const together = runTierLabs('11', 45, 'ma-crossover', tiers);
    const alone = tiers.map((tier) => runTierLab('11', 45, 'ma-crossover', tier));
    expect(together).toEqual(alone);
  });
});
