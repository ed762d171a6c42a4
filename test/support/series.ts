import { sha256Hex } from '../../src/engine/canonical-json.ts';
import { simulateCandles } from '../../src/engine/market/simulate.ts';
import { DEFAULT_ASSETS } from '../../src/engine/market/universe.ts';

/** A month of hourly closes of the whole universe: node and Chromium must hash it alike. */
export async function seriesHash(): Promise<string> {
  const run = {
    seed: 'determinism',
    assets: DEFAULT_ASSETS,
    tickMs: 60_000,
    intervalMs: 3_600_000,
    startTime: Date.UTC(2026, 0, 1),
    days: 30,
  };
  const closes = [...simulateCandles(run)].flatMap((candles) => candles.map((c) => c.close));
  return sha256Hex(JSON.stringify(closes));
}

/** Changes only when the market model changes, and then on purpose. */
export const SERIES_HASH = '9be9df34433d3c5335cc01a984d8cc028b884efae6b870deb37bdc5ac42a40f7';
