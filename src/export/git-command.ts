import { execFile } from 'node:child_process';
import { GitPublishError } from '../errors';

const TIMEOUT_MS = 120_000;

export interface GitOptions {
  /** Who commits (also set for reads, where it does not matter). */
  author?: { name: string; email: string };
  /** An HTTP header for git's requests (e.g. GitHub authorisation), kept out of URLs and logs. */
  httpHeader?: string;
  /**
   * A deadline for everything run through this git (each command also has its own time limit):
   * once it fires, the running command is killed and every later one fails at once.
   */
  signal?: AbortSignal;
}

/** git in one directory: the arguments after `git`, resolving to what it printed. */
export type Git = (args: string[]) => Promise<string>;

/** Like Git, for output that must stay bytes (a blob, which need not be valid UTF-8). */
export type GitBytes = (args: string[]) => Promise<Buffer>;

/**
 * Run git in a directory without a shell, prompts, hooks, system config or links on disk, with a time limit;
 * a failure is a GitPublishError whose message has every credential taken out.
 */
export function gitIn(dir: string, request: GitOptions): Git {
  const run = gitRunner(dir, request);
  return (args) => run(args, 'utf8') as Promise<string>;
}

/** gitIn, answering the bytes git printed. */
export function gitBytesIn(dir: string, request: GitOptions): GitBytes {
  const run = gitRunner(dir, request);
  return (args) => run(args, 'buffer') as Promise<Buffer>;
}

function gitRunner(dir: string, request: GitOptions) {
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: request.author?.name ?? 'Threadmodel',
    GIT_AUTHOR_EMAIL: request.author?.email ?? 'threadmodel@localhost.localdomain',
    GIT_COMMITTER_NAME: request.author?.name ?? 'Threadmodel',
    GIT_COMMITTER_EMAIL: request.author?.email ?? 'threadmodel@localhost.localdomain',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  // core.symlinks=false: a link in a checked-out branch becomes a small plain file holding its
  // target, never a link on the host's disk that something could follow (git keeps its mode).
  const config = [
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'core.symlinks=false',
    '-c',
    'commit.gpgsign=false',
    '-c',
    'init.defaultBranch=main',
  ];
  if (request.httpHeader) config.push('-c', `http.extraHeader=${request.httpHeader}`);
  return (args: string[], encoding: 'utf8' | 'buffer') =>
    new Promise<string | Buffer>((resolve, reject) => {
      execFile(
        'git',
        [...config, ...args],
        {
          cwd: dir,
          env,
          timeout: TIMEOUT_MS,
          maxBuffer: 10_000_000,
          encoding,
          ...(request.signal && { signal: request.signal }),
        },
        (error, stdout, stderr) => {
          if (!error) return resolve(stdout);
          if (request.signal?.aborted) return reject(new GitPublishError(`git ${args[0]} failed: out of time`));
          const said = redact(String(stderr || error.message).trim(), request)
            .split('\n')
            .slice(-3)
            .join(' ');
          reject(new GitPublishError(`git ${args[0]} failed: ${said || 'no output'}`));
        },
      );
    });
}

/** Credentials out of any text git prints: `https://user:token@host` and the auth header. */
function redact(text: string, request: GitOptions): string {
  let out = text.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1***@');
  if (request.httpHeader) out = out.split(request.httpHeader).join('***');
  return out;
}

/** The header that lets git push and fetch over HTTPS with a GitHub token (never put in the URL). */
export function gitHubHttpHeader(repoUrl: string, token: string | undefined): string | undefined {
  if (!token || !repoUrl.startsWith('https://')) return undefined;
  return `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}
