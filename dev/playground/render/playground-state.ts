import * as z from 'zod/mini';

/**
 * What the playground server's API returns, parsed on arrival so a mismatch between page and
 * server shows as one clear error instead of a half-drawn page. Objects are not strict: the
 * server may add fields the page does not use yet. zod/mini keeps the page's bundle small.
 */

const TextSchema = z.object({ type: z.string(), text: z.string() });

export const MessageSchema = z.object({
  ts: z.string(),
  /** Who posted it: the bot, or a person who typed in the playground. */
  user: z.optional(z.string()),
  text: z._default(z.string(), ''),
  blocks: z._default(z.array(z.unknown()), []),
  threadTs: z.optional(z.string()),
  replyCount: z._default(z.number(), 0),
});
export type Message = z.infer<typeof MessageSchema>;

export const ViewSchema = z.object({
  id: z.string(),
  /** Modals have one; the Home tab does not. */
  title: z.optional(TextSchema),
  submit: z.optional(TextSchema),
  close: z.optional(TextSchema),
  blocks: z._default(z.array(z.unknown()), []),
  errors: z._default(z.record(z.string(), z.string()), {}),
});
export type View = z.infer<typeof ViewSchema>;

export const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  realName: z.string(),
  isAppSec: z._default(z.boolean(), false),
});
export type User = z.infer<typeof UserSchema>;

export const ChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  isPrivate: z._default(z.boolean(), false),
  isMember: z.boolean(),
});
export type Channel = z.infer<typeof ChannelSchema>;

/** A workspace of the playground, and whether the app is installed there yet. */
export const WorkspaceSchema = z.object({
  teamId: z.string(),
  name: z.string(),
  installed: z.boolean(),
  /** Who the page signs in as on switching to it. */
  firstUser: z.string(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const ViolationSchema = z.object({ method: z.string(), problems: z.array(z.string()) });
export type Violation = z.infer<typeof ViolationSchema>;

export const ExportLinkSchema = z.object({ modelId: z.string(), title: z.string(), url: z.string() });
export type ExportLink = z.infer<typeof ExportLinkSchema>;

export const PlaygroundStateSchema = z.object({
  /** The signed-in person's workspace (its team id). */
  workspace: z._default(z.string(), ''),
  workspaces: z._default(z.array(WorkspaceSchema), []),
  users: z.array(UserSchema),
  user: z.string(),
  channels: z.array(ChannelSchema),
  channel: z.nullish(z.string()),
  messages: z._default(z.array(MessageSchema), []),
  thread: z.nullish(z.array(MessageSchema)),
  ephemerals: z._default(z.array(MessageSchema), []),
  modals: z._default(z.array(ViewSchema), []),
  home: z.nullish(ViewSchema),
  violations: z._default(z.array(ViolationSchema), []),
  exports: z._default(z.array(ExportLinkSchema), []),
  pendingJobs: z._default(z.number(), 0),
});
export type PlaygroundState = z.infer<typeof PlaygroundStateSchema>;

/** `{ ok, error? }`: what command, act, close, home and shortcut answer. */
export const ResultSchema = z.object({ ok: z.boolean(), error: z.optional(z.string()) });
export type Result = z.infer<typeof ResultSchema>;

export const SubmitResultSchema = z.extend(ResultSchema, { errors: z.optional(z.record(z.string(), z.string())) });
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

export const JobsResultSchema = z.object({ promoted: z.number() });
export type JobsResult = z.infer<typeof JobsResultSchema>;
