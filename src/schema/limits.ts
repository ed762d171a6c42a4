/** Limits on a file from outside: anything larger is refused before it is parsed. */
export const FILE_LIMITS = {
  bytes: 20 * 1024 * 1024,
  commands: 200_000,
  depth: 12,
} as const;
