import { REALISTIC } from '../engine/config.ts';
import { riskReport } from '../engine/risk/stress.ts';
import { computeMetrics, curveReturns } from '../engine/analytics/metrics.ts';
import type { FillEvent } from '../engine/events.ts';
import type { Quote } from '../engine/market/quote.ts';
import { canonical, Dec } from '../engine/decimal.ts';
import { ok, refuse, type Result } from '../engine/result.ts';
import type { Session } from '../engine/session.ts';
import { INTERVALS, type Interval } from '../engine/market/candles.ts';
import { loadAllCommands } from '../db/session-repository.ts';
import type { CostReport } from '../schema/cost.ts';
import {
  describeIssues,
  estimateRequestSchema,
  type CandleView,
  type DepthView,
  type OrderEstimate,
  type SessionView,
  type StateHashView,
  type TradingView,
} from '../schema/messages.ts';
import type { SessionHost } from './session-host.ts';

/** What the page reads of the open session: its view, candles, depth, estimates, fills, costs. */
export class SessionViews {
  private fillCache: { key: string; fills: FillEvent[] } | undefined;

  constructor(private readonly host: SessionHost) {}

  /** The whole view pushed to the page. */
  async view(): Promise<SessionView> {
    const host = this.host;
    const { row, session } = host.opened!;
    const portfolio = session.view();
    return {
      sessionId: row.id,
      name: row.name,
      assets: [...row.config.assets],
      takerFeeRate: row.config.takerFeeRate,
      role: host.role,
      running: host.role === 'leader' && host.clock.running,
      speed: host.clock.speed,
      portfolio,
      markets: host.book?.markets(portfolio.prices.map((p) => p.lastPrice)) ?? [],
      halted: session.haltedSymbols(),
      trading: tradingView(session),
      ...(host.damaged.length > 0 ? { damaged: [...host.damaged] } : {}),
      ...(host.readOnly ? { readOnly: true } : {}),
    };
  }

  /** The state hash now, on request; views do not carry it, since it costs a pass over the state. */
  async stateHash(): Promise<Result<StateHashView>> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    this.host.clock.advance();
    const { seq, time } = opened.session;
    return ok({ hash: await this.host.currentHash(), seq, time });
  }

  /** The current view of the session. */
  async current(): Promise<Result<SessionView>> {
    if (!this.host.opened) return refuse('not-open', 'No session is open.');
    return ok(await this.view());
  }

  /** Recent candles of one asset for the chart. */
  candles(symbolInput: unknown, intervalInput: unknown): Result<CandleView[]> {
    const book = this.host.book;
    if (!book || !this.host.opened) return refuse('not-open', 'No session is open.');
    if (
      typeof symbolInput !== 'string' ||
      typeof intervalInput !== 'string' ||
      !(intervalInput in INTERVALS)
    ) {
      return refuse('bad-request', 'Ask for a symbol and an interval of 1m, 5m, 1h or 1d.');
    }
    return ok(book.candles(symbolInput, intervalInput as Interval, 200));
  }

  /** Every fill of the open session so far, oldest first (replayed once per change, then kept). */
  async allFills(): Promise<FillEvent[]> {
    const { row, session, connection } = this.host.opened!;
    const key = `${row.id}:${session.seq}:${session.time}`;
    if (this.fillCache?.key !== key) {
      // Only the fills table and the reports ask: the replay that collects fills loads then.
      const { collectFills } = await import('../engine/trade-export.ts');
      const commands = await loadAllCommands(await connection.database(), row.id);
      this.fillCache = { key, fills: collectFills(row.seed, row.config, commands, session.time) };
    }
    return this.fillCache.fills;
  }

  /** The whole fill history, newest first, for the fills table. */
  async fillHistory(): Promise<Result<FillEvent[]>> {
    if (!this.host.opened) return refuse('not-open', 'No session is open.');
    this.host.clock.advance();
    return ok([...(await this.allFills())].reverse());
  }

  /** The estimated cost of a market order now, for the ticket; nothing changes. */
  estimate(input: unknown): Result<OrderEstimate> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const request = estimateRequestSchema.safeParse(input);
    if (!request.success) return refuse('bad-request', describeIssues(request.error));
    const { symbol, side, quantity } = request.data;
    const asset = opened.row.config.assets.find((a) => a.symbol === symbol);
    if (!asset || !new Dec(quantity).modulo(asset.stepSize).isZero() || new Dec(quantity).isZero())
      return refuse('bad-request', 'Give an asset of this session and a quantity on its step.');
    this.host.clock.advance();
    const e = opened.session.estimate(symbol, side, quantity);
    return ok({
      quantity: canonical(e.quantity),
      notional: canonical(e.notional),
      fee: canonical(e.fee),
      slippage: canonical(e.slippage),
    });
  }

  /** The order book of one asset now, for the depth view. Reading it changes nothing. */
  depth(symbolInput: unknown): Result<DepthView> {
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    if (
      typeof symbolInput !== 'string' ||
      !opened.row.config.assets.some((a) => a.symbol === symbolInput)
    )
      return refuse('bad-request', 'Ask for the depth of an asset in this session.');
    const q = opened.session.quote(symbolInput);
    const levels = (side: Quote['bids']) =>
      side.map((l) => ({ price: canonical(l.price), quantity: canonical(l.quantity) }));
    return ok({
      symbol: q.symbol,
      bid: canonical(q.bid),
      ask: canonical(q.ask),
      last: canonical(q.last),
      bids: levels(q.bids),
      asks: levels(q.asks),
      halted: q.halted,
    });
  }

  /** Operating costs of every tier against this session's simulated P&L. */
  async costs(input: unknown): Promise<Result<CostReport>> {
    // Only the Costs page asks for this: its projections and their schema load on first use.
    const [{ costReport }, { costRequestSchema }] = await Promise.all([
      import('./cost-report.ts'),
      import('../schema/cost.ts'),
    ]);
    const request = costRequestSchema.safeParse(input);
    if (!request.success) return refuse('invalid-costs', describeIssues(request.error));
    const opened = this.host.opened;
    if (!opened) return refuse('not-open', 'No session is open.');
    const { session, row } = opened;
    const ledger = session.snapshot().ledger;
    const pnl = new Dec(session.view().equity).minus(ledger.deposited).plus(ledger.withdrawn);
    const figures = {
      pnl,
      elapsedMs: session.time - row.config.startTime,
      feesPaid: ledger.feesPaid,
      takerFeeRate: row.config.takerFeeRate,
    };
    return ok(costReport(request.data, figures, Date.now()));
  }
}

/** The trade page's orders, fills and analytics, from the session's state. */
function tradingView(session: Session): TradingView {
  const { open, closed } = session.orders();
  const { stats, curve } = session.record();
  const { index } = curveReturns(curve);
  let peak = 0;
  return {
    open,
    closed,
    metrics: computeMetrics(curve, stats),
    curve: {
      start: curve.start,
      intervalMs: curve.intervalMs,
      equity: curve.points.map((p) => Number(p[0])),
      drawdown: index.map((v) => {
        peak = Math.max(peak, v);
        return peak > 0 ? v / peak - 1 : 0;
      }),
    },
    perAsset: stats.perAsset,
    execution: session.config.execution ?? REALISTIC,
    makerFeeRate: session.config.makerFeeRate ?? session.config.takerFeeRate,
    risk: riskReport(
      session.view().positions.map((p) => ({ symbol: p.symbol, value: Number(p.marketValue) })),
      session.config.assets,
    ),
  };
}
