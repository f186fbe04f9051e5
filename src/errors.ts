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
  /** A change was written on the Redis primary, but too few replicas confirmed a copy in time (REDIS_WAIT_REPLICAS). */
  ReplicaUnconfirmed = 'replica_unconfirmed',
  SlackUnavailable = 'slack_unavailable',
  /** Slack answered a call with an error no retry can fix (a channel gone, a bad payload, a dead token). */
  SlackRefused = 'slack_refused',
  /** Slack refused a call someone is waiting for with a rate limit: they are told when to try again. */
  SlackBusy = 'slack_busy',
  /** A job message must wait its turn in a busy channel (not a failure: the job is delayed). */
  ChannelBusy = 'channel_busy',
  /** The background lane spent its Slack budget for a method (or Slack said to wait): try again later. */
  SlackBudgetSpent = 'slack_budget_spent',
  /** A job's payload does not parse: it can never succeed. */
  JobPayloadInvalid = 'job_payload_invalid',
  /** A job name no processor handles (a job of another version of Threadmodel). */
  JobUnknown = 'job_unknown',
  /** What a job needs is not set up in this deployment (an environment variable is missing). */
  NotConfigured = 'not_configured',
  /** Git could not reach the export repository, or it refused a fetch or a push. */
  ExportRepositoryFailed = 'export_repository_failed',
  /** The export branch holds a symbolic link (or a file, or a submodule) where the export reads or writes. */
  ExportPathRefused = 'export_path_refused',
  /** GitHub refused a call (pull request, issue) or did not answer. */
  GitHubRefused = 'github_refused',
  /** OAuth mode: the workspace has no installation (never installed, uninstalled or its tokens revoked). */
  NotInstalled = 'not_installed',
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

/**
 * The change to `modelId` was written on the Redis primary (so it is what everyone reads now),
 * but only `confirmed` of the `wanted` replicas reported a copy within `timeoutMs`. If the
 * primary fails before the copy lands, a promoted replica would not have this change: the person
 * is told to check it, instead of being told it is safely saved.
 */
export class ReplicaUnconfirmedError extends AppError {
  constructor(
    readonly modelId: string,
    readonly wanted: number,
    readonly confirmed: number,
    readonly timeoutMs: number,
  ) {
    super(
      ErrorCode.ReplicaUnconfirmed,
      `${modelId} was written on the primary, but ${confirmed} of ${wanted} replicas confirmed it within ${timeoutMs} ms`,
    );
  }
}

/** Slack refused the bot token or cannot be reached at start-up. Never includes the token. */
export class SlackUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.SlackUnavailable, message, options);
  }
}

/** OAuth mode: no installation serves the workspace, so no token may call Slack for it (a job for it fails for good). */
export class NotInstalledError extends AppError {
  constructor(readonly workspaceId: string | undefined) {
    super(
      ErrorCode.NotInstalled,
      workspaceId
        ? `Threadmodel is not installed in workspace ${workspaceId} (uninstalled, or its tokens were revoked)`
        : 'a Slack call was made outside any workspace (OAuth mode has no token of its own)',
    );
  }
}

/** Slack refused a call for good (`slackCode` is Slack's error, e.g. `channel_not_found`). */
export class SlackRefusedError extends AppError {
  constructor(
    readonly slackCode: string,
    options?: { cause?: unknown },
  ) {
    super(ErrorCode.SlackRefused, `Slack refused the call for good: ${slackCode}`, options);
  }
}

/**
 * Slack rate-limited `method` on a call a person is waiting for, and asked for `retryAfterSeconds`:
 * too long to wait inside a request (a trigger lives 3 seconds), so the person is told instead.
 */
export class SlackBusyError extends AppError {
  constructor(
    readonly method: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(ErrorCode.SlackBusy, `Slack rate-limited ${method}: retry after ${retryAfterSeconds} s`, options);
  }
}

/**
 * The channel had a message from us less than the pace ago (Slack allows about one per second per
 * channel): try again after `retryInMs`. The worker delays only this job, the queue keeps going.
 */
export class ChannelBusyError extends AppError {
  constructor(readonly retryInMs: number) {
    super(ErrorCode.ChannelBusy, `channel busy for ${retryInMs} ms`);
  }
}

/**
 * The background lane may not call `method` in this workspace for `retryInMs` (its budget is
 * spent, or Slack answered 429 and everyone waits): nothing was sent. A card refresh is retried
 * after the wait; a job is delayed by it, the queue keeps going.
 */
export class BudgetSpentError extends AppError {
  constructor(
    readonly method: string,
    readonly retryInMs: number,
  ) {
    super(ErrorCode.SlackBudgetSpent, `${method} budget spent for ${retryInMs} ms`);
  }
}

/** A job's payload does not match its schema; `problem` is the first issue found. */
export class JobPayloadError extends AppError {
  constructor(readonly problem: string) {
    super(ErrorCode.JobPayloadInvalid, `bad job payload: ${problem}`);
  }
}

/** No processor for a job of this name. */
export class UnknownJobError extends AppError {
  constructor(readonly jobName: string) {
    super(ErrorCode.JobUnknown, `no processor for job ${jobName}`);
  }
}

/** A job needs a setting this deployment does not have (`setting` is the environment variable). */
export class NotConfiguredError extends AppError {
  constructor(
    readonly setting: string,
    why: string,
  ) {
    super(ErrorCode.NotConfigured, `${setting} is not set: ${why}`);
  }
}

/** Git failed (unreachable remote, refused push); the message never shows credentials. */
export class GitPublishError extends AppError {
  constructor(message: string) {
    super(ErrorCode.ExportRepositoryFailed, message);
  }
}

/**
 * The export branch holds something other than plain folders and files where the export goes: a
 * symbolic link (which could lead outside the checkout, onto the app's host), a submodule, or a
 * file where a folder belongs. Nothing was removed or written; no retry can fix it, someone with
 * access to the repository must. `branch` and `folder` are the export's own (safe to show);
 * `offending` is the path in the repository, for the log only.
 */
export class ExportPathError extends AppError {
  constructor(
    readonly branch: string,
    readonly folder: string,
    readonly offending: string,
    readonly holds: 'symbolic link' | 'submodule' | 'file',
  ) {
    super(
      ErrorCode.ExportPathRefused,
      `${branch} holds ${JSON.stringify(offending)} as a ${holds}: refusing to export into ${folder} through it`,
    );
  }
}

/** GitHub refused or could not be reached; `status` 0 when there was no answer. */
export class GitHubError extends AppError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(ErrorCode.GitHubRefused, message);
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCode.Unknown, message, { cause: error });
}
