import * as z from 'zod/mini';
import type { Result } from '../engine/result.ts';
import { decimalString, epochMs, signedDecimalString } from './decimal.ts';
import { assetSpecSchema, candleSchema, executionConfigSchema } from './config.ts';
import { sessionIdSchema, sha256Schema } from './rows.ts';
import { portfolioViewSchema } from './snapshot.ts';

import { speedSchema } from './clock.ts';
import { engineEventSchema, orderStateSchema, statsStateSchema } from './orders.ts';
import { plainLabel } from './text.ts';
export { SPEEDS, speedSchema, type Speed } from './clock.ts';

/** What the UI asks for when it opens a session. */
export const openRequestSchema = z.strictObject({
  /** Separate databases keep tests apart; the app uses the default. */
  dbName: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
  sessionId: z.optional(sessionIdSchema),
});
export type OpenRequest = z.input<typeof openRequestSchema>;

/** Leader: this tab writes the session. Follower: another tab does; this one shows it. */
export const roleSchema = z.enum(['leader', 'follower']);
export type Role = z.infer<typeof roleSchema>;

/** One asset in the market list: last price, 24 h change in percent, hourly closes. */
export const marketRowSchema = z.strictObject({
  symbol: z.string(),
  last: decimalString,
  change24h: z.nullable(z.string()),
  spark: z.array(z.number()),
});
export type MarketRow = z.infer<typeof marketRowSchema>;

/** A candle for a chart, prices as decimal strings on the asset's tick grid. */
export const candleViewSchema = candleSchema;
export type CandleView = z.infer<typeof candleViewSchema>;

/** One figure of the analytics panel (see src/engine/analytics/metrics.ts). */
export const metricSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  value: z.nullable(z.number()),
  unit: z.enum(['percent', 'ratio', 'usd', 'duration', 'count']),
  definition: z.string(),
  reason: z.nullable(z.string()),
  needsDays: z.nullable(z.number()),
});

const riskReportSchema = z.strictObject({
  invested: z.number(),
  var95: z.number(),
  var99: z.number(),
  expectedShortfall95: z.number(),
  crash30: z.number(),
  worstDays: z.array(z.strictObject({ date: z.string(), loss: z.number() })),
  concentration: z.number(),
  betas: z.array(z.strictObject({ symbol: z.string(), beta: z.number() })),
  correlation: z.strictObject({
    symbols: z.array(z.string()),
    matrix: z.array(z.array(z.number())),
  }),
  meanings: z.record(z.string(), z.string()),
});

/** What the trade page shows besides the portfolio: orders, fills, analytics, risk. */
export const tradingViewSchema = z.strictObject({
  open: z.array(orderStateSchema),
  closed: z.array(orderStateSchema),
  metrics: z.array(metricSchema),
  /** The equity curve: start, spacing and equity values. */
  curve: z.strictObject({
    start: epochMs,
    intervalMs: z.int(),
    equity: z.array(z.number()),
    drawdown: z.array(z.number()),
  }),
  perAsset: statsStateSchema.shape.perAsset,
  execution: executionConfigSchema,
  makerFeeRate: decimalString,
  risk: riskReportSchema,
});
export type TradingView = z.infer<typeof tradingViewSchema>;

/** One side of the depth view: price and quantity per level, best first. */
export const depthViewSchema = z.strictObject({
  symbol: z.string(),
  bid: decimalString,
  ask: decimalString,
  last: decimalString,
  bids: z.array(z.strictObject({ price: decimalString, quantity: decimalString })),
  asks: z.array(z.strictObject({ price: decimalString, quantity: decimalString })),
  halted: z.boolean(),
});
export type DepthView = z.infer<typeof depthViewSchema>;

/** A stored session that could not be opened: its id, its name if readable, and why. */
export const damagedSessionSchema = z.strictObject({
  id: z.string().check(z.maxLength(200)),
  name: z.optional(z.string()),
  reason: z.string(),
});
export type DamagedSession = z.infer<typeof damagedSessionSchema>;

/** The id of a stored session as the rescue actions (raw export, delete) take it: any key. */
export const storedIdSchema = damagedSessionSchema.shape.id;

export const sessionViewSchema = z.strictObject({
  sessionId: sessionIdSchema,
  name: z.string(),
  assets: z.readonly(z.array(assetSpecSchema)),
  takerFeeRate: decimalString,
  role: roleSchema,
  running: z.boolean(),
  speed: speedSchema,
  portfolio: portfolioViewSchema,
  markets: z.array(marketRowSchema),
  halted: z.array(z.string()),
  trading: tradingViewSchema,
  /** Sessions passed over at start-up because they could not be opened. */
  damaged: z.optional(z.array(damagedSessionSchema)),
  /** Storage refused a write at start-up: the session is shown, nothing can be saved. */
  readOnly: z.optional(z.boolean()),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** Messages the worker pushes to the UI, at most one per animation frame. */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('view'), view: sessionViewSchema }),
  z.strictObject({
    type: z.literal('notice'),
    level: z.enum(['info', 'error']),
    message: z.string(),
  }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** The worker's answer once a command is durable in IndexedDB. */
export const commandAckSchema = z.strictObject({
  seq: z.int().check(z.minimum(1)),
  at: epochMs,
  events: z.array(engineEventSchema),
  /**
   * When the command was durable, in the worker's clock as `performance.timeOrigin + now()` (ms),
   * which the page's clock shares; absent when nothing was written.
   */
  persistedAt: z.optional(z.number()),
});
export type CommandAck = z.infer<typeof commandAckSchema>;

/**
 * The open session's state hash, computed on request (it costs a pass over the whole state), with
 * the command count and simulated time it belongs to.
 */
export const stateHashViewSchema = z.strictObject({
  hash: sha256Schema,
  seq: z.int().check(z.minimum(0)),
  time: epochMs,
});
export type StateHashView = z.infer<typeof stateHashViewSchema>;

/** Parses a Result that crossed the worker boundary, with the schema of its value. */
export function resultSchema<T extends z.ZodMiniType>(value: T) {
  return z.union([
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]);
}

/**
 * Plain words for a zod issue. zod/mini carries no message catalogue, so the default text is
 * "Invalid input"; the issue's code and limits say what was wrong, and this says it to a person.
 */
export function plainMessage(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): string {
  if (issue.message !== undefined && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return typeMessage(issue.expected, issue.input);
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `is too long (at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'})`
        : `is too large (at most ${issue.maximum})`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `is too short (at least ${issue.minimum} ${issue.origin === 'array' ? 'items' : 'characters'})`
        : `is too small (at least ${issue.minimum})`;
    case 'invalid_value':
      return `should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_format':
      return `is not a valid ${issue.format === 'regex' ? 'value' : issue.format}`;
    case 'invalid_union':
      return 'is not any of the accepted kinds';
    default:
      return 'is not valid';
  }
}

/** "expected text, found a number": what the field takes, and what it was given instead. */
function typeMessage(expected: string, input: unknown): string {
  if (input === undefined) return 'is missing';
  if (typeof input === 'number' && !Number.isFinite(input))
    return `${String(input)} is not a number we can store`;
  return `expected ${kindName(expected)}, found ${foundName(input)}`;
}

function kindName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    default:
      return article(expected);
  }
}

function foundName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(input) ? 'a number' : `${input}`;
    case 'boolean':
      return String(input);
    case 'object':
      return 'an object';
    default:
      return article(typeof input);
  }
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

// The value that failed is known only while parsing (zod drops it from the finished issue), so
// the plain message is made then, for every schema that has no message of its own.
z.config({ customError: (issue) => plainMessage(issue) });

/** Turns a zod error into plain sentences that name the field. */
export function describeIssues(error: z.core.$ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.map(String).join('.');
    const what = plainMessage(issue);
    return where ? `${where}: ${what}.`.replace(/\.\.$/, '.') : what;
  });
  const more = error.issues.length - shown.length;
  return [...shown, ...(more > 0 ? [`(and ${more} more problems)`] : [])].join(' ');
}

/** A plain sentence for any error: zod issues by field, otherwise the error's message. */
export function describeError(error: unknown): string {
  if (error instanceof z.core.$ZodError) return describeIssues(error);
  return error instanceof Error ? error.message : String(error);
}

export type { Result };

/** The ticket asks what a market order would cost. */
export const estimateRequestSchema = z.strictObject({
  symbol: z.string().check(z.maxLength(10)),
  side: z.enum(['buy', 'sell']),
  quantity: decimalString,
});

/** What it would cost: the fillable quantity, notional, fee and slippage against the last price. */
export const orderEstimateSchema = z.strictObject({
  quantity: decimalString,
  notional: decimalString,
  fee: decimalString,
  slippage: signedDecimalString,
});
export type OrderEstimate = z.infer<typeof orderEstimateSchema>;

/** How a new session is set up: its risk tier and its fills. */
export const newSessionRequestSchema = z.strictObject({
  tier: z.enum(['none', 'conservative', 'moderate', 'aggressive']),
  fills: z.enum(['realistic', 'ideal']),
});
export type NewSessionRequest = z.infer<typeof newSessionRequestSchema>;

/** The seed a person gives the demo. */
export const demoSeedSchema = z.string().check(z.regex(/^[A-Za-z0-9]{1,32}$/));

/** A session's name as a person types it. */
export const sessionNameSchema = plainLabel(80, 'A session name');

/** One row of the sessions list. */
export const sessionSummarySchema = z.strictObject({
  id: storedIdSchema,
  name: z.string(),
  createdAt: z.nullable(epochMs),
  savedAt: z.nullable(epochMs),
  commandCount: z.int().check(z.minimum(0)),
  bytes: z.int().check(z.minimum(0)),
  equity: z.nullable(decimalString),
  current: z.boolean(),
  /** Why it cannot be opened, for a session whose stored rows do not parse. */
  damaged: z.optional(z.string()),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** What the export options may say. */
export const exportRequestSchema = z.strictObject({
  pretty: z.boolean(),
  author: z.optional(plainLabel(80, 'The author')),
});

export const exportedFileSchema = z.strictObject({ fileName: z.string(), text: z.string() });
export type ExportedFile = z.infer<typeof exportedFileSchema>;

/** Where a long import stands: its log replayed, or stored, so many commands of all. */
export const importStepSchema = z.strictObject({
  phase: z.enum(['replay', 'store']),
  done: z.int().check(z.minimum(0)),
  total: z.int().check(z.minimum(0)),
});
export type ImportStep = z.infer<typeof importStepSchema>;

/** What an import shows before anything is stored. */
export const importPreviewSchema = z.strictObject({
  token: z.string(),
  name: z.string(),
  author: z.optional(z.string()),
  createdAt: z.string(),
  appVersion: z.string(),
  assets: z.array(z.string()),
  commandCount: z.int().check(z.minimum(0)),
  finalEquity: decimalString,
  verdict: z.enum(['verified', 'modified']),
  reason: z.string(),
  settings: z.array(z.string()),
  fileHash: sha256Schema,
  replayedHash: sha256Schema,
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
