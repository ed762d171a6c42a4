import type { AssetSpec, ExecutionConfig, SessionConfig } from '../config.ts';
import { REALISTIC } from '../config.ts';
import {
  Dec,
  ZERO,
  add,
  canonical,
  compare,
  formatUsd,
  isAboveZero,
  mul,
  parsed,
  smaller,
  sub,
  toCent,
} from '../decimal.ts';
import type { EngineEvent, FillEvent, OrderChange } from '../events.ts';
import type { Ledger } from '../ledger.ts';
import type { Quote } from '../market/quote.ts';
import { ok, refuse, type Result } from '../result.ts';
import type { Stats } from '../analytics/stats.ts';
import { bookOf, totalOf, walkBook, type Book, type FillRules, type Level } from './fill-model.ts';
import { exitId, exitOrder } from './bracket-exits.ts';
import { FINAL_STATUSES, type OrderState, type Side } from './order.ts';
import { validateOrder, type OrderRefusal, type ValidOrder } from './validate.ts';

/**
 * What the broker needs of the market: prices in ticks, quotes, halts. A quote's best bid is
 * never above the last price and its best ask never below it (resting orders rely on this).
 */
export interface MarketPort {
  lastTicks(index: number): number;
  quote(index: number, time: number): Quote;
  isHalted(index: number): boolean;
  /** Volatility over its normal level (1 = normal). */
  stress(index: number): number;
}

/** The broker's resumable state. */
export interface BrokerState {
  /** Open orders, in placement order. */
  readonly open: readonly OrderState[];
  /** The most recent final orders, newest last. */
  readonly closed: readonly OrderState[];
  /**
   * The ids of the last orders placed, oldest first: a resubmitted id never places a second
   * order. A retry comes within seconds; an id a thousand orders old is forgotten.
   */
  readonly usedIds: readonly string[];
  readonly nextNumber: number;
}

/** A taker order's cost before it is placed. */
export interface TakerEstimate {
  /** How much the visible book can fill (may be less than asked). */
  readonly quantity: Dec;
  readonly notional: Dec;
  readonly fee: Dec;
  readonly slippage: Dec;
}

interface AssetGrid {
  readonly asset: AssetSpec;
  readonly index: number;
  readonly tick: Dec;
  readonly step: Dec;
  readonly maker: Dec;
  readonly taker: Dec;
}

/** A slice as it fills: its price, and its notional and fee rounded to the cent as booked. */
interface PricedSlice extends Level {
  readonly price: Dec;
  readonly notional: Dec;
  readonly fee: Dec;
}

const KEEP_CLOSED = 30;
const REMEMBERED_IDS = 1000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Working = Mutable<OrderState>;

/**
 * The paper broker: takes orders, sends them to the simulated market after the configured
 * latency, works resting orders every tick, fills against the quote's depth and books every fill
 * in the ledger. Everything it does is a function of the commands and the market, so a replay
 * reproduces it exactly.
 */
export class Broker {
  private readonly open = new Map<string, Working>();
  private readonly closed: OrderState[];
  private readonly used: Set<string>;
  private nextNumber: number;
  private readonly execution: ExecutionConfig;
  private readonly rules: FillRules;
  private readonly tickCache = new Map<string, number>();
  private readonly grids = new Map<string, AssetGrid>();
  /** The slice `priced` made last (see there). */
  private lastPriced: { symbol: string; slice: PricedSlice; maker: boolean } | undefined;
  /**
   * Why new buys are halted at this time (a circuit breaker), or null: asked before a buy takes
   * or meets liquidity, so a resting buy never fills while entries are halted.
   */
  entryGate: ((time: number) => string | null) | undefined;

  constructor(
    private readonly config: SessionConfig,
    private readonly ledger: Ledger,
    private readonly stats: Stats,
    private readonly market: MarketPort,
    state?: BrokerState,
  ) {
    this.execution = config.execution ?? REALISTIC;
    config.assets.forEach((asset, index) => {
      const rate = (r: string | undefined, fallback: string) => new Dec(r ?? fallback);
      this.grids.set(asset.symbol, {
        asset,
        index,
        tick: new Dec(asset.tickSize),
        step: new Dec(asset.stepSize),
        taker: rate(asset.takerFeeRate, config.takerFeeRate),
        maker: rate(asset.makerFeeRate, config.makerFeeRate ?? config.takerFeeRate),
      });
    });
    this.rules = { slippage: this.execution.slippage, partialFills: this.execution.partialFills };
    for (const order of state?.open ?? []) this.open.set(order.id, { ...order });
    this.closed = [...(state?.closed ?? [])];
    this.used = new Set(state?.usedIds ?? []);
    this.nextNumber = state?.nextNumber ?? 1;
  }

  /** True when some order is working: only then does a tick cost anything. */
  get busy(): boolean {
    return this.open.size > 0;
  }

  /** An order by id, open or recently closed. */
  find(id: string): OrderState | undefined {
    return this.open.get(id) ?? this.closed.find((o) => o.id === id);
  }

  /** Whether an id was ever used. */
  isUsed(id: string): boolean {
    return this.used.has(id);
  }

  /** Validates and accepts an order; it reaches the market now or after the latency. */
  place(input: ValidOrder, time: number, out: EngineEvent[]): Result<true, OrderRefusal> {
    const symbol = input.asset.symbol;
    const checked = validateOrder(input, {
      config: this.config,
      time,
      last: this.lastPrice(input.asset, input.index),
      availableCash: sub(this.ledger.cash, this.reservedCash()),
      availableQuantity: sub(this.ledger.quantityOf(symbol), this.reservedQuantity(symbol)),
      takerRate: this.feeRate(input.asset, 'taker'),
      halted: this.market.isHalted(input.index),
      marketBuyCost: this.walkCost,
    });
    if (!checked.ok) return checked;
    const fields = checked.value;
    // An explicit literal, not a spread: this runs for every order.
    const order: Working = {
      id: fields.id,
      number: this.nextNumber++,
      symbol: fields.symbol,
      side: fields.side,
      type: fields.type,
      quantity: fields.quantity,
      filled: '0',
      limitPrice: fields.limitPrice,
      triggerPrice: fields.triggerPrice,
      trail: fields.trail,
      extreme: fields.extreme,
      timeInForce: fields.timeInForce,
      expiresAt: fields.expiresAt,
      postOnly: fields.postOnly,
      bracket: fields.bracket,
      ocoWith: null,
      role: null,
      status: 'accepted',
      triggered: false,
      placedAt: time,
      arrivesAt: time + this.execution.latencyMs,
      updatedAt: time,
      referencePrice: fields.referencePrice,
      filledNotional: '0',
      fees: '0',
      reason: null,
    };
    this.remember(order.id);
    const arrives = this.hasArrived(order, time);
    // A market order that reaches the market now also ends now (filled or expired): it never
    // joins the open orders, which would grow and shrink their table for every such order.
    if (!arrives || order.type !== 'market') this.open.set(order.id, order);
    this.emit(order, 'accepted', out);
    if (arrives) this.arrive(order, time, out);
    return ok(true);
  }

  /**
   * What a market buy of `quantity` pays now, walking the asks, each slice with its fee. A bound
   * function made once, not a closure made for every order.
   */
  private readonly walkCost = (symbol: string, quantity: Dec, time: number): Dec => {
    const slices = walkBook(
      this.book(symbol, time),
      'buy',
      quantity,
      this.rules,
      this.grid(symbol).step,
    );
    let cost = ZERO;
    for (const s of slices) {
      const slice = this.costOf(symbol, s.ticks, s.quantity, 'taker');
      // Most buys take one slice: its cost is the total, with nothing to add it to.
      cost = add(cost, slice);
    }
    return cost;
  };

  /** Cancels one open order. */
  cancel(id: string, time: number, out: EngineEvent[]): Result<true, OrderRefusal> {
    const order = this.open.get(id);
    if (!order) return refuse('no-such-order', this.whyNotOpen(id));
    this.finish(order, 'cancelled', 'Cancelled by you.', time, out);
    return ok(true);
  }

  /** Cancels every open order, or those of one asset or one side. */
  cancelAll(
    time: number,
    out: EngineEvent[],
    options: { symbol?: string; side?: Side; reason?: string } = {},
  ): number {
    let count = 0;
    for (const order of [...this.open.values()]) {
      if (options.symbol !== undefined && order.symbol !== options.symbol) continue;
      if (options.side !== undefined && order.side !== options.side) continue;
      this.finish(order, 'cancelled', options.reason ?? 'Cancelled by you.', time, out);
      count++;
    }
    return count;
  }

  /** Changes the price or quantity of a resting order that has not been triggered. */
  amend(
    id: string,
    change: { readonly price?: Dec; readonly quantity?: Dec },
    time: number,
    out: EngineEvent[],
  ): Result<true, OrderRefusal> {
    const order = this.open.get(id);
    if (!order) return refuse('no-such-order', this.whyNotOpen(id));
    if (order.type === 'market' || order.type === 'trailing-stop' || order.triggered) {
      return refuse(
        'not-amendable',
        `Order ${id} cannot be amended; cancel it and place a new one.`,
      );
    }
    const filled = parsed(order.filled);
    if (change.quantity && !change.quantity.greaterThan(filled)) {
      return refuse(
        'invalid-order',
        `The new quantity must be more than the ${canonical(filled)} already filled.`,
      );
    }
    const extra = change.quantity ? change.quantity.minus(order.quantity) : ZERO;
    if (order.side === 'sell' && extra.greaterThan(ZERO)) {
      const available = this.ledger
        .quantityOf(order.symbol)
        .minus(this.reservedQuantity(order.symbol));
      if (extra.greaterThan(available))
        return refuse(
          'insufficient-position',
          `You have ${canonical(available)} ${order.symbol} free to sell; the change needs ${canonical(extra)} more.`,
        );
    }
    const before = { ...order };
    if (change.quantity) order.quantity = canonical(change.quantity);
    if (change.price) {
      if (order.type === 'limit') order.limitPrice = canonical(change.price);
      else order.triggerPrice = canonical(change.price);
    }
    if (order.side === 'buy' && this.reservedCash().greaterThan(this.ledger.cash)) {
      Object.assign(order, before);
      return refuse(
        'insufficient-cash',
        `The change would commit more than your ${formatUsd(this.ledger.cash)} in cash.`,
      );
    }
    order.updatedAt = time;
    this.emit(order, 'amended', out);
    if (this.hasArrived(order, time) && order.type === 'limit') this.takeOrRest(order, time, out);
    return ok(true);
  }

  /** Works every open order at a new tick: arrivals, expiries, triggers and resting fills. */
  onTick(time: number, out: EngineEvent[]): void {
    for (const order of [...this.open.values()]) {
      if (!this.open.has(order.id)) continue;
      if (!this.hasArrived(order, time)) continue;
      if (order.arrivesAt > time - this.config.tickMs) {
        this.arrive(order, time, out);
        continue;
      }
      if (order.expiresAt !== null && time >= order.expiresAt) {
        this.finish(order, 'expired', 'Its good-till-date time passed.', time, out);
        continue;
      }
      const index = this.indexOf(order.symbol);
      if (this.market.isHalted(index)) continue;
      this.work(order, this.market.lastTicks(index), time, out);
    }
  }

  /**
   * What a taker order of `quantity` would cost now, before latency moves the price: the book is
   * walked as a fill would walk it, and nothing changes.
   */
  estimate(symbol: string, side: Side, quantity: Dec, time: number): TakerEstimate {
    const asset = this.assetOf(symbol);
    const book = this.book(symbol, time);
    const slices = walkBook(book, side, quantity, this.rules, this.grid(asset.symbol).step);
    const tick = this.grid(asset.symbol).tick;
    let notional = ZERO;
    for (const s of slices) notional = add(notional, toCent(mul(mul(tick, s.ticks), s.quantity)));
    const filled = totalOf(slices);
    const mid = mul(mul(tick, this.market.lastTicks(this.indexOf(symbol))), filled);
    return {
      quantity: filled,
      notional,
      fee: toCent(mul(notional, this.feeRate(asset, 'taker'))),
      slippage: toCent(side === 'buy' ? sub(notional, mid) : sub(mid, notional)),
    };
  }

  /** The broker's state, for snapshots. */
  state(): BrokerState {
    return {
      open: [...this.open.values()].map((o) => ({ ...o })),
      closed: [...this.closed],
      usedIds: [...this.used],
      nextNumber: this.nextNumber,
    };
  }

  /** Open orders, in placement order. */
  openOrders(): OrderState[] {
    return [...this.open.values()].map((o) => ({ ...o }));
  }

  /** Recently closed orders, newest first. */
  closedOrders(): OrderState[] {
    return [...this.closed].reverse();
  }

  /** Cash committed to open buy orders, at their limit or trigger price plus the taker fee. */
  reservedCash(): Dec {
    // Most of the time nothing is reserved; then this is free (no rounding of zero).
    if (this.open.size === 0) return ZERO;
    let total = ZERO;
    for (const o of this.open.values()) {
      if (o.side !== 'buy') continue;
      const price = parsed(o.limitPrice ?? o.triggerPrice ?? o.referencePrice);
      const asset = this.assetOf(o.symbol);
      total = total.plus(
        remainingOf(o)
          .times(price)
          .times(new Dec(1).plus(this.feeRate(asset, 'taker'))),
      );
    }
    return toCent(total);
  }

  /** Symbols with an open buy order. */
  buyingSymbols(): Set<string> {
    const symbols = new Set<string>();
    for (const o of this.open.values()) if (o.side === 'buy') symbols.add(o.symbol);
    return symbols;
  }

  /** Quantity committed to open sell orders; a bracket's two exits count once. */
  reservedQuantity(symbol: string): Dec {
    let total = ZERO;
    for (const o of this.open.values()) {
      if (o.side !== 'sell' || o.symbol !== symbol) continue;
      if (o.role === 'stop-loss' && o.ocoWith && this.open.has(o.ocoWith)) continue;
      total = add(total, remainingOf(o));
    }
    return total;
  }

  private arrive(order: Working, time: number, out: EngineEvent[]): void {
    // Arrival is marked by moving the arrival time to the tick the order reached the market in.
    order.arrivesAt = Math.min(order.arrivesAt, time);
    const index = this.indexOf(order.symbol);
    if (this.market.isHalted(index) && order.type === 'market') {
      this.finish(order, 'rejected', `Trading in ${order.symbol} is halted.`, time, out);
      return;
    }
    if (order.type === 'trailing-stop') this.trail(order, this.market.lastTicks(index));
    if (order.type === 'market') this.take(order, undefined, time, out);
    else if (order.type === 'limit') this.takeOrRest(order, time, out);
    else this.work(order, this.market.lastTicks(index), time, out);
  }

  private hasArrived(order: Working, time: number): boolean {
    // Prices stand still between ticks, so an order meets the price of the tick it arrives in.
    return order.arrivesAt < time + this.config.tickMs;
  }

  /** One tick of a resting order at the last price (in ticks). */
  private work(order: Working, last: number, time: number, out: EngineEvent[]): void {
    if (order.type === 'limit' || (order.type === 'stop-limit' && order.triggered)) {
      // The best ask is never below the mid, nor the best bid above it: a buy limit below the
      // last price (a sell limit above it) cannot be reached, and the book need not be built.
      const limit = this.ticksOf(order.symbol, order.limitPrice!);
      if (order.side === 'buy' ? last <= limit : last >= limit) this.fillResting(order, time, out);
      return;
    }
    // A triggered stop is a market order that keeps working until it is filled.
    if (order.triggered) {
      this.take(order, undefined, time, out);
      return;
    }
    if (order.type === 'trailing-stop') this.trail(order, last);
    const trigger = this.ticksOf(order.symbol, order.triggerPrice!);
    const hit =
      order.type === 'take-profit'
        ? order.side === 'sell'
          ? last >= trigger
          : last <= trigger
        : order.side === 'sell'
          ? last <= trigger
          : last >= trigger;
    if (!hit) return;
    order.triggered = true;
    order.referencePrice = order.triggerPrice!;
    this.emit(order, 'triggered', out);
    if (order.type === 'stop-limit') this.takeOrRest(order, time, out);
    else this.take(order, undefined, time, out);
  }

  /** Moves a trailing stop with the best price since arrival; it never moves back. */
  private trail(order: Working, last: number): void {
    const asset = this.assetOf(order.symbol);
    const tick = this.grid(asset.symbol).tick;
    const lastPrice = mul(tick, last);
    const extreme =
      order.extreme === null
        ? lastPrice
        : order.side === 'sell'
          ? Dec.max(order.extreme, lastPrice)
          : Dec.min(order.extreme, lastPrice);
    order.extreme = canonical(extreme);
    const { by, value } = order.trail!;
    const distance = by === 'amount' ? new Dec(value) : extreme.times(value).dividedBy(100);
    const stop =
      order.side === 'sell'
        ? extreme.minus(distance).toNearest(tick, Dec.ROUND_DOWN)
        : extreme.plus(distance).toNearest(tick, Dec.ROUND_UP);
    order.triggerPrice = canonical(Dec.max(stop, tick));
  }

  /** A limit meeting the market: takes what its price allows, then rests or ends by its TIF. */
  private takeOrRest(order: Working, time: number, out: EngineEvent[]): void {
    const limit = this.ticksOf(order.symbol, order.limitPrice!);
    const book = this.book(order.symbol, time);
    const best = (order.side === 'buy' ? book.asks : book.bids)[0];
    const marketable =
      best !== undefined && (order.side === 'buy' ? best.ticks <= limit : best.ticks >= limit);
    if (marketable && order.postOnly) {
      this.finish(order, 'rejected', 'Post-only: it would have taken liquidity.', time, out);
      return;
    }
    if (marketable) this.take(order, limit, time, out, book);
    else if (order.timeInForce === 'IOC' || order.timeInForce === 'FOK')
      this.finish(order, 'expired', 'Nothing to match at your price.', time, out);
  }

  /** Takes liquidity by walking the book, up to `limit` ticks if given. */
  private take(
    order: Working,
    limit: number | undefined,
    time: number,
    out: EngineEvent[],
    book = this.book(order.symbol, time),
  ): void {
    if (this.haltedEntry(order, time, out)) return;
    const remaining = remainingOf(order);
    const slices = walkBook(
      book,
      order.side,
      remaining,
      this.rules,
      this.grid(order.symbol).step,
      limit,
    );
    if (
      order.timeInForce === 'FOK' &&
      (totalOf(slices).lessThan(remaining) || !this.canAfford(order, slices))
    ) {
      this.finish(order, 'expired', 'Fill-or-kill: the whole quantity was not there.', time, out);
      return;
    }
    // Cash (or the position) is checked slice by slice, as the fills happen.
    let short = false;
    for (const slice of slices) {
      const affordable = this.affordableAt(order, slice.ticks, slice.quantity, 'taker');
      if (isAboveZero(affordable.quantity)) this.fill(order, affordable, 'taker', time, out);
      if (compare(affordable.quantity, slice.quantity) < 0) {
        short = true;
        break;
      }
    }
    if (FINAL_STATUSES.has(order.status) || remainingOf(order).isZero()) return;
    // What the book lacked now, a resting order (a limit, or a triggered stop) takes on later
    // ticks: it stays working, never silently cancelled. Market orders are IOC or FOK.
    const rests = !short && (order.timeInForce === 'GTC' || order.timeInForce === 'GTD');
    if (rests) return;
    const reason = short
      ? order.side === 'buy'
        ? 'Not enough cash for the rest.'
        : 'Not enough held for the rest.'
      : limit === undefined
        ? 'The book ran out of depth for the rest.'
        : 'Nothing more to match at your price.';
    this.finish(order, order.type === 'market' ? 'expired' : 'cancelled', reason, time, out);
  }

  /**
   * A resting limit meets the book at a tick. The touch rule: a buy fills when the best ask is at
   * or below its price, a sell when the best bid is at or above it. It fills at its own price, as
   * a maker, for at most the quantity shown at the levels that reach its price (the whole rest
   * with partial fills off); what is left keeps resting.
   */
  private fillResting(order: Working, time: number, out: EngineEvent[]): void {
    const limit = this.ticksOf(order.symbol, order.limitPrice!);
    const book = this.book(order.symbol, time);
    const levels = order.side === 'buy' ? book.asks : book.bids;
    let shown = ZERO;
    for (const level of levels) {
      if (order.side === 'buy' ? level.ticks > limit : level.ticks < limit) break;
      shown = add(shown, level.quantity);
    }
    if (shown.isZero() || this.haltedEntry(order, time, out)) return;
    let quantity = remainingOf(order);
    if (this.execution.partialFills) quantity = smaller(quantity, shown);
    const affordable = this.affordableAt(order, limit, quantity, 'maker');
    if (affordable.quantity.isZero()) {
      this.finish(order, 'cancelled', 'Not enough cash to fill it.', time, out);
      return;
    }
    this.fill(order, affordable, 'maker', time, out);
  }

  /** Cancels a buy about to fill while entries are halted; true when it did. */
  private haltedEntry(order: Working, time: number, out: EngineEvent[]): boolean {
    if (order.side !== 'buy' || !this.entryGate) return false;
    const reason = this.entryGate(time);
    if (reason === null) return false;
    this.finish(order, 'cancelled', reason, time, out);
    return true;
  }

  /** A slice as it would fill: its price, and its notional and fee each rounded to the cent. */
  private priced(
    symbol: string,
    ticks: number,
    quantity: Dec,
    liquidity: 'maker' | 'taker',
  ): PricedSlice {
    // A market buy prices its slice twice, for its cash check and for its fill: the same slice
    // is the same price, so the second time reads the first (a slice never changes).
    const maker = liquidity === 'maker';
    const last = this.lastPriced;
    if (
      last !== undefined &&
      last.symbol === symbol &&
      last.maker === maker &&
      last.slice.ticks === ticks &&
      compare(last.slice.quantity, quantity) === 0
    )
      return last.slice;
    const grid = this.grid(symbol);
    const price = mul(grid.tick, ticks);
    const notional = toCent(mul(price, quantity));
    const fee = toCent(mul(notional, maker ? grid.maker : grid.taker));
    const slice = { ticks, quantity, price, notional, fee };
    this.lastPriced = { symbol, slice, maker };
    return slice;
  }

  /** What a slice costs a buyer: notional and fee, each rounded to the cent as the fill will be. */
  private costOf(symbol: string, ticks: number, quantity: Dec, liquidity: 'maker' | 'taker'): Dec {
    const slice = this.priced(symbol, ticks, quantity, liquidity);
    return add(slice.notional, slice.fee);
  }

  /** Whether the ledger can honour all these slices at once (for fill-or-kill). */
  private canAfford(order: Working, slices: readonly Level[]): boolean {
    if (order.side === 'sell')
      return !totalOf(slices).greaterThan(this.ledger.quantityOf(order.symbol));
    let cost = ZERO;
    for (const s of slices)
      cost = add(cost, this.costOf(order.symbol, s.ticks, s.quantity, 'taker'));
    return !cost.greaterThan(this.ledger.cash);
  }

  /**
   * The part of `quantity` at `ticks` the ledger can honour now, priced: a buy's cost with its
   * fee within cash, a sell within the position (a stop may meet a position already sold). The
   * buy's check prices the slice anyway, so the fill books that pricing rather than redo it.
   */
  private affordableAt(
    order: Working,
    ticks: number,
    quantity: Dec,
    liquidity: 'maker' | 'taker',
  ): PricedSlice {
    const symbol = order.symbol;
    if (order.side === 'sell')
      return this.priced(
        symbol,
        ticks,
        smaller(quantity, this.ledger.quantityOf(symbol)),
        liquidity,
      );
    const cash = this.ledger.cash;
    const whole = this.priced(symbol, ticks, quantity, liquidity);
    if (compare(add(whole.notional, whole.fee), cash) <= 0) return whole;
    const grid = this.grid(order.symbol);
    const rate = liquidity === 'maker' ? grid.maker : grid.taker;
    let take = cash
      .dividedBy(grid.tick.times(ticks).times(rate.plus(1)))
      .toNearest(grid.step, Dec.ROUND_DOWN);
    while (
      take.greaterThan(ZERO) &&
      this.costOf(order.symbol, ticks, take, liquidity).greaterThan(cash)
    )
      take = take.minus(grid.step);
    return this.priced(symbol, ticks, Dec.max(take, ZERO), liquidity);
  }

  private fill(
    order: Working,
    slice: PricedSlice,
    liquidity: 'maker' | 'taker',
    time: number,
    out: EngineEvent[],
  ): void {
    const { price, quantity, notional, fee } = slice;
    const realized = this.ledger.apply({
      type: 'fill',
      side: order.side,
      symbol: order.symbol,
      quantity,
      notional,
      fee,
    });
    // What the fill paid over the reference price (a buy) or got under it (a sell).
    const reference = parsed(order.referencePrice);
    const worse = order.side === 'buy' ? sub(price, reference) : sub(reference, price);
    const slippage = toCent(mul(worse, quantity));
    const fill: FillEvent = {
      type: 'filled',
      time,
      orderId: order.id,
      side: order.side,
      symbol: order.symbol,
      quantity: canonical(quantity),
      price: canonical(price),
      notional: canonical(notional),
      fee: canonical(fee),
      liquidity,
      slippage: canonical(slippage),
      realizedPnl: canonical(realized),
    };
    const flat = this.ledger.quantityOf(order.symbol).isZero();
    this.stats.record(fill, notional, fee, slippage, realized, flat);
    out.push(fill);
    order.filled = addedTo(order.filled, quantity, fill.quantity);
    order.filledNotional = addedTo(order.filledNotional, notional, fill.notional);
    order.fees = addedTo(order.fees, fee, fill.fee);
    order.updatedAt = time;
    const done = remainingOf(order).isZero();
    if (done) this.finish(order, 'filled', null, time, out);
    else {
      order.status = 'partially-filled';
      this.emit(order, 'partially-filled', out);
    }
    if (order.bracket) this.protect(order, quantity, time, out);
    if (order.ocoWith) this.shrinkSibling(order.ocoWith, quantity, time, out);
  }

  /**
   * A bracket entry filled: its take-profit and stop-loss now cover what it bought. When the
   * exits of earlier fills have already closed their part, this fill gets a new pair of its own
   * (`/tp-2`, `/sl-2`, …), so every part the entry buys is protected.
   */
  private protect(entry: Working, quantity: Dec, time: number, out: EngineEvent[]): void {
    let pair = 1;
    while (this.used.has(exitId(entry.id, 'tp', pair + 1))) pair++;
    const live = [
      this.open.get(exitId(entry.id, 'tp', pair)),
      this.open.get(exitId(entry.id, 'sl', pair)),
    ];
    if (!live[0] && !live[1]) {
      const next = this.used.has(exitId(entry.id, 'tp', pair)) ? pair + 1 : pair;
      this.openExits(entry, quantity, next, time, out);
      return;
    }
    for (const child of live) {
      if (!child) continue;
      child.quantity = canonical(add(quantity, parsed(child.quantity)));
      child.updatedAt = time;
      this.emit(child, 'amended', out);
    }
  }

  /** Opens a bracket's take-profit (a resting limit) and stop-loss (a stop) for `quantity`. */
  private openExits(
    entry: Working,
    quantity: Dec,
    pair: number,
    time: number,
    out: EngineEvent[],
  ): void {
    const tpId = exitId(entry.id, 'tp', pair);
    const slId = exitId(entry.id, 'sl', pair);
    const { takeProfit, stopLoss } = entry.bracket!;
    const children: Working[] = [
      exitOrder(entry.symbol, quantity, time, [tpId, slId], 'take-profit', takeProfit),
      exitOrder(entry.symbol, quantity, time, [slId, tpId], 'stop-loss', stopLoss),
    ];
    for (const child of children) {
      child.number = this.nextNumber++;
      this.remember(child.id);
      this.open.set(child.id, child);
      this.emit(child, 'accepted', out);
    }
  }

  /** One-cancels-other: a fill of one exit takes the same quantity off its sibling. */
  private shrinkSibling(id: string, quantity: Dec, time: number, out: EngineEvent[]): void {
    const sibling = this.open.get(id);
    if (!sibling) return;
    const left = sub(parsed(sibling.quantity), quantity);
    if (!left.greaterThan(sibling.filled)) {
      this.finish(sibling, 'cancelled', 'Its bracket sibling filled.', time, out);
      return;
    }
    sibling.quantity = canonical(left);
    sibling.updatedAt = time;
    this.emit(sibling, 'amended', out);
  }

  private finish(
    order: Working,
    status: 'filled' | 'cancelled' | 'expired' | 'rejected',
    reason: string | null,
    time: number,
    out: EngineEvent[],
  ): void {
    order.status = status;
    order.reason = reason;
    order.updatedAt = time;
    this.open.delete(order.id);
    // The working order is final now and nothing changes it again: the closed list and the
    // event share it rather than a copy.
    this.closed.push(order);
    if (this.closed.length > KEEP_CLOSED) this.closed.shift();
    out.push({ type: 'order', change: status, order });
    // A cancelled bracket exit takes its sibling with it; a cancelled entry leaves its exits.
    if (status !== 'filled' && order.ocoWith && this.open.has(order.ocoWith)) {
      const sibling = this.open.get(order.ocoWith)!;
      this.finish(sibling, 'cancelled', 'Its bracket sibling was closed.', time, out);
    }
  }

  private remember(id: string): void {
    this.used.add(id);
    // A Set keeps insertion order: the first entry is the oldest.
    if (this.used.size > REMEMBERED_IDS) this.used.delete(this.used.values().next().value!);
  }

  private emit(order: Working, change: OrderChange, out: EngineEvent[]): void {
    out.push({ type: 'order', change, order: { ...order } });
  }

  private whyNotOpen(id: string): string {
    const closed = this.closed.find((o) => o.id === id);
    return closed
      ? `Order ${id} is already ${closed.status}.`
      : `There is no open order with the id ${id}.`;
  }

  /** A price as whole ticks; remembered, since resting orders are compared every tick. */
  private ticksOf(symbol: string, price: string): number {
    const key = `${symbol} ${price}`;
    let ticks = this.tickCache.get(key);
    if (ticks === undefined) {
      if (this.tickCache.size > 10_000) this.tickCache.clear();
      ticks = parsed(price).dividedBy(this.grid(symbol).tick).toNumber();
      this.tickCache.set(key, ticks);
    }
    return ticks;
  }

  private book(symbol: string, time: number): Book {
    return bookOf(this.market.quote(this.indexOf(symbol), time), this.execution.spreadMultiplier);
  }

  private lastPrice(asset: AssetSpec, index: number): Dec {
    return mul(this.grid(asset.symbol).tick, this.market.lastTicks(index));
  }

  private feeRate(asset: AssetSpec, liquidity: 'maker' | 'taker'): Dec {
    return liquidity === 'maker' ? this.grid(asset.symbol).maker : this.grid(asset.symbol).taker;
  }

  private assetOf(symbol: string): AssetSpec {
    return this.grid(symbol).asset;
  }

  private indexOf(symbol: string): number {
    return this.grid(symbol).index;
  }

  /** An asset's index, grids and fee rates as decimals, made once. */
  private grid(symbol: string): AssetGrid {
    const grid = this.grids.get(symbol);
    if (!grid) throw new Error(`Unknown symbol ${symbol}`);
    return grid;
  }
}

/** An order's running total (a canonical string) with `amount` added; the first fill's is its own. */
function addedTo(total: string, amount: Dec, amountText: string): string {
  return total === '0' ? amountText : canonical(add(amount, parsed(total)));
}

function remainingOf(order: OrderState): Dec {
  // Both are canonical strings: equal text is an equal amount, and nothing is left.
  if (order.filled === order.quantity) return ZERO;
  return sub(parsed(order.quantity), parsed(order.filled));
}
