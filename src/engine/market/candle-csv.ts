import { ok, refuse, type Result } from '../result.ts';

/** One imported candle: open time (ms, UTC) and prices as the file wrote them. */
export interface ImportedCandle {
  readonly time: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
}

export interface ImportedSeries {
  readonly format: 'binance' | 'yahoo' | 'powertrader';
  readonly candles: readonly ImportedCandle[];
  /** The spacing of the candles, from the first two. */
  readonly intervalMs: number;
  /** The finest price step the file uses, e.g. "0.01". */
  readonly tickSize: string;
}

const MAX_ROWS = 100_000;
const DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;

type Bad = Result<never, 'bad-csv'>;
const bad = (message: string): Bad => refuse('bad-csv', message);

/**
 * Parses exchange candles: a Binance kline export (no header, open time in ms or µs), a Yahoo
 * Finance CSV (Date,Open,High,Low,Close,Adj Close,Volume), or PowerTrader's own
 * time,symbol,open,high,low,close,volume (one symbol) and time,open,high,low,close,volume.
 * All or nothing: the first bad row is named, with its column and what is wrong.
 */
export function parseCandleCsv(text: string, symbol?: string): Result<ImportedSeries, 'bad-csv'> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return bad('The file is empty.');
  if (lines.length > MAX_ROWS + 1) return bad(`The file has more than ${MAX_ROWS} rows.`);
  const header = lines[0]!
    .toLowerCase()
    .split(',')
    .map((h) => h.trim());
  let format: ImportedSeries['format'];
  let columns: {
    time: number;
    open: number;
    high: number;
    low: number;
    close: number;
    volume: number;
    symbol?: number;
  };
  let first = 1;
  if (header[0] === 'date' && header.includes('adj close')) {
    format = 'yahoo';
    columns = {
      time: 0,
      open: header.indexOf('open'),
      high: header.indexOf('high'),
      low: header.indexOf('low'),
      close: header.indexOf('close'),
      volume: header.indexOf('volume'),
    };
  } else if (header[0] === 'time') {
    const missing = ['open', 'high', 'low', 'close', 'volume'].filter((c) => !header.includes(c));
    if (missing.length) return bad(`Row 1: the column ${missing.join(', ')} is missing.`);
    format = 'powertrader';
    const at = (c: string) => header.indexOf(c);
    columns = {
      time: 0,
      open: at('open'),
      high: at('high'),
      low: at('low'),
      close: at('close'),
      volume: at('volume'),
      ...(at('symbol') >= 0 ? { symbol: at('symbol') } : {}),
    };
  } else if (/^\d{12,16}$/.test(header[0] ?? '') && header.length >= 6) {
    format = 'binance';
    columns = { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 };
    first = 0;
  } else if (header[0] === 'open_time' || header[0] === 'open time') {
    format = 'binance';
    columns = { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 };
  } else {
    return bad(
      'Row 1: this is not a candle file PowerTrader knows (Binance klines, Yahoo Finance, or time,open,high,low,close,volume).',
    );
  }
  if (Object.values(columns).some((c) => c < 0))
    return bad('Row 1: a column is missing; the file needs open, high, low, close and volume.');
  const names = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;
  const candles: ImportedCandle[] = [];
  for (let r = first; r < lines.length; r++) {
    const row = r + 1;
    const cells = lines[r]!.split(',').map((c) => c.trim());
    const expected = first === 0 ? Math.max(6, cells.length) : header.length;
    if (cells.length !== expected || cells.length < 6) {
      return bad(
        `Row ${row}: it has ${cells.length} cells where ${expected} were expected (a comma inside a number?).`,
      );
    }
    if (columns.symbol !== undefined && symbol !== undefined && cells[columns.symbol] !== symbol)
      continue;
    const cell = (name: (typeof names)[number]) => cells[columns[name]] ?? '';
    const time = parseTime(cell('time'), format);
    if (time === undefined)
      return bad(
        `Row ${row}, column time: "${cell('time')}" is not a date or time this format uses.`,
      );
    const values: Record<string, string> = {};
    for (const name of names.slice(1)) {
      const raw = cell(name);
      const value = normalize(raw);
      if (value === undefined)
        return bad(`Row ${row}, column ${name}: "${raw}" is not a plain number.`);
      values[name] = value;
    }
    const [o, h, l, c] = [values.open, values.high, values.low, values.close].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (!(l > 0)) return bad(`Row ${row}, column low: prices must be above zero.`);
    if (h < Math.max(o, c))
      return bad(`Row ${row}, column high: ${values.high} is below the open or the close.`);
    if (l > Math.min(o, c))
      return bad(`Row ${row}, column low: ${values.low} is above the open or the close.`);
    const previous = candles.at(-1);
    if (previous && time === previous.time)
      return bad(`Row ${row}, column time: the same time as the row before (duplicated).`);
    if (previous && time < previous.time)
      return bad(
        `Row ${row}, column time: earlier than the row before (the file must be sorted by time).`,
      );
    candles.push({
      time,
      open: values.open!,
      high: values.high!,
      low: values.low!,
      close: values.close!,
      volume: values.volume!,
    });
  }
  if (candles.length < 2)
    return bad(
      symbol
        ? `The file has fewer than two candles for ${symbol}.`
        : 'The file has fewer than two candles.',
    );
  const intervalMs = candles[1]!.time - candles[0]!.time;
  const decimals = Math.max(
    ...candles
      .flatMap((c) => [c.open, c.high, c.low, c.close])
      .map((p) => p.split('.')[1]?.length ?? 0),
  );
  const tickSize = decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
  return ok({ format, candles, intervalMs, tickSize });
}

/** A number cell as a canonical decimal string (trailing zeros dropped), or undefined. */
function normalize(raw: string): string | undefined {
  if (!DECIMAL.test(raw) || raw.length > 30) return undefined;
  if (!raw.includes('.')) return raw;
  const trimmed = raw.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '' ? '0' : trimmed;
}

function parseTime(raw: string, format: ImportedSeries['format']): number | undefined {
  if (format === 'binance') {
    if (!/^\d{12,16}$/.test(raw)) return undefined;
    const n = Number(raw);
    // Newer Binance exports give microseconds.
    return raw.length >= 15 ? Math.floor(n / 1000) : n;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return Date.parse(`${raw}T00:00:00Z`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(raw)) return Date.parse(raw);
  return undefined;
}
