import * as z from 'zod/mini';
import { epochMs } from './decimal.ts';
import { alertRowSchema, alertRulesSchema, metricIdSchema, metricSampleSchema } from './monitor.ts';

export const componentIdSchema = z.enum(['ui', 'worker', 'database', 'service-worker', 'storage']);
export type ComponentId = z.infer<typeof componentIdSchema>;

/** One part of the app and how it is doing, since when. */
export const componentHealthSchema = z.strictObject({
  id: componentIdSchema,
  label: z.string(),
  status: z.enum(['ok', 'degraded', 'down', 'unavailable']),
  detail: z.string(),
  /** Since when the status has been what it is (wall ms). */
  since: epochMs,
});
export type ComponentHealth = z.infer<typeof componentHealthSchema>;

/** The exported dashboard: a versioned snapshot of the monitor. */
export const dashboardFileSchema = z.strictObject({
  type: z.literal('powertrader.dashboard'),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  environment: z.strictObject({
    userAgent: z.string(),
    crossOriginIsolated: z.boolean(),
    memorySource: z.enum(['measureUserAgentSpecificMemory', 'performance.memory', 'none']),
    longFrameSource: z.enum(['long-animation-frame', 'longtask', 'none']),
    sampleIntervalMs: z.int(),
  }),
  metrics: z.array(
    z.strictObject({
      id: metricIdSchema,
      label: z.string(),
      unit: z.string(),
      value: z.nullable(z.number()),
      shown: z.string(),
    }),
  ),
  components: z.array(componentHealthSchema),
  alerts: z.strictObject({ active: z.array(alertRowSchema), recent: z.array(alertRowSchema) }),
  history: z.array(metricSampleSchema),
  rules: alertRulesSchema,
});
export type DashboardFile = z.infer<typeof dashboardFileSchema>;
