import type { SessionConfig } from './config.ts';
import type { TimedCommand } from './commands.ts';
import { Session, type EngineEvent, type PortfolioView } from './session.ts';

/** A fill with the simulated time it happened at. */
export type FillRecord = Extract<EngineEvent, { type: 'filled' }> & { readonly time: number };

/** Replays a log and collects its fills: the trade history is derived, never stored twice. */
export function collectFills(
  seed: string,
  config: SessionConfig,
  commands: readonly TimedCommand[],
): FillRecord[] {
  const session = Session.create(seed, config);
  const fills: FillRecord[] = [];
  for (const { at, command } of commands) {
    session.advanceTo(at);
    const outcome = session.apply(command);
    if (!outcome.ok) throw new Error(`Logged command refused on replay: ${outcome.message}`);
    for (const event of outcome.value)
      if (event.type === 'filled') fills.push({ ...event, time: at });
  }
  return fills;
}

/** The CSV columns, in a stable order; changing them breaks users' spreadsheets. */
export const FILLS_CSV_HEADER = 'time,side,symbol,quantity,price,notional,fee';

/** Fills as CSV: ISO-8601 UTC time and canonical decimal strings, one fill per line. */
export function fillsCsv(fills: readonly FillRecord[]): string {
  const rows = fills.map((f) =>
    [new Date(f.time).toISOString(), f.side, f.symbol, f.quantity, f.price, f.notional, f.fee].join(
      ',',
    ),
  );
  return `${[FILLS_CSV_HEADER, ...rows].join('\n')}\n`;
}

/** The portfolio summary file: where the session stands, in canonical decimal strings. */
export function portfolioSummary(name: string, view: PortfolioView, fillCount: number) {
  return {
    type: 'powertrader.portfolio' as const,
    version: 1 as const,
    name,
    time: new Date(view.time).toISOString(),
    cash: view.cash,
    equity: view.equity,
    realizedPnl: view.realizedPnl,
    unrealizedPnl: view.unrealizedPnl,
    feesPaid: view.feesPaid,
    fills: fillCount,
    positions: view.positions,
  };
}
