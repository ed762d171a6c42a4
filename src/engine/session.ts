import type { AssetSpec, SessionConfig } from './config.ts';
import type { Command, RefusalCode, TimedCommand } from './commands.ts';
import type { ScenarioEvent } from './market/scenario.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { Dec, canonical, decimalsOf, formatUsd, isDecimalString, toCent, ZERO } from './decimal.ts';
import { Ledger, type LedgerSnapshot } from './ledger.ts';
import { Market, type MarketState } from './market/market.ts';
import { ReplayMarket, type ReplayState } from './market/replay-market.ts';
import type { Quote } from './market/quote.ts';
import { ok, refuse, assertNever, type Result } from './result.ts';

/** Something that happened when a command applied; the UI and the log show these. */
export type EngineEvent =
  | { readonly type: 'deposited'; readonly amount: string }
  | { readonly type: 'scenario'; readonly event: ScenarioEvent }
  | {
      readonly type: 'filled';
      readonly side: 'buy' | 'sell';
      readonly symbol: string;
      readonly quantity: string;
      readonly price: string;
      readonly notional: string;
      readonly fee: string;
    };

/** The resumable state of a session: a cache of the fold, never the source of truth. */
export interface SessionSnapshot {
  readonly version: 1;
  readonly seed: string;
  /** Simulated time of the last market tick, ms since the epoch. */
  readonly time: number;
  /** Number of commands applied so far. */
  readonly seq: number;
  readonly market: MarketState | ReplayState;
  readonly ledger: LedgerSnapshot;
  readonly fillCount: number;
}

/** What a person sees of the portfolio, as canonical decimal strings. */
export interface PortfolioView {
  readonly time: number;
  readonly seq: number;
  readonly prices: readonly { readonly symbol: string; readonly lastPrice: string }[];
  readonly cash: string;
  readonly equity: string;
  readonly realizedPnl: string;
  readonly unrealizedPnl: string;
  readonly feesPaid: string;
  readonly positions: readonly {
    readonly symbol: string;
    readonly quantity: string;
    readonly averageCost: string;
    readonly marketValue: string;
    readonly unrealizedPnl: string;
  }[];
}

const MAX_AMOUNT = new Dec('1e12');

/**
 * One paper-trading session: a market advanced tick by tick from a seed, and a ledger changed
 * only by commands. A refused command changes nothing.
 */
export class Session {
  private constructor(
    readonly seed: string,
    readonly config: SessionConfig,
    private readonly market: Market | ReplayMarket,
    private readonly ledger: Ledger,
    private currentTime: number,
    private appliedCount: number,
    private fillCount: number,
  ) {}

  /** A new session at the config's start time, before any command. */
  static create(seed: string, config: SessionConfig): Session {
    const market = config.replay
      ? new ReplayMarket(seed, config.assets[0]!, config.tickMs, config.startTime, config.replay)
      : Market.create(seed, config.assets, config.tickMs, config.startTime);
    return new Session(seed, config, market, new Ledger(), config.startTime, 0, 0);
  }

  /** A session restored from a snapshot taken under the same config. */
  static fromSnapshot(config: SessionConfig, snapshot: SessionSnapshot): Session {
    const market = restoreMarket(snapshot.seed, config, snapshot.time, snapshot.market);
    return new Session(
      snapshot.seed,
      config,
      market,
      Ledger.fromSnapshot(snapshot.ledger),
      snapshot.time,
      snapshot.seq,
      snapshot.fillCount,
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

  /** Advances the market tick by tick up to `time` (never backwards). */
  advanceTo(time: number): void {
    if (time < this.currentTime)
      throw new Error(`Cannot go back in time: ${time} < ${this.currentTime}`);
    const tick = this.config.tickMs;
    while (this.currentTime + tick <= time) {
      this.currentTime += tick;
      this.market.step(this.currentTime);
    }
  }

  /** The last price of an asset, on its tick grid. */
  lastPrice(symbol: string): Dec {
    const index = this.indexOf(symbol);
    return new Dec(this.config.assets[index]!.tickSize).times(this.market.lastTicks(index));
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

  private indexOf(symbol: string): number {
    const index = this.config.assets.findIndex((a) => a.symbol === symbol);
    if (index < 0) throw new Error(`Unknown symbol ${symbol}`);
    return index;
  }

  /** Applies one command at the current time; a refusal leaves the session unchanged. */
  apply(command: Command): Result<readonly EngineEvent[], RefusalCode> {
    const outcome = this.applyCommand(command);
    if (outcome.ok) this.appliedCount++;
    return outcome;
  }

  private applyCommand(command: Command): Result<readonly EngineEvent[], RefusalCode> {
    switch (command.type) {
      case 'deposit':
        return this.deposit(command.amount);
      case 'scenario': {
        const applied = this.market.applyScenario(command.event, this.currentTime);
        return applied.ok ? ok([{ type: 'scenario', event: command.event }]) : applied;
      }
      case 'market-buy':
      case 'market-sell':
        return this.trade(
          command.type === 'market-buy' ? 'buy' : 'sell',
          command.symbol,
          command.quantity,
        );
      default: {
        const unknown: unknown = (command as { type?: unknown }).type;
        if (typeof unknown === 'string')
          return refuse('unknown-command', `Unknown command "${unknown}".`);
        return assertNever(command, 'command');
      }
    }
  }

  private deposit(amountText: string): Result<readonly EngineEvent[], RefusalCode> {
    const amount = parsePositive(amountText, 'Amount');
    if (!amount.ok) return amount;
    if (decimalsOf(amountText) > 2) {
      return refuse('over-precise', `Amount has ${decimalsOf(amountText)} decimals; USD allows 2.`);
    }
    this.ledger.deposit(amount.value);
    return ok([{ type: 'deposited', amount: canonical(amount.value) }]);
  }

  private trade(
    side: 'buy' | 'sell',
    symbol: string,
    quantityText: string,
  ): Result<readonly EngineEvent[], RefusalCode> {
    const asset = this.config.assets.find((a) => a.symbol === symbol);
    if (!asset) return refuse('unknown-symbol', `There is no asset "${symbol}" in this session.`);
    const quantity = parseQuantity(quantityText, asset);
    if (!quantity.ok) return quantity;
    if (this.market.isHalted(this.indexOf(symbol))) {
      return refuse('halted', `Trading in ${symbol} is halted. Wait until it resumes.`);
    }
    const price = this.lastPrice(symbol);
    const notional = toCent(price.times(quantity.value));
    const fee = toCent(notional.times(this.config.takerFeeRate));
    if (side === 'buy') {
      const minimum = new Dec(asset.minNotional);
      if (notional.lessThan(minimum)) {
        return refuse(
          'below-min-notional',
          `Order value ${formatUsd(notional)} is below the ${formatUsd(minimum)} minimum for ${symbol}.`,
        );
      }
      const total = notional.plus(fee);
      if (total.greaterThan(this.ledger.cash)) {
        return refuse(
          'insufficient-cash',
          `This buy costs ${formatUsd(total)} with the fee; you have ${formatUsd(this.ledger.cash)} in cash.`,
        );
      }
      this.ledger.buy(symbol, quantity.value, notional, fee);
    } else {
      const held = this.ledger.quantityOf(symbol);
      if (quantity.value.greaterThan(held)) {
        return refuse(
          'insufficient-position',
          `You hold ${canonical(held)} ${symbol}; you cannot sell ${canonical(quantity.value)}.`,
        );
      }
      this.ledger.sell(symbol, quantity.value, notional, fee);
    }
    this.fillCount++;
    return ok([
      {
        type: 'filled',
        side,
        symbol,
        quantity: canonical(quantity.value),
        price: canonical(price),
        notional: canonical(notional),
        fee: canonical(fee),
      },
    ]);
  }

  /** The resumable state, as plain JSON-able data. */
  snapshot(): SessionSnapshot {
    return {
      version: 1,
      seed: this.seed,
      time: this.currentTime,
      seq: this.appliedCount,
      market: this.market.state(),
      ledger: this.ledger.snapshot(),
      fillCount: this.fillCount,
    };
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
          averageCost: canonical(toCent(p.cost.dividedBy(p.quantity))),
          marketValue: canonical(value),
          unrealizedPnl: canonical(pnl),
        };
      });
    return {
      time: this.currentTime,
      seq: this.appliedCount,
      prices: this.config.assets.map((a) => ({
        symbol: a.symbol,
        lastPrice: canonical(this.lastPrice(a.symbol)),
      })),
      cash: canonical(this.ledger.cash),
      equity: canonical(this.ledger.cash.plus(marketValue)),
      realizedPnl: canonical(this.ledger.realizedPnl),
      unrealizedPnl: canonical(unrealized),
      feesPaid: canonical(this.ledger.feesPaid),
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
      state,
    );
    market.seek(time);
    return market;
  }
  if ('type' in state) throw new Error('A simulated session has a replay market state.');
  return Market.fromState(config.assets, config.tickMs, time, state);
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

function parsePositive(text: string, label: string): Result<Dec, RefusalCode> {
  if (typeof text !== 'string' || !isDecimalString(text)) {
    return refuse('not-a-number', `${label} must be a plain number such as 0.25.`);
  }
  const value = new Dec(text);
  if (!value.isPositive() || value.isZero())
    return refuse('non-positive', `${label} must be greater than zero.`);
  if (value.greaterThan(MAX_AMOUNT)) return refuse('too-large', `${label} is too large.`);
  return ok(value);
}

function parseQuantity(text: string, asset: AssetSpec): Result<Dec, RefusalCode> {
  const quantity = parsePositive(text, 'Quantity');
  if (!quantity.ok) return quantity;
  const step = new Dec(asset.stepSize);
  if (!quantity.value.modulo(step).isZero()) {
    const allowed = decimalsOf(canonical(step));
    const given = decimalsOf(text);
    const message =
      given > allowed
        ? `Quantity has ${given} decimals; ${asset.symbol} allows ${allowed}.`
        : `Quantity must be a multiple of ${canonical(step)} ${asset.symbol}.`;
    return refuse('over-precise', message);
  }
  return ok(quantity.value);
}
