import { describe, expect, it } from 'vitest';
import { TIERS } from '../../../src/engine/risk/tiers.ts';
import { DEFAULT_LAB } from '../../../src/schema/lab.ts';
import { formFromRequest, parseLabForm } from '../../../src/schema/lab-form.ts';
import { labQuery, readLabLink } from '../../../src/schema/lab-link.ts';
import { shiftDecimal, tierFieldErrors } from '../../../src/schema/lab-tier.ts';

const custom = {
  name: 'custom',
  label: 'Reckless',
  riskPerTrade: '0.05',
  maxPositionFraction: '0.2',
  maxOpenPositions: 10,
  dailyLossLimit: '0.1',
  maxDrawdown: '0.4',
} as const;

describe('lab share links', () => {
  it('carry a version, the tiers and the what-if, and read back to the same request', () => {
    const request = { ...DEFAULT_LAB, liftCap: true, tiers: [TIERS.moderate, custom] };
    const query = labQuery(request);
    expect(query).toContain('v=2');
    expect(query).toContain('cap=lifted');
    expect(query).toContain('tier=Reckless%2C5%2C20%2C10%2C10%2C40');
    const link = readLabLink(`#/lab?${query}`);
    expect(link.type === 'run' && link.request).toEqual(request);
  });

  it('open a version 1 link (no v) with the three built-in tiers under the cap', () => {
    const link = readLabLink('#/lab?strategy=ma-crossover&days=90&seed=7&seeds=20');
    expect(link.type === 'run' && link.request).toEqual({
      strategy: 'ma-crossover',
      days: 90,
      seed: '7',
      seeds: 20,
      liftCap: false,
      tiers: Object.values(TIERS),
    });
  });

  it('name no run when the hash has no settings', () => {
    expect(readLabLink('#/lab')).toEqual({ type: 'none' });
  });

  it.each([
    ['v=3&strategy=dip-buyer', /version 3 link, made by a newer PowerTrader/],
    ['v=x', /version "x" is not one this app knows/],
    ['v=1&tier=A,1,1,1,1,1', /setting "tier" that a version 1 link does not have/],
    ['v=2&seed=1', /names no tier/],
    ['v=2&tier=A,1,1,1', /tier 1 has 4 parts; it needs 6/],
    ['v=2&tier=A,1,1,0,1,1', /Tier 1, Max open positions: Use a whole number from 1 to 100/],
    ['v=2&tier=A,1,1,5,2,10&tier=A,2,2,8,4,15', /Give each tier its own name/],
    ['v=2&cap=off&tier=A,1,1,5,2,10', /cap setting "off"/],
    [`v=2${'&tier=A,1,1,5,2,10'.repeat(6)}`, /names 6 tiers; a lab compares at most 5/],
    ['v=2&strategy=yolo&tier=A,1,1,5,2,10', /strategy/],
  ])('refuse %s with a reason', (query, reason) => {
    const link = readLabLink(`#/lab?${query}`);
    expect(link.type).toBe('refused');
    expect(link.type === 'refused' && link.reason).toMatch(reason);
  });
});

describe('custom tiers in the lab form', () => {
  it('say at the field what is wrong, in plain words', () => {
    expect(
      tierFieldErrors({
        label: '',
        riskPerTrade: '2%',
        maxPosition: '0',
        maxOpenPositions: '1.5',
        dailyLoss: '101',
        drawdown: '15',
      }),
    ).toEqual({
      label: 'Use 1–20 letters, digits, spaces or hyphens.',
      riskPerTrade: 'Write a percentage such as 2 or 2.5.',
      maxPosition: 'Use more than 0 and at most 100.',
      maxOpenPositions: 'Use a whole number from 1 to 100.',
      dailyLoss: 'Use more than 0 and at most 100.',
    });
  });

  it('turn typed percentages into exact fractions, and match a built-in tier by its figures', () => {
    expect(shiftDecimal('0.07', -2)).toBe('0.0007');
    expect(shiftDecimal('0.025', 2)).toBe('2.5');
    const parsed = parseLabForm(formFromRequest(DEFAULT_LAB));
    expect(parsed.ok && parsed.value.tiers).toEqual(Object.values(TIERS));
  });

  it('allow at most five tiers', () => {
    const form = formFromRequest(DEFAULT_LAB);
    const six = {
      ...form,
      tiers: [...form.tiers, ...form.tiers].map((t, i) => ({ ...t, label: `T${i}` })),
    };
    const parsed = parseLabForm(six);
    expect(!parsed.ok && parsed.message).toMatch(/at most 5 tiers/);
  });
});
