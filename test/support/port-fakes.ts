import {
  resolveSettings,
  type SettingsDefaults,
  type WorkspaceConfig,
  type WorkspaceSettings,
} from '../../src/domain/workspace-settings';
import type { AppSecDirectory } from '../../src/ports/appsec-directory';
import type { ChannelMembers } from '../../src/ports/channel-members';
import type { ExportJobs } from '../../src/ports/export-jobs';
import type {
  CatalogProposalJob,
  DraftIdleJob,
  ModelExportJob,
  ModelReuseJob,
  ReminderKind,
  ReviewNudgeJob,
  ReviewRequestJob,
  ThreadPictureJob,
} from '../../src/ports/job-payloads';
import type { MessageRefStore, MessageRefs } from '../../src/ports/message-refs';
import type { ModelCards } from '../../src/ports/model-cards';
import type { ModelRef } from '../../src/ports/model-store';
import type { PendingReminder, ReminderJobs, ReviewJobs } from '../../src/ports/review-jobs';
import type { ReviewRotation } from '../../src/ports/review-rotation';
import type { TimeZones } from '../../src/ports/time-zones';
import type { WorkspaceAdmins } from '../../src/ports/workspace-admins';
import type { WorkspaceSettingsSource } from '../../src/ports/workspace-settings';

/*
 * In-memory fakes of the ports the use cases call (src/ports/), for unit tests. The recording
 * ones keep what they were asked, and may write it to a shared event log (`events`) for tests
 * of the order in which things happened.
 */

const key = (ref: ModelRef) => `${ref.workspaceId}/${ref.modelId}`;

type Scheduled = { [K in ReminderKind]: { kind: K } & PendingReminder<K> }[ReminderKind];

/**
 * The review and reminder queues in memory: every request, schedule and cancel is recorded, and,
 * as in the BullMQ adapter, one reminder is pending per model and kind (replaced when
 * rescheduled, removed when cancelled).
 */
export class RecordingReviewJobs implements ReviewJobs {
  readonly requested: ReviewRequestJob[] = [];
  readonly cancelled: { ref: ModelRef; kind: ReminderKind }[] = [];
  private readonly scheduled: Scheduled[] = [];
  private readonly pending = new Map<string, Scheduled>();

  constructor(private readonly events: string[] = []) {}

  async requestReview(job: ReviewRequestJob): Promise<void> {
    this.events.push('request review');
    this.requested.push(job);
  }

  async scheduleReviewNudge(job: ReviewNudgeJob, at: Date): Promise<void> {
    this.schedule(job, { kind: 'review', data: job, at });
  }

  async scheduleDraftIdle(job: DraftIdleJob, at: Date): Promise<void> {
    this.schedule(job, { kind: 'idle', data: job, at });
  }

  async pendingReminder<K extends ReminderKind>(ref: ModelRef, kind: K): Promise<PendingReminder<K> | undefined> {
    const found = this.pending.get(`${key(ref)}/${kind}`);
    return found && { data: found.data as ReminderJobs[K], at: found.at };
  }

  async cancelReminder(ref: ModelRef, kind: ReminderKind): Promise<void> {
    this.events.push(`cancel ${kind}`);
    this.cancelled.push({ ref, kind });
    this.pending.delete(`${key(ref)}/${kind}`);
  }

  /** Every reminder of this kind scheduled so far, in order, whether still pending or not. */
  scheduledOf<K extends ReminderKind>(kind: K): PendingReminder<K>[] {
    return this.scheduled
      .filter((reminder) => reminder.kind === kind)
      .map(({ data, at }) => ({ data: data as ReminderJobs[K], at }));
  }

  private schedule(ref: ModelRef, reminder: Scheduled): void {
    this.events.push(`schedule ${reminder.kind}`);
    this.scheduled.push(reminder);
    this.pending.set(`${key(ref)}/${reminder.kind}`, reminder);
  }
}

/** The export queue in memory: every job asked is recorded. */
export class RecordingExportJobs implements ExportJobs {
  readonly exported: ModelExportJob[] = [];
  readonly pictures: ThreadPictureJob[] = [];
  readonly reused: ModelReuseJob[] = [];
  readonly proposed: CatalogProposalJob[] = [];

  constructor(private readonly events: string[] = []) {}

  async proposeForCatalog(job: CatalogProposalJob): Promise<void> {
    this.events.push(`propose ${job.itemId}`);
    this.proposed.push(job);
  }

  async exportModel(job: ModelExportJob): Promise<void> {
    this.events.push('export');
    this.exported.push(job);
  }

  async postPicture(job: ThreadPictureJob): Promise<void> {
    this.events.push(`picture ${job.picture}`);
    this.pictures.push(job);
  }

  async reuseModel(job: ModelReuseJob): Promise<void> {
    this.events.push('reuse');
    this.reused.push(job);
  }
}

/** Cards that only remember which models were asked to refresh. */
export class RecordingCards implements ModelCards {
  readonly refreshed: ModelRef[] = [];

  constructor(private readonly events: string[] = []) {}

  refresh(ref: ModelRef): void {
    this.events.push('refresh');
    this.refreshed.push(ref);
  }
}

/**
 * AppSec as a list of users, in the AppSec channel C0APPSEC1 (no user group). `undefined`:
 * reviews are not set up (no AppSec channel).
 */
export class ListedAppSec implements AppSecDirectory {
  private list: string[] | undefined;

  constructor(members: readonly string[] | undefined = []) {
    this.list = members && [...members];
  }

  async configured(_workspaceId: string): Promise<boolean> {
    return this.list !== undefined;
  }

  async members(_workspaceId: string): Promise<string[]> {
    return [...(this.list ?? [])];
  }

  async isMember(_workspaceId: string, userId: string): Promise<boolean> {
    return this.list?.includes(userId) ?? false;
  }

  /** AppSec is now these users and only them; `undefined`: reviews are not set up. */
  set(members: readonly string[] | undefined): void {
    this.list = members && [...members];
  }

  /** These users join AppSec (which is then set up). */
  add(...userIds: string[]): void {
    this.list = [...(this.list ?? []), ...userIds];
  }
}

/** Channel members as a plain table: who is in which channel; nobody is in a channel not listed. */
export class TableChannelMembers implements ChannelMembers {
  private readonly table = new Map<string, Set<string>>();

  constructor(members: Record<string, readonly string[]> = {}) {
    for (const [channelId, userIds] of Object.entries(members)) this.join(channelId, ...userIds);
  }

  async isMember(channelId: string, userId: string): Promise<boolean> {
    return this.table.get(channelId)?.has(userId) ?? false;
  }

  join(channelId: string, ...userIds: string[]): void {
    const members = this.table.get(channelId) ?? new Set<string>();
    for (const userId of userIds) members.add(userId);
    this.table.set(channelId, members);
  }

  leave(channelId: string, ...userIds: string[]): void {
    for (const userId of userIds) this.table.get(channelId)?.delete(userId);
  }
}

/** Users' time zones as a table; unknown (undefined) for anyone not in it. */
export class TableTimeZones implements TimeZones {
  private readonly zones: Map<string, string>;

  constructor(zones: Record<string, string> = {}) {
    this.zones = new Map(Object.entries(zones));
  }

  async of(userId: string): Promise<string | undefined> {
    return this.zones.get(userId);
  }

  set(userId: string, zone: string): void {
    this.zones.set(userId, zone);
  }
}

/** The round-robin turns in memory: 1, 2, 3, ... per workspace. */
export class CountingRotation implements ReviewRotation {
  private readonly turns = new Map<string, number>();

  async nextTurn(workspaceId: string): Promise<number> {
    const turn = (this.turns.get(workspaceId) ?? 0) + 1;
    this.turns.set(workspaceId, turn);
    return turn;
  }
}

/** Message refs in memory, merged as the Redis adapter merges them (undefined fields are left as they are). */
export class MemoryMessageRefs implements MessageRefStore {
  private readonly refs = new Map<string, MessageRefs>();

  async get(ref: ModelRef): Promise<MessageRefs> {
    return { ...this.refs.get(key(ref)) };
  }

  async set(ref: ModelRef, refs: MessageRefs): Promise<void> {
    const given = Object.fromEntries(Object.entries(refs).filter(([, value]) => value !== undefined));
    const current = this.refs.get(key(ref));
    this.refs.set(key(ref), { ...current, ...given, sent: { ...current?.sent, ...refs.sent } });
  }
}

/** The defaults of the unit tests: AppSec in C0APPSEC1, 3 working days without holidays, exports to a repository. */
export const TEST_SETTINGS_DEFAULTS: SettingsDefaults = {
  appsec: { channelId: 'C0APPSEC1', usergroupId: undefined },
  review: { slaWorkingDays: 3, holidays: [] },
  export: {
    gitUrl: 'https://git.example.com/acme/threat-models.git',
    baseBranch: 'main',
    folder: 'threat-models',
    author: { name: 'Threadmodel', email: 'threadmodel@localhost.localdomain' },
    github: undefined,
  },
  exportBase: {
    baseBranch: 'main',
    folder: 'threat-models',
    author: { name: 'Threadmodel', email: 'threadmodel@localhost.localdomain' },
    githubApiUrl: 'https://api.github.com',
    backlogIssues: false,
  },
};

/** Workspaces' settings in memory over `defaults` (change them to turn exports off: `defaults.export = undefined`). */
export class MemoryWorkspaceSettings implements WorkspaceSettingsSource {
  readonly saved = new Map<string, WorkspaceSettings>();
  readonly defaults: SettingsDefaults = structuredClone(TEST_SETTINGS_DEFAULTS);
  sealsSecrets = true;
  localRepositories = false;

  async forWorkspace(workspaceId: string): Promise<WorkspaceConfig> {
    return resolveSettings(this.saved.get(workspaceId), this.defaults);
  }

  async own(workspaceId: string): Promise<WorkspaceSettings | undefined> {
    return this.saved.get(workspaceId);
  }

  async save(workspaceId: string, settings: WorkspaceSettings): Promise<void> {
    this.saved.set(workspaceId, settings);
  }
}

/** Slack admins as a list of `workspace|user`; nobody else is one. */
export class ListedWorkspaceAdmins implements WorkspaceAdmins {
  readonly admins = new Set<string>();

  async isSlackAdmin(workspaceId: string, userId: string): Promise<boolean> {
    return this.admins.has(`${workspaceId}|${userId}`);
  }
}
