import { z } from 'zod';
import { cleanLine, cleanText } from './clean-text';
import { LIMITS } from './limits';

/** A Slack user id (`U…`, or `W…` on Enterprise Grid). */
export const SlackUserIdSchema = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,30}$/, 'must be a Slack user id such as U012ABC')
  .describe('Slack user id');
export type SlackUserId = z.infer<typeof SlackUserIdSchema>;

/** Who did something: a Slack user, or the system itself (jobs, retention). */
export const ActorRefSchema = z
  .union([SlackUserIdSchema, z.literal('system')])
  .describe('A Slack user id, or "system" for changes made by the bot itself');
export type ActorRef = z.infer<typeof ActorRefSchema>;

/** A Slack workspace (team) id; `E…` for an Enterprise Grid organisation. */
export const WorkspaceIdSchema = z
  .string()
  .regex(/^[TE][A-Z0-9]{2,30}$/, 'must be a Slack workspace id such as T012ABC')
  .describe('Slack workspace (team) id');

/** A Slack conversation id: public (`C…`) or private (`G…`) channel. */
export const ChannelIdSchema = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,30}$/, 'must be a Slack channel id such as C012ABC')
  .describe('Slack channel id');

/** A Slack message timestamp, which also identifies a thread. */
export const MessageTsSchema = z
  .string()
  .regex(/^\d{9,12}\.\d{1,9}$/, 'must be a Slack message timestamp such as 1700000000.000100')
  .describe('Slack message timestamp');

/** Instants are stored as ISO-8601 UTC strings so a model is plain JSON. */
export const InstantSchema = z.iso.datetime({ offset: false }).describe('ISO-8601 UTC timestamp');
export type Instant = z.infer<typeof InstantSchema>;

/**
 * A non-empty line of user text (a title, a name, a grammar field) of bounded length. It is
 * cleaned (clean-text.ts: no controls, NUL or bidi overrides, white space folded to single spaces)
 * rather than refused, so every path that stores a model (a form, a command, a model file read
 * back from the repository) stores the same clean text as the Slack edge does, and a stray
 * invisible character in an imported file does not reject the whole file. Text that is nothing
 * but such characters is empty, and refused as empty.
 */
export function text(max: number) {
  return z.string().overwrite(cleanLine).min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/** Like `text`, keeping line breaks (at most one blank line in a row): descriptions, notes, comments. */
export function multilineText(max: number) {
  return z.string().overwrite(cleanText).min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/**
 * An http(s) URL; other schemes (javascript:, file:, slack:) are refused. So is one with white
 * space or an invisible character (a bidi override can make a link read as another): unlike
 * text, a URL is refused rather than cleaned, since a cleaned URL would silently point elsewhere.
 */
export const WebUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(LIMITS.referenceMax)
  .refine((url) => !/\s/.test(url) && cleanLine(url) === url, 'must not contain spaces or invisible characters')
  .describe('An http or https URL');

/**
 * A relative path inside a repository, such as `infra/s3.tf` or `src/auth/login.ts#L40`.
 * No leading slash, no `..` segment, no backslash, no control characters.
 */
export const RepoPathSchema = z
  .string()
  .max(LIMITS.referenceMax)
  .regex(
    /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$|#))[A-Za-z0-9._\-/@+]+(?:#L\d+(?:-L\d+)?)?$/,
    'must be a relative repository path such as infra/bucket.tf or src/app.ts#L10-L20',
  )
  .describe('A path relative to the repository root, optionally with a #L line anchor');

/** Where the code or infrastructure-as-code implementing a control lives. */
export const CodeReferenceSchema = z
  .union([WebUrlSchema, RepoPathSchema], {
    error: 'must be an http(s) URL or a relative repository path such as infra/bucket.tf',
  })
  .describe('An http(s) URL or a relative repository path');
export type CodeReference = z.infer<typeof CodeReferenceSchema>;
