/** Display-only formatting of canonical decimal strings; arithmetic never happens here. */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const signedUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  signDisplay: 'exceptZero',
});

export function money(text: string): string {
  return usd.format(Number(text));
}

export function signedMoney(text: string): string {
  return signedUsd.format(Number(text));
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

/** A price with all its decimals (a coin at $0.4521 keeps its four), e.g. "$49,973.07". */
export function price(text: string): string {
  const [whole = '0', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${grouped}${fraction ? `.${fraction.padEnd(2, '0')}` : '.00'}`;
}

/** A fraction as a percentage with one decimal, e.g. 0.1234 → "12.3%". */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** A duration in simulated time, e.g. "3 d 4 h" or "12 min". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
