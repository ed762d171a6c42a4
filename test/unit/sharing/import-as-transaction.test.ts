import { describe, expect, it } from 'vitest';
import type { TimedCommand } from '../../../src/engine/commands.ts';
import { serializeSessionFile, type SessionFile } from '../../../src/engine/session-file.ts';
import { REPLAY_LIMITS, parseSessionFile } from '../../../src/schema/session-file.ts';
import { prepareImport } from '../../../src/worker/session-files.ts';
import { resumeSession } from '../../../src/worker/resume-session.ts';
import { VALID } from '../../fixtures/hostile/generate.ts';
import { GOLDEN_HASH } from '../../support/golden.ts';

const HOUR = 3_600_000;
const commands = VALID.commands;
/** The golden file with its bracket order (command 7, "sol-bracket") placed a second time. */
const repeated: TimedCommand = { at: commands[6]!.at + HOUR, command: commands[6]!.command };
const withRepeat: SessionFile = {
  ...VALID,
  commands: [...commands.slice(0, 7), repeated, ...commands.slice(7)],
};

async function previewOf(file: SessionFile) {
  const parsed = parseSessionFile(serializeSessionFile(file, false));
  if (!parsed.ok) return parsed;
  return prepareImport(parsed.value);
}

describe('importing a session file', () => {
  it('refuses a repeated client order id at preview, naming the command and the id', async () => {
    expect(commands[6]!.command).toMatchObject({ clientOrderId: 'sol-bracket' });
    const previewed = await previewOf(withRepeat);
    expect(previewed).toMatchObject({ ok: false, code: 'invalid-log' });
    expect(!previewed.ok && previewed.message).toBe(
      'Command 8 (place-order) repeats the order id sol-bracket of an order placed before it. A live session never logs a resubmitted order, so this log was changed.',
    );
  });

  it('refuses it whatever hash the file carries', async () => {
    const previewed = await previewOf({ ...withRepeat, stateHash: '0'.repeat(64) });
    expect(previewed).toMatchObject({ ok: false, code: 'invalid-log' });
  });

  it('refuses a command stamped before its predecessor, naming both', () => {
    const swapped = [...commands];
    swapped[3] = { ...swapped[3]!, at: swapped[2]!.at - 1 };
    const parsed = parseSessionFile(serializeSessionFile({ ...VALID, commands: swapped }, false));
    expect(!parsed.ok && `${parsed.code}: ${parsed.message}`).toBe(
      'invalid: The file is damaged: commands.3.at: command 4 is stamped before command 3, the one it follows; commands must be in time order.',
    );
  });

  it('refuses a creation date before 1970 at preview with a message, not at Keep', () => {
    const parsed = parseSessionFile(
      serializeSessionFile(
        { ...VALID, meta: { ...VALID.meta, createdAt: '1969-12-31T23:59:59.000Z' } },
        false,
      ),
    );
    expect(!parsed.ok && `${parsed.code}: ${parsed.message}`).toBe(
      'invalid: The file is damaged: meta.createdAt: The creation date is before 1970; a session can only be stored with a date from 1970 on.',
    );
  });

  it('keeps the golden file as exactly the rows that open to its hash', async () => {
    const previewed = await previewOf(VALID);
    if (!previewed.ok) throw new Error(previewed.message);
    const { row, commands: rows, snapshot, verdict, replayedHash } = previewed.value;
    expect([verdict, replayedHash, snapshot.hash]).toEqual(['verified', GOLDEN_HASH, GOLDEN_HASH]);
    expect(rows.map((c) => c.seq)).toEqual(commands.map((_, i) => i + 1));
    expect(snapshot.state.seq).toBe(commands.length);
    expect(row.createdAt).toBe(Date.parse(VALID.meta.createdAt));
    const resumed = await resumeSession(
      { row, snapshot: structuredClone(snapshot), commandsAfter: [] },
      () => Promise.resolve(rows),
    );
    expect(resumed.ok && resumed.value.seq).toBe(commands.length);
  });
});

describe('replay limits, checked before any replay work', () => {
  const text = (change: (f: Record<string, unknown>) => void) => {
    const copy = JSON.parse(serializeSessionFile(VALID, false)) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };
  const config = (f: Record<string, unknown>) => f.config as Record<string, unknown>;

  it('refuses the largest end time at once, saying how long it spans and the limit', () => {
    const started = performance.now();
    const parsed = parseSessionFile(text((f) => (f.endTime = 8_640_000_000_000_000)));
    console.info(`absurd end time refused in ${(performance.now() - started).toFixed(1)} ms`);
    expect(!parsed.ok && `${parsed.code}: ${parsed.message}`).toBe(
      'over-limit: The session spans 99,979,546 days; at most 1,826 days (5 years) can be replayed.',
    );
  });

  it('refuses more assets than the limit', () => {
    const parsed = parseSessionFile(
      text((f) => {
        const assets = config(f).assets as Record<string, unknown>[];
        config(f).assets = Array.from({ length: REPLAY_LIMITS.assets + 1 }, (_, i) => ({
          ...assets[i % assets.length],
          symbol: `C${i}`,
        }));
      }),
    );
    expect(!parsed.ok && `${parsed.code}: ${parsed.message}`).toBe(
      'over-limit: The session has 21 assets; at most 20 can be replayed.',
    );
  });

  it('refuses more commands than the limit', () => {
    const parsed = parseSessionFile(
      text((f) => (f.commands = Array.from({ length: REPLAY_LIMITS.commands + 1 }, () => 0))),
    );
    expect(!parsed.ok && `${parsed.code}: ${parsed.message}`).toBe(
      'over-limit: The session has 200,001 commands; at most 200,000 can be replayed.',
    );
  });

  it('refuses a span whose market would take too long, and accepts one within it', () => {
    const day = 86_400_000;
    const over = parseSessionFile(text((f) => (f.endTime = VALID.config.startTime + 600 * day)));
    expect(!over.ok && `${over.code}: ${over.message}`).toMatch(
      /^over-limit: The session's market runs 600 days for 10 assets at 1 s ticks, 518,400,000 price steps; at most 500,000,000 can be replayed \(578 days for 10 assets\)\.$/,
    );
    const within = parseSessionFile(text((f) => (f.endTime = VALID.config.startTime + 500 * day)));
    expect(within.ok).toBe(true);
  });
});
