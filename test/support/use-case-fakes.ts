import type { ThreatModel } from '../../src/domain/model';
import { createLogger } from '../../src/logger';
import type { AppSecDirectory } from '../../src/ports/appsec-directory';
import type { DraftIdleJob, ReminderKind, ReviewNudgeJob, ReviewRequestJob } from '../../src/ports/job-payloads';
import type { MessageRefStore, MessageRefs } from '../../src/ports/message-refs';
import type { ModelRef, ModelStore } from '../../src/ports/model-store';
import type { PendingReminder, ReminderJobs, ReviewJobs } from '../../src/ports/review-jobs';
import type { UseCaseDeps } from '../../src/use-cases/use-case-deps';
import { defaultFlow, NOW } from './build-model';

const key = (ref: ModelRef) => `${ref.workspaceId}/${ref.modelId}`;

/** The queues in memory: one pending reminder per model and kind, as the BullMQ adapter keeps them. */
export class MemoryReviewJobs implements ReviewJobs {
  readonly requested: ReviewRequestJob[] = [];
  readonly cancelled: { ref: ModelRef; kind: ReminderKind }[] = [];
  private readonly pending = new Map<string, { data: ReviewNudgeJob | DraftIdleJob; at: Date }>();

  async requestReview(job: ReviewRequestJob): Promise<void> {
    this.requested.push(job);
  }

  async scheduleReviewNudge(job: ReviewNudgeJob, at: Date): Promise<void> {
    this.pending.set(`${key(job)}/review`, { data: job, at });
  }

  async scheduleDraftIdle(job: DraftIdleJob, at: Date): Promise<void> {
    this.pending.set(`${key(job)}/idle`, { data: job, at });
  }

  async pendingReminder<K extends ReminderKind>(ref: ModelRef, kind: K): Promise<PendingReminder<K> | undefined> {
    const found = this.pending.get(`${key(ref)}/${kind}`);
    return found && { data: found.data as ReminderJobs[K], at: found.at };
  }

  async cancelReminder(ref: ModelRef, kind: ReminderKind): Promise<void> {
    this.cancelled.push({ ref, kind });
    this.pending.delete(`${key(ref)}/${kind}`);
  }
}

/** AppSec is a fixed list of users; `undefined`: reviews are not set up (no AppSec channel). */
export function fixedAppSec(members: string[] | undefined): AppSecDirectory {
  return {
    settings: { channelId: members ? 'C0APPSEC1' : undefined, usergroupId: undefined },
    configured: members !== undefined,
    members: async () => [...(members ?? [])],
    isMember: async (userId) => members?.includes(userId) ?? false,
  };
}

/** Message refs in memory. */
export class MemoryMessageRefs implements MessageRefStore {
  private readonly refs = new Map<string, MessageRefs>();

  async get(ref: ModelRef): Promise<MessageRefs> {
    return { ...this.refs.get(key(ref)) };
  }

  async set(ref: ModelRef, refs: MessageRefs): Promise<void> {
    this.refs.set(key(ref), { ...this.refs.get(key(ref)), ...refs });
  }
}

export type ReviewUseCaseDeps = Pick<
  UseCaseDeps,
  | 'store'
  | 'jobs'
  | 'clock'
  | 'logger'
  | 'flow'
  | 'appsec'
  | 'members'
  | 'timeZones'
  | 'rotation'
  | 'cards'
  | 'messageRefs'
  | 'reviewSettings'
> & {
  jobs: MemoryReviewJobs;
  messageRefs: MemoryMessageRefs;
  /** The refs of every cards.refresh asked. */
  refreshed: ModelRef[];
};

/**
 * What the review use cases need, around a real store: the shipped flow, a fixed clock, AppSec,
 * channel members and time zones as given, a round-robin turn in memory, and the queues and cards recorded.
 */
export function reviewDeps(
  store: ModelStore,
  options: {
    appsec?: string[] | undefined;
    /** The members of every channel; everyone when not given. */
    channelMembers?: string[];
    timeZones?: Record<string, string>;
    now?: () => Date;
  } = {},
): ReviewUseCaseDeps {
  const refreshed: ModelRef[] = [];
  const turns = new Map<string, number>();
  return {
    store,
    jobs: new MemoryReviewJobs(),
    clock: options.now ?? (() => NOW),
    logger: createLogger('silent'),
    flow: defaultFlow(),
    appsec: fixedAppSec('appsec' in options ? options.appsec : []),
    members: { isMember: async (_channelId, userId) => options.channelMembers?.includes(userId) ?? true },
    timeZones: { of: async (userId) => options.timeZones?.[userId] },
    rotation: {
      nextTurn: async (workspaceId) => {
        const turn = (turns.get(workspaceId) ?? 0) + 1;
        turns.set(workspaceId, turn);
        return turn;
      },
    },
    cards: { refresh: (ref) => refreshed.push(ref) },
    messageRefs: new MemoryMessageRefs(),
    reviewSettings: { slaWorkingDays: 3, holidays: [] },
    refreshed,
  };
}

/** A model written straight into the store as it is given (created first, so it has an id). */
export async function storedModel(
  store: ModelStore,
  change: (model: ThreatModel) => ThreatModel = (model) => model,
): Promise<ThreatModel> {
  const created = await store.create(
    { title: 'Refunds API', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: 'U0ALICE01' },
    'U0ALICE01',
  );
  const { model } = await store.update(
    { workspaceId: created.workspaceId, modelId: created.id },
    { actor: 'U0ALICE01', action: 'seed' },
    change,
  );
  return model;
}

/** The ref of a model. */
export function refOf(model: ThreatModel): ModelRef {
  return { workspaceId: model.workspaceId, modelId: model.id };
}
