/**
 * Files people share in Slack, as the Events API describes them and files.slack.com serves them:
 * `url_private_download` answers only with the bot token in an `Authorization: Bearer` header
 * (without it Slack redirects to its sign-in page, which is what the stand-in does too).
 */
import type { IncomingMessage } from 'node:http';

export interface SharedFile {
  fileId: string;
  name: string;
  bytes: Buffer;
  channel: string;
  threadTs: string;
  user: string;
}

/** One GET of a shared file's download URL, and whether it carried the bot token. */
export interface FileDownload {
  fileId: string;
  authorized: boolean;
}

export const DOWNLOAD_PATH = /^\/files-pri\/([A-Z0-9]+)-(F[A-Z0-9]+)\/download\/[^/?]+$/;

/** The file object of a `file_share` message event. */
export function sharedFileJson(baseUrl: string, teamId: string, file: SharedFile, size = file.bytes.length) {
  const path = `files-pri/${teamId}-${file.fileId}`;
  const name = encodeURIComponent(file.name);
  return {
    id: file.fileId,
    created: Math.floor(Date.now() / 1000),
    name: file.name,
    title: file.name,
    mimetype: file.name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    filetype: file.name.split('.').at(-1) ?? '',
    user: file.user,
    size,
    mode: 'hosted',
    is_external: false,
    url_private: `${baseUrl}/${path}/${name}`,
    url_private_download: `${baseUrl}/${path}/download/${name}`,
  };
}

export type DownloadReply =
  | { status: 200; bytes: Buffer }
  | { status: 302; location: string }
  | { status: 404; text: string };

/** What files.slack.com answers a GET of a download URL. */
export function downloadFile(
  files: readonly SharedFile[],
  downloads: FileDownload[],
  req: IncomingMessage,
  /** Whether a bearer token may read the files of a workspace (its own bot token, or one installed there). */
  mayRead: (token: string, teamId: string) => boolean,
): DownloadReply {
  const [, teamId = '', fileId] = DOWNLOAD_PATH.exec((req.url ?? '').split('?')[0] ?? '') ?? [];
  const file = files.find((candidate) => candidate.fileId === fileId);
  if (!fileId || !file) return { status: 404, text: 'file_not_found' };
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  const authorized = bearer !== undefined && mayRead(bearer, teamId);
  downloads.push({ fileId, authorized });
  if (!authorized) return { status: 302, location: 'https://slack.com/signin?redir=%2Ffiles-pri' };
  return { status: 200, bytes: file.bytes };
}
