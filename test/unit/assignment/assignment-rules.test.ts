import { describe, expect, it } from 'vitest';
import { assignmentConfig, assignmentOpening } from '../../../src/engine/assignment.ts';
import { Session } from '../../../src/engine/session.ts';
import { WEEK1 } from '../../support/assignment.ts';

function student() {
  const s = Session.create(WEEK1.seed, assignmentConfig(WEEK1));
  for (const command of assignmentOpening(WEEK1)) s.apply(command);
  return s;
}

describe('a session started from an assignment', () => {
  it('starts at the assignment’s date with its cash and tier', () => {
    const s = student();
    expect(s.time).toBe(Date.UTC(2026, 2, 2));
    expect(s.view()).toMatchObject({ cash: '20000', tier: 'Moderate' });
  });

  it('refuses an order for a coin the assignment does not allow, and says which it allows', () => {
    const s = student();
    expect(s.apply({ type: 'market-buy', symbol: 'SOL', quantity: '1' })).toEqual({
      ok: false,
      code: 'not-allowed',
      message: 'This session trades only BTC, ETH; SOL is not one of them.',
    });
    expect(s.apply({ type: 'market-buy', symbol: 'ETH', quantity: '0.1' }).ok).toBe(true);
  });

  it('takes no order from the deadline on, but still a deposit', () => {
    const s = student();
    s.advanceTo(Date.UTC(2026, 2, 6, 11, 59));
    expect(s.apply({ type: 'market-buy', symbol: 'BTC', quantity: '0.001' }).ok).toBe(true);
    s.advanceTo(Date.UTC(2026, 2, 6, 12));
    expect(s.apply({ type: 'market-sell', symbol: 'BTC', quantity: '0.001' })).toEqual({
      ok: false,
      code: 'closed',
      message:
        'Trading in this session closed at 2026-03-06 12:00 UTC simulated time; no new order is taken.',
    });
    expect(s.apply({ type: 'deposit', amount: '10' }).ok).toBe(true);
  });
});
