import * as z from 'zod/mini';
import { importPreviewSchema, resultSchema } from '../schema/messages.ts';
import type { SessionClient } from '../worker/client.ts';

const previewResult = resultSchema(importPreviewSchema);
const keptResult = resultSchema(z.strictObject({ sessionId: z.string() }));

/** Kept, or why not, in words a person can act on. */
export type KeepOutcome =
  | { readonly ok: true; readonly sessionId: string; readonly name: string }
  | { readonly ok: false; readonly message: string };

/**
 * Stores a session file through the Sessions page's import: the worker replays it, then keeps
 * it in one transaction (a modified file only as a labelled copy). Nothing else writes here.
 */
export async function keepSessionFile(client: SessionClient, text: string): Promise<KeepOutcome> {
  const previewed = previewResult.parse(await client.previewImport(text));
  if (!previewed.ok) return { ok: false, message: previewed.message };
  const kept = keptResult.parse(await client.commitImport(previewed.value.token));
  if (!kept.ok) return { ok: false, message: kept.message };
  return { ok: true, sessionId: kept.value.sessionId, name: previewed.value.name };
}
