import { ok, refuse, type Result } from '../result.ts';
import { MAX_CANDLE_ROWS } from './candle-limits.ts';

export { MAX_CANDLE_ROWS };

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
  /** Yahoo rows with no prices ("null"), replayed as gaps where the price holds. */
  readonly gaps: number;
  /** What the import did that a person should know of, in sentences for the preview. */
  readonly notes: readonly string[];
}

/** The most digits a price or volume may have; more is not a real exchange figure. */
export const MAX_CANDLE_DIGITS = 20;
/** Longer cells are refused before any pattern is tried on them. */
const MAX_CELL_LENGTH = 64;
const DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;
const NAMES = ['open', 'high', 'low', 'close', 'volume'] as const;

type Bad = Result<never, 'bad-csv'>;
const bad = (message: string): Bad => refuse('bad-csv', message);

interface Columns {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly symbol?: number;
}

/**
 * Parses exchange candles: a Binance kline export (no header, open time in ms or µs), a Yahoo
 * Finance CSV (Date,Open,High,Low,Close,Adj Close,Volume), or PowerTrader's own
 * time,symbol,open,high,low,close,volume (one symbol) and time,open,high,low,close,volume.
 * All or nothing: the first bad row is named, with its column and what is wrong. One pass over
 * the text, line by line: the work and memory grow with the rows, never with their square.
 */
export function parseCandleCsv(text: string, symbol?: string): Result<ImportedSeries, 'bad-csv'> {
  const lines = new LineReader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const firstLine = lines.next();
  if (firstLine === undefined) return bad('The file is empty.');
  const header = firstLine.toLowerCase().split(',');
  for (let i = 0; i < header.length; i++) header[i] = header[i]!.trim();
  const layout = layoutOf(header);
  if (!layout.ok) return layout;
  const { format, columns, headed } = layout.value;
  const candles: ImportedCandle[] = [];
  let decimals = 0;
  let gaps = 0;
  // Gap rows wait here until a priced row follows: leading and trailing gaps are dropped.
  let pendingGaps: number[] = [];
  let lastTime = -Infinity;
  let dataRows = 0;
  for (let line = headed ? lines.next() : firstLine; line !== undefined; line = lines.next()) {
    const row = lines.count;
    if (++dataRows > MAX_CANDLE_ROWS)
      return bad(
        `The file has more than ${MAX_CANDLE_ROWS.toLocaleString('en-US')} rows of candles; at most ${MAX_CANDLE_ROWS.toLocaleString('en-US')} can be imported. Export a shorter period.`,
      );
    const cells = line.split(',');
    const expected = headed ? header.length : Math.max(6, cells.length);
    if (cells.length !== expected || cells.length < 6) {
      return bad(
        `Row ${row}: it has ${cells.length} cells where ${expected} were expected (a comma inside a number?).`,
      );
    }
    if (columns.symbol !== undefined && symbol !== undefined) {
      if (cells[columns.symbol]!.trim() !== symbol) continue;
    }
    const timeCell = cells[columns.time]!.trim();
    const time = parseTime(timeCell, format);
    if (time === undefined)
      return bad(`Row ${row}, column time: "${timeCell}" is not a date or time this format uses.`);
    if (time === lastTime)
      return bad(`Row ${row}, column time: the same time as the row before (duplicated).`);
    if (time < lastTime)
      return bad(
        `Row ${row}, column time: earlier than the row before (the file must be sorted by time).`,
      );
    lastTime = time;
    if (format === 'yahoo' && isNullRow(cells, columns)) {
      gaps++;
      pendingGaps.push(time);
      continue;
    }
    const values: string[] = [];
    for (const name of NAMES) {
      const raw = cells[columns[name]]!.trim();
      const value = normalize(raw);
      if (typeof value !== 'string') return bad(`Row ${row}, column ${name}: ${value.problem}`);
      values.push(value);
    }
    const [open, high, low, close, volume] = values as [string, string, string, string, string];
    const [o, h, l, c] = [Number(open), Number(high), Number(low), Number(close)];
    if (!(l > 0)) return bad(`Row ${row}, column low: prices must be above zero.`);
    if (h < o || h < c)
      return bad(`Row ${row}, column high: ${high} is below the open or the close.`);
    if (l > o || l > c)
      return bad(`Row ${row}, column low: ${low} is above the open or the close.`);
    const previous = candles[candles.length - 1];
    if (previous) {
      // A gap holds the last close: flat, with no volume, so the replay keeps the file's dates.
      const p = previous.close;
      for (const t of pendingGaps)
        candles.push({ time: t, open: p, high: p, low: p, close: p, volume: '0' });
    }
    pendingGaps = [];
    for (let i = 0; i < 4; i++) decimals = Math.max(decimals, decimalsOf(values[i]!));
    candles.push({ time, open, high, low, close, volume });
  }
  if (candles.length < 2)
    return bad(
      symbol
        ? `The file has fewer than two candles for ${symbol}.`
        : 'The file has fewer than two candles.',
    );
  const intervalMs = candles[1]!.time - candles[0]!.time;
  const tickSize = decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
  const notes =
    gaps === 0
      ? []
      : [
          `${gaps === 1 ? '1 row' : `${gaps.toLocaleString('en-US')} rows`} with no prices (Yahoo null) ${gaps === 1 ? 'was' : 'were'} skipped as gaps; the price holds at the last close through them.`,
        ];
  return ok({ format, candles, intervalMs, tickSize, gaps, notes });
}

/** Which format the first line says, where its columns are, and whether it is a header. */
function layoutOf(
  header: readonly string[],
): Result<{ format: ImportedSeries['format']; columns: Columns; headed: boolean }, 'bad-csv'> {
  const at = (c: string) => header.indexOf(c);
  let format: ImportedSeries['format'];
  let columns: Columns;
  let headed = true;
  if (header[0] === 'date' && header.includes('adj close')) {
    format = 'yahoo';
    columns = {
      time: 0,
      open: at('open'),
      high: at('high'),
      low: at('low'),
      close: at('close'),
      volume: at('volume'),
    };
  } else if (header[0] === 'time') {
    const missing = ['open', 'high', 'low', 'close', 'volume'].filter((c) => !header.includes(c));
    if (missing.length) return bad(`Row 1: the column ${missing.join(', ')} is missing.`);
    format = 'powertrader';
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
    headed = false;
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
  return ok({ format, columns, headed });
}

/** Hands out the non-blank lines of a text one at a time, without splitting the whole text. */
class LineReader {
  private position = 0;
  /** Non-blank lines handed out so far: the row number of the last one. */
  count = 0;

  constructor(private readonly text: string) {}

  next(): string | undefined {
    const text = this.text;
    while (this.position < text.length) {
      let end = text.indexOf('\n', this.position);
      if (end < 0) end = text.length;
      let line = text.slice(this.position, end);
      this.position = end + 1;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line.trim() === '') continue;
      this.count++;
      return line;
    }
    return undefined;
  }
}

/** True for a Yahoo row whose prices are all "null" (a day Yahoo has no quote for). */
function isNullRow(cells: readonly string[], columns: Columns): boolean {
  return (['open', 'high', 'low', 'close'] as const).every(
    (name) => cells[columns[name]]!.trim().toLowerCase() === 'null',
  );
}

/** A number cell as a canonical decimal string (trailing zeros dropped), or what is wrong. */
function normalize(raw: string): string | { problem: string } {
  if (raw.length > MAX_CELL_LENGTH)
    return {
      problem: `the number is ${raw.length} characters long; at most ${MAX_CANDLE_DIGITS} digits are allowed.`,
    };
  if (!DECIMAL.test(raw)) return { problem: `"${raw}" is not a plain number.` };
  const trimmed = raw.includes('.') ? raw.replace(/0+$/, '').replace(/\.$/, '') : raw;
  const digits = trimmed.length - (trimmed.includes('.') ? 1 : 0);
  if (digits > MAX_CANDLE_DIGITS)
    return { problem: `"${raw}" has too many digits: at most ${MAX_CANDLE_DIGITS}.` };
  return trimmed === '' ? '0' : trimmed;
}

function decimalsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
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
