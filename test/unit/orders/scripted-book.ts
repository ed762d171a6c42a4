import { REALISTIC, type SessionConfig } from '../../../src/engine/config.ts';
import { Dec } from '../../../src/engine/decimal.ts';
import type { EngineEvent, FillEvent } from '../../../src/engine/events.ts';
import { Ledger } from '../../../src/engine/ledger.ts';
import { Stats } from '../../../src/engine/analytics/stats.ts';
import type { DepthLevel, Quote } from '../../../src/engine/market/quote.ts';
import { DEFAULT_ASSETS } from '../../../src/engine/market/universe.ts';
import { Broker, type MarketPort } from '../../../src/engine/orders/broker.ts';
import type { OrderRequest, OrderState } from '../../../src/engine/orders/order.ts';
import { START } from '../../support/sessions.ts';

const BTC = DEFAULT_ASSETS[0]!;

/** BTC alone, 0.1 % fees, no latency: every number in these tests can be worked by hand. */
export const BOOK_CONFIG: SessionConfig = {
  startTime: START,
  tickMs: 1000,
  assets: [BTC],
  takerFeeRate: '0.001',
  makerFeeRate: '0.001',
  execution: { ...REALISTIC, latencyMs: 0 },
};

/** Price levels as [price, quantity] strings, best first. */
export type Levels = readonly (readonly [string, string])[];

const TICK = new Dec(BTC.tickSize);
const level = ([price, quantity]: readonly [string, string]): DepthLevel => ({
  price: new Dec(price),
  ticks: new Dec(price).dividedBy(TICK).toNumber(),
  quantity: new Dec(quantity),
});

/** A market whose book the test writes: what it shows is all there is. */
export class ScriptedMarket implements MarketPort {
  private book = { last: '50000', bids: [] as DepthLevel[], asks: [] as DepthLevel[] };

  /** Shows this book from now on. */
  show(last: string, bids: Levels, asks: Levels): void {
    this.book = { last, bids: bids.map(level), asks: asks.map(level) };
  }

  lastTicks(): number {
    return new Dec(this.book.last).dividedBy(TICK).toNumber();
  }

  quote(_index: number, time: number): Quote {
    const { last, bids, asks } = this.book;
    return {
      symbol: 'BTC',
      time,
      bid: bids[0]!.price,
      ask: asks[0]!.price,
      last: new Dec(last),
      lastTicks: this.lastTicks(),
      bids,
      asks,
      halted: false,
    };
  }

  isHalted(): boolean {
    return false;
  }

  stress(): number {
    return 1;
  }
}

/** A broker on a scripted BTC book, with cash (and optionally BTC bought at a known cost). */
export function desk(cash: string, held?: { quantity: string; notional: string; fee: string }) {
  const ledger = new Ledger();
  ledger.apply({ type: 'deposit', amount: new Dec(cash) });
  if (held) {
    ledger.apply({
      type: 'fill',
      side: 'buy',
      symbol: 'BTC',
      quantity: new Dec(held.quantity),
      notional: new Dec(held.notional),
      fee: new Dec(held.fee),
    });
  }
  const stats = Stats.create();
  const market = new ScriptedMarket();
  const broker = new Broker(BOOK_CONFIG, ledger, stats, market);
  const events: EngineEvent[] = [];
  let time = START;
  const order = (id: string): OrderState | undefined =>
    broker.openOrders().find((o) => o.id === id) ?? broker.closedOrders().find((o) => o.id === id);
  return {
    ledger,
    stats,
    market,
    broker,
    events,
    /** Places a BTC order now; the refusal, if any, is returned. */
    place(id: string, request: Omit<OrderRequest, 'clientOrderId' | 'symbol'>) {
      const full: OrderRequest = { clientOrderId: id, symbol: 'BTC', ...request };
      return broker.place({ request: full, asset: BTC, index: 0 }, time, events);
    },
    /** One more second of market: the broker works its open orders against the book. */
    tick() {
      time += BOOK_CONFIG.tickMs;
      broker.onTick(time, events);
    },
    order,
    fills: () => events.filter((e): e is FillEvent => e.type === 'filled'),
    /** What is held, and what each open sell still has to sell. */
    cover: () => ({
      held: ledger.quantityOf('BTC').toFixed(),
      exits: broker
        .openOrders()
        .filter((o) => o.side === 'sell')
        .map((o) => [o.id, new Dec(o.quantity).minus(o.filled).toFixed()]),
    }),
  };
}
