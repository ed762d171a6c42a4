import type { AssetSpec } from '../engine/config.ts';
import { decimalString } from './decimal.ts';

function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Why a typed quantity cannot be traded, in plain words; null when it can be sent. */
export function quantityProblem(
  text: string,
  asset: Pick<AssetSpec, 'symbol' | 'stepSize'>,
): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter a quantity.';
  const shape = decimalString.safeParse(trimmed);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'Enter a plain number.';
  if (Number(trimmed) <= 0) return 'Quantity must be greater than zero.';
  const allowed = decimals(asset.stepSize);
  if (decimals(trimmed.replace(/0+$/, '')) > allowed) {
    return `Quantity has ${decimals(trimmed)} decimals; ${asset.symbol} allows ${allowed}.`;
  }
  return null;
}

/** Why a typed price cannot be sent, in plain words; null when it can. */
export function priceProblem(
  text: string,
  label: string,
  asset: Pick<AssetSpec, 'symbol' | 'tickSize'>,
): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return `Enter a ${label.toLowerCase()}.`;
  const shape = decimalString.safeParse(trimmed);
  if (!shape.success)
    return `${label}: ${shape.error.issues[0]?.message ?? 'enter a plain number.'}`;
  if (Number(trimmed) <= 0) return `${label} must be greater than zero.`;
  const allowed = decimals(asset.tickSize);
  if (decimals(trimmed.replace(/0+$/, '')) > allowed) {
    return `${label} has ${decimals(trimmed)} decimals; ${asset.symbol} prices have ${allowed}.`;
  }
  return null;
}

/** Why a typed cash amount cannot be deposited; null when it can. */
export function amountProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter an amount.';
  const shape = decimalString.safeParse(trimmed);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'Enter a plain number.';
  if (Number(trimmed) <= 0) return 'Amount must be greater than zero.';
  if (decimals(trimmed) > 2) return `Amount has ${decimals(trimmed)} decimals; USD allows 2.`;
  if (Number(trimmed) > 1e9) return 'Deposit at most $1,000,000,000 at a time.';
  return null;
}
