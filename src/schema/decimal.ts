import * as z from 'zod/mini';

/** A plain non-negative decimal string ("49973.07"): no sign, exponent, NaN or Infinity. */
export const decimalString = z
  .string()
  .check(
    z.maxLength(40, 'Use at most 40 characters.'),
    z.regex(/^(0|[1-9]\d*)(\.\d+)?$/, 'Use a plain number such as 0.25 (digits and one dot).'),
  );

/** A plain decimal string that may be negative, for P&L. */
export const signedDecimalString = z
  .string()
  .check(z.maxLength(41), z.regex(/^-?(0|[1-9]\d*)(\.\d+)?$/, 'Use a plain number such as -12.5.'));

/** Milliseconds since the Unix epoch, as a safe integer. */
export const epochMs = z.int().check(z.minimum(0), z.maximum(8_640_000_000_000_000));
