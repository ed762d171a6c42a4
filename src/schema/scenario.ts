import * as z from 'zod/mini';
import type { ScenarioEvent } from '../engine/market/scenario.ts';

const symbol = z.string().check(z.minLength(1), z.maxLength(10));

const fraction = (max: number) =>
  z.number().check(z.gt(0, 'must be above zero'), z.lte(max, `must be at most ${max}`));
const hours = z
  .number()
  .check(z.gt(0, 'must be above zero'), z.lte(720, 'must be at most 720 hours'));

/** A teaching scenario; sizes are fractions (0.2 = 20 %), durations simulated hours. */
export const scenarioEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('flash-crash'),
    symbol: z.optional(symbol),
    drop: fraction(0.9),
  }),
  z.strictObject({ type: z.literal('rally'), symbol: z.optional(symbol), rise: fraction(5) }),
  z.strictObject({
    type: z.literal('volatility-spike'),
    factor: z.number().check(z.gte(1), z.lte(20)),
    hours,
  }),
  z.strictObject({ type: z.literal('correlation-breakdown'), hours }),
  z.strictObject({ type: z.literal('halt'), symbol, hours }),
]) satisfies z.ZodMiniType<ScenarioEvent>;
