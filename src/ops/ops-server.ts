import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from './http-route';

/**
 * A plain HTTP server for the operators' routes (health, metrics) where Bolt serves no HTTP: in
 * Socket Mode, in worker processes, and on METRICS_PORT. Bolt's own server for custom routes in
 * Socket Mode neither reports its port (so PORT=0 cannot work) nor waits for listen() (so a port
 * in use crashes the process); this one does both.
 */
export async function startOpsServer(
  routes: HttpRoute[],
  port: number,
  host?: string,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path);
    const methods = route?.method ?? [];
    if (!route || !methods.includes(req.method ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not_found"}');
      return;
    }
    Promise.resolve(route.handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Stops listening, closing kept-alive connections (nothing long-running is served here). */
export function stopOpsServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
