import type { ChildProcess } from 'node:child_process';
import { SlackDriver } from '../../dev/stand-in/slack-driver';
import type { SlackStandIn } from '../../dev/stand-in/stand-in-server';
import { SIGNING_SECRET } from './test-compose-options';
import { killProcess, lineOf, spawnTestProcess } from './test-processes';

/** A web process of the test's deployment, and a driver sending Slack's requests to it. */
export interface WebProcess {
  child: ChildProcess;
  port: number;
  driver: SlackDriver;
  /** Resolves once its work after the acks (listeners, thread posts, card refreshes) is done. */
  idle(): Promise<void>;
}

/** How long a web process gets to stop as the app stops before it is killed. */
const STOP_WITHIN_MS = 5000;

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WITHIN_MS);
  return new Promise<void>((resolve) => {
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
  });
}

/**
 * `node dist/main.js`'s equivalent in a process of its own (test/support/web-process.ts), on the
 * Redis `redisEnv` names, with the key prefix, calling the stand-in (in the test's process, over
 * HTTP); resolves once it serves Slack's requests. `stopAll()` stops the ones still running (a
 * test's afterEach).
 */
export function webProcesses() {
  const children: ChildProcess[] = [];
  return {
    async start(options: { redisEnv: Record<string, string>; keyPrefix: string; standIn: SlackStandIn }) {
      const web = spawnTestProcess('web-process.ts', {
        ...options.redisEnv,
        KEY_PREFIX: options.keyPrefix,
        SLACK_API_URL: options.standIn.apiUrl,
      });
      children.push(web.child);
      const port = Number((await lineOf(web, (line) => line.startsWith('ready '))).split(' ')[1]);
      // One "idle" line answers one "idle" asked, in turn; a process that exits answers them all with its exit.
      const waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
      web.lines.on('line', (line) => {
        if (line === 'idle') waiting.shift()?.resolve();
      });
      web.child.once('exit', (code) => {
        for (const waiter of waiting.splice(0)) waiter.reject(new Error(`a web process exited with ${code}`));
      });
      const process: WebProcess = {
        child: web.child,
        port,
        driver: new SlackDriver({
          appUrl: `http://127.0.0.1:${port}/slack/events`,
          signingSecret: SIGNING_SECRET,
          standIn: options.standIn,
        }),
        idle: () =>
          new Promise<void>((resolve, reject) => {
            if (web.child.exitCode !== null) return reject(new Error('the web process has exited'));
            waiting.push({ resolve, reject });
            web.child.stdin?.write('idle\n');
          }),
      };
      return process;
    },
    kill: killProcess,
    stopAll: () => Promise.all(children.splice(0).map(stop)).then(() => undefined),
  };
}
