/**
 * A web process of its own, as `node dist/main.js` runs behind a load balancer, for tests of a
 * deployment of several: the test app (test-compose-options.ts) serving Slack's signed requests
 * on a free port, without job workers, against the Redis the REDIS_* variables name with
 * KEY_PREFIX, calling the Slack stand-in at SLACK_API_URL (which runs in the test's process).
 * Prints "ready <port>" once it serves. Each "idle" line on stdin is answered with "idle" once
 * its work after the acks (listeners, thread posts, card refreshes) is done; when stdin closes
 * it stops as the app stops and exits. Start it with webProcesses() (web-processes.ts).
 */
import { createInterface } from 'node:readline';
import { BOT } from '../../dev/stand-in/workspace';
import { compose } from '../../src/app/compose';
import { SIGNING_SECRET, testComposeOptions } from './test-compose-options';

async function main(): Promise<void> {
  const apiUrl = process.env.SLACK_API_URL ?? '';
  const redisEnv = Object.fromEntries(
    Object.entries(process.env).flatMap(([name, value]) =>
      name.startsWith('REDIS_') && name !== 'REDIS_KEY_PREFIX' && value !== undefined ? [[name, value]] : [],
    ),
  );
  const app = await compose({
    ...testComposeOptions({
      redisEnv,
      keyPrefix: process.env.KEY_PREFIX ?? 'test:',
      slack: { token: BOT.token, apiUrl },
    }),
    credentials: { mode: 'http', botToken: BOT.token, signingSecret: SIGNING_SECRET, apiUrl },
    workers: { run: false },
  });
  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    if (line.trim() === 'idle') void app.idle().then(() => process.stdout.write('idle\n'));
  });
  commands.on('close', () => {
    void app.stop().then(() => process.exit(0));
  });
  process.stdout.write(`ready ${app.port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`web process: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
