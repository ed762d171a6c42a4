import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/engine/commands.ts';
import { canonicalJson } from '../../../src/engine/canonical-json.ts';
import { Session } from '../../../src/engine/session.ts';
import { CONFIG, buy, deposit, sell } from '../../support/sessions.ts';

function funded() {
  const s = Session.create('refusals', CONFIG);
  s.apply(deposit('1000'));
  s.apply(buy('0.01'));
  return s;
}

const cases: [string, Command, string, RegExp][] = [
  [
    'selling more than held',
    sell('0.02'),
    'insufficient-position',
    /You have 0.01 BTC free to sell; you cannot sell 0.02/,
  ],
  [
    'selling what was never bought',
    sell('1', 'BTC'),
    'insufficient-position',
    /You have 0.01 BTC free/,
  ],
  ['a zero quantity', buy('0'), 'non-positive', /Quantity must be greater than zero/],
  ['a negative quantity', buy('-1'), 'non-positive', /Quantity must be greater than zero/],
  ['an exponent', buy('1e-3'), 'not-a-number', /plain number/],
  ['NaN', buy('NaN'), 'not-a-number', /plain number/],
  [
    'an over-precise quantity',
    buy('0.000000001'),
    'over-precise',
    /^Quantity has 9 decimals; BTC allows 8\.$/,
  ],
  [
    'an over-precise deposit',
    deposit('1.001'),
    'over-precise',
    /Amount has 3 decimals; USD allows 2/,
  ],
  ['an unknown asset', buy('1', 'DOGE'), 'unknown-symbol', /no asset "DOGE"/],
  [
    // 1 BTC at the best ask of $49,974.71 plus the 0.1 % fee of $49.97, not at the last price.
    'a market buy over the cash, priced at the asks it walks',
    buy('1'),
    'insufficient-cash',
    /This buy needs \$50,024\.68 with the fee at the asks; you have \$499\.75 free in cash/,
  ],
  [
    'a buy below the minimum',
    buy('0.0001'),
    'below-min-notional',
    /Order value \$5\.00 is below the \$10\.00 minimum for BTC/,
  ],
  [
    'an unknown command',
    { type: 'teleport' } as unknown as Command,
    'unknown-command',
    /Unknown command "teleport"/,
  ],
];

describe('a refused command is a coded Result and changes nothing', () => {
  it.each(cases)('refuses %s', (_name, command, code, message) => {
    const s = funded();
    const before = canonicalJson(s.snapshot());
    const outcome = s.apply(command);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.code).toBe(code);
    expect(outcome.message).toMatch(message);
    expect(canonicalJson(s.snapshot())).toBe(before);
    expect(s.seq).toBe(2);
  });
});
