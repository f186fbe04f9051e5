import { loadConfig } from '../config';
import { ConfigError, toAppError } from '../errors';
import { createLogger, type Logger } from '../logger';
import { SHIPPED_FLOW_FILE } from '../paths';
import { Closers } from './closers';
import { compose } from './compose';
import type { ComposedApp, ComposeOptions } from './compose-options';
import { loadFlowAndCatalog } from './load-data';
import { startPrivateRedis } from './private-redis';
import { checkStartup, type ProcessRole } from './startup-checks';

export type { ProcessRole } from './startup-checks';

export interface Running {
  port: number;
  /** The port of GET /metrics when METRICS_PORT gives it one of its own. */
  metricsPort: number | undefined;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * How a development harness (dev/playground) composes the app instead: it brings its own Slack
 * credentials and routes. The product never passes one; with NODE_ENV=production none is accepted.
 */
export type HarnessComposer = (options: ComposeOptions & { cwd: string }) => Promise<ComposedApp>;

/**
 * Start a process from its environment: the only place that reads it. Loads and validates the
 * configuration, the flow and the catalog (a mistake stops start-up with a precise message),
 * starts a private redis-server when no Redis is configured on a developer machine, and composes the
 * app. `stop()` closes everything in order; a failed start closes what it had started.
 */
export async function start(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
  role: ProcessRole = 'web',
  harness?: HarnessComposer,
): Promise<Running> {
  const config = loadConfig(env, { cwd, flowFile: SHIPPED_FLOW_FILE });
  if (harness && config.production) {
    throw new ConfigError([
      {
        name: 'NODE_ENV',
        problem: 'is production',
        expected: 'a development harness (the playground) never runs in production: run dist/main.js',
      },
    ]);
  }
  const logger = createLogger(config.logLevel);
  const { flow, catalog } = loadFlowAndCatalog(config, logger);
  checkStartup(config, role, harness !== undefined);

  const closers = new Closers(logger);
  try {
    let redisUrl: string | undefined;
    if (!config.redis.target) {
      const privateRedis = await startPrivateRedis(cwd, logger);
      closers.add('private redis-server', () => privateRedis.stop());
      redisUrl = privateRedis.url;
    }
    const base = { config, flow, catalog, logger, ...(redisUrl && { redisUrl }) };
    const app = harness
      ? await harness({ ...base, cwd })
      : await compose({
          ...base,
          serveSlack: role === 'web',
          serveHttp: true,
          workers: { run: role === 'worker' || config.jobs.runWorkers },
        });
    closers.add('app', () => app.stop());
    logStarted(app, config.review.appsecChannelId, logger);
    let stopped: Promise<void> | undefined;
    return {
      port: app.port,
      metricsPort: app.metricsPort,
      logger,
      stop: () => {
        stopped ??= closers.closeAll().then(() => logger.info('stopped'));
        return stopped;
      },
    };
  } catch (error) {
    await closers.closeAll();
    throw error;
  }
}

function logStarted(app: ComposedApp, appsecChannelId: string | undefined, logger: Logger): void {
  logger.info(
    { workers: app.workers, appsecChannel: appsecChannelId ?? null },
    app.workers ? 'review and reminder workers running' : 'queues ready; workers run elsewhere',
  );
  const metrics = app.metricsPort === undefined ? 'GET /metrics' : `GET /metrics on port ${app.metricsPort}`;
  if (!app.slack) {
    logger.info(
      { port: app.port, metricsPort: app.metricsPort },
      `listening on port ${app.port}: GET /healthz, GET /readyz, ${metrics}`,
    );
    return;
  }
  const { mode } = app.slack;
  logger.info(
    { port: app.port, mode, metricsPort: app.metricsPort },
    mode === 'http'
      ? `listening on port ${app.port}: POST /slack/events, GET /healthz, GET /readyz, ${metrics}`
      : 'connected to Slack in Socket Mode',
  );
}

/** Run as a command (`node dist/main.js`, `node dist/worker.js`): stop cleanly on SIGTERM and SIGINT. */
export function runFromCommandLine(role: ProcessRole): void {
  runUntilSignalled(start(process.env, process.cwd(), role));
}

/** Keep a started process running until SIGTERM or SIGINT, then stop it; a failed start prints its message. */
export function runUntilSignalled(starting: Promise<Running>): void {
  starting.then(
    (running) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          running.logger.info({ signal }, 'shutting down');
          running.stop().then(
            () => process.exit(0),
            (error: unknown) => {
              running.logger.error({ err: error }, 'shutdown failed');
              process.exit(1);
            },
          );
        });
      }
    },
    (error: unknown) => {
      console.error(toAppError(error).message);
      process.exitCode = 1;
    },
  );
}
