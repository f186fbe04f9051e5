import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { IMPORT_LIMITS, tooLargeProblem } from '../import/import-limits';

/**
 * A file as a `file_share` message event gives it: in full, or only its id with
 * `file_access: check_file_info` (files of Slack Connect channels), or a stand-in for a file
 * apps may not see (`file_access: access_denied`, `mode: tombstone` or `hidden_by_limit`).
 */
export interface EventFile {
  id: string;
  name?: string | undefined;
  size?: number | undefined;
  url_private_download?: string | undefined;
  file_access?: string | undefined;
  mode?: string | undefined;
}

/** A file to download: its name (for messages), its size if Slack said, and where it is. */
export interface SharedFile {
  id: string;
  name: string;
  size?: number | undefined;
  url_private_download?: string | undefined;
}

export type Download = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/** What of files.info's answer is used (the rest of Slack's file object is ignored). */
const FileInfoSchema = z.object({
  file: z.object({
    id: z.string(),
    name: z.string().optional(),
    size: z.number().optional(),
    url_private_download: z.string().optional(),
  }),
});

/**
 * The file to download, as the event described it or, when the event held its details back (no
 * download URL, as with `check_file_info`), as files.info (scope files:read) describes it. A file
 * apps may not read is named as such, not mistaken for one shared outside Slack.
 */
export async function describeSharedFile(
  client: WebClient,
  file: EventFile,
): Promise<{ ok: true; file: SharedFile } | { ok: false; problem: string }> {
  const name = (file.name ?? 'the file').slice(0, 80);
  const refused = (problem: string) => ({ ok: false as const, problem });
  if (file.file_access === 'access_denied') {
    return refused(`Slack does not let me read \`${name}\`: download it and share it in this thread yourself.`);
  }
  if (file.mode === 'tombstone') return refused(`\`${name}\` was deleted before I could read it.`);
  if (file.mode === 'hidden_by_limit') return refused(`Slack hides \`${name}\` from apps on this workspace's plan.`);
  if (file.url_private_download) return { ok: true, file: { ...file, name: file.name ?? 'the file' } };
  let described: z.infer<typeof FileInfoSchema>['file'];
  try {
    const answer = FileInfoSchema.safeParse(await client.files.info({ file: file.id }));
    if (!answer.success)
      return refused(`Slack did not describe \`${name}\` so that I could read it. Please share it again.`);
    described = answer.data.file;
  } catch {
    return refused(`Slack did not let me read \`${name}\`. Please share it again.`);
  }
  return { ok: true, file: { ...described, name: described.name ?? file.name ?? 'the file' } };
}

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
