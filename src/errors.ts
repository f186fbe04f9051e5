/**
 * The closed vocabulary of errors Threadmodel raises on purpose. Callers branch on `code`,
 * never on message text; anything else is wrapped by `toAppError` as `unknown`.
 */
export enum ErrorCode {
  ConfigInvalid = 'config_invalid',
  DataFileInvalid = 'data_file_invalid',
  ModelNotFound = 'model_not_found',
  ModelInvalid = 'model_invalid',
  VersionConflict = 'version_conflict',
  StoreUnavailable = 'store_unavailable',
  SlackUnavailable = 'slack_unavailable',
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

/** No model with this id in this workspace. */
export class ModelNotFoundError extends AppError {
  constructor(readonly modelId: string) {
    super(ErrorCode.ModelNotFound, `No threat model ${modelId} in this workspace.`);
  }
}

export interface ModelProblem {
  path: string;
  message: string;
}

/** An update would have stored a model that breaks the schema; nothing was written. */
export class ModelInvalidError extends AppError {
  constructor(
    readonly modelId: string,
    readonly problems: readonly ModelProblem[],
  ) {
    super(
      ErrorCode.ModelInvalid,
      `The change to ${modelId} was refused: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`,
    );
  }
}

/** The caller worked from an older version (someone else changed the model), or contention never let go. */
export class VersionConflictError extends AppError {
  constructor(
    readonly modelId: string,
    readonly expectedVersion: number | undefined,
    readonly currentVersion: number,
  ) {
    super(
      ErrorCode.VersionConflict,
      expectedVersion === undefined
        ? `${modelId} changed too often to apply the update; try again.`
        : `${modelId} is at version ${currentVersion}, not ${expectedVersion}: someone else changed it first.`,
    );
  }
}

/** Redis cannot be reached. The message names the server without its password. */
export class StoreUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.StoreUnavailable, message, options);
  }
}

/** Slack refused the bot token or cannot be reached at start-up. Never includes the token. */
export class SlackUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.SlackUnavailable, message, options);
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCode.Unknown, message, { cause: error });
}
