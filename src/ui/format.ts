/**
 * Every number a person reads goes through here, with one set of rules: en-US grouping whatever
 * the device's locale (the same figures on every screen and in every exported file), a true minus
 * sign (−) before the currency, never a negative zero, and units in words. Display only:
 * arithmetic never happens here.
 */
const MINUS = '\u2212';

function formatter(digits: number, extra: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...extra,
  });
}
// One per number of decimals, each made on first use and kept: making one costs about a
// millisecond on a phone, and prices and quantities to 5–8 decimals are formatted many times a
// second (a new one per call was a tenth of the Trade page's first seconds of work).
const fixed: Intl.NumberFormat[] = [];

const shapes = new Map<string, Intl.NumberFormat>();

/** An en-US formatter of these options, made once (chart axes format on every redraw). */
function shaped(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let shape = shapes.get(key);
  if (!shape) shapes.set(key, (shape = new Intl.NumberFormat('en-US', options)));
  return shape;
}

/** A price on a chart axis: cents, and up to four decimals under $10 ("$0.4522", "$1.50"). */
export function axisPrice(value: number): string {
  const decimals = shaped({ minimumFractionDigits: 2, maximumFractionDigits: value < 10 ? 4 : 2 });
  return `$${decimals.format(value)}`;
}

/** A figure on a chart axis: three significant digits, whole below a thousand's precision. */
export function axisFigure(value: number): string {
  return shaped({ maximumSignificantDigits: Math.abs(value) >= 1000 ? 21 : 3 }).format(value);
}

/** The magnitude grouped with `digits` decimals, and whether the rounded value is below zero. */
function parts(value: number, digits: number): { negative: boolean; text: string } {
  const shape = (fixed[digits] ??= formatter(digits));
  const text = shape.format(Math.abs(value));
  // Rounded to nothing, a tiny loss is no loss: "0.0%", never "−0.0%".
  const negative = value < 0 && /[1-9]/.test(text);
  return { negative, text };
}

/** A number grouped, with a true minus, e.g. -1234.5 → "−1,234.50" (2 decimals by default). */
export function decimal(value: number, digits = 2): string {
  const { negative, text } = parts(value, digits);
  return `${negative ? MINUS : ''}${text}`;
}

/** US dollars with cents, e.g. "-20000" → "−$20,000.00". Accepts a decimal string or a number. */
export function money(value: string | number, digits = 2): string {
  const { negative, text } = parts(Number(value), digits);
  return `${negative ? MINUS : ''}$${text}`;
}

/** Dollars with a sign for changes: "+$1.50", "−$0.50", "$0.00". */
export function signedMoney(value: string | number, digits = 2): string {
  const { negative, text } = parts(Number(value), digits);
  if (!/[1-9]/.test(text)) return `$${text}`;
  return `${negative ? MINUS : '+'}$${text}`;
}

/** The sign of a decimal string, for colouring gains and losses. */
export function tone(text: string): 'gain' | 'loss' | 'flat' {
  if (/^-/.test(text)) return 'loss';
  return /[1-9]/.test(text) ? 'gain' : 'flat';
}

/** Simulated time as UTC date and time, e.g. "2026-11-25 14:03:07 UTC". */
export function simTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The wall-clock time now as ISO-8601 UTC, for reports. */
export function isoNow(): string {
  return new Date().toISOString();
}

/**
 * A price with all the decimals of its asset's tick (a coin at $0.4521 keeps its four; at least
 * cents), e.g. "49973.07" → "$49,973.07", "0.4521" → "$0.4521".
 */
export function price(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = text.replace(/^[-+]/, '').split('.');
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = fraction ? fraction.padEnd(2, '0') : '00';
  return `${negative && /[1-9]/.test(whole + cents) ? MINUS : ''}$${grouped}.${cents}`;
}

/** A fraction as a percentage, e.g. 0.1234 → "12.3%", -0.00004 → "0.0%". */
export function percent(fraction: number, digits = 1): string {
  return `${decimal(fraction * 100, digits)}%`;
}

/** A change as a signed percentage: 0.0123 → "+1.23%", -0.05 → "−5.00%", 0 → "0.00%". */
export function signedPercent(fraction: number, digits = 2): string {
  const text = decimal(fraction * 100, digits);
  return `${/^[1-9]|^0\.\d*[1-9]/.test(text) ? '+' : ''}${text}%`;
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A size in bytes in the largest unit that keeps it at or over 1 (1 KB = 1,024 bytes). */
export function bytes(count: number): string {
  let value = count;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${decimal(value, 0)} bytes` : `${decimal(value, 1)} ${BYTE_UNITS[unit]}`;
}

/** A size given in megabytes (as the monitor measures), e.g. 10241.6 → "10.0 GB". */
export function megabytes(mb: number): string {
  return bytes(mb * 1024 * 1024);
}

/** A duration in simulated time, e.g. "3 d 4 h" or "12 min". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
