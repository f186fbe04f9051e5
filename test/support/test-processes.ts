import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';

const ROOT = path.resolve(__dirname, '../..');

/** A support entry (e.g. test/support/worker-process.ts) running in an OS process of its own. */
export interface TestProcess {
  child: ChildProcess;
  /** Its stdout, line by line. */
  lines: Interface;
}

/**
 * Runs a test/support entry as jest would (TypeScript through ts-register.js) in a child process,
 * with this process's environment minus every REDIS_* setting (only the Redis the test names),
 * plus `env`. stdin is a pipe the entry may read commands from; stderr is this process's.
 */
export function spawnTestProcess(entry: string, env: Record<string, string>): TestProcess {
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'test/support/ts-register.js'), path.join(ROOT, 'test/support', entry)],
    {
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('REDIS_'))),
        ...env,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return { child, lines: createInterface({ input: child.stdout as NodeJS.ReadableStream }) };
}

/** The first line of stdout that `match` accepts (e.g. "ready"); rejects when the process exits first. */
export function lineOf(process: TestProcess, match: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const onLine = (line: string) => {
      if (!match(line)) return;
      process.lines.off('line', onLine);
      resolve(line);
    };
    process.lines.on('line', onLine);
    process.child.once('exit', (code) => reject(new Error(`${process.child.spawnargs.at(-1)} exited with ${code}`)));
  });
}

/** SIGKILLs it (it gets no chance to finish anything); resolves once it is gone. */
export function killProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
