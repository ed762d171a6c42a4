import { defaultConfig } from '../../engine/config.ts';
import type { MarketModel } from '../../engine/market/market.ts';
import type { TimedCommand } from '../../engine/commands.ts';
import { replay, stateHash } from '../../engine/session.ts';

/** A fixed simulated start, so the known answer never depends on the wall clock. */
export const KNOWN_START = Date.UTC(2026, 0, 1);
export const KNOWN_CONFIG = defaultConfig(KNOWN_START);

const HOUR = 3_600_000;
const order = (clientOrderId: string, fields: Omit<PlaceOrder, 'type' | 'clientOrderId'>) =>
  ({ type: 'place-order', clientOrderId, ...fields }) as const;
type PlaceOrder = Extract<TimedCommand['command'], { type: 'place-order' }>;

/**
 * A session run for a simulated day that uses every order type, a bracket, an amend, a cancel
 * and a crash that triggers the stops: its hash every device must reproduce.
 */
export const KNOWN_LOG: TimedCommand[] = [
  { at: KNOWN_START, command: { type: 'deposit', amount: '50000' } },
  { at: KNOWN_START + HOUR, command: { type: 'market-buy', symbol: 'BTC', quantity: '0.3' } },
  { at: KNOWN_START + 2 * HOUR, command: { type: 'market-sell', symbol: 'BTC', quantity: '0.1' } },
  {
    at: KNOWN_START + 2 * HOUR,
    command: order('eth-dip', {
      symbol: 'ETH',
      side: 'buy',
      orderType: 'limit',
      quantity: '1',
      limitPrice: '2800',
    }),
  },
  {
    at: KNOWN_START + 3 * HOUR,
    command: order('btc-stop', {
      symbol: 'BTC',
      side: 'sell',
      orderType: 'stop',
      quantity: '0.1',
      triggerPrice: '45000',
    }),
  },
  {
    at: KNOWN_START + 3 * HOUR,
    command: order('btc-trail', {
      symbol: 'BTC',
      side: 'sell',
      orderType: 'trailing-stop',
      quantity: '0.05',
      trail: { by: 'percent', value: '4' },
    }),
  },
  {
    at: KNOWN_START + 4 * HOUR,
    command: order('sol-bracket', {
      symbol: 'SOL',
      side: 'buy',
      orderType: 'market',
      quantity: '10',
      bracket: { takeProfit: '170', stopLoss: '135' },
    }),
  },
  {
    at: KNOWN_START + 5 * HOUR,
    command: { type: 'amend-order', orderId: 'eth-dip', price: '2850' },
  },
  {
    at: KNOWN_START + 6 * HOUR,
    command: { type: 'scenario', event: { type: 'flash-crash', drop: 0.12 } },
  },
  {
    at: KNOWN_START + 12 * HOUR,
    command: { type: 'market-buy', symbol: 'BTC', quantity: '0.05' },
  },
  { at: KNOWN_START + 13 * HOUR, command: { type: 'cancel-all' } },
  {
    at: KNOWN_START + 24 * HOUR,
    command: { type: 'market-sell', symbol: 'BTC', quantity: '0.05' },
  },
];

/**
 * The hash those commands give with seed "golden", on each market model: 2 for sessions made now,
 * 1 for every session and file made before it. If one changes, every stored and shared session
 * of that model replays differently: that needs a new model and a new session file version,
 * never a new hash.
 */
export const KNOWN_HASHES: Readonly<Record<MarketModel, string>> = {
  1: 'f0d762b6216286a638a49b67d86f1d0b9f0a33d34ae79450e97d4b3e9982c2fd',
  2: 'f00c9aa4a8b6fe7bdc87bd1f8be7ce4168b45b4958f4cfef5180a7a33b84acc5',
};
export const KNOWN_HASH = KNOWN_HASHES[2];

/** Replays the known session on a market model (the current one by default) and returns its hash. */
export async function knownSessionHash(model: MarketModel = 2): Promise<string> {
  const { marketModel: _current, ...model1 } = KNOWN_CONFIG;
  const result = replay('golden', model === 1 ? model1 : KNOWN_CONFIG, KNOWN_LOG);
  if (!result.ok) throw new Error(result.message);
  return stateHash(result.value.snapshot());
}
