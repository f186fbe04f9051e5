import { UnrecoverableError } from 'bullmq';
import { AppError, ErrorCode, ExportPathError, NotConfiguredError, SlackRefusedError, toAppError } from '../errors';
import { JOBS } from '../ports/job-payloads';
import { permanentSlackError } from './slack-failures';

/** Codes no retry can fix: a job that meets one fails at once (BullMQ's UnrecoverableError). */
const FAIL_AT_ONCE = new Set<ErrorCode>([
  ErrorCode.SlackRefused,
  ErrorCode.JobPayloadInvalid,
  ErrorCode.JobUnknown,
  ErrorCode.NotConfigured,
  ErrorCode.ExportPathRefused,
  ErrorCode.NotInstalled,
]);

/**
 * The error a job attempt ends with, in the app's vocabulary: a permanent Slack refusal becomes a
 * SlackRefusedError, and a coded error no retry can fix is wrapped in BullMQ's UnrecoverableError
 * (the coded one is its `cause`, for `jobFailure`). Anything else is returned as it is: retried.
 */
export function attemptFailure(error: unknown): unknown {
  const permanent = permanentSlackError(error);
  const coded = permanent ? new SlackRefusedError(permanent, { cause: error }) : error;
  if (!(coded instanceof AppError) || !FAIL_AT_ONCE.has(coded.code)) return coded;
  const unrecoverable = new UnrecoverableError(coded.message);
  unrecoverable.cause = coded;
  return unrecoverable;
}

/** Why a job failed, as a coded error: the one `attemptFailure` wrapped, or the error itself. */
export function jobFailure(error: unknown): AppError {
  if (error instanceof UnrecoverableError && error.cause instanceof AppError) return error.cause;
  return toAppError(error);
}

/** What the job was going to do, for "I could not …". */
const FAILED_WHAT: Record<string, string> = {
  [JOBS.reviewRequest]: 'post the review request in the AppSec channel',
  [JOBS.reviewNudge]: 'send a review reminder',
  [JOBS.draftIdle]: 'send a reminder about this draft',
  [JOBS.modelExport]: 'export it to the repository',
  [JOBS.threadPicture]: 'post its picture',
  [JOBS.modelReuse]: 'reuse the exported model',
  [JOBS.catalogProposal]: 'propose a threat or mitigation for the catalog',
};

const SLACK_REFUSALS: readonly [RegExp, string][] = [
  [
    /^(channel_not_found|not_in_channel|is_archived)$/,
    'Slack would not let me post there (the channel may be archived, or I am no longer in it)',
  ],
  [
    /^(user_not_found|user_disabled|cannot_dm_bot|no_such_subteam)$/,
    'Slack could not reach the person or group it was for',
  ],
  [
    /^(invalid_auth|not_authed|account_inactive|token_revoked|missing_scope|restricted_action)$/,
    "Slack no longer accepts this app's access here (a workspace admin should check the installation)",
  ],
];

/** Why, in words for the people in the thread: chosen by the error's code, never its message. */
function reasonFor(error: AppError): string {
  if (error instanceof SlackRefusedError)
    return (
      SLACK_REFUSALS.find(([codes]) => codes.test(error.slackCode))?.[1] ?? 'Slack did not accept the message I made'
    );
  if (error instanceof NotConfiguredError)
    return `it is not set up in this deployment (whoever runs Threadmodel can set ${error.setting})`;
  if (error instanceof ExportPathError)
    return (
      `the branch \`${error.branch}\` holds a ${error.holds} where the export goes (\`${error.folder}\`), and I write only into plain folders inside the repository. ` +
      'Someone with access to the repository should remove it from the branch, then export again'
    );
  return REASONS[error.code];
}

const REASONS: Record<ErrorCode, string> = {
  [ErrorCode.ConfigInvalid]: 'my configuration has a problem',
  [ErrorCode.DataFileInvalid]: 'my flow or catalog files have a problem',
  [ErrorCode.ModelNotFound]: 'the model is no longer there',
  [ErrorCode.ModelInvalid]: 'the change would have left the model inconsistent',
  [ErrorCode.VersionConflict]: 'the model kept changing while I tried',
  [ErrorCode.StoreUnavailable]: 'my storage could not be reached',
  [ErrorCode.ReplicaUnconfirmed]: 'my storage could not confirm a backup copy of the change in time',
  [ErrorCode.SlackUnavailable]: 'Slack could not be reached',
  [ErrorCode.SlackRefused]: 'Slack did not accept the message I made',
  [ErrorCode.SlackBusy]: 'Slack was too busy to take it',
  [ErrorCode.ChannelBusy]: 'the channel stayed too busy',
  [ErrorCode.SlackBudgetSpent]: 'Slack kept asking me to slow down',
  [ErrorCode.JobPayloadInvalid]: 'the task could not be read (it may come from another version of Threadmodel)',
  [ErrorCode.JobUnknown]: 'this version of Threadmodel does not know that task',
  [ErrorCode.NotConfigured]: 'it is not set up in this deployment',
  [ErrorCode.ExportRepositoryFailed]: 'the repository could not be reached, or it refused the change',
  [ErrorCode.ExportPathRefused]: 'the export branch holds a symbolic link where the export goes',
  [ErrorCode.GitHubRefused]: 'GitHub refused the request or did not answer',
  [ErrorCode.NotInstalled]: 'Threadmodel is no longer installed in this workspace',
  [ErrorCode.Unknown]: 'something went wrong on my side',
};

/**
 * The note a model's thread gets when one of its jobs gave up: what could not be done, why in
 * friendly words picked by the failure's code, and the job id to quote. Raw error text (Slack,
 * git, GitHub, a stack) only ever goes to the log.
 */
export function jobFailureNote(job: { name: string; id: string }, modelId: string, error: AppError): string {
  return (
    `:warning: I could not ${FAILED_WHAT[job.name] ?? 'finish a background task'} for *${modelId}*: ${reasonFor(error)}. ` +
    `Nothing in the model was lost; whoever runs Threadmodel can find \`${job.id}\` in the logs.`
  );
}
