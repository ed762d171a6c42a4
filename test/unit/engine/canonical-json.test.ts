import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../src/engine/canonical-json.ts';
import { Ledger } from '../../../src/engine/ledger.ts';
import { Dec } from '../../../src/engine/decimal.ts';

describe('canonical JSON and its hash', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 0, y: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":"x","z":0}]},"b":1}',
    );
  });

  it('refuses numbers that JSON cannot carry', () => {
    expect(() => canonicalJson({ price: Number.NaN })).toThrow(/canonically/);
    expect(() => canonicalJson({ price: Infinity })).toThrow(/canonically/);
  });

  it('hashes with SHA-256 as lowercase hex', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('the ledger checks its invariants', () => {
  it('throws at once when cash and cost do not add up to deposits, P&L and fees', () => {
    expect(() =>
      Ledger.fromSnapshot({
        cash: '100',
        deposited: '100',
        withdrawn: '0',
        realizedPnl: '0',
        feesPaid: '0',
        positions: { BTC: { quantity: '1', cost: '5' } },
      }),
    ).toThrow(/Invariant broken/);
  });

  it('finds a break of one cent, or of less than a cent, and accepts amounts that add up', () => {
    const ledger = (cash: string) =>
      Ledger.fromSnapshot({
        cash,
        deposited: '1000000.05',
        withdrawn: '0.02',
        realizedPnl: '-12.5',
        feesPaid: '1.01',
        positions: {
          BTC: { quantity: '0.5', cost: '24986.53' },
          ETH: { quantity: '2', cost: '0.99' },
        },
      });
    // 1000000.05 - 0.02 - 12.5 - 1.01 = 999986.52 = cash + 24986.53 + 0.99, cash 974999.
    expect(ledger('974999').snapshot().cash).toBe('974999');
    expect(() => ledger('974999.01')).toThrow(/Invariant broken/);
    expect(() => ledger('974998.999')).toThrow(/Invariant broken/);
  });

  it('throws when a sell exceeds the position, which the session must have refused first', () => {
    const ledger = new Ledger();
    const sell = { type: 'fill', side: 'sell', symbol: 'BTC', quantity: new Dec(1) } as const;
    expect(() => ledger.apply({ ...sell, notional: new Dec(5), fee: new Dec(0) })).toThrow(
      /exceeds/,
    );
  });
});
