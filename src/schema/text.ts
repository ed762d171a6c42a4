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
 * Characters that change the direction of the text around them (bidi embeddings, overrides,
 * isolates and marks) or take no space at all: shown as text they are invisible, and they can
 * make one name look like another ("Ada" + U+202E + "evil" reads backwards).
 */
const DISGUISING = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** The first disguising character of a text as "U+202E", or undefined. */
export function disguisingCharacter(text: string): string | undefined {
  const found = DISGUISING.exec(text)?.[0];
  return found && `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A name or note from a person or a file. It is always shown as text, but other tools (a
 * teacher's spreadsheet, a web page) read these files too: no < >, no control characters, and
 * nothing invisible or direction-changing that could disguise it.
 */
export function plainLabel(max: number, what = 'A name') {
  return z.string().check(
    z.trim(),
    z.minLength(1, `${what} may not be empty.`),
    z.maxLength(max, `Use at most ${max} characters.`),
    z.refine(isPlain, `${what} may not contain < > or control characters.`),
    z.superRefine((text, ctx) => {
      const character = disguisingCharacter(text);
      if (character)
        ctx.addIssue({
          code: 'custom',
          input: text,
          message: `${what} may not contain invisible or direction-changing characters (it has ${character}), which can disguise it.`,
        });
    }),
  );
}

/** The name, or the name with the first free number after it: "Demo, seed 42 (2)". */
export function firstFreeName(takenNames: Iterable<unknown>, name: string): string {
  const taken = new Set(takenNames);
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  return candidate;
}
