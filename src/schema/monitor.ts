import * as z from 'zod/mini';
import type { AlertRule } from '../engine/monitor/alert-rule.ts';
import { METRIC_IDS, METRIC_SOURCES, METRIC_UNITS } from '../engine/monitor/metrics.ts';
import { epochMs } from './decimal.ts';
import { plainLabel } from './text.ts';

export const metricIdSchema = z.enum(METRIC_IDS);
export const alertLevelSchema = z.enum(['info', 'warning', 'critical']);
export type AlertLevel = z.infer<typeof alertLevelSchema>;
export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof logLevelSchema>;

const finite = (what: string) =>
  z
    .number(`${what} must be a number.`)
    .check(z.refine(Number.isFinite, `${what} must be a number.`));
const duration = (what: string, maxSeconds: number) =>
  z
    .int(`${what} must be a whole number of milliseconds.`)
    .check(
      z.minimum(0, `${what} may not be negative.`),
      z.maximum(maxSeconds * 1000, `${what} may be at most ${maxSeconds} s.`),
    );

/** One alert rule as a person edits it; the clear line must be on the safe side. */
export const alertRuleSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'A rule id uses a–z, 0–9 and dashes.')),
    label: plainLabel(80, 'The rule name'),
    metric: metricIdSchema,
    comparison: z.enum(['above', 'below']),
    threshold: finite('The threshold'),
    clearAt: finite('The clear line'),
    forMs: duration('The duration', 600),
    cooldownMs: duration('The cooldown', 86_400),
    level: alertLevelSchema,
    enabled: z.boolean(),
    muted: z.boolean(),
    snoozedUntil: z.nullable(epochMs),
  })
  .check(
    z.refine(
      (r) => (r.comparison === 'above' ? r.clearAt <= r.threshold : r.clearAt >= r.threshold),
      {
        message:
          'The clear line must be on the safe side of the threshold (below it for "above", above it for "below").',
        path: ['clearAt'],
      },
    ),
  ) satisfies z.ZodMiniType<AlertRule>;

/** The whole rule set: at most 50 rules, each id once. */
export const alertRulesSchema = z.array(alertRuleSchema).check(
  z.maxLength(50, 'Use at most 50 rules.'),
  z.refine(
    (rules) => new Set(rules.map((r) => r.id)).size === rules.length,
    'Each rule needs its own id.',
  ),
);

const metricValues = z.partialRecord(metricIdSchema, z.nullable(z.number()));

/** One sample of the figures: what the page sends the worker, and what the monitor keeps. */
export const metricSampleSchema = z.strictObject({ at: epochMs, values: metricValues });
export type MetricSampleRow = z.infer<typeof metricSampleSchema>;

/** A row of the `alerts` table: an alert with the samples of its metric around the raise. */
export const alertRowSchema = z.strictObject({
  id: z.optional(z.int()),
  ruleId: z.string(),
  label: z.string(),
  metric: metricIdSchema,
  level: alertLevelSchema,
  message: z.string(),
  raisedAt: epochMs,
  clearedAt: z.nullable(epochMs),
  value: z.number(),
  silent: z.boolean(),
  acknowledged: z.boolean(),
  /** The metric's recent values up to the raise: [time, value] pairs. */
  samples: z.array(z.tuple([epochMs, z.nullable(z.number())])),
});
export type AlertRow = z.infer<typeof alertRowSchema>;

/** A row of the `logs` table. */
export const logRowSchema = z.strictObject({
  id: z.optional(z.int()),
  at: epochMs,
  level: logLevelSchema,
  source: z.string().check(z.maxLength(20)),
  message: z.string().check(z.maxLength(2000)),
});
export type LogRow = z.infer<typeof logRowSchema>;

/** What the page may log: a level, a source and a message. */
export const logRequestSchema = z.strictObject({
  level: logLevelSchema,
  source: z.string().check(z.regex(/^[a-z-]{1,20}$/)),
  message: z.string().check(z.minLength(1), z.maxLength(2000)),
});

/** An alert that changed, as the worker tells the page (raised or cleared). */
export const alertChangeSchema = z.strictObject({
  type: z.enum(['raised', 'cleared']),
  alert: alertRowSchema,
});
export type AlertChange = z.infer<typeof alertChangeSchema>;

/** The worker's answer to a sample: the whole sample, what changed and what is active now. */
export const monitorTickSchema = z.strictObject({
  sample: metricSampleSchema,
  /** Each available figure as a person reads it ("82 %", "41 ms"). */
  shown: z.partialRecord(metricIdSchema, z.string()),
  changes: z.array(alertChangeSchema),
  active: z.array(alertRowSchema),
  database: z.strictObject({ ok: z.boolean(), error: z.nullable(z.string()) }),
});
export type MonitorTick = z.infer<typeof monitorTickSchema>;

/** What each figure is, for the dashboard's labels and hover texts. */
export const metricCatalogueSchema = z.array(
  z.strictObject({
    id: metricIdSchema,
    label: z.string(),
    unit: z.enum(METRIC_UNITS),
    source: z.enum(METRIC_SOURCES),
    definition: z.string(),
    whenOn: z.optional(z.string()),
  }),
);
export type MetricCatalogue = z.infer<typeof metricCatalogueSchema>;

/** The page's own monitoring choices, kept in localStorage. */
export const monitorPrefsSchema = z.strictObject({
  sound: z.boolean(),
  notifications: z.boolean(),
  intervalMs: z.literal([1000, 2000, 5000]),
});
export type MonitorPrefs = z.infer<typeof monitorPrefsSchema>;
