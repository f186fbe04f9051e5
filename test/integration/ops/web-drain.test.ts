import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SlackDriver } from '../../../dev/stand-in/slack-driver';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { USERS } from '../../../dev/stand-in/workspace';
import { eventually } from '../../support/eventually';
import { testRedis, uniquePrefix } from '../../support/redis-server';
import { SIGNING_SECRET } from '../../support/slack-app-fixture';
import { CHANNEL } from '../../support/slack-scenarios';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * What SIGTERM guarantees a web process (`node dist/main.js`, here src/main.ts in a process of its
 * own), as Kubernetes sends it after the preStop hook: it stops taking connections at once, finishes
 * the work of requests it already acknowledged, and exits 0.
 */
describe('a web process on SIGTERM', () => {
  let redis: { url: string; close: () => Promise<void> };
  let standIn: SlackStandIn;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    redis = await testRedis();
    standIn = await startSlackStandIn();
  });
  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });
  afterAll(async () => {
    await standIn.close();
    await redis.close();
  });

  it('refuses new connections, finishes the listener still working after its ack, then exits 0', async () => {
    const started = spawn(
      process.execPath,
      ['-r', path.join(ROOT, 'test/support/ts-register.js'), path.join(ROOT, 'src/main.ts')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          LOG_LEVEL: 'info',
          PORT: '0',
          SLACK_BOT_TOKEN: standIn.token,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: standIn.apiUrl,
          REDIS_URL: redis.url,
          REDIS_KEY_PREFIX: uniquePrefix(),
          RUN_WORKERS: 'false',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child = started;
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      createInterface({ input: started.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg?.startsWith('listening on port') && entry.port) resolve(entry.port);
      });
      void exited.then((code) => reject(new Error(`the app exited with ${code} before listening`)));
    });
    const driver = new SlackDriver({
      appUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      standIn,
    });

    // The new model's card is the listener's first call after the ack: Slack keeps its answer back.
    standIn.holdReplies('chat.postMessage');
    const since = standIn.calls.length;
    expect((await driver.command(USERS.ALICE.id, CHANNEL, 'start Refunds API')).status).toBe(200);
    await standIn.waitForCall('chat.postMessage', () => true, 10_000, since);

    started.kill('SIGTERM');
    await eventually('the server to refuse connections', () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => false,
        () => true,
      ),
    );
    expect(started.exitCode).toBeNull(); // still finishing the listener

    expect(standIn.releaseHeldReplies()).toBe(1);
    expect(await exited).toBe(0);
    // After the card, the listener went on: the thread's first messages were posted before the exit.
    const threadPosts = standIn.callsTo('chat.postMessage').filter((call) => call.args.thread_ts !== undefined);
    expect(threadPosts.length).toBeGreaterThan(0);
  });
});
