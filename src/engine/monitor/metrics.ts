/** What a monitored figure is measured in; the dashboard formats each unit its own way. */
export const METRIC_UNITS = ['percent', 'ms', 'mb', 'fps', 'count', 'ratio', 'usd'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** Where a figure comes from: the page, the session worker, or the portfolio it runs. */
export const METRIC_SOURCES = ['browser', 'worker', 'portfolio'] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];

/** One monitored figure: its id (used by alert rules), its unit and what it means. */
export interface MetricDefinition {
  readonly id: MetricId;
  readonly label: string;
  readonly unit: MetricUnit;
  readonly source: MetricSource;
  readonly definition: string;
  /** For an on/off figure: what a raised alert says, as a sentence about the thing itself. */
  readonly whenOn?: string;
}

/** Every figure the monitor samples. Changing an id needs a migration of stored alert rules. */
export const METRIC_IDS = [
  'memory.heap-used',
  'memory.heap-pct',
  'memory.tab',
  'storage.used',
  'storage.used-pct',
  'frames.fps',
  'frames.long-frames',
  'frames.blocked-ms',
  'monitor.overhead-pct',
  'worker.roundtrip-ms',
  'worker.command-ms',
  'worker.tick-ratio',
  'worker.sim-speed',
  'worker.queue',
  'db.txn-ms',
  'portfolio.equity',
  'portfolio.drawdown-pct',
  'portfolio.day-pnl',
  'portfolio.exposure-pct',
  'portfolio.open-orders',
  'portfolio.drawdown-usage',
  'portfolio.daily-loss-usage',
  'portfolio.breaker',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** One sample: the time it was taken and each figure, or null where it is not available. */
export interface MetricSample {
  readonly at: number;
  readonly values: Readonly<Partial<Record<MetricId, number | null>>>;
}
