/** An expected refusal: a code a program can switch on and a message a person can act on. */
export interface Refusal<Code extends string = string> {
  readonly ok: false;
  readonly code: Code;
  readonly message: string;
}

/** The outcome of anything that may be refused; it crosses the worker boundary unchanged. */
export type Result<T, Code extends string = string> =
  { readonly ok: true; readonly value: T } | Refusal<Code>;

/** Wraps a value as a success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Builds a refusal. */
export function refuse<Code extends string>(code: Code, message: string): Refusal<Code> {
  return { ok: false, code, message };
}

/** Marks the end of a closed switch: the compiler proves it unreachable. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
