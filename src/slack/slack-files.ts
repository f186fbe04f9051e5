import { IMPORT_LIMITS, tooLargeProblem } from '../import/import-limits';

/** A file as a `file_share` message event describes it. */
export interface SharedFile {
  id: string;
  name: string;
  size?: number | undefined;
  url_private_download?: string | undefined;
}

export type Download = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

const TIMEOUT_MS = 15_000;

/**
 * Download a file someone shared, with the bot token, from Slack's file host only: a URL
 * elsewhere would hand the token to whoever wrote the event. Redirects are refused (Slack sends a
 * token it does not accept to its login page), so is anything larger than the import limit,
 * whatever the event claimed, and the reading stops as soon as it passes the limit.
 */
export async function downloadSharedFile(
  file: SharedFile,
  token: string,
  origins: readonly string[],
): Promise<Download> {
  const max = IMPORT_LIMITS.fileBytesMax;
  const tooLarge = (size: number) => ({ ok: false as const, problem: tooLargeProblem(file.name, size) });
  if (file.size !== undefined && file.size > max) return tooLarge(file.size);
  const url = file.url_private_download;
  if (!url || !URL.canParse(url) || !origins.includes(new URL(url).origin)) {
    return {
      ok: false,
      problem: `I can only read files shared in Slack itself; \`${file.name.slice(0, 80)}\` is not one.`,
    };
  }
  const unreadable = {
    ok: false as const,
    problem: `Slack did not let me read \`${file.name.slice(0, 80)}\`. Please share it again.`,
  };
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return unreadable;
  }
  if (!response.ok || !response.body || (response.headers.get('content-type') ?? '').startsWith('text/html')) {
    return unreadable;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > max) {
      await response.body.cancel().catch(() => {});
      return tooLarge(total);
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
