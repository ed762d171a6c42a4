import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

// Each fixture breaks exactly one layer rule of DESIGN.md §2; the linter must say so.
const broken: [string, string, string, RegExp][] = [
  [
    'the engine importing the schema',
    'src/engine/x.ts',
    "import { commandSchema } from '../schema/command.ts';\nexport const x = commandSchema;",
    /no-restricted-imports: .*schema/,
  ],
  [
    'the engine importing the database',
    'src/engine/x.ts',
    "import { PowerTraderDb } from '../db/database.ts';\nexport const x = PowerTraderDb;",
    /no-restricted-imports: .*db/,
  ],
  [
    'the engine importing zod',
    'src/engine/x.ts',
    "import * as z from 'zod/mini';\nexport const x = z;",
    /no-restricted-imports: .*zod/,
  ],
  [
    'the engine importing Dexie',
    'src/engine/x.ts',
    "import { Dexie } from 'dexie';\nexport const x = Dexie;",
    /no-restricted-imports: .*dexie/,
  ],
  [
    'the engine importing Comlink',
    'src/engine/x.ts',
    "import { wrap } from 'comlink';\nexport const x = wrap;",
    /no-restricted-imports: .*comlink/,
  ],
  [
    'the engine reading Date.now',
    'src/engine/x.ts',
    'export const now = Date.now();',
    /no-restricted-properties: .*Date\.now/,
  ],
  [
    'the engine calling new Date()',
    'src/engine/x.ts',
    'export const now = new Date();',
    /no-restricted-syntax: .*new Date/,
  ],
  [
    'the engine calling Math.random',
    'src/engine/x.ts',
    'export const r = Math.random();',
    /no-restricted-properties: .*Math\.random/,
  ],
  [
    'the engine touching the document',
    'src/engine/x.ts',
    'export const t = document.title;',
    /no-restricted-globals: .*document/,
  ],
  [
    'the engine touching window',
    'src/engine/x.ts',
    'export const w = window.innerWidth;',
    /no-restricted-globals: .*window/,
  ],
  [
    'the engine touching localStorage',
    'src/engine/x.ts',
    "export const v = localStorage.getItem('k');",
    /no-restricted-globals: .*localStorage/,
  ],
  [
    'the engine touching IndexedDB',
    'src/engine/x.ts',
    "export const v = indexedDB.open('k');",
    /no-restricted-globals: .*indexedDB/,
  ],
  [
    'the schema importing the worker',
    'src/schema/x.ts',
    "import { SessionService } from '../worker/session-service.ts';\nexport const x = SessionService;",
    /no-restricted-imports: .*worker/,
  ],
  [
    'the database importing the engine',
    'src/db/x.ts',
    "import { Session } from '../engine/session.ts';\nexport const x = Session;",
    /no-restricted-imports: .*engine/,
  ],
  [
    'the worker importing the UI',
    'src/worker/x.ts',
    "import App from '../ui/App.svelte';\nexport const x = App;",
    /no-restricted-imports: .*ui/,
  ],
  [
    'the UI importing engine values',
    'src/ui/x.ts',
    "import { Session } from '../engine/session.ts';\nexport const x = Session;",
    /no-restricted-imports: .*import type/,
  ],
  [
    'the UI importing the worker service',
    'src/ui/x.ts',
    "import { SessionService } from '../worker/session-service.ts';\nexport const x = SessionService;",
    /no-restricted-imports: .*worker\/client/,
  ],
  [
    'the UI importing the database',
    'src/ui/x.ts',
    "import { PowerTraderDb } from '../db/database.ts';\nexport const x = PowerTraderDb;",
    /no-restricted-imports: .*db/,
  ],
  [
    'anything calling eval',
    'src/worker/x.ts',
    "export const x = eval('1');",
    /no-restricted-syntax: .*eval/,
  ],
];

const allowed: [string, string, string][] = [
  [
    'the engine hashing with Web Crypto',
    'src/engine/x.ts',
    "export const h = crypto.subtle.digest('SHA-256', new TextEncoder().encode('x'));",
  ],
  [
    'the engine using decimal.js',
    'src/engine/x.ts',
    "import Decimal from 'decimal.js';\nexport const d = new Decimal(1);",
  ],
  [
    'the UI importing engine types',
    'src/ui/x.ts',
    "import type { Session } from '../engine/session.ts';\nexport type X = Session;",
  ],
  [
    'the UI importing the worker client',
    'src/ui/x.ts',
    "import { proxy } from '../worker/client.ts';\nexport const x = proxy;",
  ],
  [
    'the worker importing engine, schema and db',
    'src/worker/x.ts',
    "import { Session } from '../engine/session.ts';\nimport { commandSchema } from '../schema/command.ts';\nimport { PowerTraderDb } from '../db/database.ts';\nexport const x = [Session, commandSchema, PowerTraderDb];",
  ],
];

describe('the layer rules of DESIGN.md are enforced by the linter', () => {
  // The first lint loads the config and every plugin: seconds on a busy machine, so not in a test.
  beforeAll(() => lint('src/engine/warm-up.ts', 'export const x = 1;'), 60_000);

  it.each(broken)('flags %s', async (_name, file, code, expected) => {
    const messages = await lint(file, code);
    expect(messages.some((m) => expected.test(m))).toBe(true);
  });

  it.each(allowed)('allows %s', async (_name, file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
