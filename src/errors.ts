/**
 * The closed vocabulary of errors Threadmodel raises on purpose. Callers branch on `code`,
 * never on message text; anything else is wrapped by `toAppError` as `unknown`.
 */
export enum ErrorCode {
  ConfigInvalid = 'config_invalid',
  DataFileInvalid = 'data_file_invalid',
  Unknown = 'unknown',
}

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export interface ConfigProblem {
  /** The environment variable. */
  name: string;
  problem: string;
  expected: string;
}

/** Start-up configuration is wrong: lists every problem at once, not just the first. */
export class ConfigError extends AppError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      ErrorCode.ConfigInvalid,
      [
        `Configuration is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
        ...problems.map((p) => `  - ${p.name}: ${p.problem}; expected ${p.expected}`),
      ].join('\n'),
    );
    this.problems = problems;
  }
}

export interface DataFileProblem {
  file: string;
  /** Where inside the file, e.g. `steps[1].prompts.adversary[0].text`; empty for the whole file. */
  path: string;
  /** 1-based line in the file when known. */
  line?: number;
  message: string;
}

export function formatDataFileProblem(problem: DataFileProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}${problem.path ? ` at ${problem.path}` : ''}: ${problem.message}`;
}

/** A flow or catalog file is malformed, or catalog files contradict each other. */
export class DataFileError extends AppError {
  readonly problems: readonly DataFileProblem[];

  constructor(what: string, problems: readonly DataFileProblem[]) {
    super(
      ErrorCode.DataFileInvalid,
      [
        `${what} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
        ...problems.map((problem) => `  - ${formatDataFileProblem(problem)}`),
      ].join('\n'),
    );
    this.problems = problems;
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCode.Unknown, message, { cause: error });
}
