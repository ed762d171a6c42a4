import { Dec, ZERO, add, centsOf, sub } from '../decimal.ts';
import { fromCents } from '../exact.ts';

/** Beyond this many cents a total is folded into its decimal: adding 2^48 more stays exact. */
const FOLD_AT = 2 ** 52;

/**
 * A running total of money that makes no decimal for each amount added: whole cents (every
 * fill's notional, fee, slippage and P&L) are summed exactly as a number, and join the decimal
 * part only when the total is read or grows too large. Anything off the cent is added as a
 * decimal at once, so the total is always exact.
 */
export class CentTotal {
  private cents = 0;

  constructor(private base: Dec = ZERO) {}

  /** Adds an amount. */
  add(amount: Dec): void {
    const cents = centsOf(amount);
    if (cents === cents && Math.abs(this.cents + cents) < FOLD_AT) this.cents += cents;
    else this.base = add(this.value, amount);
  }

  /** Takes an amount away. */
  sub(amount: Dec): void {
    const cents = centsOf(amount);
    if (cents === cents && Math.abs(this.cents - cents) < FOLD_AT) this.cents -= cents;
    else this.base = sub(this.value, amount);
  }

  /** Starts again from zero. */
  clear(): void {
    this.base = ZERO;
    this.cents = 0;
  }

  /** The total now, as a decimal. */
  get value(): Dec {
    if (this.cents !== 0) {
      this.base = add(this.base, fromCents(this.cents));
      this.cents = 0;
    }
    return this.base;
  }
}
