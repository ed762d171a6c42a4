import * as z from 'zod/mini';
import { METRIC_UNITS } from '../engine/monitor/metrics.ts';
import { epochMs } from './decimal.ts';
import { alertRowSchema, alertRulesSchema, metricIdSchema, metricSampleSchema } from './monitor.ts';

/** The best memory API the browser gave the page, and where long frames were read from. */
export const memorySourceSchema = z.enum([
  'measureUserAgentSpecificMemory',
  'performance.memory',
  'none',
]);
export type MemorySource = z.infer<typeof memorySourceSchema>;
export const longFrameSourceSchema = z.enum(['long-animation-frame', 'longtask', 'none']);
export type LongFrameSource = z.infer<typeof longFrameSourceSchema>;

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
    memorySource: memorySourceSchema,
    longFrameSource: longFrameSourceSchema,
    sampleIntervalMs: z.int(),
  }),
  metrics: z.array(
    z.strictObject({
      id: metricIdSchema,
      label: z.string(),
      unit: z.enum(METRIC_UNITS),
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
