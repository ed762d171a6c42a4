import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/engine/session.ts';
import { commandSchema } from '../../../src/schema/command.ts';
import { sessionConfigSchema } from '../../../src/schema/config.ts';
import { amountProblem, quantityProblem } from '../../../src/schema/forms.ts';
import { describeIssues, openRequestSchema } from '../../../src/schema/messages.ts';
import { sessionSnapshotSchema } from '../../../src/schema/snapshot.ts';
import { CONFIG, buy, deposit } from '../../support/sessions.ts';

describe('commands are parsed at the boundary', () => {
  it('accepts the three commands with plain decimal strings', () => {
    for (const c of [
      deposit('50000'),
      buy('0.25'),
      { type: 'market-sell', symbol: 'BTC', quantity: '1' },
    ]) {
      expect(commandSchema.safeParse(c).success).toBe(true);
    }
  });

  it.each([
    ['a number instead of a string', { type: 'deposit', amount: 100 }],
    ['an exponent', { type: 'deposit', amount: '1e5' }],
    ['Infinity', { type: 'market-buy', symbol: 'BTC', quantity: 'Infinity' }],
    ['a sign', { type: 'market-buy', symbol: 'BTC', quantity: '-1' }],
    ['an unknown type', { type: 'withdraw-all' }],
    ['an extra key', { type: 'deposit', amount: '1', __proto__: { admin: true }, extra: 1 }],
    ['a long string', { type: 'deposit', amount: '1'.repeat(41) }],
  ])('refuses %s', (_name, input) => {
    expect(commandSchema.safeParse(input).success).toBe(false);
  });

  it('explains a refusal in words that name the field', () => {
    const result = commandSchema.safeParse({ type: 'deposit', amount: '1e5' });
    expect(!result.success && describeIssues(result.error)).toBe(
      'amount: Use a plain number such as 0.25 (digits and one dot).',
    );
  });
});

describe('stored data matches its schemas', () => {
  it('parses a snapshot the engine made after many ticks', () => {
    const session = Session.create('schema', CONFIG);
    session.apply(deposit('1000'));
    session.advanceTo(CONFIG.startTime + 86_400_000);
    session.apply(buy('0.001'));
    expect(sessionSnapshotSchema.parse(JSON.parse(JSON.stringify(session.snapshot())))).toEqual(
      session.snapshot(),
    );
  });

  it('parses the default config and refuses duplicate symbols', () => {
    expect(sessionConfigSchema.safeParse(CONFIG).success).toBe(true);
    const twice = { ...CONFIG, assets: [CONFIG.assets[0], CONFIG.assets[0]] };
    expect(sessionConfigSchema.safeParse(twice).success).toBe(false);
  });

  it('refuses a database name that is not a plain slug', () => {
    expect(openRequestSchema.safeParse({ dbName: '../../etc' }).success).toBe(false);
  });
});

describe('form fields say what is wrong, in plain words', () => {
  const btc = { symbol: 'BTC', stepSize: '0.00000001' };
  it.each([
    ['', 'Enter a quantity.'],
    ['abc', 'Use a plain number such as 0.25 (digits and one dot).'],
    ['0', 'Quantity must be greater than zero.'],
    ['0.123456789', 'Quantity has 9 decimals; BTC allows 8.'],
  ])('quantity %j → %s', (text, message) => {
    expect(quantityProblem(text, btc)).toBe(message);
  });

  it('accepts a quantity on the step, with trailing zeros', () => {
    expect(quantityProblem('0.500000000', btc)).toBeNull();
  });

  it('checks deposits to the cent', () => {
    expect(amountProblem('10.001')).toBe('Amount has 3 decimals; USD allows 2.');
    expect(amountProblem('250.50')).toBeNull();
  });
});
