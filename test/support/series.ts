import { sha256Hex } from '../../src/engine/canonical-json.ts';
import type { MarketModel } from '../../src/engine/market/market.ts';
import { simulateCandles } from '../../src/engine/market/simulate.ts';
import { DEFAULT_ASSETS } from '../../src/engine/market/universe.ts';

/** A month of hourly closes of the whole universe: node and every browser must hash it alike. */
export async function seriesHash(model: MarketModel): Promise<string> {
  const run = {
    seed: 'determinism',
    assets: DEFAULT_ASSETS,
    tickMs: 60_000,
    intervalMs: 3_600_000,
    startTime: Date.UTC(2026, 0, 1),
    days: 30,
    model,
  };
  const closes = [...simulateCandles(run)].flatMap((candles) => candles.map((c) => c.close));
  return sha256Hex(JSON.stringify(closes));
}

/** Never change: a new generator is a new market model, with a hash of its own. */
export const SERIES_HASHES: Readonly<Record<MarketModel, string>> = {
  1: '9be9df34433d3c5335cc01a984d8cc028b884efae6b870deb37bdc5ac42a40f7',
  2: '34d18f5d21401edac0094b80921dd0dd60c9b58c6dc2af2f18aa093618c47c64',
};
