import type { AssetSpec } from '../config.ts';
import { Dec, formatUsd, ZERO } from '../decimal.ts';
import { ok, refuse, type Result } from '../result.ts';

/** A position size, on the asset's step and to the cent. */
export interface PositionSize {
  readonly quantity: Dec;
  readonly notional: Dec;
  /** Money lost if the stop is hit (before fees and slippage). */
  readonly riskAmount: Dec;
}

export type SizingRefusal =
  'no-equity' | 'no-stop' | 'stop-not-below-entry' | 'below-min-notional' | 'no-edge' | 'bad-input';
type Sizing = Result<PositionSize, SizingRefusal>;

type SizedAsset = Pick<AssetSpec, 'symbol' | 'stepSize' | 'minNotional'>;

/** Rounds a raw quantity down to the step and checks the minimum notional. */
function onGrid(raw: Dec, entry: Dec, stop: Dec, asset: SizedAsset): Sizing {
  const quantity = raw.toNearest(asset.stepSize, Dec.ROUND_DOWN);
  const notional = quantity.times(entry).toDecimalPlaces(2, Dec.ROUND_DOWN);
  const minimum = new Dec(asset.minNotional);
  if (quantity.isZero() || notional.lessThan(minimum)) {
    return refuse(
      'below-min-notional',
      `The size comes out at ${formatUsd(notional)}, below the ${formatUsd(minimum)} minimum for ${asset.symbol}.`,
    );
  }
  const riskAmount = quantity.times(entry.minus(stop)).toDecimalPlaces(2, Dec.ROUND_DOWN);
  return ok({ quantity, notional, riskAmount });
}

/** Fixed-fractional sizing: risk `riskFraction` of equity between entry and stop (long). */
export function fixedFractional(input: {
  readonly equity: Dec;
  readonly riskFraction: Dec;
  readonly entry: Dec;
  readonly stop: Dec | undefined;
  readonly asset: SizedAsset;
}): Sizing {
  const { equity, riskFraction, entry, stop, asset } = input;
  if (!equity.isPositive() || equity.isZero())
    return refuse('no-equity', 'There is no equity to risk.');
  if (!entry.isPositive() || !riskFraction.isPositive())
    return refuse('bad-input', 'Entry price and risk must be above zero.');
  if (!stop)
    return refuse(
      'no-stop',
      'Give a stop price: fixed-fractional sizing risks money between entry and stop.',
    );
  if (stop.greaterThanOrEqualTo(entry)) {
    return refuse(
      'stop-not-below-entry',
      `The stop ${formatUsd(stop)} must be below the entry ${formatUsd(entry)}.`,
    );
  }
  const budget = equity.times(riskFraction);
  return onGrid(budget.dividedBy(entry.minus(stop)), entry, stop, asset);
}

/** Volatility sizing: the stop sits `multiple` × ATR (or daily price volatility) below entry. */
export function volatilitySized(input: {
  readonly equity: Dec;
  readonly riskFraction: Dec;
  readonly entry: Dec;
  readonly atr: Dec;
  readonly multiple?: Dec;
  readonly asset: SizedAsset;
}): Sizing {
  const distance = input.atr.times(input.multiple ?? new Dec(2));
  if (!distance.isPositive() || distance.isZero())
    return refuse('bad-input', 'The volatility must be above zero.');
  const stop = Dec.max(ZERO, input.entry.minus(distance));
  return fixedFractional({ ...input, stop });
}

/**
 * The Kelly fraction f* = W − (1 − W) / R from a win rate W and payoff ratio R (average win over
 * average loss), scaled by `fraction` (half-Kelly by default) and capped; zero means no edge.
 */
export function kellyFraction(input: {
  readonly winRate: number;
  readonly payoffRatio: number;
  readonly fraction?: number;
  readonly cap?: number;
}): Result<number, 'no-edge' | 'bad-input'> {
  const { winRate, payoffRatio, fraction = 0.5, cap = 0.05 } = input;
  if (!(winRate >= 0 && winRate <= 1) || !(payoffRatio > 0)) {
    return refuse(
      'bad-input',
      'Kelly needs a win rate between 0 and 1 and a positive payoff ratio.',
    );
  }
  const full = winRate - (1 - winRate) / payoffRatio;
  if (full <= 0) {
    return refuse(
      'no-edge',
      `With a ${(winRate * 100).toFixed(0)} % win rate and a payoff of ${payoffRatio.toFixed(2)}, the strategy has no edge: Kelly says bet nothing.`,
    );
  }
  return ok(Math.min(cap, full * fraction));
}
