import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Canonical JSON: object keys sorted, no whitespace, only finite numbers. Two equal states give
 * byte-identical text, so their hashes match on every device.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot encode ${value} canonically`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`Cannot encode a ${typeof value} canonically`);
}

/** A deep copy with every object's keys in sorted order, for stable pretty-printed JSON. */
export function withSortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withSortedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) sorted[key] = withSortedKeys(item);
  }
  return sorted as T;
}

/**
 * SHA-256 of a text (UTF-8) as lowercase hex. It uses the audited @noble/hashes rather than Web
 * Crypto, which browsers withhold on plain http at a network address (a classroom laptop): the
 * same digest, synchronously, in every engine, in node and on any page. Async for its callers.
 */
export async function sha256Hex(text: string): Promise<string> {
  return sha256HexSync(text);
}

/** The same SHA-256, for callers that cannot wait. */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
