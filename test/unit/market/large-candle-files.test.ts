import { describe, expect, it } from 'vitest';
import { MAX_CANDLE_ROWS, parseCandleCsv } from '../../../src/engine/market/candle-csv.ts';
import { binanceRows } from '../../support/binance-csv.ts';

const HEADER =
  'open_time,open,high,low,close,volume,close_time,quote_volume,trades,taker_base,taker_quote,ignore';

describe('a large candle file', () => {
  it('parses 100,000 headerless Binance rows without overflowing the stack', () => {
    const text = binanceRows(MAX_CANDLE_ROWS);
    const started = performance.now();
    const parsed = parseCandleCsv(text);
    const elapsed = performance.now() - started;
    // Reported, never asserted (DESIGN.md §6: a test does not assert a wall-clock time).
    console.info(`parseCandleCsv: ${MAX_CANDLE_ROWS} headerless rows in ${elapsed.toFixed(0)} ms`);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.candles).toHaveLength(MAX_CANDLE_ROWS);
    expect(parsed.value.format).toBe('binance');
    expect(parsed.value.intervalMs).toBe(60_000);
    expect(parsed.value.tickSize).toBe('0.01');
  });

  it('accepts 99,999 headerless rows', () => {
    const parsed = parseCandleCsv(binanceRows(MAX_CANDLE_ROWS - 1));
    expect(parsed.ok && parsed.value.candles.length).toBe(MAX_CANDLE_ROWS - 1);
  });

  it('refuses 100,001 headerless rows, stating the limit', () => {
    const parsed = parseCandleCsv(binanceRows(MAX_CANDLE_ROWS + 1));
    expect(parsed).toMatchObject({ ok: false, code: 'bad-csv' });
    expect(!parsed.ok && parsed.message).toMatch(
      /^The file has more than 100,000 rows of candles; at most 100,000 can be imported\./,
    );
  });

  it('counts data rows, not the header: 100,000 under a header pass, 100,001 do not', () => {
    const at = parseCandleCsv(`${HEADER}\n${binanceRows(MAX_CANDLE_ROWS)}`);
    expect(at.ok && at.value.candles.length).toBe(MAX_CANDLE_ROWS);
    const over = parseCandleCsv(`${HEADER}\n${binanceRows(MAX_CANDLE_ROWS + 1)}`);
    expect(!over.ok && over.message).toMatch(/at most 100,000 can be imported/);
  });
});

describe('Yahoo rows with no prices', () => {
  const header = 'Date,Open,High,Low,Close,Adj Close,Volume';
  const day = (d: number, price: number) =>
    `2024-01-${String(d).padStart(2, '0')},${price},${price + 2},${price - 1},${price + 1},${price + 1},1000`;
  const gap = (d: number) => `2024-01-${String(d).padStart(2, '0')},null,null,null,null,null,null`;

  it('are replayed as gaps where the price holds, and the preview says how many', () => {
    const text = [header, day(1, 100), gap(2), gap(3), day(4, 103), gap(5), day(6, 104)].join('\n');
    const parsed = parseCandleCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.gaps).toBe(3);
    expect(parsed.value.notes).toEqual([
      '3 rows with no prices (Yahoo null) were skipped as gaps; the price holds at the last close through them.',
    ]);
    expect(parsed.value.candles.map((c) => [c.time, c.open, c.close, c.volume])).toEqual([
      [Date.UTC(2024, 0, 1), '100', '101', '1000'],
      [Date.UTC(2024, 0, 2), '101', '101', '0'],
      [Date.UTC(2024, 0, 3), '101', '101', '0'],
      [Date.UTC(2024, 0, 4), '103', '104', '1000'],
      [Date.UTC(2024, 0, 5), '104', '104', '0'],
      [Date.UTC(2024, 0, 6), '104', '105', '1000'],
    ]);
    expect(parsed.value.intervalMs).toBe(86_400_000);
  });

  it('at the start or the end are left out, since there is no price to hold', () => {
    const text = [header, gap(1), day(2, 100), day(3, 101), gap(4)].join('\n');
    const parsed = parseCandleCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.candles.map((c) => c.time)).toEqual([
      Date.UTC(2024, 0, 2),
      Date.UTC(2024, 0, 3),
    ]);
    expect(parsed.value.notes[0]).toMatch(/^2 rows with no prices \(Yahoo null\) were skipped/);
  });

  it('one of them says so in the singular', () => {
    const parsed = parseCandleCsv([header, day(1, 100), gap(2), day(3, 101)].join('\n'));
    expect(parsed.ok && parsed.value.notes[0]).toMatch(/^1 row with no prices \(Yahoo null\) was/);
  });

  it('a row with only some prices null is still refused, naming the column', () => {
    const parsed = parseCandleCsv(
      [header, day(1, 100), '2024-01-02,100,null,99,101,101,5', day(3, 101)].join('\n'),
    );
    expect(!parsed.ok && parsed.message).toBe('Row 3, column high: "null" is not a plain number.');
  });
});

describe('a number with too many digits', () => {
  it('is refused as too many digits, not as "not a plain number"', () => {
    const long = '1234567890123456789012345678901';
    const text = `Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-01,1,2,0.5,1.5,1.5,${long}\n2024-01-02,1,2,0.5,1.5,1.5,1\n`;
    const parsed = parseCandleCsv(text);
    expect(!parsed.ok && parsed.message).toBe(
      `Row 2, column volume: "${long}" has too many digits: at most 20.`,
    );
  });
});
