import { IDEAL } from '../../engine/config.ts';
import { monthlyCost, PRESET_TIERS } from '../../engine/cost/cost-tiers.ts';
import { Dec } from '../../engine/decimal.ts';
import { maxPositionValue, TIERS } from '../../engine/risk/tiers.ts';
import { DEFAULT_RULES } from '../../engine/monitor/alert-rule.ts';
import { evaluateAlerts, type AlertsState } from '../../engine/monitor/evaluate-alerts.ts';
import { Session, stateHash } from '../../engine/session.ts';
import { commandSchema } from '../../schema/command.ts';
import {
  figure,
  type PerformanceFigure,
  type ResolvedSelfTestConfig,
} from '../../schema/selftest.ts';
import { parseSessionFile } from '../../schema/session-file.ts';
import { PowerTraderDb } from '../../db/database.ts';
import { sessionIdSchema, type SessionRow } from '../../schema/rows.ts';
import { KNOWN_CONFIG, KNOWN_HASHES, KNOWN_START, knownSessionHash } from './known-answers.ts';
import { expectThat, percentile, Skipped, type Check } from './run-checks.ts';

/** Inputs a shared file or a tampered message might carry; every one must be refused. */
const HOSTILE_FILES = [
  '',
  'not json',
  '{"type":"powertrader.session","version":99}',
  '{"type":"powertrader.session","version":1,"meta":{"__proto__":{"x":1}}}',
  `{"type":"powertrader.session","version":1,"meta":${'['.repeat(64)}${']'.repeat(64)}}`,
  '{"type":"powertrader.session","version":"1"}',
  '[]',
];
const HOSTILE_COMMANDS: unknown[] = [
  { type: 'deposit', amount: 100 },
  { type: 'deposit', amount: '1e9' },
  { type: 'market-buy', symbol: 'BTC', quantity: 'NaN' },
  { type: 'market-buy', symbol: 'BTC', quantity: '-1' },
  { type: 'withdraw-everything' },
  { type: 'deposit', amount: '1', extra: true },
];

/** The checks that need no page: engine, market, validation and storage. */
export function engineChecks(scratchDbName: string): Check[] {
  return [
    {
      id: 'engine.known-hash',
      suite: 'engine',
      name: 'A seeded session replays to its known hash, on both market models',
      run: async () => {
        const hashes: string[] = [];
        for (const model of [2, 1] as const) {
          const hash = await knownSessionHash(model);
          const known = KNOWN_HASHES[model];
          expectThat(
            hash === known,
            `Replay on market model ${model} gave ${hash.slice(0, 12)}…, expected ${known.slice(0, 12)}…`,
          );
          hashes.push(`${hash.slice(0, 16)}… (model ${model})`);
        }
        return `Hashes ${hashes.join(' and ')} as on every other device.`;
      },
    },
    {
      id: 'engine.exact-money',
      suite: 'engine',
      name: 'Money is exact to the cent',
      run: async () => {
        // Fills at the last price (no spread or slippage), so the money can be checked by hand.
        const session = Session.create('money', { ...KNOWN_CONFIG, execution: IDEAL });
        session.apply({ type: 'deposit', amount: '50000' });
        session.apply({ type: 'market-buy', symbol: 'BTC', quantity: '0.25' });
        const cash = session.view().cash;
        expectThat(cash === '37494.24', `Cash after a 0.25 BTC buy is ${cash}, expected 37494.24.`);
        return 'Buying 0.25 BTC at 49,973.07 with a 0.1 % fee leaves exactly $37,494.24.';
      },
    },
    {
      id: 'engine.idempotent-orders',
      suite: 'engine',
      name: 'A resubmitted order id never fills twice',
      run: async () => {
        const session = Session.create('retry', KNOWN_CONFIG);
        session.apply({ type: 'deposit', amount: '50000' });
        const order = {
          type: 'place-order',
          clientOrderId: 'retry-1',
          symbol: 'ETH',
          side: 'buy',
          orderType: 'market',
          quantity: '1',
        } as const;
        session.apply(order);
        const again = session.apply(order);
        const held = session.view().positions[0]?.quantity;
        expectThat(
          again.ok && again.value[0]?.type === 'duplicate',
          'The resubmission was not recognised.',
        );
        expectThat(
          held === '1',
          `Holding ${held} ETH after two submissions of one order, expected 1.`,
        );
        return 'The same client order id sent twice placed one order and bought 1 ETH once.';
      },
    },
    {
      id: 'market.determinism',
      suite: 'market',
      name: 'The same seed gives the same market',
      run: async () => {
        const hashes = await Promise.all(
          ['same', 'same', 'other'].map(async (seed) => {
            const session = Session.create(seed, KNOWN_CONFIG);
            session.advanceTo(KNOWN_START + 86_400_000);
            return stateHash(session.snapshot());
          }),
        );
        expectThat(hashes[0] === hashes[1], 'Two runs of one seed gave different markets.');
        expectThat(hashes[0] !== hashes[2], 'Two different seeds gave the same market.');
        return 'A simulated day is identical for one seed and differs for another.';
      },
    },
    {
      id: 'risk.tier-limits',
      suite: 'risk',
      name: 'The three tiers give the original report’s position limits',
      run: async () => {
        const equity = new Dec('49973.07');
        const limits = (['conservative', 'moderate', 'aggressive'] as const).map((t) =>
          maxPositionValue(TIERS[t], equity).toFixed(2),
        );
        expectThat(
          limits.join(' ') === '499.73 999.46 999.46',
          `Limits came out as ${limits.join(', ')}.`,
        );
        return 'At $49,973.07: Conservative $499.73, Moderate $999.46, Aggressive $999.46 (held by the 2 % cap).';
      },
    },
    {
      id: 'cost.professional-total',
      suite: 'cost',
      name: 'The Professional cost tier totals the original report’s figure',
      run: async () => {
        const professional = PRESET_TIERS.find((t) => t.name === 'Professional')!;
        const total = monthlyCost(professional, new Dec(0)).total.toFixed(2);
        expectThat(total === '9141.67', `Professional came out at ${total} a month.`);
        return 'Professional costs $9,141.67 a month ($109,700 a year ÷ 12, rounded once).';
      },
    },
    {
      id: 'monitoring.evaluator',
      suite: 'monitoring',
      name: 'Alert rules raise, hold and clear as specified',
      run: async () => {
        // Drawdown use hovering at the warning line, going critical, then recovering.
        const values = [50, 81, 79, 82, 101, 95, 89, 75, 69];
        let state: AlertsState = {};
        const seen: string[] = [];
        values.forEach((v, i) => {
          const out = evaluateAlerts(DEFAULT_RULES, state, {
            at: i * 60_000,
            values: { 'portfolio.drawdown-usage': v },
          });
          state = out.state;
          for (const e of out.events) seen.push(`${i}:${e.type}:${e.level}`);
        });
        const expected = '1:raised:warning 4:raised:critical 6:cleared:critical 8:cleared:warning';
        expectThat(seen.join(' ') === expected, `The rules gave ${seen.join(', ') || 'nothing'}.`);
        return 'Warning at 81 %, no flapping at 79–82 %, critical past 100 %, each cleared below its clear line.';
      },
    },
    {
      id: 'validation.hostile-inputs',
      suite: 'validation',
      name: 'Hostile files and commands are refused',
      run: async () => {
        const accepted = HOSTILE_FILES.filter((text) => parseSessionFile(text).ok).length;
        const commands = HOSTILE_COMMANDS.filter((c) => commandSchema.safeParse(c).success).length;
        expectThat(
          accepted + commands === 0,
          `${accepted + commands} hostile inputs were accepted.`,
        );
        expectThat(
          ({} as Record<string, unknown>).x === undefined,
          'An object prototype was polluted.',
        );
        return `${HOSTILE_FILES.length} files and ${HOSTILE_COMMANDS.length} commands refused, nothing polluted.`;
      },
    },
    {
      id: 'storage.read-write',
      suite: 'storage',
      name: 'IndexedDB stores and reads back',
      run: async () => {
        const db = new PowerTraderDb(scratchDbName);
        try {
          const row = scratchRow('scratch');
          await db.sessions.put(row);
          const back = await db.sessions.get(row.id);
          expectThat(back?.name === row.name, 'A stored row did not read back.');
          return 'A row written in a transaction reads back intact.';
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'storage.abort',
      suite: 'storage',
      name: 'A failed transaction writes nothing',
      run: async () => {
        const db = new PowerTraderDb(scratchDbName);
        try {
          const before = await db.sessions.count();
          await db
            .transaction('rw', db.sessions, async () => {
              await db.sessions.put(scratchRow('aborted'));
              throw new Error('abort on purpose');
            })
            .catch(() => undefined);
          const after = await db.sessions.count();
          expectThat(after === before, 'An aborted transaction left a row behind.');
          return 'An aborted read-write transaction left the database as it was.';
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'storage.quota',
      suite: 'storage',
      name: 'Storage quota is known',
      run: async () => {
        const { usage = 0, quota = 0 } = (await navigator.storage?.estimate?.()) ?? {};
        // WebKit, for one, reports none: that is a missing figure, not a failure.
        if (!(quota > 0)) throw new Skipped('This browser reports no storage quota.');
        return `Using ${(usage / 1048576).toFixed(1)} MB of ${(quota / 1048576).toFixed(0)} MB.`;
      },
    },
  ];
}

function scratchRow(id: string): SessionRow {
  return {
    id: sessionIdSchema.parse(id),
    name: 'Self-test scratch',
    seed: 'scratch',
    config: KNOWN_CONFIG,
    createdAt: 0,
    writerEpoch: 0,
  };
}

/** Engine speed on this device: order latency and market ticks per second. */
export function engineFigures(config: ResolvedSelfTestConfig): PerformanceFigure[] {
  const session = Session.create('speed', KNOWN_CONFIG);
  session.apply({ type: 'deposit', amount: '1000000000' });
  // Workers without cross-origin isolation see a clock coarsened to 0.1 ms: time batches of
  // 50 orders and take each batch's mean, so the figure is real on every browser.
  const samples: number[] = [];
  const batch = 50;
  for (let b = 0; b < config.iterations / 5; b++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) {
      const n = b * batch + i;
      session.advanceTo(KNOWN_START + n * 1000);
      session.apply({
        type: n % 2 ? 'market-sell' : 'market-buy',
        symbol: 'BTC',
        quantity: '0.01',
      });
    }
    samples.push(((performance.now() - t0) * 1000) / batch);
  }
  const ticks = Session.create('ticks', KNOWN_CONFIG);
  const count = 200_000;
  const t0 = performance.now();
  ticks.advanceTo(KNOWN_START + count * KNOWN_CONFIG.tickMs);
  const perSecond = (count * KNOWN_CONFIG.assets.length) / ((performance.now() - t0) / 1000);
  const day = Session.create('day', KNOWN_CONFIG);
  const d0 = performance.now();
  day.advanceTo(KNOWN_START + 86_400_000);
  const dayMs = performance.now() - d0;
  return [
    figure('engine.market-order.batch-mean.p50', percentile(samples, 50), 'us', '<=', 50),
    figure('engine.market-order.batch-mean.p99', percentile(samples, 99), 'us', '<=', 500),
    figure('sim.asset-ticks-per-s', perSecond, '/s', '>=', 1e6),
    figure('sim.day-10-assets-1s-ticks', dayMs, 'ms', '<=', 2000),
  ];
}
