import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `npm run worker`'s equivalent in a process of its own (test/support/worker-process.ts), on the
 * Redis `redisEnv` names, with the key prefix and the Slack stand-in's URL; resolves once it
 * takes jobs. `stopAll()` SIGKILLs the ones still running (a test's afterEach).
 */
export function workerProcesses() {
  const children: ChildProcess[] = [];
  const kill = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return {
    async start(options: {
      redisEnv: Record<string, string>;
      keyPrefix: string;
      apiUrl: string;
    }): Promise<ChildProcess> {
      const child = spawn(
        process.execPath,
        ['-r', path.join(ROOT, 'test/support/ts-register.js'), path.join(ROOT, 'test/support/worker-process.ts')],
        {
          env: {
            // Only the Redis the test names: none of this process's REDIS_* settings.
            ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('REDIS_'))),
            ...options.redisEnv,
            KEY_PREFIX: options.keyPrefix,
            SLACK_API_URL: options.apiUrl,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
          if (line === 'ready') resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
      });
      return child;
    },
    kill,
    stopAll: () => Promise.all(children.splice(0).map(kill)).then(() => undefined),
  };
}
