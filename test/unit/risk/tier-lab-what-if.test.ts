import { describe, expect, it } from 'vitest';
import { runTierLabs, type LabStrategy } from '../../../src/engine/risk/tier-lab.ts';
import { TIERS } from '../../../src/engine/risk/tiers.ts';

describe('the what-if switch that lifts the 2 % global cap', () => {
  it.each<LabStrategy>(['buy-and-hold', 'dip-buyer'])(
    'changes Aggressive, and only Aggressive, under %s',
    (strategy) => {
      const tiers = Object.values(TIERS);
      const capped = runTierLabs('42', 90, strategy, tiers);
      const lifted = runTierLabs('42', 90, strategy, tiers, { liftGlobalCap: true });
      // Conservative's 1 % and Moderate's 2 % are at or under the cap: the same runs exactly.
      expect(lifted.slice(0, 2)).toEqual(capped.slice(0, 2));
      expect(lifted[2]!.finalEquity).not.toBe(capped[2]!.finalEquity);
      expect(capped[2]!.heldBack.cappedByGlobal).toBeGreaterThan(0);
      expect(lifted[2]!.heldBack.cappedByGlobal).toBe(0);
    },
  );

  it('lets Aggressive buy its own 3 %: buy-and-hold puts half as much again at stake', () => {
    const tiers = [TIERS.moderate, TIERS.aggressive];
    const [moderate, aggressive] = runTierLabs('5', 1, 'buy-and-hold', tiers, {
      liftGlobalCap: true,
    });
    const entryCost = (r: typeof moderate) => 50_000 - r!.equity[0]!;
    expect(entryCost(aggressive) / entryCost(moderate)).toBeCloseTo(1.5, 1);
  });
});
