import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Registry } from 'prom-client';
import { type HttpRoute, sendJson } from './http-route';

/**
 * Who may read /metrics: anyone who reaches the port (`open`: a port kept off the internet), only
 * a caller with the bearer token, or nobody (`refused`: production with /metrics on the public
 * port and no token; see metricsExposure in src/app).
 */
export type MetricsAccess = { kind: 'open' } | { kind: 'token'; token: string } | { kind: 'refused' };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/** GET /metrics: the process's registry in Prometheus' text format. */
export function metricsRoute(registry: Registry, access: MetricsAccess): HttpRoute {
  return {
    path: '/metrics',
    method: ['GET'],
    handler: async (req, res) => {
      if (access.kind === 'refused') {
        sendJson(res, 403, { error: 'metrics_disabled', hint: 'set METRICS_TOKEN or METRICS_PORT' });
        return;
      }
      if (access.kind === 'token' && !bearerMatches(req, access.token)) {
        sendJson(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer realm="metrics"' });
        return;
      }
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    },
  };
}
