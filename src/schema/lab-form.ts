import { describeIssues } from './messages.ts';
import { DEFAULT_LAB, labRequestSchema, MAX_LAB_TIERS, type LabRequest } from './lab.ts';
import {
  formFromTier,
  tierFieldErrors,
  tierFromForm,
  TIER_FIELD_NAMES,
  type LabTierField,
  type LabTierForm,
} from './lab-tier.ts';

/** The lab's form as typed: text fields, parsed on each change. */
export interface LabForm {
  strategy: string;
  days: string;
  seed: string;
  seeds: string;
  liftCap: boolean;
  tiers: LabTierForm[];
}

/** The form showing a request's settings. */
export function formFromRequest(request: LabRequest = DEFAULT_LAB): LabForm {
  return {
    strategy: request.strategy,
    days: String(request.days),
    seed: request.seed,
    seeds: String(request.seeds),
    liftCap: request.liftCap,
    tiers: request.tiers.map(formFromTier),
  };
}

export type ParsedLabForm =
  | { readonly ok: true; readonly value: LabRequest }
  | {
      readonly ok: false;
      /** Every problem in one sentence per field, tiers named by their place. */
      readonly message: string;
      /** Per tier, the message for each field that is not valid. */
      readonly tierErrors: readonly Partial<Record<LabTierField, string>>[];
    };

/** The request the form describes, or what is wrong with it, field by field. */
export function parseLabForm(form: LabForm): ParsedLabForm {
  const tierErrors = form.tiers.map(tierFieldErrors);
  const problems = tierErrors.flatMap((errors, i) =>
    (Object.keys(errors) as LabTierField[]).map(
      (field) => `Tier ${i + 1}, ${TIER_FIELD_NAMES[field]}: ${errors[field]}`,
    ),
  );
  if (form.tiers.length > MAX_LAB_TIERS)
    problems.push(`Compare at most ${MAX_LAB_TIERS} tiers (this has ${form.tiers.length}).`);
  if (problems.length) return { ok: false, message: problems.join(' '), tierErrors };
  const result = labRequestSchema.safeParse({
    strategy: form.strategy,
    days: Number(form.days),
    seed: form.seed.trim(),
    seeds: Number(form.seeds),
    liftCap: form.liftCap,
    tiers: form.tiers.map(tierFromForm),
  });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: describeIssues(result.error), tierErrors };
}
