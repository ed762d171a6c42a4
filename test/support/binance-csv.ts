/** The first candle of every generated export: 2024-01-01 00:00 UTC. */
export const BINANCE_START = Date.UTC(2024, 0, 1);

/**
 * A Binance kline export without a header, as the exchange writes it: one-minute candles,
 * twelve cells a row, open time in milliseconds. Prices wander between 99.50 and 101.
 */
export function binanceRows(count: number): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const time = BINANCE_START + i * 60_000;
    const open = 100 + (i % 50) / 100;
    const close = 100 + ((i + 7) % 50) / 100;
    rows.push(
      `${time},${open.toFixed(8)},${(Math.max(open, close) + 0.5).toFixed(8)},${(Math.min(open, close) - 0.5).toFixed(8)},${close.toFixed(8)},12.5,${time + 59_999},1250.5,40,6.1,610.2,0`,
    );
  }
  return `${rows.join('\n')}\n`;
}
