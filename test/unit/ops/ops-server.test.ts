import { healthRoutes } from '../../../src/ops/health-routes';
import { startOpsServer, stopOpsServer } from '../../../src/ops/ops-server';

describe('the ops server (Socket Mode, workers, METRICS_PORT)', () => {
  it('serves /healthz and /readyz on the port it reports, 404 elsewhere', async () => {
    let ready = true;
    const { server, port } = await startOpsServer(
      healthRoutes(async () => ready),
      0,
    );
    try {
      const get = async (path: string) => {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        return [response.status, await response.json()];
      };
      expect(await get('/healthz')).toEqual([200, { status: 'ok' }]);
      expect(await get('/readyz')).toEqual([200, { status: 'ready' }]);
      ready = false;
      expect(await get('/readyz')).toEqual([503, { status: 'redis unavailable' }]);
      expect(await get('/slack/events')).toEqual([404, { error: 'not_found' }]);
    } finally {
      await stopOpsServer(server);
    }
  });

  it('fails start-up with an error, not a crash, when the port is taken', async () => {
    const first = await startOpsServer(
      healthRoutes(async () => true),
      0,
    );
    try {
      await expect(
        startOpsServer(
          healthRoutes(async () => true),
          first.port,
        ),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await stopOpsServer(first.server);
    }
  });
});
