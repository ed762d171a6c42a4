import type { SessionConfig } from './config.ts';
import type { TimedCommand } from './commands.ts';
import type { FillEvent } from './events.ts';
import { Session, type PortfolioView } from './session.ts';

export type FillRecord = FillEvent;

/** Replays a log and collects its fills: the trade history is derived, never stored twice. */
export function collectFills(
  seed: string,
  config: SessionConfig,
  commands: readonly TimedCommand[],
  until?: number,
): FillRecord[] {
  const session = Session.create(seed, config);
  const fills: FillRecord[] = [];
  const collect = (event: { type: string }) => {
    if (event.type === 'filled') fills.push(event as FillEvent);
  };
  // Resting orders fill between commands: the session reports those as they happen.
  session.onEvent = collect;
  for (const { at, command } of commands) {
    session.advanceTo(at);
    const outcome = session.apply(command);
    if (!outcome.ok) throw new Error(`Logged command refused on replay: ${outcome.message}`);
    outcome.value.forEach(collect);
  }
  if (until !== undefined) session.advanceTo(until);
  return fills;
}

/** The CSV columns, in a stable order; changing them breaks users' spreadsheets. */
export const FILLS_CSV_HEADER =
  'time,order,side,symbol,quantity,price,notional,fee,liquidity,slippage,realized_pnl';

/** Fills as CSV: ISO-8601 UTC time and canonical decimal strings, one fill per line. */
export function fillsCsv(fills: readonly FillRecord[]): string {
  const rows = fills.map((f) =>
    [
      new Date(f.time).toISOString(),
      f.orderId,
      f.side,
      f.symbol,
      f.quantity,
      f.price,
      f.notional,
      f.fee,
      f.liquidity,
      f.slippage,
      f.realizedPnl,
    ].join(','),
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
