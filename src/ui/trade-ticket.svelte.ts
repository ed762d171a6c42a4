import { amountProblem, quantityProblem } from '../schema/forms.ts';
import type { SessionState } from './session-state.svelte.ts';

/** The buy/sell ticket: the quantity field, its live validation and the last outcome. */
export class TradeTicket {
  quantity = $state('0.01');
  /** The worker's refusal, shown at the field until the quantity changes. */
  refusal = $state<{ quantity: string; message: string } | null>(null);
  confirmation = $state<string | null>(null);

  constructor(private readonly session: SessionState) {}

  get asset() {
    return this.session.view?.assets.find((a) => a.symbol === this.session.selected);
  }

  get problem(): string | null {
    const asset = this.asset;
    if (!asset) return 'The market is loading.';
    const local = quantityProblem(this.quantity, asset);
    if (local) return local;
    return this.refusal?.quantity === this.quantity ? this.refusal.message : null;
  }

  /** Estimated cost of a buy with the taker fee, for display before submitting. */
  get estimate(): number | null {
    const view = this.session.view;
    const asset = this.asset;
    const price = view?.portfolio.prices.find((p) => p.symbol === asset?.symbol);
    if (!view || !asset || !price || quantityProblem(this.quantity, asset)) return null;
    return Number(this.quantity) * Number(price.lastPrice) * (1 + Number(view.takerFeeRate));
  }

  async trade(side: 'buy' | 'sell'): Promise<void> {
    const asset = this.asset;
    if (!asset || quantityProblem(this.quantity, asset)) return;
    const quantity = this.quantity.trim();
    this.confirmation = null;
    const answer = await this.session.submit({
      type: side === 'buy' ? 'market-buy' : 'market-sell',
      symbol: asset.symbol,
      quantity,
    });
    if (!answer.ok) {
      this.refusal = { quantity: this.quantity, message: answer.message };
      return;
    }
    this.refusal = null;
    const fill = answer.value.events.find((e) => e.type === 'filled');
    if (fill?.type === 'filled') {
      this.confirmation = `${side === 'buy' ? 'Bought' : 'Sold'} ${fill.quantity} ${fill.symbol} at $${fill.price} (fee $${fill.fee}).`;
    }
  }
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
