import type { AssetSpec, SessionConfig } from '../config.ts';
import type { RefusalCode } from '../commands.ts';
import {
  Dec,
  canonical,
  canonicalRemembered,
  compare,
  decimalsOf,
  formatUsd,
  formatUsdAgainst,
  isAboveZero,
  isDecimalString,
  mul,
  parsed,
} from '../decimal.ts';
import { ok, refuse, type Result } from '../result.ts';
import type { OrderRequest, OrderState, TimeInForce } from './order.ts';

export type OrderRefusal = RefusalCode;

/** An order request with its asset looked up. */
export interface ValidOrder {
  readonly request: OrderRequest;
  readonly asset: AssetSpec;
  readonly index: number;
}

/** What the checks need to know of the account and the market. */
export interface OrderContext {
  readonly config: SessionConfig;
  readonly time: number;
  readonly last: Dec;
  readonly availableCash: Dec;
  readonly availableQuantity: Dec;
  readonly takerRate: Dec;
  readonly halted: boolean;
  /** What a market buy of this quantity pays at `time`: the asks it walks, each with its fee. */
  readonly marketBuyCost: (symbol: string, quantity: Dec, time: number) => Dec;
}

/** The fields of an order fixed at placement. */
export type PlacedFields = Pick<
  OrderState,
  | 'id'
  | 'symbol'
  | 'side'
  | 'type'
  | 'quantity'
  | 'limitPrice'
  | 'triggerPrice'
  | 'trail'
  | 'extreme'
  | 'timeInForce'
  | 'expiresAt'
  | 'postOnly'
  | 'bracket'
  | 'referencePrice'
>;

const MAX_AMOUNT = new Dec('1e12');

/** An absent optional field, checked: one shared result (results are never changed). */
const NONE = ok(null);

/**
 * Checks an order against its type's rules, the asset's grids and the account; a refusal says
 * which field is wrong and why, with the numbers.
 */
export function validateOrder(
  input: ValidOrder,
  context: OrderContext,
): Result<PlacedFields, OrderRefusal> {
  const { request: r, asset } = input;
  const quantity = parseQuantity(r.quantity, asset);
  if (!quantity.ok) return quantity;
  const shape =
    needs(r, 'limitPrice', r.orderType === 'limit' || r.orderType === 'stop-limit') ??
    needs(
      r,
      'triggerPrice',
      r.orderType === 'stop' || r.orderType === 'stop-limit' || r.orderType === 'take-profit',
    ) ??
    needs(r, 'trail', r.orderType === 'trailing-stop');
  if (shape) return shape;
  const limit = r.limitPrice === undefined ? NONE : parsePrice(r.limitPrice, 'Limit price', asset);
  if (!limit.ok) return limit;
  const trigger =
    r.triggerPrice === undefined ? NONE : parsePrice(r.triggerPrice, 'Trigger price', asset);
  if (!trigger.ok) return trigger;
  const tif = checkTimeInForce(r, context.time);
  if (!tif.ok) return tif;
  if (r.orderType === 'market' && context.halted) {
    return refuse('halted', `Trading in ${asset.symbol} is halted. Wait until it resumes.`);
  }
  const trail = r.trail ? checkTrail(r.trail, asset) : NONE;
  if (!trail.ok) return trail;
  const last = context.last;
  const wouldTrigger = trigger.value !== null && triggersAt(r, trigger.value, last);
  if (wouldTrigger) {
    return refuse(
      'would-trigger',
      `The trigger ${canonical(trigger.value!)} is already reached at the last price ${canonical(last)}; use a ${r.orderType === 'take-profit' ? 'limit' : 'market'} order instead.`,
    );
  }
  const bracket = r.bracket ? checkBracket(r, limit.value ?? last, asset) : NONE;
  if (!bracket.ok) return bracket;
  // A buy is priced at its limit or trigger, a market buy at the last price.
  const price =
    limit.value ??
    trigger.value ??
    (trail.value ? last.plus(trailDistance(trail.value, last)) : last);
  if (r.side === 'buy') {
    const notional = mul(price, quantity.value);
    const minimum = parsed(asset.minNotional);
    if (compare(notional, minimum) < 0) {
      return refuse(
        'below-min-notional',
        `Order value ${formatUsdAgainst(notional, minimum)} is below the ${formatUsd(minimum)} minimum for ${asset.symbol}.`,
      );
    }
    // A market buy pays the asks it walks, not the last price; other buys their own price.
    const atAsks = r.orderType === 'market';
    const cost = atAsks
      ? context.marketBuyCost(asset.symbol, quantity.value, context.time)
      : notional.times(context.takerRate.plus(1));
    if (compare(cost, context.availableCash) > 0) {
      return refuse(
        'insufficient-cash',
        `This buy needs ${atAsks ? '' : 'about '}${formatUsdAgainst(cost, context.availableCash)} with the fee${atAsks ? ' at the asks' : ''}; you have ${formatUsd(context.availableCash)} free in cash.`,
      );
    }
  } else if (compare(quantity.value, context.availableQuantity) > 0) {
    return refuse(
      'insufficient-position',
      `You have ${canonical(context.availableQuantity)} ${asset.symbol} free to sell; you cannot sell ${canonical(quantity.value)}.`,
    );
  }
  return ok({
    id: r.clientOrderId,
    symbol: asset.symbol,
    side: r.side,
    type: r.orderType,
    quantity: canonical(quantity.value),
    limitPrice: limit.value && canonical(limit.value),
    triggerPrice: trigger.value && canonical(trigger.value),
    trail: trail.value,
    extreme: null,
    timeInForce: tif.value,
    expiresAt: r.expiresAt ?? null,
    postOnly: r.postOnly ?? false,
    bracket: bracket.value,
    // Read back as a decimal by every fill: remembered, not parsed again.
    referencePrice: canonicalRemembered(last),
  });
}

const FIELD_NAMES = {
  limitPrice: 'a limit price',
  triggerPrice: 'a trigger price',
  trail: 'a trailing distance',
} as const;

/** A refusal when the order has a field its type does not take, or lacks one it needs. */
function needs(
  r: OrderRequest,
  field: 'limitPrice' | 'triggerPrice' | 'trail',
  wanted: boolean,
): Result<never, OrderRefusal> | undefined {
  if (wanted === (r[field] !== undefined)) return undefined;
  return refuse(
    'invalid-order',
    wanted
      ? `A ${r.orderType} order needs ${FIELD_NAMES[field]}.`
      : `A ${r.orderType} order takes no ${FIELD_NAMES[field]}.`,
  );
}

function checkTimeInForce(r: OrderRequest, time: number): Result<TimeInForce, OrderRefusal> {
  const rests = r.orderType !== 'market';
  const tif = r.timeInForce ?? (rests ? 'GTC' : 'IOC');
  if (!rests && (tif === 'GTC' || tif === 'GTD')) {
    return refuse('invalid-order', 'A market order cannot rest on the book: use IOC or FOK.');
  }
  if ((tif === 'GTD') !== (r.expiresAt !== undefined)) {
    return refuse(
      'invalid-order',
      tif === 'GTD'
        ? 'A good-till-date order needs an expiry time.'
        : 'Only a good-till-date (GTD) order takes an expiry time.',
    );
  }
  if (r.expiresAt !== undefined && r.expiresAt <= time) {
    return refuse('invalid-order', 'The expiry time must be later than the simulated time now.');
  }
  if (r.postOnly && (r.orderType !== 'limit' || tif === 'IOC' || tif === 'FOK')) {
    return refuse('invalid-order', 'Post-only is for limit orders that rest (GTC or GTD).');
  }
  if (r.bracket && (r.side !== 'buy' || (r.orderType !== 'market' && r.orderType !== 'limit'))) {
    return refuse('invalid-order', 'A bracket goes on a market or limit buy.');
  }
  return ok(tif);
}

/** Whether a trigger at `trigger` would fire at the last price. */
function triggersAt(r: OrderRequest, trigger: Dec, last: Dec): boolean {
  const sellsDown = r.orderType === 'take-profit' ? r.side === 'buy' : r.side === 'sell';
  return sellsDown ? last.lessThanOrEqualTo(trigger) : last.greaterThanOrEqualTo(trigger);
}

function checkTrail(
  trail: NonNullable<OrderRequest['trail']>,
  asset: AssetSpec,
): Result<NonNullable<OrderRequest['trail']>, OrderRefusal> {
  const value = parsePositive(trail.value, 'Trailing distance');
  if (!value.ok) return value;
  if (trail.by === 'percent' && value.value.greaterThan(50)) {
    return refuse('invalid-order', 'A trailing distance of more than 50 % is not a stop.');
  }
  if (trail.by === 'amount' && !value.value.modulo(asset.tickSize).isZero()) {
    return refuse(
      'off-tick',
      `Trailing distance must be a multiple of the ${asset.symbol} tick, ${asset.tickSize}.`,
    );
  }
  return ok({ by: trail.by, value: canonical(value.value) });
}

function trailDistance(trail: NonNullable<OrderRequest['trail']>, last: Dec): Dec {
  return trail.by === 'amount' ? new Dec(trail.value) : last.times(trail.value).dividedBy(100);
}

function checkBracket(
  r: OrderRequest,
  entry: Dec,
  asset: AssetSpec,
): Result<NonNullable<OrderRequest['bracket']>, OrderRefusal> {
  const tp = parsePrice(r.bracket!.takeProfit, 'Take-profit price', asset);
  if (!tp.ok) return tp;
  const sl = parsePrice(r.bracket!.stopLoss, 'Stop-loss price', asset);
  if (!sl.ok) return sl;
  if (!tp.value.greaterThan(entry) || !sl.value.lessThan(entry)) {
    return refuse(
      'invalid-order',
      `The take-profit must be above the entry (${canonical(entry)}) and the stop-loss below it.`,
    );
  }
  return ok({ takeProfit: canonical(tp.value), stopLoss: canonical(sl.value) });
}

const POWER_OF_TEN_AT_MOST_ONE = /^(1|0\.0*1)$/;

/**
 * Whether a plain decimal (`text`, its `value`) is a whole multiple of `grid`. A grid such as
 * 0.00001 needs no decimal division: text with no more decimals than the grid is on it.
 */
function onGrid(text: string, value: Dec, grid: string): boolean {
  if (POWER_OF_TEN_AT_MOST_ONE.test(grid) && decimalsOf(text) <= decimalsOf(grid)) return true;
  return value.modulo(parsed(grid)).isZero();
}

/** A positive decimal string within bounds. */
export function parsePositive(text: string, label: string): Result<Dec, OrderRefusal> {
  if (typeof text !== 'string' || !isDecimalString(text)) {
    return refuse('not-a-number', `${label} must be a plain number such as 0.25.`);
  }
  // Remembered: an order's quantity is the same few strings again and again.
  const value = parsed(text);
  if (!isAboveZero(value)) return refuse('non-positive', `${label} must be greater than zero.`);
  if (compare(value, MAX_AMOUNT) > 0) return refuse('too-large', `${label} is too large.`);
  return ok(value);
}

/** A quantity on the asset's step grid; an over-precise one is refused, never rounded. */
export function parseQuantity(text: string, asset: AssetSpec): Result<Dec, OrderRefusal> {
  const quantity = parsePositive(text, 'Quantity');
  if (!quantity.ok) return quantity;
  const step = parsed(asset.stepSize);
  if (!onGrid(text, quantity.value, asset.stepSize)) {
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

/** A price on the asset's tick grid. */
export function parsePrice(
  text: string,
  label: string,
  asset: AssetSpec,
): Result<Dec, OrderRefusal> {
  const price = parsePositive(text, label);
  if (!price.ok) return price;
  if (!onGrid(text, price.value, asset.tickSize)) {
    return refuse(
      'off-tick',
      `${label} must be a multiple of the ${asset.symbol} tick, ${asset.tickSize}.`,
    );
  }
  return ok(price.value);
}
