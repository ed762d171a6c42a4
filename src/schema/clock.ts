import * as z from 'zod/mini';

/** Speeds the clock offers: simulated seconds per wall second, or as fast as the worker can go. */
export const SPEEDS = [1, 10, 60, 600, 'max'] as const;
export const speedSchema = z.union([z.literal([1, 10, 60, 600]), z.literal('max')]);
export type Speed = z.infer<typeof speedSchema>;

/** Whether a session's clock runs, and how fast: restored when the session opens again. */
export const clockSettingsSchema = z.strictObject({ running: z.boolean(), speed: speedSchema });
export type ClockSettings = z.infer<typeof clockSettingsSchema>;
