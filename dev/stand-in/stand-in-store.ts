/**
 * Everything the stand-in remembers: workspaces, calls, messages, views, triggers, uploads, responses.
 * Its own workspace (`workspace`) answers every token; a workspace added with `addWorkspace` (its own
 * people, channels and groups) answers only the tokens oauth.v2.access issued for it, and they see
 * nothing else, as a bot installed in one Slack workspace cannot read another's.
 */

import { randomBytes } from 'node:crypto';
import { withBlockIds } from './block-ids';
import { ResponseTargets } from './response-targets';
import type { FileDownload, SharedFile } from './shared-files';
import type {
  BlockKitViolation,
  EphemeralMessage,
  RecordedCall,
  RecordedResponse,
  SlackView,
  StandInOptions,
  StoredMessage,
  Upload,
} from './stand-in-types';
import { ViewStore } from './view-store';
import { BOT, createWorkspace, type Workspace, type WorkspaceChannel, type WorkspaceUser } from './workspace';

/** Slack refuses a trigger_id older than this. */
export const TRIGGER_TTL_MS = 3000;

interface Trigger {
  userId: string;
  issuedAt: number;
  used: boolean;
}

export type TriggerCheck =
  | { userId: string }
  | { error: 'invalid_trigger_id' | 'exchanged_trigger_id' | 'expired_trigger_id' };

export class StandInStore {
  readonly workspace: Workspace = createWorkspace();
  /** Workspaces served beside the stand-in's own, each to its own tokens only. */
  readonly otherWorkspaces: Workspace[] = [];
  /**
   * The workspace (or organisation) of the token making the current Web API call, set for that
   * call alone; undefined outside a call (the driver, tests and the playground read everything).
   */
  callerTeam: string | undefined;
  readonly calls: RecordedCall[] = [];
  readonly blockKitViolations: BlockKitViolation[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  readonly uploads: Upload[] = [];
  /** Files people shared (see shared-files.ts), and each download of one. */
  readonly sharedFiles: SharedFile[] = [];
  readonly fileDownloads: FileDownload[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly views = new ViewStore({ teamId: this.workspace.teamId, appId: BOT.appId, botId: BOT.botId });
  readonly responseTargets = new ResponseTargets();
  readonly now: () => number;
  private stored: StoredMessage[] = [];
  private readonly triggers = new Map<string, Trigger>();
  private lastTsMicros = 0;
  private sequence = 0;

  constructor(options: StandInOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** A message ts ('seconds.micros') from the clock, strictly increasing. */
  nextTs(): string {
    this.lastTsMicros = Math.max(Math.floor(this.now()) * 1000, this.lastTsMicros + 100);
    const seconds = Math.floor(this.lastTsMicros / 1_000_000);
    return `${seconds}.${String(this.lastTsMicros % 1_000_000).padStart(6, '0')}`;
  }

  /** A fresh id such as 'F00000007' or 'Ev00000008'. */
  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${String(this.sequence).padStart(8, '0')}`;
  }

  /** Serves another workspace beside the stand-in's own (see the class comment); returns it. */
  addWorkspace(workspace: Workspace): Workspace {
    if (this.workspaceOf(workspace.teamId) !== this.workspace || workspace.teamId === this.workspace.teamId)
      throw new Error(`stand-in: workspace ${workspace.teamId} is already served`);
    this.otherWorkspaces.push(workspace);
    return workspace;
  }

  /** The workspace a team's tokens see: the one added for it, else the stand-in's own. */
  workspaceOf(teamId: string): Workspace {
    return this.otherWorkspaces.find((workspace) => workspace.teamId === teamId) ?? this.workspace;
  }

  /** The workspace a person belongs to (the stand-in's own for an unknown id). */
  workspaceOfUser(userId: string): Workspace {
    return this.everyWorkspace().find((workspace) => workspace.users.some((u) => u.id === userId)) ?? this.workspace;
  }

  /** The workspace a channel belongs to, if any. */
  workspaceOfChannel(channelId: string): Workspace | undefined {
    return this.everyWorkspace().find((workspace) => workspace.channels.some((c) => c.id === channelId));
  }

  /** A channel by id, by name or by '#name', among those the current caller may see (by name: its own workspace's first). */
  channel(idOrName: string): WorkspaceChannel | undefined {
    const name = idOrName.replace(/^#/, '');
    for (const workspace of this.inScope()) {
      const found = workspace.channels.find((channel) => channel.id === idOrName || channel.name === name);
      if (found) return found;
    }
    return undefined;
  }

  user(id: string): WorkspaceUser | undefined {
    for (const workspace of this.inScope()) {
      const found = workspace.users.find((user) => user.id === id);
      if (found) return found;
    }
    return undefined;
  }

  usergroup(id: string): Workspace['usergroups'][number] | undefined {
    for (const workspace of this.inScope()) {
      const found = workspace.usergroups.find((group) => group.id === id);
      if (found) return found;
    }
    return undefined;
  }

  isMember(channelId: string, userId: string): boolean {
    return this.channel(channelId)?.members.includes(userId) ?? false;
  }

  /** The bot's DM with a user, created on first use (as conversations.open does). */
  directMessageWith(userId: string): WorkspaceChannel {
    const workspace = this.workspaceOfUser(userId);
    const existing = workspace.channels.find((channel) => channel.is_im && channel.user === userId);
    if (existing) return existing;
    const dm = {
      id: `D${userId.slice(1)}`,
      name: userId,
      is_private: true,
      is_im: true,
      user: userId,
      members: [userId, BOT.userId],
    };
    workspace.channels.push(dm);
    return dm;
  }

  private everyWorkspace(): Workspace[] {
    return [this.workspace, ...this.otherWorkspaces];
  }

  /** What the current caller may see: its own workspace during a Web API call, everything outside one. */
  private inScope(): Workspace[] {
    return this.callerTeam === undefined ? this.everyWorkspace() : [this.workspaceOf(this.callerTeam)];
  }

  /** Stores a bot message; a thread_ts naming a reply is moved to that reply's parent, like Slack does. */
  addMessage(fields: {
    channel: string;
    text: string;
    blocks: unknown[];
    thread_ts?: string;
    metadata?: unknown;
    /** Who posted it: the bot by default; a person for messages typed in the playground. */
    user?: string;
  }): StoredMessage {
    const parent = fields.thread_ts === undefined ? undefined : this.message(fields.channel, fields.thread_ts);
    const threadTs = parent?.thread_ts ?? fields.thread_ts;
    const message: StoredMessage = {
      channel: fields.channel,
      ts: this.nextTs(),
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      text: fields.text,
      blocks: withBlockIds(fields.blocks),
      user: fields.user ?? BOT.userId,
      bot_id: fields.user === undefined ? BOT.botId : '',
      ...(fields.metadata === undefined ? {} : { metadata: fields.metadata }),
      updates: 0,
      versions: [],
      state: {},
    };
    message.versions.push({ text: message.text, blocks: message.blocks, at: new Date(this.now()) });
    this.stored.push(message);
    return message;
  }

  /** Replaces text and/or blocks (absent ones are kept, as chat.update does) and records the version. */
  editMessage(message: StoredMessage, change: { text?: string; blocks?: unknown[] }): void {
    if (change.text !== undefined) message.text = change.text;
    if (change.blocks !== undefined) message.blocks = withBlockIds(change.blocks);
    message.updates += 1;
    message.versions.push({ text: message.text, blocks: message.blocks, at: new Date(this.now()) });
  }

  removeMessage(message: StoredMessage): void {
    this.stored = this.stored.filter((stored) => stored !== message);
  }

  /** Top-level messages of a channel, oldest first. */
  messages(channel: string): StoredMessage[] {
    return this.stored.filter((message) => message.channel === channel && message.thread_ts === undefined);
  }

  /** Replies in a thread, oldest first, without the parent. */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.stored.filter((message) => message.channel === channel && message.thread_ts === threadTs);
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.stored.find((message) => message.channel === channel && message.ts === ts);
  }

  /** The newest message in a channel (top-level or reply) that matches the predicate. */
  latestMessage(
    channel: string,
    predicate: (message: StoredMessage) => boolean = () => true,
  ): StoredMessage | undefined {
    return this.stored.filter((message) => message.channel === channel && predicate(message)).at(-1);
  }

  /** Every stored message, newest first. */
  allMessagesNewestFirst(): StoredMessage[] {
    return [...this.stored].reverse();
  }

  ephemeralsFor(user: string): EphemeralMessage[] {
    return this.ephemerals.filter((ephemeral) => ephemeral.user === user);
  }

  /** The user's modal stack, root first, top last. */
  openViews(user: string): SlackView[] {
    return this.views.stack(user);
  }

  home(user: string): SlackView | undefined {
    return this.views.home(user);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** A trigger_id for an interaction of this user, valid once for three seconds. */
  issueTrigger(userId: string): string {
    const issuedAt = this.now();
    const id = `${Math.floor(issuedAt / 1000)}.${this.nextId('').replace(/^0+/, '')}.${randomBytes(8).toString('hex')}`;
    this.triggers.set(id, { userId, issuedAt, used: false });
    return id;
  }

  /** When a trigger_id was issued (stand-in clock, ms); undefined for one it never issued or forgot. */
  triggerIssuedAt(id: string): number | undefined {
    return this.triggers.get(id)?.issuedAt;
  }

  /** Spends a trigger_id: the user it was issued for, or Slack's error for it. */
  useTrigger(id: unknown): TriggerCheck {
    const trigger = typeof id === 'string' ? this.triggers.get(id) : undefined;
    if (!trigger) return { error: 'invalid_trigger_id' };
    if (trigger.used) return { error: 'exchanged_trigger_id' };
    if (this.now() - trigger.issuedAt > TRIGGER_TTL_MS) return { error: 'expired_trigger_id' };
    trigger.used = true;
    return { userId: trigger.userId };
  }

  recordViolation(method: string, problems: string[]): void {
    if (problems.length > 0) this.blockKitViolations.push({ method, problems });
  }

  /** Forgets calls, messages, views, triggers, uploads and responses; the workspaces stay. */
  reset(): void {
    const lists = [this.calls, this.blockKitViolations, this.ephemerals, this.uploads, this.responses];
    for (const list of [...lists, this.sharedFiles, this.fileDownloads]) {
      list.length = 0;
    }
    this.stored = [];
    this.views.reset();
    this.triggers.clear();
    this.responseTargets.clear();
  }
}
