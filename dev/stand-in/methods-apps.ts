/** apps.connections.open: a one-time Socket Mode URL (its app-level token is checked in stand-in-auth). */
import type { MethodHandler } from './method-types';
import type { SocketModeServer } from './socket-mode';

export function appMethods(socketMode: SocketModeServer): Record<string, MethodHandler> {
  return {
    'apps.connections.open': ({ baseUrl }) => ({ ok: true, url: socketMode.issueUrl(baseUrl) }),
  };
}
