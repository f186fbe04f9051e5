import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { StoreUnavailableError } from '../errors';

/**
 * A redis-server child process on a free loopback port: the private Redis of `npm start` when
 * no REDIS_URL is configured, and the throwaway server of each test file and benchmark.
 */
export interface RedisServer {
  url: string;
  port: number;
  /** Its data folder (AOF files live here when `aof` is on). */
  dir: string;
  /** Stop it; with SIGKILL it gets no chance to flush anything. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Start it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Send it a signal and return (SIGSTOP freezes it, SIGCONT wakes it: a replica that stops answering). */
  signal(signal: NodeJS.Signals): void;
  /** Stop it and remove its folder. */
  destroy(): Promise<void>;
}

export interface RedisServerOptions {
  /** Append-only file with `appendfsync everysec`, as the README recommends for production. */
  aof?: boolean;
  /** Data folder to use (kept on destroy); by default a new temporary folder (removed on destroy). */
  dir?: string;
  /** A configuration file, read first (a sentinel's: Sentinel rewrites it as it learns). */
  configFile?: string;
  /** More options after the usual ones, such as `--cluster-enabled yes` or `--sentinel`. */
  args?: string[];
  /** Use this port instead of a free one (a test's own, decided before writing a config file). */
  port?: number;
}

const BINARY = 'redis-server';

function assertBinary(): void {
  const found = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  if (found.error) {
    throw new StoreUnavailableError(
      `${BINARY} was not found on PATH. Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a running Redis.`,
    );
  }
}

/** A TCP port nothing listens on now, on the loopback interface. */
export function freePort(): Promise<number> {
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
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'threadmodel-redis-'));
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const args = [
    ...(options.configFile ? [options.configFile] : []),
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
    ...(options.args ?? []),
  ];
  let child: ChildProcess | undefined;

  const launch = async () => {
    const started = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child = started;
    // Never leave an orphan behind if this process ends without stopping it (a crash, exit()).
    const killOnExit = () => started.kill('SIGTERM');
    process.once('exit', killOnExit);
    started.once('exit', () => process.removeListener('exit', killOnExit));
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
    signal: (signal) => {
      child?.kill(signal);
    },
    destroy: async () => {
      await stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
