import * as z from 'zod/mini';

/** The suites of the in-app self-test; each capability adds its checks to one of them. */
export const SUITES = [
  'storage',
  'worker',
  'engine',
  'market',
  'risk',
  'cost',
  'validation',
  'monitoring',
  'recovery',
  'offline',
  'performance',
] as const;
export type Suite = (typeof SUITES)[number];

/** An admin's settings for a quick or a thorough check. Every field is optional. */
export const selfTestConfigSchema = z.strictObject({
  suites: z.optional(z.array(z.enum(SUITES)).check(z.minLength(1, 'Choose at least one suite.'))),
  iterations: z.optional(
    z
      .int()
      .check(
        z.minimum(10, 'Use at least 10 iterations.'),
        z.maximum(5000, 'Use at most 5,000 iterations.'),
      ),
  ),
});
export type SelfTestConfig = z.infer<typeof selfTestConfigSchema>;

/** The settings with every default filled in. */
export interface ResolvedSelfTestConfig {
  readonly suites: readonly Suite[];
  readonly iterations: number;
}

export const DEFAULT_SELF_TEST_CONFIG: ResolvedSelfTestConfig = { suites: SUITES, iterations: 200 };

/** Fills in the defaults of a parsed config. */
export function resolveSelfTestConfig(config: SelfTestConfig): ResolvedSelfTestConfig {
  return {
    suites: config.suites ?? DEFAULT_SELF_TEST_CONFIG.suites,
    iterations: config.iterations ?? DEFAULT_SELF_TEST_CONFIG.iterations,
  };
}

export const checkResultSchema = z.strictObject({
  id: z.string(),
  suite: z.enum(SUITES),
  name: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  durationMs: z.number().check(z.minimum(0)),
  message: z.string(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** A speed figure measured on this device; a slow device is reported, never failed. */
export const performanceFigureSchema = z.strictObject({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  op: z.enum(['<=', '>=']),
  budget: z.number(),
  verdict: z.enum(['ok', 'slow']),
});
export type PerformanceFigure = z.infer<typeof performanceFigureSchema>;

export const selfTestReportSchema = z.strictObject({
  type: z.literal('powertrader.selftest-report'),
  version: z.literal(1),
  appVersion: z.string(),
  userAgent: z.string(),
  platform: z.optional(z.string()),
  deviceMemoryGb: z.optional(z.number()),
  cores: z.optional(z.number()),
  startedAt: z.iso.datetime(),
  durationMs: z.number(),
  config: z.strictObject({ suites: z.array(z.enum(SUITES)), iterations: z.int() }),
  results: z.array(checkResultSchema),
  performance: z.array(performanceFigureSchema),
  summary: z.strictObject({
    passed: z.int(),
    failed: z.int(),
    skipped: z.int(),
    cancelled: z.boolean(),
  }),
});
export type SelfTestReport = z.infer<typeof selfTestReportSchema>;

/** Builds a figure with its verdict. */
export function figure(
  name: string,
  value: number,
  unit: string,
  op: '<=' | '>=',
  budget: number,
): PerformanceFigure {
  const ok = op === '<=' ? value <= budget : value >= budget;
  return { name, value, unit, op, budget, verdict: ok ? 'ok' : 'slow' };
}
