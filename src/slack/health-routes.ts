import type { CustomRoute } from '@slack/bolt';

/** GET /healthz: the process is up. GET /readyz: it can reach Redis (load balancers route on it). */
export function healthRoutes(ready: () => Promise<boolean>): CustomRoute[] {
  const json = (res: Parameters<CustomRoute['handler']>[1], status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => json(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: async (_req, res) => {
        const ok = await ready().catch(() => false);
        json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'redis unavailable' });
      },
    },
  ];
}
