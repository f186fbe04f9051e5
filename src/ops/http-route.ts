import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * One GET or POST route of the operators' endpoints. Its shape fits Bolt's CustomRoute, so the
 * same routes go to Bolt's HTTP server (HTTP mode) or to the ops server (Socket Mode, workers)
 * without this folder knowing Slack.
 */
export interface HttpRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/** Answers with a small JSON body that no cache keeps. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
