import { DEFAULT_LAB, type LabRequest } from '../../schema/lab.ts';

/** The form as typed: text fields, parsed on each change. */
export interface LabForm {
  strategy: string;
  days: string;
  seed: string;
  seeds: string;
}

/** Reads the lab's settings from a share link's hash (`#/lab?strategy=…&days=…`). */
export function formFromHash(hash: string): LabForm {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const pick = (key: keyof LabForm) => query.get(key) ?? String(DEFAULT_LAB[key]);
  return {
    strategy: pick('strategy'),
    days: pick('days'),
    seed: pick('seed'),
    seeds: pick('seeds'),
  };
}

/** The query part of a share link for these settings. */
export function labQuery(request: LabRequest): string {
  return new URLSearchParams(Object.entries(request).map(([k, v]) => [k, String(v)])).toString();
}
