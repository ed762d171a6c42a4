import * as z from 'zod/mini';

/** True when a text has no markup brackets and no control characters. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code === 127 || code === 60 || code === 62) return false;
  }
  return true;
}

/**
 * A name or note from a person or a file. It is always shown as text, but other tools (a
 * teacher's spreadsheet, a web page) read these files too: no < >, no control characters.
 */
export function plainLabel(max: number, what = 'A name') {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `${what} may not be empty.`),
      z.maxLength(max, `Use at most ${max} characters.`),
      z.refine(isPlain, `${what} may not contain < > or control characters.`),
    );
}
