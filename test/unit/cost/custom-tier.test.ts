import { describe, expect, it } from 'vitest';
import { costRequestSchema, customTierSchema } from '../../../src/schema/cost.ts';
import { describeIssues } from '../../../src/schema/messages.ts';

const good = {
  name: 'Mine',
  items: [{ label: 'Server', category: 'infrastructure', amount: '120', period: 'monthly' }],
};
const refusal = (input: unknown) => {
  const parsed = customTierSchema.safeParse(input);
  return parsed.success ? 'accepted' : describeIssues(parsed.error);
};

describe('a custom cost tier is checked field by field', () => {
  it('accepts a plain tier', () => {
    expect(refusal(good)).toBe('accepted');
  });

  it.each([
    [
      'a negative amount',
      { ...good, items: [{ ...good.items[0], amount: '-5' }] },
      /^items\.0\.amount: Use a plain number/,
    ],
    [
      'an unknown category',
      { ...good, items: [{ ...good.items[0], category: 'yachts' }] },
      /^items\.0\.category: should be "infrastructure" or/,
    ],
    [
      'typed exchange fees',
      { ...good, items: [{ ...good.items[0], category: 'exchange-fees' }] },
      /^items\.0\.category:/,
    ],
    [
      'an absurd amount',
      { ...good, items: [{ ...good.items[0], amount: '5000000000' }] },
      /^items\.0\.amount: Use at most \$1,000,000,000\.$/,
    ],
    [
      'markup in a label',
      { ...good, items: [{ ...good.items[0], label: '<b>x</b>' }] },
      /^items\.0\.label: A line item may not contain < >/,
    ],
  ])('refuses %s with the field named', (_name, input, message) => {
    expect(refusal(input)).toMatch(message);
  });

  it('refuses absurd growth in the request', () => {
    const parsed = costRequestSchema.safeParse({
      capital: '1000',
      monthlyVolume: '0',
      useSessionFills: false,
      months: 12,
      costGrowthPercent: 900,
      volumeGrowthPercent: 0,
      custom: good,
    });
    expect(!parsed.success && describeIssues(parsed.error)).toBe(
      'costGrowthPercent: Growth above 100 % a year is not a plan.',
    );
  });
});
