/**
 * The Slack stand-in in a process of its own, for benchmarks: Slack is another machine, so its
 * work (storing messages, checking Block Kit) must not eat the measured app's CPU. Prints its API
 * URL on the first line of stdout and runs until stdin closes.
 *
 * STAND_IN_RATE_LIMITS (optional): a JSON object of rate limits by method, as `RateLimitsSchema`
 * reads them, e.g. `{"chat.postMessage":{"perChannel":{"max":1,"windowMs":1000}}}`.
 * STAND_IN_EXTRA_USERS (optional): how many synthetic users (`syntheticUser(1..N)`, ids U0BENCH0001…)
 * to add to the workspace, so a benchmark can DM more people than the fixture workspace has.
 * Each line `<command> [json]` on stdin is answered with one JSON line on stdout (`{"error": "..."}`
 * when it fails; see remote-stand-in.ts): `stats` gives `StandInStats`. For `npm run bench:slack`
 * the people it drives live here too (slack-people.ts): `setup` (teams, their channels, people and
 * models), `run` (the load, with every request's ack times), `cards` (each model card's versions)
 * and `records {"since": ms}` (calls and cards). For `npm run bench:scale`, `scaleBodies {"count": n}`
 * builds n requests from the set-up teams' cards (scale-bodies.ts) for the benchmark to sign and send,
 * and `scaleAnswers` counts what the app answered through response URLs.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { type RateLimits, RateLimitsSchema } from '../dev/stand-in/rate-limits';
import { startSlackStandIn } from '../dev/stand-in/stand-in-server';
import { standInStats } from '../dev/stand-in/stand-in-stats';
import { syntheticUser } from '../dev/stand-in/workspace';
import { scaleAnswers, scaleBodies } from './scale-bodies';
import { BenchPeople } from './slack-people';
import { RunSchema, ScaleBodiesRequestSchema, SetupSchema, SinceSchema } from './slack-protocol';
import { cardRecords, records } from './slack-records';

/** Synthetic user ids have four digits. */
const ExtraUsersSchema = z.coerce.number().int().min(0).max(9999);

function rateLimitsFrom(json: string | undefined): RateLimits | undefined {
  if (json === undefined || json.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`STAND_IN_RATE_LIMITS is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = RateLimitsSchema.safeParse(value);
  if (!parsed.success) throw new Error(`STAND_IN_RATE_LIMITS: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function extraUsersFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const parsed = ExtraUsersSchema.safeParse(value);
  if (!parsed.success) throw new Error(`STAND_IN_EXTRA_USERS: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function main(): Promise<void> {
  const extraUsers = extraUsersFrom(process.env.STAND_IN_EXTRA_USERS);
  const standIn = await startSlackStandIn({ rateLimits: rateLimitsFrom(process.env.STAND_IN_RATE_LIMITS) });
  for (let n = 1; n <= extraUsers; n++) standIn.workspace.users.push(syntheticUser(n));
  process.stdout.write(`${standIn.apiUrl}\n`);
  const people = new BenchPeople(standIn);
  const commands: Record<string, (args: unknown) => unknown> = {
    stats: () => standInStats(standIn),
    setup: (args) => people.setup(SetupSchema.parse(args)),
    run: (args) => people.run(RunSchema.parse(args)),
    cards: () => ({ cards: cardRecords(standIn, people.benchTeams) }),
    records: (args) => records(standIn, people.benchTeams, SinceSchema.parse(args).since),
    scaleAnswers: () => scaleAnswers(standIn),
    scaleBodies: async (args) => ({
      bodies: await scaleBodies(standIn, people.benchTeams, ScaleBodiesRequestSchema.parse(args).count),
    }),
  };
  const answer = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [name = '', ...rest] = line.trim().split(' ');
    const command = commands[name];
    if (!command) {
      answer({ error: `unknown command ${JSON.stringify(name)}` });
      return;
    }
    const json = rest.join(' ').trim();
    void Promise.resolve()
      .then(() => command(json === '' ? {} : JSON.parse(json)))
      .then(answer, (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }));
  });
  lines.on('close', () => {
    void standIn.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`stand-in: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
