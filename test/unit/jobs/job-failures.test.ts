import { UnrecoverableError } from 'bullmq';
import {
  AppError,
  ErrorCode,
  ExportPathError,
  GitHubError,
  GitPublishError,
  JobPayloadError,
  ModelInvalidError,
  NotConfiguredError,
  SlackRefusedError,
  UnknownJobError,
} from '../../../src/errors';
import { attemptFailure, jobFailure, jobFailureNote } from '../../../src/jobs/job-failures';
import { JOBS } from '../../../src/ports/job-payloads';

const JOB = { name: JOBS.modelExport, id: 'model.export.T1.TM-7.1' };
const SECRET = 'xoxb-123-secret https://user:token@git.example.com/repo.git /srv/app/dist/jobs/workers.js:42';

/** A Slack Web API error as @slack/web-api throws it. */
function slackError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: code },
  });
}

describe('job failures', () => {
  it('a note for each kind of failure: what, why in plain words, and the job id; never the raw message', () => {
    const failures: AppError[] = [
      ...Object.values(ErrorCode).map((code) => new AppError(code, SECRET)),
      new SlackRefusedError('channel_not_found'),
      new SlackRefusedError('token_revoked'),
      new SlackRefusedError('user_disabled'),
      new SlackRefusedError('msg_too_long'),
      new GitPublishError(`git push failed: ${SECRET}`),
      new ExportPathError('threadmodel/TM-7', 'threat-models/tm-7-refunds', SECRET, 'symbolic link'),
      new GitHubError(`GitHub would not open an issue (HTTP 401: ${SECRET})`, 401),
      new JobPayloadError(SECRET),
      new ModelInvalidError('TM-7', [{ path: 'threats', message: SECRET }]),
      new UnknownJobError(SECRET),
      jobFailure(new Error(SECRET)),
      jobFailure(SECRET),
    ];
    for (const failure of failures) {
      const note = jobFailureNote(JOB, 'TM-7', failure);
      expect(note).toMatch(/^:warning: I could not export it to the repository for \*TM-7\*: [a-zA-Z]/);
      expect(note).toContain('`model.export.T1.TM-7.1`');
      for (const part of ['xoxb', 'token@', '/srv/app', 'workers.js', 'HTTP 401', 'git push'])
        expect(note).not.toContain(part);
    }
  });

  it('names the branch and folder a link blocks, never the path found in the branch', () => {
    const note = jobFailureNote(
      JOB,
      'TM-7',
      new ExportPathError('threadmodel/TM-7', 'threat-models/tm-7-refunds', 'threat-models/<!channel>', 'submodule'),
    );
    expect(note).toContain(
      '*TM-7*: the branch `threadmodel/TM-7` holds a submodule where the export goes (`threat-models/tm-7-refunds`)',
    );
    expect(note).not.toContain('<!channel>');
  });

  it('says which setting a deployment lacks, and picks the words by Slack’s code', () => {
    expect(jobFailureNote(JOB, 'TM-7', new NotConfiguredError('EXPORT_GIT_URL', 'nowhere to export to'))).toContain(
      'it is not set up in this deployment (whoever runs Threadmodel can set EXPORT_GIT_URL).',
    );
    expect(jobFailureNote(JOB, 'TM-7', new SlackRefusedError('is_archived'))).toContain(
      'Slack would not let me post there (the channel may be archived, or I am no longer in it).',
    );
    expect(jobFailureNote({ name: 'some.future.job', id: 'x' }, 'TM-7', new GitPublishError('x'))).toContain(
      'I could not finish a background task for *TM-7*: the repository could not be reached, or it refused the change.',
    );
  });

  it('fails at once what no retry can fix, keeping the coded error; retries the rest', () => {
    const refused = attemptFailure(slackError('channel_not_found'));
    expect(refused).toBeInstanceOf(UnrecoverableError);
    expect(jobFailure(refused)).toBeInstanceOf(SlackRefusedError);
    expect(jobFailure(refused).code).toBe(ErrorCode.SlackRefused);
    expect(attemptFailure(new JobPayloadError('x'))).toBeInstanceOf(UnrecoverableError);
    expect(attemptFailure(new UnknownJobError('x'))).toBeInstanceOf(UnrecoverableError);
    expect(attemptFailure(new NotConfiguredError('APPSEC_CHANNEL_ID', 'x'))).toBeInstanceOf(UnrecoverableError);
    const linked = new ExportPathError(
      'threadmodel/TM-7',
      'threat-models/tm-7-refunds',
      'threat-models',
      'symbolic link',
    );
    expect(attemptFailure(linked)).toBeInstanceOf(UnrecoverableError);
    expect(jobFailure(attemptFailure(linked))).toBe(linked);

    const push = new GitPublishError('git push failed');
    expect(attemptFailure(push)).toBe(push);
    expect(jobFailure(push)).toBe(push);
    const transient = slackError('internal_error');
    expect(attemptFailure(transient)).toBe(transient);
    expect(jobFailure(transient).code).toBe(ErrorCode.Unknown);
    // BullMQ's own unrecoverable errors (no coded cause) are unknown failures.
    expect(jobFailure(new UnrecoverableError('EXPORT_GIT_URL is not set')).code).toBe(ErrorCode.Unknown);
  });
});
