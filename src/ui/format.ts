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
