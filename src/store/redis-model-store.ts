import { randomUUID } from 'node:crypto';
import { formatPath } from '../data-files/read-data-file';
import { MODEL_SCHEMA_VERSION, type ThreatModel, ThreatModelSchema } from '../domain/model';
import { type NewModelInput, newThreatModel } from '../domain/new-model';
import type { ActorRef } from '../domain/primitives';
import {
  ModelInvalidError,
  ModelNotFoundError,
  type ModelProblem,
  ReplicaUnconfirmedError,
  VersionConflictError,
} from '../errors';
import type { ConflictKind, StoreMetrics } from '../ports/metrics';
import type {
  AuditEntry,
  ChangeMeta,
  DomainOutcome,
  ModelIndex,
  ModelRef,
  ModelStore,
  Page,
  UpdateResult,
  VersionSnapshot,
} from '../ports/model-store';
import { changedPaths } from './changed-paths';
import { KeyedMutex } from './keyed-mutex';
import { indexChanges, indexKeysOf } from './model-indexes';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';
import { type StoreScripts, type StoreScriptsPipeline, withStoreScripts } from './store-scripts';

export interface RedisModelStoreOptions {
  redis: RedisClient;
  keys: RedisKeys;
  clock?: () => Date;
  /** Attempts of one update under contention before giving up with a VersionConflictError. */
  maxAttempts?: number;
  /** How long a writer holds a model's lease at most (a crashed writer's lease expires after this). */
  leaseMs?: number;
  /** How long to wait for another writer's lease before going ahead on the version check alone. */
  leaseWaitMs?: number;
  /** Where retries and conflicts of updates are counted (the process's /metrics). */
  metrics?: StoreMetrics;
  /**
   * Set (REDIS_WAIT_REPLICAS): a create or update counts as done only once this many replicas
   * confirm it (Redis WAIT); otherwise it throws a ReplicaUnconfirmedError (the change is on the
   * primary, not yet known to be on a replica).
   */
  waitReplicas?: { replicas: number; timeoutMs: number } | undefined;
}

type WriteScript = 'tmCreate' | 'tmUpdate';

type Change = (current: ThreatModel) => ThreatModel | DomainOutcome;

/** A domain outcome carries `ok`; a threat model (a strict schema) never does. */
function isOutcome(value: ThreatModel | DomainOutcome): value is DomainOutcome {
  return typeof (value as { ok?: unknown }).ok === 'boolean';
}

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

function pageLimit(asked: number | undefined): number {
  return Math.min(MAX_PAGE, Math.max(1, asked ?? DEFAULT_PAGE));
}

/** One stream entry of the audit trail, as written by `update` and `create`. */
function readAuditEntry([id, fields]: [string, string[]]): AuditEntry {
  const field = (name: string) => fields[fields.indexOf(name) + 1] ?? '';
  return {
    id,
    actor: field('actor'),
    action: field('action'),
    version: Number(field('version')),
    paths: JSON.parse(field('paths') || '[]') as string[],
    at: field('at'),
  };
}

/** The ModelStore on Redis: see `redis-keys.ts` for the key layout. */
export class RedisModelStore implements ModelStore {
  private readonly redis: RedisClient & StoreScripts;
  private readonly keys: RedisKeys;
  private readonly clock: () => Date;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly leaseWaitMs: number;
  private readonly local = new KeyedMutex();
  private readonly metrics: StoreMetrics | undefined;
  private readonly waitReplicas: RedisModelStoreOptions['waitReplicas'];

  constructor(options: RedisModelStoreOptions) {
    this.redis = withStoreScripts(options.redis);
    this.keys = options.keys;
    this.clock = options.clock ?? (() => new Date());
    this.maxAttempts = options.maxAttempts ?? 50;
    this.leaseMs = options.leaseMs ?? 5000;
    this.leaseWaitMs = options.leaseWaitMs ?? 10_000;
    this.metrics = options.metrics;
    this.waitReplicas = options.waitReplicas;
  }

  async create(input: Omit<NewModelInput, 'id'>, actor: ActorRef): Promise<ThreatModel> {
    const { keys } = this;
    // Validate before taking a number, so bad input does not burn an id.
    newThreatModel({ ...input, id: 'TM-1' }, this.clock());
    const number = await this.redis.incr(keys.sequence(input.workspaceId));
    const model = newThreatModel({ ...input, id: `TM-${number}` }, this.clock());
    await this.redis.sadd(keys.workspaces(), model.workspaceId);
    const indexes = indexKeysOf(keys, model);
    const created = await this.confirmedWrite(model.id, 'tmCreate', (result) => result === 1, [
      2 + indexes.length,
      keys.model(model.workspaceId, model.id),
      keys.audit(model.workspaceId, model.id),
      ...indexes,
      JSON.stringify(model),
      model.version,
      Date.parse(model.updatedAt),
      model.id,
      actor,
      'model.create',
      '[]',
      model.createdAt,
    ]);
    if (created !== 1)
      throw new Error(`model ${model.id} already exists; the id sequence of ${model.workspaceId} is behind`);
    return model;
  }

  async get(ref: ModelRef): Promise<ThreatModel | undefined> {
    const json = await this.redis.hget(this.keys.model(ref.workspaceId, ref.modelId), 'json');
    return json === null ? undefined : readStored(json);
  }

  async require(ref: ModelRef): Promise<ThreatModel> {
    const model = await this.get(ref);
    if (!model) throw new ModelNotFoundError(ref.modelId);
    return model;
  }

  /**
   * Read, change, validate, then compare-and-set on the version (Lua), retrying on a conflict.
   * Correctness rests on the version check alone. To keep a hot model from wasting work on
   * conflicts, writers in this process queue per model, and writers across processes take a
   * short lease on the model first, so they mostly take turns instead of colliding.
   */
  update(ref: ModelRef, meta: ChangeMeta, change: (current: ThreatModel) => ThreatModel): Promise<UpdateResult>;
  update<O extends DomainOutcome>(
    ref: ModelRef,
    meta: ChangeMeta,
    decide: (current: ThreatModel) => O,
  ): Promise<UpdateResult<O>>;
  async update(ref: ModelRef, meta: ChangeMeta, change: Change): Promise<UpdateResult<DomainOutcome | undefined>> {
    const modelKey = this.keys.model(ref.workspaceId, ref.modelId);
    return this.local.run(modelKey, async () => {
      const lease = this.keys.lease(ref.workspaceId, ref.modelId);
      // One id per update call, shared by its attempts: it leases the model and marks the write.
      const token = randomUUID();
      await this.acquireLease(lease, token);
      try {
        return await this.applyChange(ref, meta, change, token);
      } finally {
        await this.redis.tmRelease(lease, token);
      }
    });
  }

  private async applyChange(
    ref: ModelRef,
    meta: ChangeMeta,
    change: Change,
    writeId: string,
  ): Promise<UpdateResult<DomainOutcome | undefined>> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.require(ref);
      if (meta.expectedVersion !== undefined && current.version !== meta.expectedVersion) {
        throw this.conflict('stale', new VersionConflictError(ref.modelId, meta.expectedVersion, current.version));
      }
      const decided = change(current);
      const outcome = isOutcome(decided) ? decided : undefined;
      const proposed = outcome ? (outcome.ok ? outcome.model : current) : (decided as ThreatModel);
      const paths = changedPaths(current, proposed);
      if (paths.length === 0) return { model: current, changed: false, outcome };
      const next = this.validate(current, proposed);

      const snapshot = outcome?.ok ? outcome.snapshot : undefined;
      const written = await this.write(current, next, meta, paths, writeId, snapshot);
      if (written === 0) {
        // The outcome's model is what the domain decided; the stored one also has the new version.
        return { model: next, changed: true, outcome: outcome?.ok ? { ...outcome, model: next } : outcome };
      }
      if (written === -1) throw new ModelNotFoundError(ref.modelId);
      if (meta.expectedVersion !== undefined)
        throw this.conflict('stale', new VersionConflictError(ref.modelId, meta.expectedVersion, written));
      if (attempt >= this.maxAttempts)
        throw this.conflict('exhausted', new VersionConflictError(ref.modelId, undefined, written));
      this.metrics?.updateRetried();
      await backoff(attempt);
    }
  }

  /** Counts a conflict and hands back the error to throw. */
  private conflict(kind: ConflictKind, error: VersionConflictError): VersionConflictError {
    this.metrics?.updateConflicted(kind);
    return error;
  }

  /** Wait for the model's lease; after leaseWaitMs, go ahead without it (the version check still holds). */
  private async acquireLease(lease: string, token: string): Promise<boolean> {
    const deadline = Date.now() + this.leaseWaitMs;
    for (let attempt = 1; ; attempt++) {
      if ((await this.redis.set(lease, token, 'PX', this.leaseMs, 'NX')) === 'OK') return true;
      if (Date.now() >= deadline) return false;
      await backoff(attempt, 20);
    }
  }

  /** The next version, or a ModelInvalidError listing every problem. Identity never changes. */
  private validate(current: ThreatModel, proposed: ThreatModel): ThreatModel {
    const candidate = {
      ...proposed,
      id: current.id,
      workspaceId: current.workspaceId,
      createdAt: current.createdAt,
      version: current.version + 1,
      updatedAt: this.clock().toISOString(),
    };
    const problems: ModelProblem[] = (['id', 'workspaceId', 'createdAt'] as const)
      .filter((field) => proposed[field] !== current[field])
      .map((field) => ({ path: field, message: 'cannot be changed' }));
    const result = ThreatModelSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({
          path: formatPath(issue.path.filter((k): k is string | number => typeof k !== 'symbol')),
          message: issue.message,
        });
      }
    }
    if (problems.length > 0 || !result.success) throw new ModelInvalidError(current.id, problems);
    return result.data;
  }

  private write(
    current: ThreatModel,
    next: ThreatModel,
    meta: ChangeMeta,
    paths: string[],
    writeId: string,
    snapshot: VersionSnapshot | undefined,
  ): Promise<number> {
    const { keys } = this;
    const { remove, add } = indexChanges(keys, current, next);
    const kept = snapshot ? [keys.approvedVersion(next.workspaceId, next.id, snapshot.number)] : [];
    return this.confirmedWrite(next.id, 'tmUpdate', (result) => result === 0, [
      3 + remove.length + add.length + kept.length,
      keys.model(next.workspaceId, next.id),
      keys.audit(next.workspaceId, next.id),
      keys.applied(next.workspaceId, writeId),
      ...remove,
      ...add,
      ...kept,
      String(current.version),
      next.version,
      JSON.stringify(next),
      Date.parse(next.updatedAt),
      next.id,
      remove.length,
      meta.actor,
      meta.action,
      JSON.stringify(paths),
      next.updatedAt,
      kept.length,
      ...(snapshot ? [JSON.stringify(snapshot.model)] : []),
    ]);
  }

  async approvedVersion(ref: ModelRef, number: number): Promise<ThreatModel | undefined> {
    const json = await this.redis.get(this.keys.approvedVersion(ref.workspaceId, ref.modelId, number));
    return json === null ? undefined : readStored(json);
  }

  /**
   * Run a write script; with waitReplicas, WAIT right after it on the same connection. Both go in
   * one pipeline, so on a cluster they reach the node holding the model's slot (WAIT names no key
   * and would otherwise go to any node) and WAIT counts this very write. A write that took effect
   * but was not confirmed in time throws a ReplicaUnconfirmedError; a refused one (a conflict)
   * returns its result as without waiting.
   */
  private async confirmedWrite(
    modelId: string,
    script: WriteScript,
    wrote: (result: number) => boolean,
    args: [number, ...(string | number)[]],
  ): Promise<number> {
    if (!this.waitReplicas) return this.redis[script](...args);
    const { replicas, timeoutMs } = this.waitReplicas;
    const pipeline = this.redis.pipeline() as StoreScriptsPipeline;
    pipeline[script](...args).call('WAIT', replicas, timeoutMs);
    const [write, wait] = (await pipeline.exec()) ?? [];
    if (!write || !wait) throw new Error('Redis answered a write pipeline without its replies');
    if (write[0]) throw write[0];
    const result = Number(write[1]);
    if (!wrote(result)) return result;
    if (wait[0]) throw wait[0];
    const confirmed = Number(wait[1]);
    if (confirmed < replicas) throw new ReplicaUnconfirmedError(modelId, replicas, confirmed, timeoutMs);
    return result;
  }

  async list(
    workspaceId: string,
    index: ModelIndex,
    page: { offset?: number; limit?: number } = {},
  ): Promise<Page<ThreatModel>> {
    const key = this.indexKey(workspaceId, index);
    const offset = Math.max(0, page.offset ?? 0);
    const limit = Math.min(MAX_PAGE, Math.max(1, page.limit ?? DEFAULT_PAGE));
    const [ids, total] = await Promise.all([
      this.redis.zrevrange(key, offset, offset + limit - 1),
      this.redis.zcard(key),
    ]);
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.keys.model(workspaceId, id), 'json');
    const results = (await pipeline.exec()) ?? [];
    const items = results.flatMap(([error, json]) => {
      if (error) throw error;
      return typeof json === 'string' ? [readStored(json)] : [];
    });
    return { items, total, ...(offset + ids.length < total && { nextOffset: offset + ids.length }) };
  }

  private indexKey(workspaceId: string, index: ModelIndex): string {
    switch (index.by) {
      case 'all':
        return this.keys.allIndex(workspaceId);
      case 'channel':
        return this.keys.channelIndex(workspaceId, index.channelId);
      case 'participant':
        return this.keys.participantIndex(workspaceId, index.userId);
      case 'reviewer':
        return this.keys.reviewerIndex(workspaceId, index.userId);
      case 'status':
        return this.keys.statusIndex(workspaceId, index.status);
    }
  }

  async auditTrail(ref: ModelRef, page: { after?: string; limit?: number } = {}) {
    const key = this.keys.audit(ref.workspaceId, ref.modelId);
    const limit = pageLimit(page.limit);
    const start = page.after ? `(${page.after}` : '-';
    const [entries, total] = await Promise.all([
      this.redis.xrange(key, start, '+', 'COUNT', limit),
      this.redis.xlen(key),
    ]);
    const items = entries.map(readAuditEntry);
    const last = items.at(-1);
    return { items, total, ...(items.length === limit && last && { next: last.id }) };
  }

  async recentChanges(ref: ModelRef, page: { before?: string; limit?: number } = {}) {
    const key = this.keys.audit(ref.workspaceId, ref.modelId);
    const limit = pageLimit(page.limit);
    const end = page.before ? `(${page.before}` : '+';
    // One more than asked tells whether an older page exists, so the last page is never empty.
    const [entries, total] = await Promise.all([
      this.redis.xrevrange(key, end, '-', 'COUNT', limit + 1),
      this.redis.xlen(key),
    ]);
    const items = entries.slice(0, limit).map(readAuditEntry);
    const last = items.at(-1);
    return { items, total, ...(entries.length > limit && last && { next: last.id }) };
  }

  async archiveIdleDrafts(idleDays: number): Promise<ModelRef[]> {
    const cutoff = this.clock().getTime() - idleDays * DAY_MS;
    const archived: ModelRef[] = [];
    for (const workspaceId of await this.redis.smembers(this.keys.workspaces())) {
      for (const status of ['draft', 'changes_requested'] as const) {
        const ids = await this.redis.zrangebyscore(this.keys.statusIndex(workspaceId, status), '-inf', `(${cutoff}`);
        for (const modelId of ids) {
          const ref = { workspaceId, modelId };
          const { changed } = await this.update(ref, { actor: 'system', action: 'model.archive_idle' }, (model) =>
            // Re-checked inside the update: an edit that raced the sweep keeps the model alive. A
            // revision is never archived: that would hide the approved version it revises.
            model.status === status && !model.revision && Date.parse(model.updatedAt) < cutoff
              ? { ...model, status: 'archived' }
              : model,
          );
          if (changed) archived.push(ref);
        }
      }
    }
    return archived;
  }
}

/**
 * A stored model. Only this store writes models, and only after the full schema check, so a read
 * does not pay for that check again (it costs milliseconds on a large model, on every read); the
 * shape version is still checked so an old shape is never mistaken for the current one.
 */
function readStored(json: string): ThreatModel {
  const model = JSON.parse(json) as ThreatModel;
  if (model.schemaVersion !== MODEL_SCHEMA_VERSION) {
    return ThreatModelSchema.parse(model); // refuses a shape this code does not know, with the schema's message
  }
  return model;
}

/** Random back-off that grows with the attempt, up to a cap, so contending writers spread out. */
function backoff(attempt: number, capMs = 50): Promise<void> {
  const ceiling = Math.min(capMs, 2 ** Math.min(attempt, 6));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
