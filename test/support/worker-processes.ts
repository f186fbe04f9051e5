import type { ChildProcess } from 'node:child_process';
import { killProcess, lineOf, spawnTestProcess } from './test-processes';

/**
 * `npm run worker`'s equivalent in a process of its own (test/support/worker-process.ts), on the
 * Redis `redisEnv` names, with the key prefix and the Slack stand-in's URL; resolves once it
 * takes jobs. `stopAll()` SIGKILLs the ones still running (a test's afterEach).
 */
export function workerProcesses() {
  const children: ChildProcess[] = [];
  return {
    async start(options: {
      redisEnv: Record<string, string>;
      keyPrefix: string;
      apiUrl: string;
    }): Promise<ChildProcess> {
      const worker = spawnTestProcess('worker-process.ts', {
        ...options.redisEnv,
        KEY_PREFIX: options.keyPrefix,
        SLACK_API_URL: options.apiUrl,
      });
      children.push(worker.child);
      await lineOf(worker, (line) => line === 'ready');
      return worker.child;
    },
    kill: killProcess,
    stopAll: () => Promise.all(children.splice(0).map(killProcess)).then(() => undefined),
  };
}
