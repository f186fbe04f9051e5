import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Anything shaped like a Slack, GitHub or GitLab token, a signature or a password in a URL. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/xox[abposer]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  [/\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]+/g, '$1[redacted]'],
  [/\bglpat-[A-Za-z0-9_-]+/g, 'glpat-[redacted]'],
  [/v0=[a-f0-9]{64}/g, 'v0=[redacted]'],
  [/(\w+:\/\/[^:/\s]*:)[^@/\s]+@/g, '$1[redacted]@'],
];

/** Remove secrets from free text before it is logged (Bolt and the Slack SDK log plain strings). */
export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** Structured fields that never reach the log. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'gitToken',
  '*.gitToken',
  'githubToken',
  '*.githubToken',
  'signingSecret',
  '*.signingSecret',
  'password',
  '*.password',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'threadmodel' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
      formatters: {
        log(object) {
          const err = object.err as { message?: unknown; stack?: unknown } | undefined;
          if (err && typeof err === 'object') {
            return {
              ...object,
              err: {
                ...err,
                ...(typeof err.message === 'string' && { message: scrubSecrets(err.message) }),
                ...(typeof err.stack === 'string' && { stack: scrubSecrets(err.stack) }),
              },
            };
          }
          return object;
        },
      },
    },
    destination,
  );
}

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt and the Web API client log through this adapter, so their lines are structured and scrubbed too. */
export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  const text = (parts: unknown[]) =>
    parts
      .map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : JSON.stringify(part)))
      .join(' ');
  return {
    debug: (...parts: unknown[]) => child.debug(text(parts)),
    info: (...parts: unknown[]) => child.info(text(parts)),
    warn: (...parts: unknown[]) => child.warn(text(parts)),
    error: (...parts: unknown[]) => child.error(text(parts)),
    setLevel: () => {}, // the level is ours to set (LOG_LEVEL), not Bolt's
    getLevel: () =>
      (Object.entries(TO_PINO).find(([, name]) => name === child.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
