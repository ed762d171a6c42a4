import { describe, expect, it } from 'vitest';
import { parseCandleCsv } from '../../../src/engine/market/candle-csv.ts';
import { bridge } from '../../../src/engine/market/replay-market.ts';
import { Rng } from '../../../src/engine/rng.ts';
import { Session, replay, stateHash } from '../../../src/engine/session.ts';
import { sessionConfigSchema } from '../../../src/schema/config.ts';

const BINANCE = [
  '1617566400000,57953.86000000,58051.25000000,57826.16000000,58025.11000000,1240.20901600,1617569999999,71898230.16,40000,600.1,34800000.2,0',
  '1617570000000,58025.11000000,58184.00000000,57976.73000000,58116.69000000,987.37463200,1617573599999,57339870.21,35000,500.3,29000000.1,0',
  '1617573600000,58116.69000000,58200.00000000,57900.00000000,57950.00000000,800.00000000,1617577199999,46500000.00,30000,400.0,23200000.0,0',
].join('\n');
const YAHOO =
  'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-01,42280.23,44175.44,42214.98,44167.33,44167.33,18426978443\n2024-01-02,44187.14,45899.71,44176.95,44957.97,44957.97,39335274536\n';
const OWN =
  'time,symbol,open,high,low,close,volume\n2026-01-01T00:00:00.000Z,BTC,49973.07,50010.5,49900.01,49950,12.5\n2026-01-01T00:00:00.000Z,ETH,2987.45,2990,2980,2985,100\n2026-01-01T01:00:00.000Z,BTC,49950,49999,49800,49990.5,10\n';

describe('importing candles', () => {
  it('reads a Binance kline export', () => {
    const parsed = parseCandleCsv(BINANCE);
    expect(
      parsed.ok && [
        parsed.value.format,
        parsed.value.intervalMs,
        parsed.value.tickSize,
        parsed.value.candles[0]!.open,
      ],
    ).toEqual(['binance', 3_600_000, '0.01', '57953.86']);
  });

  it('reads a Yahoo Finance CSV', () => {
    const parsed = parseCandleCsv(YAHOO);
    expect(
      parsed.ok && [parsed.value.format, parsed.value.intervalMs, parsed.value.candles[1]!.close],
    ).toEqual(['yahoo', 86_400_000, '44957.97']);
  });

  it("reads PowerTrader's own format, one symbol at a time", () => {
    const parsed = parseCandleCsv(OWN, 'BTC');
    expect(parsed.ok && parsed.value.candles.map((c) => c.close)).toEqual(['49950', '49990.5']);
  });

  it.each([
    ['an empty file', '', /^The file is empty\.$/],
    ['an unknown layout', 'a,b,c\n1,2,3', /^Row 1: this is not a candle file/],
    [
      'a missing column',
      'time,open,high,low,close\n2026-01-01,1,2,0.5,1.5',
      /^Row 1: the column volume is missing\.$/,
    ],
    ['a comma in a number', YAHOO.replace('44175.44', '44,175'), /^Row 2: it has 8 cells where 7/],
    [
      'a bad number',
      YAHOO.replace('44175.44', '4.4e4'),
      /^Row 2, column high: "4\.4e4" is not a plain/,
    ],
    [
      'a high below the close',
      YAHOO.replace('44175.44', '44000'),
      /^Row 2, column high: 44000 is below the open or the close\.$/,
    ],
    [
      'a low above the open',
      YAHOO.replace('42214.98', '42300'),
      /^Row 2, column low: 42300 is above/,
    ],
    [
      'an unsorted file',
      `${YAHOO}2023-12-31,1,2,0.5,1.5,1.5,10\n`,
      /^Row 4, column time: earlier than the row before/,
    ],
    [
      'a duplicated time',
      `${YAHOO}2024-01-02,1,2,0.5,1.5,1.5,10\n`,
      /^Row 4, column time: the same time as the row before/,
    ],
    [
      'a bad date',
      YAHOO.replace('2024-01-02', '02/01/2024'),
      /^Row 3, column time: "02\/01\/2024"/,
    ],
    [
      'too few candles',
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-01,1,2,0.5,1.5,1.5,1\n',
      /fewer than two candles/,
    ],
  ])('refuses %s, naming the row and column', (_name, text, message) => {
    const parsed = parseCandleCsv(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe('replaying candles', () => {
  it('bridges open to close through both extremes without leaving the range', () => {
    const candle = { time: 0, open: '100', high: '110', low: '95', close: '105', volume: '1' };
    for (let seed = 0; seed < 50; seed++) {
      const path = bridge(candle, 60, Rng.fromSeed(String(seed)));
      expect(Math.min(...path)).toBe(95);
      expect(Math.max(...path)).toBe(110);
      expect(path[59]).toBe(105);
      // Up candle: the low comes before the high.
      expect(path.indexOf(95)).toBeLessThan(path.indexOf(110));
    }
  });

  it('runs as the market of a session, to the same hash on replay', async () => {
    const parsed = parseCandleCsv(BINANCE);
    if (!parsed.ok) throw new Error(parsed.message);
    const config = sessionConfigSchema.parse({
      startTime: parsed.value.candles[0]!.time,
      tickMs: 60_000,
      takerFeeRate: '0.001',
      assets: [
        {
          symbol: 'BTC',
          name: 'Bitcoin',
          tickSize: parsed.value.tickSize,
          stepSize: '0.00000001',
          minNotional: '10',
          startPrice: '57953.86',
          annualVolatility: 0.6,
        },
      ],
      replay: { intervalMs: parsed.value.intervalMs, candles: parsed.value.candles },
    });
    const session = Session.create('replay', config);
    const closes: string[] = [];
    for (let hour = 1; hour <= 3; hour++) {
      session.advanceTo(config.startTime + hour * 3_600_000);
      closes.push(session.lastPrice('BTC').toFixed(2));
    }
    expect(closes).toEqual(['58025.11', '58116.69', '57950.00']);
    const log = [{ at: config.startTime, command: { type: 'deposit', amount: '1000' } as const }];
    const again = replay('replay', config, log);
    const live = replay('replay', config, log);
    if (!again.ok || !live.ok) throw new Error('replay failed');
    again.value.advanceTo(config.startTime + 7_200_000);
    const resumed = Session.fromSnapshot(config, JSON.parse(JSON.stringify(live.value.snapshot())));
    resumed.advanceTo(config.startTime + 7_200_000);
    expect(await stateHash(resumed.snapshot())).toBe(await stateHash(again.value.snapshot()));
  });
});

describe('candle rings', () => {
  it('keep at most their capacity however long they run, oldest dropped first', async () => {
    const { CandleRing } = await import('../../../src/engine/market/candles.ts');
    const ring = new CandleRing(60_000, 10);
    for (let t = 1; t <= 1000; t++) ring.update(t * 60_000, 100 + (t % 7), 1);
    const candles = ring.toArray();
    expect(candles).toHaveLength(11);
    expect(candles[0]!.time).toBe(989 * 60_000);
    for (const c of candles)
      expect(c.low <= Math.min(c.open, c.close) && Math.max(c.open, c.close) <= c.high).toBe(true);
  });
});
