/**
 * Typed form values kept for this tab (sessionStorage), so a reload, such as accepting a new
 * version, gives back what was typed. Only plain text and switches; nothing is sent anywhere.
 */
export type Draft = Record<string, string | boolean>;

const PREFIX = 'powertrader:draft:';

export function loadDraft(key: string): Draft {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([, v]) => typeof v === 'string' || typeof v === 'boolean'),
    ) as Draft;
  } catch {
    // No storage here (a private window), or a damaged draft: start from the defaults.
    return {};
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // A full or missing storage only loses the convenience, never an order.
  }
}

/** Copies the draft's values onto the fields of a form object that has them, with their type. */
export function applyDraft<T extends object>(form: T, draft: Draft, fields: readonly (keyof T)[]) {
  for (const field of fields) {
    const value = draft[field as string];
    if (value !== undefined && typeof value === typeof form[field])
      (form as Record<keyof T, unknown>)[field] = value;
  }
}
