import { describe, expect, it } from 'vitest';
import { runTierLabs } from '../../../src/engine/risk/tier-lab.ts';
import { DEFAULT_LAB } from '../../../src/schema/lab.ts';

describe('the default tier lab', () => {
  const { seed, days, strategy, tiers } = DEFAULT_LAB;
  const runs = runTierLabs(seed, days, strategy, tiers);

  it('on the default lab settings the three tiers differ in final equity and max drawdown', () => {
    expect(runs.map((r) => r.tier)).toEqual(['conservative', 'moderate', 'aggressive']);
    const finals = runs.map((r) => Number(r.finalEquity));
    const drawdowns = runs.map((r) => r.maxDrawdown);
    // Visibly apart on a chart: at least $1,000 and two points of drawdown between neighbours.
    for (const i of [1, 2]) {
      expect(Math.abs(finals[i]! - finals[i - 1]!)).toBeGreaterThan(1000);
      expect(Math.abs(drawdowns[i]! - drawdowns[i - 1]!)).toBeGreaterThan(0.02);
    }
  });

  it('shows what held each tier back: positions, the global cap and the drawdown breaker', () => {
    const [conservative, moderate, aggressive] = runs.map((r) => r.heldBack);
    expect(conservative!.refusedBy['max-open-positions']).toBeGreaterThan(0);
    expect(aggressive!.cappedByGlobal).toBeGreaterThan(0);
    expect(conservative!.cappedByGlobal + moderate!.cappedByGlobal).toBe(0);
    expect(moderate!.breakerTrips).toBeGreaterThan(0);
    expect(moderate!.tripsBy['drawdown']).toBe(1);
    expect(moderate!.daysHalted).toBeGreaterThan(0);
    expect(moderate!.refusedBy['breaker']).toBeGreaterThan(0);
  });
});
