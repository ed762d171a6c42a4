// `npm run sim -- [subcommand] [options]`: the simulator on the command line.
//   (no subcommand)  candles CSV: --seed S --days N --interval 1m|5m|1h|1d [--assets A,B] [--tick 1s|1m|…] [--out FILE]
//                    --facts prints the stylized facts of the run next to the real data's instead
//   verify FILE…     replays session files and prints one row each, as the class page does;
//                    --assignment LINK (repeatable) is a teacher's assignment to check them against
//   demo             runs the seed's demo (five Moderate-tier buys) headless: --seed S --days N [--session-out F]
//   replay FILE      replays one session file and prints where it ends, as JSON
//   lesson           the lesson page's figures for a seed (--seed S), as JSON
//   tierlab          a strategy under the three risk tiers, on one seed (--seed S) or across seeds
//                    1…N (--seeds N), with what held each back: --days D --strategy S [--lift-cap] [--json]
// Bad arguments print the usage and exit with code 2.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCandles, runFacts } from './candles-command.ts';
import { UsageError } from './usage-error.ts';
import { assignmentsFromLinks, runVerify } from './verify-command.ts';
import { runDemo, runReplay } from './demo-command.ts';
import { runTierLabCommand } from './tierlab-command.ts';
import { runLesson } from '../engine/lesson.ts';

const USAGE = `Usage:
  npm run sim -- --seed 42 --days 365 --interval 1h [--assets BTC,ETH] [--tick 1m] [--out file.csv] [--facts]
  npm run sim -- verify a.json b.json … [--json | --csv] [--assignment LINK …]
  npm run sim -- demo --seed 42 [--days 30] [--session-out demo.json]
  npm run sim -- replay session.json
  npm run sim -- lesson [--seed 42]
  npm run sim -- tierlab [--seed 42 | --seeds 200] --days 365 [--lift-cap] [--json]
                 --strategy dip-buyer|momentum-rotation|buy-and-hold|monthly-dca|ma-crossover`;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'verify') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        assignment: { type: 'string', multiple: true },
      },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError('Give at least one session file.');
    const known = assignmentsFromLinks(values.assignment ?? []);
    return runVerify(positionals, values.csv ? 'csv' : values.json ? 'json' : 'table', known);
  }
  if (first === 'demo') {
    const { values } = parseArgs({
      args: rest,
      options: {
        seed: { type: 'string' },
        days: { type: 'string' },
        'session-out': { type: 'string' },
      },
    });
    return runDemo({ seed: values.seed, days: values.days, sessionOut: values['session-out'] });
  }
  if (first === 'tierlab') {
    const { values } = parseArgs({
      args: rest,
      options: {
        seed: { type: 'string' },
        seeds: { type: 'string' },
        days: { type: 'string' },
        strategy: { type: 'string' },
        'lift-cap': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    return runTierLabCommand({ ...values, liftCap: values['lift-cap'] });
  }
  if (first === 'lesson') {
    const { values } = parseArgs({ args: rest, options: { seed: { type: 'string' } } });
    const seed = values.seed ?? '42';
    if (!/^[A-Za-z0-9]{1,32}$/.test(seed))
      throw new UsageError('--seed must be 1–32 letters or digits.');
    process.stdout.write(`${JSON.stringify(runLesson(seed).lesson, null, 2)}\n`);
    return 0;
  }
  if (first === 'replay') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('Give exactly one session file.');
    return runReplay(positionals[0]!);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '42' },
      days: { type: 'string', default: '30' },
      interval: { type: 'string', default: '1h' },
      assets: { type: 'string' },
      tick: { type: 'string' },
      out: { type: 'string' },
      facts: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError(`Unknown subcommand "${positionals[0]}".`);
  if (values.facts) {
    process.stdout.write(runFacts(values));
    return 0;
  }
  const csv = runCandles(values);
  if (values.out) writeFileSync(values.out, csv);
  else process.stdout.write(csv);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof UsageError ||
    (error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else throw error;
}
