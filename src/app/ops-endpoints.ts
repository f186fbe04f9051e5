import type { Server } from 'node:http';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { ProcessMetrics } from '../ops/app-metrics';
import { healthRoutes } from '../ops/health-routes';
import type { HttpRoute } from '../ops/http-route';
import { type MetricsAccess, metricsRoute } from '../ops/metrics-route';
import { startOpsServer, stopOpsServer } from '../ops/ops-server';
import type { RedisClient } from '../store/redis-connection';

/**
 * Who may read /metrics, from the configuration. A token always applies. Without one, a port of
 * its own (METRICS_PORT, kept off the internet: the Kubernetes Service does not expose it) is
 * open; on the public PORT it is open on a developer machine only. In production the metrics are
 * then refused rather than published beside /slack/events (fail closed, and say so once).
 */
export function metricsAccess(config: Config, logger: Logger): MetricsAccess {
  const { token, port } = config.metrics;
  if (token) return { kind: 'token', token };
  if (port !== undefined || !config.production) return { kind: 'open' };
  logger.warn(
    'GET /metrics is refused: with NODE_ENV=production set METRICS_TOKEN (Prometheus sends it as a bearer token) or METRICS_PORT (a port kept off the internet)',
  );
  return { kind: 'refused' };
}

/** How long /readyz waits for Redis' PONG: a probe must get an answer, not a hang, while Redis is away. */
const READY_PING_TIMEOUT_MS = 1000;

/**
 * Whether Redis answers now. A connection that is not ready (reconnecting) is not asked at all:
 * its commands would wait in the offline queue instead of failing.
 */
export async function redisAnswers(redis: RedisClient, timeoutMs = READY_PING_TIMEOUT_MS): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([redis.ping().then((answer) => answer === 'PONG'), late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface OpsEndpoints {
  /** Routes for the process's HTTP port: /healthz, /readyz, and /metrics unless METRICS_PORT is set. */
  routes: HttpRoute[];
  /** Starts the METRICS_PORT server, if configured; resolves to its port (undefined: none). */
  startMetricsServer(host: string | undefined): Promise<{ port: number; stop(): Promise<void> } | undefined>;
}

/** The operators' HTTP endpoints of one process: health for its probes, metrics for Prometheus. */
export function opsEndpoints(
  config: Config,
  metrics: ProcessMetrics,
  ready: () => Promise<boolean>,
  logger: Logger,
): OpsEndpoints {
  const route = metricsRoute(metrics.registry, metricsAccess(config, logger));
  const ownPort = config.metrics.port;
  return {
    routes: [...healthRoutes(ready), ...(ownPort === undefined ? [route] : [])],
    async startMetricsServer(host) {
      if (ownPort === undefined) return undefined;
      const started: { server: Server; port: number } = await startOpsServer([route], ownPort, host);
      return { port: started.port, stop: () => stopOpsServer(started.server) };
    },
  };
}
