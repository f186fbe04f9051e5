import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger';

/** One JSON log line as pino writes it (level 40 warn, 50 error). */
export interface LogEntry {
  level: number;
  msg?: string;
  err?: { message?: string; stack?: string; type?: string };
  [field: string]: unknown;
}

export const WARN = 40;
export const ERROR = 50;

/**
 * A real app logger (createLogger, with its redaction) whose lines are kept in memory, so a test
 * can say what was logged: e.g. that bad input is a warning without a stack, never an error.
 */
export function capturedLogs(level = 'warn'): { logger: Logger; entries: LogEntry[]; clear: () => void } {
  const entries: LogEntry[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) entries.push(JSON.parse(line) as LogEntry);
      done();
    },
  });
  return { logger: createLogger(level, stream), entries, clear: () => entries.splice(0) };
}

/** The entries that would page someone: errors, and anything carrying a stack trace. */
export function alarming(entries: readonly LogEntry[]): LogEntry[] {
  return entries.filter((entry) => entry.level >= ERROR || typeof entry.err?.stack === 'string');
}
