import * as z from 'zod/mini';

/** Speeds the clock offers: simulated seconds per wall second. */
export const SPEEDS = [1, 10, 60, 600] as const;
export const speedSchema = z.literal(SPEEDS);
export type Speed = z.infer<typeof speedSchema>;

/** Whether a session's clock runs, and how fast: restored when the session opens again. */
export const clockSettingsSchema = z.strictObject({ running: z.boolean(), speed: speedSchema });
export type ClockSettings = z.infer<typeof clockSettingsSchema>;
