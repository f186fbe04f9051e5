import { type HttpRoute, sendJson } from './http-route';

/**
 * GET /healthz: the process is up (liveness). GET /readyz: it can reach Redis (readiness; load
 * balancers and Kubernetes route on it). Web and worker processes serve both.
 */
export function healthRoutes(ready: () => Promise<boolean>): HttpRoute[] {
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: async (_req, res) => {
        const ok = await ready().catch(() => false);
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'redis unavailable' });
      },
    },
  ];
}
