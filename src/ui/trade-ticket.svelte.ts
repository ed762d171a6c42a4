import { amountProblem, priceProblem, quantityProblem } from '../schema/forms.ts';
import type { Command } from '../engine/commands.ts';
import type { OrderType, TimeInForce } from '../engine/orders/order.ts';
import type { OrderEstimate } from '../schema/messages.ts';
import type { SessionState } from './session-state.svelte.ts';
import { money } from './format.ts';

/** What the ticket's type menu offers; a bracket is a market or limit buy with two exits. */
export type TicketType = OrderType | 'bracket';
export const TICKET_TYPES: readonly { id: TicketType; label: string; hint: string }[] = [
  {
    id: 'market',
    label: 'Market',
    hint: 'Fills now against the book; large orders move the price.',
  },
  { id: 'limit', label: 'Limit', hint: 'Rests until the market trades through your price.' },
  { id: 'stop', label: 'Stop', hint: 'Becomes a market order when the price reaches the trigger.' },
  { id: 'stop-limit', label: 'Stop-limit', hint: 'Becomes a limit order at the trigger.' },
  {
    id: 'take-profit',
    label: 'Take-profit',
    hint: 'Sells (or buys) at the market when the price reaches a target.',
  },
  {
    id: 'trailing-stop',
    label: 'Trailing stop',
    hint: 'A stop that follows the best price by a distance.',
  },
  {
    id: 'bracket',
    label: 'Bracket',
    hint: 'A buy with a take-profit and a stop-loss; one cancels the other.',
  },
];

type Field =
  'quantity' | 'limitPrice' | 'triggerPrice' | 'trail' | 'expiry' | 'takeProfit' | 'stopLoss';
/** Which field a refusal from the engine belongs to, by its code. */
const FIELD_OF: Record<string, Field> = {
  'over-precise': 'quantity',
  'non-positive': 'quantity',
  'below-min-notional': 'quantity',
  'insufficient-cash': 'quantity',
  'insufficient-position': 'quantity',
  'would-trigger': 'triggerPrice',
  halted: 'quantity',
  breaker: 'quantity',
  'max-position': 'quantity',
  'max-open-positions': 'quantity',
  'price-band': 'limitPrice',
  'not-allowed': 'quantity',
  closed: 'quantity',
};

/** The order ticket: type-dependent fields, validation at each field, a cost estimate. */
export class TradeTicket {
  type = $state<TicketType>('market');
  side = $state<'buy' | 'sell'>('buy');
  quantity = $state('0.01');
  limitPrice = $state('');
  triggerPrice = $state('');
  trailBy = $state<'percent' | 'amount'>('percent');
  trailValue = $state('5');
  timeInForce = $state<TimeInForce>('GTC');
  expiresInMinutes = $state('60');
  postOnly = $state(false);
  takeProfit = $state('');
  stopLoss = $state('');
  /** Whether the bracket's entry is a limit (else a market buy). */
  bracketLimit = $state(false);
  /** The worker's refusal, shown at its field until the form changes. */
  refusal = $state<{ form: string; field: Field | 'form'; message: string } | null>(null);
  confirmation = $state<string | null>(null);
  estimate = $state<OrderEstimate | null>(null);
  /** Kept across retries of the same order, so a double click never places it twice. */
  private pendingId: { form: string; id: string } | null = null;
  private estimating = false;
  private estimateKey = '';
  private estimatedAt = 0;

  constructor(private readonly session: SessionState) {}

  get asset() {
    return this.session.view?.assets.find((a) => a.symbol === this.session.selected);
  }

  get needsLimit(): boolean {
    return (
      this.type === 'limit' ||
      this.type === 'stop-limit' ||
      (this.type === 'bracket' && this.bracketLimit)
    );
  }
  get needsTrigger(): boolean {
    return this.type === 'stop' || this.type === 'stop-limit' || this.type === 'take-profit';
  }
  get rests(): boolean {
    return this.type !== 'market' && !(this.type === 'bracket' && !this.bracketLimit);
  }

  /** A fingerprint of everything typed: a refusal belongs to the form it was given for. */
  private get form(): string {
    return JSON.stringify([
      this.type,
      this.side,
      this.quantity,
      this.limitPrice,
      this.triggerPrice,
      this.trailBy,
      this.trailValue,
      this.timeInForce,
      this.expiresInMinutes,
      this.postOnly,
      this.takeProfit,
      this.stopLoss,
      this.bracketLimit,
      this.session.selected,
      // Any new command (a reset, a deposit) may change the answer: a refusal no longer stands.
      this.session.view?.portfolio.seq,
    ]);
  }

  /** The problem of one field, found here or by the engine; null when it is fine. */
  problem(field: Field): string | null {
    const asset = this.asset;
    if (!asset) return field === 'quantity' ? 'The market is loading.' : null;
    const local = (() => {
      switch (field) {
        case 'quantity':
          return quantityProblem(this.quantity, asset);
        case 'limitPrice':
          return this.needsLimit ? priceProblem(this.limitPrice, 'Limit price', asset) : null;
        case 'triggerPrice':
          return this.needsTrigger ? priceProblem(this.triggerPrice, 'Trigger price', asset) : null;
        case 'trail':
          return this.type === 'trailing-stop' && !/^\d+(\.\d+)?$/.test(this.trailValue.trim())
            ? 'Enter the trailing distance as a plain number.'
            : null;
        case 'expiry':
          return this.rests &&
            this.timeInForce === 'GTD' &&
            !/^[1-9]\d{0,5}$/.test(this.expiresInMinutes.trim())
            ? 'Enter whole minutes, 1 or more.'
            : null;
        case 'takeProfit':
          return this.type === 'bracket'
            ? priceProblem(this.takeProfit, 'Take-profit price', asset)
            : null;
        case 'stopLoss':
          return this.type === 'bracket'
            ? priceProblem(this.stopLoss, 'Stop-loss price', asset)
            : null;
      }
    })();
    if (local) return local;
    return this.refusal?.form === this.form && this.refusal.field === field
      ? this.refusal.message
      : null;
  }

  /**
   * The last click's refusal once it no longer shows at a field (the form changed, or another
   * tab's trade moved the session on): every click keeps its answer until the next one.
   */
  get staleRefusal(): string | null {
    return this.refusal && this.refusal.form !== this.form
      ? `Not placed: ${this.refusal.message}`
      : null;
  }

  /** A refusal that belongs to no single field. */
  get formProblem(): string | null {
    return this.refusal?.form === this.form && this.refusal.field === 'form'
      ? this.refusal.message
      : null;
  }

  get valid(): boolean {
    const fields: Field[] = [
      'quantity',
      'limitPrice',
      'triggerPrice',
      'trail',
      'expiry',
      'takeProfit',
      'stopLoss',
    ];
    return fields.every((f) => this.problem(f) === null);
  }

  /** Asks the worker what the order would cost at the market now (for market-like types). */
  async refreshEstimate(): Promise<void> {
    // The view changes every tick: ask at most twice a second unless the order itself changed.
    const key = `${this.session.selected}:${this.side}:${this.type}:${this.quantity}`;
    const now = performance.now();
    if (this.estimating || (key === this.estimateKey && now - this.estimatedAt < 500)) return;
    this.estimateKey = key;
    this.estimatedAt = now;
    this.estimating = true;
    try {
      await this.askEstimate();
    } finally {
      this.estimating = false;
    }
  }

  private async askEstimate(): Promise<void> {
    const asset = this.asset;
    if (!asset || quantityProblem(this.quantity, asset)) {
      this.estimate = null;
      return;
    }
    const side = this.type === 'bracket' ? 'buy' : this.side;
    const answer = await this.session.estimate({
      symbol: asset.symbol,
      side,
      quantity: this.quantity.trim(),
    });
    this.estimate = answer.ok ? answer.value : null;
  }

  /** The command the form describes. */
  command(id: string): Command {
    const asset = this.asset!;
    const base = {
      type: 'place-order',
      clientOrderId: id,
      symbol: asset.symbol,
      quantity: this.quantity.trim(),
    } as const;
    const tif =
      this.rests && this.type !== 'bracket'
        ? {
            timeInForce: this.timeInForce,
            ...(this.timeInForce === 'GTD'
              ? {
                  expiresAt:
                    (this.session.view?.portfolio.time ?? 0) +
                    Number(this.expiresInMinutes) * 60_000,
                }
              : {}),
          }
        : {};
    switch (this.type) {
      case 'bracket':
        return {
          ...base,
          side: 'buy',
          orderType: this.bracketLimit ? 'limit' : 'market',
          ...(this.bracketLimit ? { limitPrice: this.limitPrice.trim() } : {}),
          bracket: { takeProfit: this.takeProfit.trim(), stopLoss: this.stopLoss.trim() },
        };
      case 'trailing-stop':
        return {
          ...base,
          side: this.side,
          orderType: 'trailing-stop',
          trail: { by: this.trailBy, value: this.trailValue.trim() },
          ...tif,
        };
      default:
        return {
          ...base,
          side: this.side,
          orderType: this.type,
          ...(this.needsLimit ? { limitPrice: this.limitPrice.trim() } : {}),
          ...(this.needsTrigger ? { triggerPrice: this.triggerPrice.trim() } : {}),
          ...(this.type === 'limit' && this.postOnly ? { postOnly: true } : {}),
          ...tif,
        };
    }
  }

  async submit(): Promise<void> {
    if (!this.asset || !this.valid) return;
    const form = this.form;
    if (this.pendingId?.form !== form) this.pendingId = { form, id: newOrderId() };
    this.confirmation = null;
    this.refusal = null;
    const answer = await this.session.submit(this.command(this.pendingId.id));
    if (!answer.ok) {
      this.refusal = {
        form,
        field: FIELD_OF[answer.code] ?? fieldOfMessage(answer.message),
        message: answer.message,
      };
      if (answer.code !== 'storage-failed') this.pendingId = null;
      return;
    }
    this.pendingId = null;
    this.refusal = null;
    this.confirmation = describeOutcome(answer.value.events);
  }
}

/** An id no other order of this device has: time and randomness, in the id alphabet. */
function newOrderId(): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  return `ui-${Date.now().toString(36)}-${random}`;
}

function fieldOfMessage(message: string): Field | 'form' {
  if (message.startsWith('Limit price')) return 'limitPrice';
  if (message.startsWith('Trigger price')) return 'triggerPrice';
  if (message.startsWith('Take-profit') || message.startsWith('The take-profit'))
    return 'takeProfit';
  if (message.startsWith('Stop-loss')) return 'stopLoss';
  if (message.startsWith('Trailing')) return 'trail';
  return 'form';
}

/** One line for the person who clicked: what became of the order. */
export function describeOutcome(events: readonly { type: string }[]): string {
  const fills = events.filter(
    (e): e is Extract<Command, never> | FillLike => e.type === 'filled',
  ) as FillLike[];
  const last = [...events]
    .reverse()
    .find((e): e is OrderLike => e.type === 'order' || e.type === 'duplicate');
  if (events[0]?.type === 'duplicate')
    return `Already placed: order ${last?.order.id} is ${last?.order.status}.`;
  if (fills.length > 0) {
    const quantity = fills.reduce((sum, f) => sum + Number(f.quantity), 0);
    const notional = fills.reduce((sum, f) => sum + Number(f.notional), 0);
    const fee = fills.reduce((sum, f) => sum + Number(f.fee), 0);
    const f = fills[0]!;
    return `${f.side === 'buy' ? 'Bought' : 'Sold'} ${Number(quantity.toPrecision(12))} ${f.symbol} at ${money(notional / quantity)} on average (fee ${money(fee)}).`;
  }
  if (!last) return 'Done.';
  const { order } = last;
  const why = order.reason ? `: ${order.reason}` : '.';
  return `Order ${order.id} ${order.status === 'accepted' ? 'is working' : `is ${order.status}`}${why}`;
}

interface FillLike {
  type: 'filled';
  side: string;
  symbol: string;
  quantity: string;
  notional: string;
  fee: string;
}
interface OrderLike {
  type: 'order' | 'duplicate';
  order: { id: string; status: string; reason: string | null };
}

/** The deposit form: an amount of USD added to cash. */
export class DepositForm {
  amount = $state('1000');
  refusal = $state<string | null>(null);

  constructor(private readonly session: SessionState) {}

  get problem(): string | null {
    return amountProblem(this.amount) ?? this.refusal;
  }

  async deposit(): Promise<void> {
    if (amountProblem(this.amount)) return;
    const answer = await this.session.submit({ type: 'deposit', amount: this.amount.trim() });
    this.refusal = answer.ok ? null : answer.message;
  }
}
