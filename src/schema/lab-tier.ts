import * as z from 'zod/mini';
import { TIERS, type RiskTier } from '../engine/risk/tiers.ts';

/** One tier as the lab's form holds it: percentages and counts as typed. */
export interface LabTierForm {
  label: string;
  riskPerTrade: string;
  maxPosition: string;
  maxOpenPositions: string;
  dailyLoss: string;
  drawdown: string;
}
export type LabTierField = keyof LabTierForm;

/** What each field is called in a message or a label. */
export const TIER_FIELD_NAMES: Readonly<Record<LabTierField, string>> = {
  label: 'Name',
  riskPerTrade: 'Risk per trade %',
  maxPosition: 'Max position %',
  maxOpenPositions: 'Max open positions',
  dailyLoss: 'Daily loss limit %',
  drawdown: 'Drawdown breaker %',
};

const percent = z.string().check(
  z.regex(/^\d{1,3}(\.\d{1,3})?$/, 'Write a percentage such as 2 or 2.5.'),
  z.refine((s) => Number(s) > 0 && Number(s) <= 100, 'Use more than 0 and at most 100.'),
);

/** A tier typed into the lab: each field on its own, with a message a teacher can act on. */
export const labTierFormSchema = z.strictObject({
  label: z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,19}$/, 'Use 1–20 letters, digits, spaces or hyphens.'),
    ),
  riskPerTrade: percent,
  maxPosition: percent,
  maxOpenPositions: z.string().check(
    z.regex(/^\d{1,3}$/, 'Use a whole number from 1 to 100.'),
    z.refine((s) => Number(s) >= 1 && Number(s) <= 100, 'Use a whole number from 1 to 100.'),
  ),
  dailyLoss: percent,
  drawdown: percent,
});

/** The message for each field that is not valid (none: the tier is fine). */
export function tierFieldErrors(form: LabTierForm): Partial<Record<LabTierField, string>> {
  const result = labTierFormSchema.safeParse(form);
  const errors: Partial<Record<LabTierField, string>> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0] as LabTierField;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A valid tier form as the engine's tier: one of the built-ins when it matches one exactly. */
export function tierFromForm(form: LabTierForm): RiskTier {
  const limits = {
    label: form.label.trim(),
    riskPerTrade: shiftDecimal(form.riskPerTrade, -2),
    maxPositionFraction: shiftDecimal(form.maxPosition, -2),
    maxOpenPositions: Number(form.maxOpenPositions),
    dailyLossLimit: shiftDecimal(form.dailyLoss, -2),
    maxDrawdown: shiftDecimal(form.drawdown, -2),
  };
  const builtIn = Object.values(TIERS).find((t) =>
    (Object.keys(limits) as (keyof typeof limits)[]).every((k) => t[k] === limits[k]),
  );
  return builtIn ?? { name: 'custom', ...limits };
}

/** A tier as the form shows it: fractions as percentages. */
export function formFromTier(tier: RiskTier): LabTierForm {
  return {
    label: tier.label,
    riskPerTrade: shiftDecimal(tier.riskPerTrade, 2),
    maxPosition: shiftDecimal(tier.maxPositionFraction, 2),
    maxOpenPositions: String(tier.maxOpenPositions),
    dailyLoss: shiftDecimal(tier.dailyLossLimit, 2),
    drawdown: shiftDecimal(tier.maxDrawdown, 2),
  };
}

/**
 * Moves the decimal point of a plain decimal string (`"2.5"`, −2 → `"0.025"`): exact, where
 * dividing a float by 100 would not be (0.07 / 100 = 0.0007000000000000001).
 */
export function shiftDecimal(text: string, places: number): string {
  const [whole = '0', part = ''] = text.split('.');
  const digits = whole + part;
  const point = whole.length + places;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(1, point);
  const int = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(at).replace(/0+$/, '');
  return fraction ? `${int}.${fraction}` : int;
}
