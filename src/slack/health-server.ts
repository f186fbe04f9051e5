import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute } from '@slack/bolt';

/**
 * A plain HTTP server for the health routes, used in Socket Mode (where Slack needs no HTTP
 * endpoint). Bolt's own server for custom routes in Socket Mode neither reports its port (so
 * PORT=0 cannot work) nor waits for listen() (so a port in use crashes the process); this one
 * does both.
 */
export async function startHealthServer(
  routes: CustomRoute[],
  port: number,
  host?: string,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path);
    const methods = [route?.method ?? []].flat();
    if (!route || !methods.includes(req.method ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not_found"}');
      return;
    }
    Promise.resolve(route.handler(Object.assign(req, { params: {} }), res)).catch(() => {
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

export function stopHealthServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
