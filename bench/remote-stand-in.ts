/**
 * The Slack stand-in in a child process (stand-in-process.ts), seen from a benchmark: its API URL
 * and its control channel, one command line out and one JSON line back, checked with a schema.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { z } from 'zod';

export interface RemoteStandIn {
  apiUrl: string;
  /** Sends `<command> <json>` and waits for the answer; one at a time. */
  request<S extends z.ZodType>(command: string, args: object, schema: S): Promise<z.infer<S>>;
  close(): Promise<void>;
}

/** `env`: e.g. STAND_IN_RATE_LIMITS (see stand-in-process.ts). */
export async function startRemoteStandIn(env: Record<string, string>): Promise<RemoteStandIn> {
  const child = spawn(process.execPath, [path.join(__dirname, 'stand-in-process.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
  exited.catch(() => undefined); // only awaited while a line is expected
  const nextLine = () => Promise.race([new Promise<string>((resolve) => waiting.push(resolve)), exited]);
  const apiUrl = (await nextLine()).trim();
  return {
    apiUrl,
    async request(command, args, schema) {
      child.stdin.write(`${command} ${JSON.stringify(args)}\n`);
      const answer: unknown = JSON.parse(await nextLine());
      if (typeof answer === 'object' && answer !== null && 'error' in answer) {
        throw new Error(`stand-in ${command}: ${String(answer.error)}`);
      }
      return schema.parse(answer);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
