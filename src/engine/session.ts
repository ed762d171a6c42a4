import type { SessionConfig } from './config.ts';
import type { MetricId } from './monitor/metrics.ts';
import { portfolioHealth } from './monitor/portfolio-health.ts';
import type { Command, RefusalCode, TimedCommand } from './commands.ts';
import type { EngineEvent } from './events.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import {
  Dec,
  canonical,
  decimalsOf,
  formatUsd,
  isDecimalString,
  parsed,
  toCent,
  ZERO,
} from './decimal.ts';
import { Broker, type BrokerState, type TakerEstimate } from './orders/broker.ts';
import type { OrderRequest, OrderState } from './orders/order.ts';
import { parsePositive, parseQuantity, parsePrice } from './orders/validate.ts';
import { Stats, type StatsState } from './analytics/stats.ts';
import { EquityCurve, type CurveState } from './analytics/curve.ts';
import {
  breakerFor,
  checkEntry,
  type Breaker,
  type RiskState,
  type TierChange,
} from './risk/pre-trade.ts';
import { TIERS, type RiskTier, type TierName } from './risk/tiers.ts';
import { Ledger, type LedgerSnapshot } from './ledger.ts';
import { Market, type MarketState } from './market/market.ts';
import { ReplayMarket, type ReplayState } from './market/replay-market.ts';
import type { Quote } from './market/quote.ts';
import { ok, refuse, assertNever, type Result } from './result.ts';

export type { EngineEvent } from './events.ts';

/**
 * The resumable state of a session: a cache of the fold, never the source of truth. Version 3:
 * trading statistics count round trips (a version 2 snapshot is stale: replay the log).
 */
export interface SessionSnapshot {
  readonly version: 3;
  readonly seed: string;
  /** Simulated time of the last market tick, ms since the epoch. */
  readonly time: number;
  /** Number of commands applied so far. */
  readonly seq: number;
  readonly market: MarketState | ReplayState;
  readonly ledger: LedgerSnapshot;
  readonly orders: BrokerState;
  readonly stats: StatsState;
  readonly curve: CurveState;
  readonly risk: RiskState;
}

/** What a person sees of the portfolio, as canonical decimal strings. */
export interface PortfolioView {
  readonly time: number;
  readonly seq: number;
  readonly prices: readonly { readonly symbol: string; readonly lastPrice: string }[];
  readonly cash: string;
  /** Cash committed to open buy orders. */
  readonly reservedCash: string;
  readonly equity: string;
  readonly realizedPnl: string;
  readonly unrealizedPnl: string;
  readonly feesPaid: string;
  /** Equity now minus equity at the start of the simulated UTC day. */
  readonly dayPnl: string;
  readonly openOrders: number;
  /** The session's risk tier (label and name), if any, and a tripped circuit breaker. */
  readonly tier: string | null;
  readonly tierName: RiskTier['name'] | null;
  /** The tier changes logged so far, oldest first. */
  readonly tierChanges: readonly TierChange[];
  readonly breaker: Breaker | null;
  readonly positions: readonly {
    readonly symbol: string;
    readonly quantity: string;
    readonly averageCost: string;
    readonly marketValue: string;
    readonly unrealizedPnl: string;
  }[];
}

/**
 * One paper-trading session: a market advanced tick by tick from a seed, a broker that works
 * orders against it, and a ledger changed only by fills, deposits and withdrawals. A refused
 * command changes nothing.
 */
export class Session {
  /** Receives what happens between commands (fills of resting orders, expiries); not state. */
  onEvent: ((event: EngineEvent) => void) | undefined;
  private readonly broker: Broker;

  private constructor(
    readonly seed: string,
    readonly config: SessionConfig,
    private readonly market: Market | ReplayMarket,
    private readonly ledger: Ledger,
    private readonly stats: Stats,
    private readonly curve: EquityCurve,
    private currentTime: number,
    private appliedCount: number,
    private risk: RiskState,
    orders?: BrokerState,
  ) {
    this.broker = new Broker(config, ledger, stats, market, orders);
    this.broker.entryGate = (time) => this.entriesHalted(time);
  }

  /**
   * A new session at the config's start time, before any command. Sessions given one `market`
   * share its prices; they must then advance tick by tick together (the tier lab does).
   */
  static create(seed: string, config: SessionConfig, shared?: Market): Session {
    const market = config.replay
      ? new ReplayMarket(seed, config.assets[0]!, config.tickMs, config.startTime, config.replay)
      : (shared ??
        Market.create(
          seed,
          config.assets,
          config.tickMs,
          config.startTime,
          config.marketModel ?? 1,
        ));
    return new Session(
      seed,
      config,
      market,
      new Ledger(),
      Stats.create(),
      EquityCurve.create(config.startTime, config.tickMs),
      config.startTime,
      0,
      { peakEquity: '0', breaker: null },
    );
  }

  /** A session restored from a snapshot taken under the same config. */
  static fromSnapshot(config: SessionConfig, snapshot: SessionSnapshot): Session {
    const market = restoreMarket(snapshot.seed, config, snapshot.time, snapshot.market);
    return new Session(
      snapshot.seed,
      config,
      market,
      Ledger.fromSnapshot(snapshot.ledger),
      Stats.fromState(snapshot.stats),
      EquityCurve.fromState(snapshot.curve),
      snapshot.time,
      snapshot.seq,
      snapshot.risk,
      snapshot.orders,
    );
  }

  /** Simulated time of the last tick, ms since the epoch. */
  get time(): number {
    return this.currentTime;
  }

  /** Number of commands applied. */
  get seq(): number {
    return this.appliedCount;
  }

  /** The tier in force: the last `set-tier`'s, else the config's; undefined when none. */
  get tier(): RiskTier | undefined {
    const last = this.risk.tierChanges?.at(-1);
    if (!last) return this.config.risk;
    return last.tier === 'none' ? undefined : TIERS[last.tier];
  }

  /** The session's tier changes so far, oldest first. */
  get tierChanges(): readonly TierChange[] {
    return this.risk.tierChanges ?? [];
  }

  /** Advances the market tick by tick up to `time` (never backwards), working open orders. */
  advanceTo(time: number): void {
    if (time < this.currentTime)
      throw new Error(`Cannot go back in time: ${time} < ${this.currentTime}`);
    const tick = this.config.tickMs;
    while (this.currentTime + tick <= time) {
      this.currentTime += tick;
      this.market.step(this.currentTime);
      if (this.broker.busy) this.tickOrders();
      if (this.currentTime >= this.curve.nextAt) this.sampleEquity();
    }
  }

  private tickOrders(): void {
    const events: EngineEvent[] = [];
    this.broker.onTick(this.currentTime, events);
    if (this.onEvent) for (const event of events) this.onEvent(event);
  }

  private sampleEquity(): void {
    const { equity, invested } = this.valuation();
    const net = this.ledger.deposited.minus(this.ledger.withdrawn);
    this.curve.record(this.currentTime, [canonical(equity), canonical(invested), canonical(net)]);
    const events: EngineEvent[] = [];
    this.watchRisk(equity, events);
    if (this.onEvent) for (const event of events) this.onEvent(event);
  }

  /**
   * Follows the equity peak and the tier's loss limits: trips a breaker when one is reached,
   * clears a daily one when its day is over.
   */
  private watchRisk(equity: Dec, out: EngineEvent[]): void {
    const peak = Dec.max(this.risk.peakEquity, equity);
    let breaker = this.risk.breaker;
    if (breaker?.until != null && this.currentTime >= breaker.until) {
      breaker = null;
      out.push({ type: 'breaker', breaker: null });
    }
    this.risk = { ...this.risk, peakEquity: canonical(peak), breaker };
    const tier = this.tier;
    if (tier && !breaker) {
      const tripped = breakerFor(tier, this.risk, equity, this.dayBase(), this.currentTime);
      if (tripped) this.trip(tripped, out);
    }
  }

  /**
   * Trips a breaker. Open buys are cancelled, not held: an entry placed before the loss must not
   * fill after it, nor later when the breaker clears. Sells and stops keep working.
   */
  private trip(breaker: Breaker, out: EngineEvent[]): void {
    this.risk = { ...this.risk, breaker };
    out.push({ type: 'breaker', breaker });
    this.broker.cancelAll(this.currentTime, out, { side: 'buy', reason: haltReason(breaker) });
  }

  /**
   * Why buys are halted now, or null. A loss limit reached since the last equity sample halts
   * them at once; the breaker itself trips at the next sample.
   */
  private entriesHalted(time: number): string | null {
    if (this.risk.breaker) return haltReason(this.risk.breaker);
    const tier = this.tier;
    if (!tier) return null;
    const equity = this.valuation().equity;
    const risk = { peakEquity: canonical(Dec.max(this.risk.peakEquity, equity)), breaker: null };
    const breaker = breakerFor(tier, risk, equity, this.dayBase(), time);
    return breaker && haltReason(breaker);
  }

  /** The day's starting equity plus the day's net deposits: today's P&L is measured from it. */
  private dayBase(): Dec {
    return this.curve.dayBase(this.ledger.deposited.minus(this.ledger.withdrawn));
  }

  /** Cash plus positions at the last prices, and the part in positions. */
  private valuation(): { equity: Dec; invested: Dec } {
    let invested = ZERO;
    for (const [symbol, p] of this.ledger.positions)
      invested = invested.plus(toCent(this.lastPrice(symbol).times(p.quantity)));
    return { equity: this.ledger.cash.plus(invested), invested };
  }

  /** Cash plus positions at the last prices. */
  equity(): Dec {
    return this.valuation().equity;
  }

  /** The quantity held of an asset (zero when none). */
  quantityOf(symbol: string): Dec {
    return this.ledger.quantityOf(symbol);
  }

  /** The last price of an asset, on its tick grid. */
  lastPrice(symbol: string): Dec {
    const index = this.indexOf(symbol);
    return parsed(this.config.assets[index]!.tickSize).times(this.market.lastTicks(index));
  }

  /** What the market offers for an asset now: bid, ask, depth. */
  quote(symbol: string): Quote {
    return this.market.quote(this.indexOf(symbol), this.currentTime);
  }

  /** Watches every market tick (for candles); not part of the session's state. */
  set onTick(listener: Market['onTick']) {
    this.market.onTick = listener;
  }

  /** Symbols whose trading is halted now. */
  haltedSymbols(): string[] {
    return this.config.assets.filter((_, i) => this.market.isHalted(i)).map((a) => a.symbol);
  }

  private tickOf(symbol: string): Dec {
    return parsed(this.config.assets[this.indexOf(symbol)]!.tickSize);
  }

  private indexOf(symbol: string): number {
    const index = this.config.assets.findIndex((a) => a.symbol === symbol);
    if (index < 0) throw new Error(`Unknown symbol ${symbol}`);
    return index;
  }

  /** Applies one command at the current time; a refusal leaves the session unchanged. */
  apply(command: Command): Result<readonly EngineEvent[], RefusalCode> {
    const events: EngineEvent[] = [];
    const outcome = this.applyCommand(command, events);
    if (!outcome.ok) return outcome;
    // A resubmitted order id changes nothing, so it does not count as a command either.
    if (events[0]?.type !== 'duplicate') this.appliedCount++;
    return ok(events);
  }

  private applyCommand(command: Command, out: EngineEvent[]): Result<true, RefusalCode> {
    const time = this.currentTime;
    const closed = this.closedFor(command);
    if (closed) return closed;
    switch (command.type) {
      case 'deposit':
      case 'withdraw':
        return this.moveCash(command.type, command.amount, out);
      case 'scenario': {
        const applied = this.market.applyScenario(command.event, time);
        if (applied.ok) out.push({ type: 'scenario', event: command.event });
        return applied;
      }
      case 'place-order': {
        const { type: _type, ...request } = command;
        return this.place(request, out);
      }
      case 'market-buy':
      case 'market-sell':
        return this.place(
          {
            clientOrderId: `#${this.appliedCount + 1}`,
            symbol: command.symbol,
            side: command.type === 'market-buy' ? 'buy' : 'sell',
            orderType: 'market',
            quantity: command.quantity,
          },
          out,
        );
      case 'cancel-order':
        return this.broker.cancel(command.orderId, time, out);
      case 'cancel-all':
        if (
          command.symbol !== undefined &&
          !this.config.assets.some((a) => a.symbol === command.symbol)
        )
          return refuse('unknown-symbol', `There is no asset "${command.symbol}" in this session.`);
        this.broker.cancelAll(
          time,
          out,
          command.symbol === undefined ? {} : { symbol: command.symbol },
        );
        return ok(true);
      case 'amend-order':
        return this.amend(command.orderId, command.price, command.quantity, out);
      case 'kill-switch':
        this.trip(
          {
            kind: 'kill-switch',
            since: time,
            until: null,
            message: 'the kill switch is on (until you reset it).',
          },
          out,
        );
        return ok(true);
      case 'set-tier':
        return this.setTier(command.tier, out);
      case 'reset-breaker':
        if (!this.risk.breaker)
          return refuse('no-breaker', 'No circuit breaker is tripped: there is nothing to reset.');
        // The drawdown is measured from here on, or the same fall would trip it again at once.
        this.risk = { ...this.risk, peakEquity: canonical(this.valuation().equity), breaker: null };
        out.push({ type: 'breaker', breaker: null });
        return ok(true);
      default: {
        const unknown: unknown = (command as { type?: unknown }).type;
        if (typeof unknown === 'string')
          return refuse('unknown-command', `Unknown command "${unknown}".`);
        return assertNever(command, 'command');
      }
    }
  }

  /** A refusal of an order command once the session's trading has closed, else null. */
  private closedFor(command: Command): Result<never, RefusalCode> | null {
    const closesAt = this.config.closesAt;
    if (closesAt === undefined || this.currentTime < closesAt) return null;
    const trades = ['place-order', 'market-buy', 'market-sell', 'amend-order'];
    if (!trades.includes(command.type)) return null;
    return refuse(
      'closed',
      `Trading in this session closed at ${utcMinute(closesAt)} simulated time; no new order is taken.`,
    );
  }

  /** Changes the tier in force; naming the tier already in force changes nothing and is refused. */
  private setTier(name: TierName | 'none', out: EngineEvent[]): Result<true, RefusalCode> {
    if (name !== 'none' && !Object.hasOwn(TIERS, name))
      return refuse(
        'invalid-tier',
        `There is no tier "${String(name)}"; choose Conservative, Moderate, Aggressive or none.`,
      );
    const current = this.tier;
    const same =
      name === 'none'
        ? current === undefined
        : current !== undefined && canonicalJson(current) === canonicalJson(TIERS[name]);
    if (same)
      return refuse(
        'same-tier',
        `The session already trades under ${name === 'none' ? 'no tier' : `the ${TIERS[name].label} tier`}; nothing changes.`,
      );
    const change: TierChange = { at: this.currentTime, tier: name };
    this.risk = { ...this.risk, tierChanges: [...this.tierChanges, change] };
    out.push({ type: 'tier', tier: name === 'none' ? null : TIERS[name].label });
    return ok(true);
  }

  private place(request: OrderRequest, out: EngineEvent[]): Result<true, RefusalCode> {
    const previous = this.broker.find(request.clientOrderId);
    if (previous) {
      out.push({ type: 'duplicate', order: previous });
      return ok(true);
    }
    if (this.broker.isUsed(request.clientOrderId)) {
      return refuse(
        'invalid-order',
        `The order id ${request.clientOrderId} was used before; choose a new one.`,
      );
    }
    const index = this.config.assets.findIndex((a) => a.symbol === request.symbol);
    if (index < 0)
      return refuse('unknown-symbol', `There is no asset "${request.symbol}" in this session.`);
    const asset = this.config.assets[index]!;
    const allowed = this.config.allowedSymbols;
    if (allowed && !allowed.includes(asset.symbol))
      return refuse(
        'not-allowed',
        `This session trades only ${allowed.join(', ')}; ${asset.symbol} is not one of them.`,
      );
    if (this.tier && request.side === 'buy') {
      const checked = this.checkEntry(request, index);
      if (!checked.ok) return checked;
    }
    return this.broker.place({ request, asset, index }, this.currentTime, out);
  }

  /** The tier's pre-trade checks on a buy; exits are never checked. */
  private checkEntry(request: OrderRequest, index: number): Result<true, RefusalCode> {
    const asset = this.config.assets[index]!;
    const quantity = parseQuantity(request.quantity, asset);
    // A malformed order is the broker's to refuse, with its own message.
    if (!quantity.ok) return ok(true);
    const { equity } = this.valuation();
    const tier = this.tier!;
    // A limit reached since the last sample refuses the entry now; the breaker itself trips at
    // the next sample, because a refused command must change nothing.
    const peakEquity = canonical(Dec.max(this.risk.peakEquity, equity));
    const dayStart = this.dayBase();
    const breaker = breakerFor(
      tier,
      { ...this.risk, peakEquity },
      equity,
      dayStart,
      this.currentTime,
    );
    const last = this.lastPrice(asset.symbol);
    const price = safePrice(request.limitPrice) ?? safePrice(request.triggerPrice);
    const others = new Set([...this.ledger.positions.keys(), ...this.broker.buyingSymbols()]);
    others.delete(asset.symbol);
    return checkEntry(
      tier,
      {
        symbol: asset.symbol,
        notional: quantity.value.times(price ?? this.quote(asset.symbol).ask),
        held: toCent(last.times(this.ledger.quantityOf(asset.symbol))),
        price: safePrice(request.limitPrice),
        last,
      },
      {
        equity,
        otherPositions: others.size,
        breaker,
        stress: this.market.stress(index),
      },
    );
  }

  private amend(
    orderId: string,
    priceText: string | undefined,
    quantityText: string | undefined,
    out: EngineEvent[],
  ): Result<true, RefusalCode> {
    const order = this.broker.find(orderId);
    if (!order) return refuse('no-such-order', `There is no open order with the id ${orderId}.`);
    if (priceText === undefined && quantityText === undefined)
      return refuse('invalid-order', 'Give a new price or a new quantity.');
    const asset = this.config.assets[this.indexOf(order.symbol)]!;
    const price = priceText === undefined ? ok(undefined) : parsePrice(priceText, 'Price', asset);
    if (!price.ok) return price;
    const quantity =
      quantityText === undefined ? ok(undefined) : parseQuantity(quantityText, asset);
    if (!quantity.ok) return quantity;
    return this.broker.amend(
      orderId,
      {
        ...(price.value ? { price: price.value } : {}),
        ...(quantity.value ? { quantity: quantity.value } : {}),
      },
      this.currentTime,
      out,
    );
  }

  private moveCash(
    type: 'deposit' | 'withdraw',
    amountText: string,
    out: EngineEvent[],
  ): Result<true, RefusalCode> {
    const amount = parsePositive(amountText, 'Amount');
    if (!amount.ok) return amount;
    if (decimalsOf(amountText) > 2) {
      return refuse('over-precise', `Amount has ${decimalsOf(amountText)} decimals; USD allows 2.`);
    }
    // Money moved in or out is no gain or loss: the drawdown's peak moves with it.
    const peak = Dec.max(this.risk.peakEquity, this.valuation().equity);
    const moved = type === 'deposit' ? peak.plus(amount.value) : peak.minus(amount.value);
    if (type === 'deposit') {
      this.risk = { ...this.risk, peakEquity: canonical(moved) };
      this.ledger.apply({ type: 'deposit', amount: amount.value });
      out.push({ type: 'deposited', amount: canonical(amount.value) });
      return ok(true);
    }
    const free = this.ledger.cash.minus(this.broker.reservedCash());
    if (amount.value.greaterThan(free)) {
      return refuse(
        'insufficient-cash',
        `You can withdraw at most ${formatUsd(free)}: the rest is cash held for open buy orders or not there.`,
      );
    }
    this.risk = { ...this.risk, peakEquity: canonical(Dec.max(moved, ZERO)) };
    this.ledger.apply({ type: 'withdrawal', amount: amount.value });
    out.push({ type: 'withdrew', amount: canonical(amount.value) });
    return ok(true);
  }

  /** The resumable state, as plain JSON-able data. */
  snapshot(): SessionSnapshot {
    return {
      version: 3,
      seed: this.seed,
      time: this.currentTime,
      seq: this.appliedCount,
      market: this.market.state(),
      ledger: this.ledger.snapshot(),
      orders: this.broker.state(),
      stats: this.stats.snapshot(),
      curve: this.curve.snapshot(),
      risk: this.risk,
    };
  }

  /** What a market order would cost now (nothing changes); quantity must be on the step grid. */
  estimate(symbol: string, side: 'buy' | 'sell', quantity: string): TakerEstimate {
    return this.broker.estimate(symbol, side, new Dec(quantity), this.currentTime);
  }

  /** Open orders, and recently finished ones newest first. */
  orders(): { open: OrderState[]; closed: OrderState[] } {
    return { open: this.broker.openOrders(), closed: this.broker.closedOrders() };
  }

  /** Trading totals and the equity curve, for analytics. */
  record(): { stats: StatsState; curve: CurveState } {
    return { stats: this.stats.snapshot(), curve: this.curve.snapshot() };
  }

  /** The portfolio's monitored figures: drawdown, exposure and the use of the tier's limits. */
  health(): Partial<Record<MetricId, number | null>> {
    const { equity, invested } = this.valuation();
    return portfolioHealth({
      equity: canonical(equity),
      dayPnl: canonical(equity.minus(this.dayBase())),
      peakEquity: this.risk.peakEquity,
      invested: canonical(invested),
      openOrders: this.broker.openOrders().length,
      breaker: this.risk.breaker !== null,
      tier: this.tier,
    });
  }

  /** The portfolio at the current prices. */
  view(): PortfolioView {
    let marketValue = ZERO;
    let unrealized = ZERO;
    const positions = [...this.ledger.positions.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([symbol, p]) => {
        const value = toCent(this.lastPrice(symbol).times(p.quantity));
        const pnl = value.minus(p.cost);
        marketValue = marketValue.plus(value);
        unrealized = unrealized.plus(pnl);
        return {
          symbol,
          quantity: canonical(p.quantity),
          // Shown on the asset's price grid: a cent is too coarse for a coin at $0.45.
          averageCost: canonical(p.cost.dividedBy(p.quantity).toNearest(this.tickOf(symbol))),
          marketValue: canonical(value),
          unrealizedPnl: canonical(pnl),
        };
      });
    const equity = this.ledger.cash.plus(marketValue);
    return {
      time: this.currentTime,
      seq: this.appliedCount,
      prices: this.config.assets.map((a) => ({
        symbol: a.symbol,
        lastPrice: canonical(this.lastPrice(a.symbol)),
      })),
      cash: canonical(this.ledger.cash),
      reservedCash: canonical(this.broker.reservedCash()),
      equity: canonical(equity),
      realizedPnl: canonical(this.ledger.realizedPnl),
      unrealizedPnl: canonical(unrealized),
      feesPaid: canonical(this.ledger.feesPaid),
      dayPnl: canonical(equity.minus(this.dayBase())),
      openOrders: this.broker.openOrders().length,
      tier: this.tier?.label ?? null,
      tierName: this.tier?.name ?? null,
      tierChanges: this.tierChanges,
      breaker: this.risk.breaker,
      positions,
    };
  }
}

/** The market of a snapshot: simulated or replayed, as the config says. */
function restoreMarket(
  seed: string,
  config: SessionConfig,
  time: number,
  state: MarketState | ReplayState,
): Market | ReplayMarket {
  if (config.replay) {
    if (!('type' in state)) throw new Error('A replay session has a simulated market state.');
    const market = new ReplayMarket(
      seed,
      config.assets[0]!,
      config.tickMs,
      config.startTime,
      config.replay,
    );
    market.seek(time);
    return market;
  }
  if ('type' in state) throw new Error('A simulated session has a replay market state.');
  return Market.fromState(config.assets, config.tickMs, time, state, config.marketModel ?? 1);
}

/** SHA-256 of a snapshot's canonical JSON: equal states give equal hashes on every device. */
export function stateHash(snapshot: SessionSnapshot): Promise<string> {
  return sha256Hex(canonicalJson(snapshot));
}

/**
 * The fold: replays a command log from the seed. Logged commands were accepted once, so a
 * refusal here means the log or the config was changed; it comes back as a refusal.
 */
export function replay(
  seed: string,
  config: SessionConfig,
  commands: readonly TimedCommand[],
): Result<Session, 'invalid-log'> {
  return replayFrom(Session.create(seed, config), commands);
}

/**
 * Continues a session (new or restored from a snapshot) with the commands logged after it.
 * `firstNumber` numbers the commands in messages when a long log is replayed in slices.
 */
export function replayFrom(
  session: Session,
  commands: readonly TimedCommand[],
  firstNumber = 1,
): Result<Session, 'invalid-log'> {
  for (const [index, { at, command }] of commands.entries()) {
    const number = firstNumber + index;
    if (at < session.time) {
      return refuse('invalid-log', `Command ${number} is stamped before the one it follows.`);
    }
    session.advanceTo(at);
    const outcome = session.apply(command);
    if (!outcome.ok) {
      return refuse(
        'invalid-log',
        `Command ${number} (${command.type}) is refused on replay: ${outcome.message}`,
      );
    }
  }
  return ok(session);
}

/**
 * Replays a log as it was stored: as `replayFrom`, and each command must count as one command,
 * as every command a live session logs does. A stored log numbers its commands 1, 2, 3… and a
 * session resumes by those numbers, so one that changes nothing (a resubmitted order id) means
 * the log was changed.
 */
export function replayLog(
  session: Session,
  commands: readonly TimedCommand[],
  firstNumber = 1,
): Result<Session, 'invalid-log'> {
  for (const [index, entry] of commands.entries()) {
    const number = firstNumber + index;
    const before = session.seq;
    const applied = replayFrom(session, [entry], number);
    if (!applied.ok) return applied;
    if (session.seq !== before + 1) return refuse('invalid-log', uncounted(number, entry.command));
  }
  return ok(session);
}

/** Why a logged command that did not count as one cannot be in a log. */
function uncounted(number: number, command: Command): string {
  if (command.type === 'place-order')
    return `Command ${number} (place-order) repeats the order id ${command.clientOrderId} of an order placed before it. A live session never logs a resubmitted order, so this log was changed.`;
  return `Command ${number} (${command.type}) changed nothing, and a live session never logs such a command, so this log was changed.`;
}

/** A simulated time as "2026-01-08 00:00 UTC"; the engine has no locale. */
function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** What a cancelled or refused buy says while a breaker halts entries. */
function haltReason(breaker: Breaker): string {
  return `New buys are halted: ${breaker.message}`;
}

/** A price string as a decimal when it is a plain positive number; the broker refuses the rest. */
function safePrice(text: string | undefined): Dec | null {
  return text !== undefined && isDecimalString(text) && Number(text) > 0 ? new Dec(text) : null;
}
