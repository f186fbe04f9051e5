/** HTTP plumbing for the stand-in: reading bodies, decoding Web API arguments, multipart, JSON replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject, type JsonObject } from './json';

/** Arguments @slack/web-api sends as JSON strings inside a form body. */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata', 'files', 'unfurls', 'user_auth_blocks'];

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface MultipartPart {
  name: string;
  filename?: string;
  data: Buffer;
}

/** Splits a multipart/form-data body into its parts (enough for fetch's FormData). */
export function parseMultipart(contentType: string, body: Buffer): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return [];
  const delimiter = Buffer.from(`--${marker}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      parts.push({ name, ...(filename === undefined ? {} : { filename }), data: part.subarray(headerEnd + 4) });
    }
    start = next;
  }
  return parts;
}

function parseJsonField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Web API arguments from a form, multipart or JSON body; JSON-string fields (blocks, view…) parsed. */
export function parseApiArgs(contentType: string, body: Buffer): JsonObject {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  let args: JsonObject = {};
  if (type === 'application/json') {
    const parsed: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    args = isObject(parsed) ? parsed : {};
  } else if (type === 'multipart/form-data') {
    for (const part of parseMultipart(contentType, body))
      args[part.name] = part.filename ? part.data : part.data.toString('utf8');
  } else {
    args = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  }
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value === 'string') args[field] = parseJsonField(value);
  }
  return args;
}

/** The bytes of an upload POST: the first file part of a multipart body, else the raw body. */
export function uploadBytes(contentType: string, body: Buffer): Buffer {
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return body;
  const parts = parseMultipart(contentType, body);
  return (parts.find((part) => part.filename !== undefined) ?? parts[0])?.data ?? Buffer.alloc(0);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** The token of a Web API call: `Authorization: Bearer …`, else a `token` argument. */
export function tokenOf(req: IncomingMessage, args: JsonObject): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof args.token === 'string' ? args.token : undefined;
}
