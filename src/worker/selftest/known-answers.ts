import { defaultConfig } from '../../engine/config.ts';
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
 * The hash those commands give with seed "golden". If it changes, every stored and shared session
 * replays differently: that needs a new session format version and a migration, not a new hash.
 */
export const KNOWN_HASH = 'f0d762b6216286a638a49b67d86f1d0b9f0a33d34ae79450e97d4b3e9982c2fd';

/** Replays the known session and returns its hash. */
export async function knownSessionHash(): Promise<string> {
  const result = replay('golden', KNOWN_CONFIG, KNOWN_LOG);
  if (!result.ok) throw new Error(result.message);
  return stateHash(result.value.snapshot());
}
