import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A throwaway redis-server for one test file, on a free loopback port. */
export interface RedisServer {
  url: string;
  port: number;
  /** Its data folder (AOF files live here when `aof` is on). */
  dir: string;
  /** Stop it; with SIGKILL it gets no chance to flush anything. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Start it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stop it and remove its folder. */
  destroy(): Promise<void>;
}

export interface RedisServerOptions {
  /** Append-only file with `appendfsync everysec`, as the README recommends for production. */
  aof?: boolean;
}

const BINARY = 'redis-server';

function assertBinary(): void {
  const found = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  if (found.error) {
    throw new Error(`${BINARY} not found on PATH: install it (Debian: apt-get install redis-server) or set REDIS_URL`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  assertBinary();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'threadmodel-redis-'));
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
    ...(options.aof ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no']),
  ];
  let child: ChildProcess | undefined;

  const launch = async () => {
    const started = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child = started;
    for (let attempt = 0; attempt < 200; attempt++) {
      if (started.exitCode !== null) throw new Error(`redis-server exited at start: ${stderr}`);
      if (await canConnect(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`redis-server did not listen on ${port} within 5 s: ${stderr}`);
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(signal);
    });
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop,
    restart: launch,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The Redis a test file talks to: `REDIS_URL` when set (each test then uses a unique key
 * prefix), otherwise a private server started for the file and destroyed after it.
 */
export async function testRedis(): Promise<{ url: string; close: () => Promise<void> }> {
  const external = process.env.REDIS_URL;
  if (external) return { url: external, close: async () => {} };
  const server = await startRedisServer();
  return { url: server.url, close: () => server.destroy() };
}

let prefixCounter = 0;
/** A key prefix no other test uses, so tests sharing one Redis never see each other's keys. */
export function uniquePrefix(): string {
  prefixCounter += 1;
  return `test:${process.pid}:${Date.now().toString(36)}:${prefixCounter}:`;
}
