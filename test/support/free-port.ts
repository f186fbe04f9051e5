import { createServer } from 'node:net';

/**
 * A TCP port nothing listens on right now (another process could still take it before it is used).
 * For servers that cannot report the port they picked for port 0, such as Bolt's in Socket Mode.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('freePort: no TCP address');
  return address.port;
}
