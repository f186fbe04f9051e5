import type { ModelId, ModelStatus, ThreatModel } from '../domain/model';
import type { NewModelInput } from '../domain/new-model';
import type { ActorRef } from '../domain/primitives';

/** Which model: ids are per Slack workspace. */
export interface ModelRef {
  workspaceId: string;
  modelId: ModelId;
}

/** Who changes a model, and why; recorded in the audit trail. */
export interface ChangeMeta {
  actor: ActorRef;
  /** A short action name, e.g. `threat.add`, `step.complete`, `risk.accept`. */
  action: string;
  /** When given, the update is refused with a VersionConflictError unless the model is at this version. */
  expectedVersion?: number;
}

/**
 * What a domain function answers about a change: the next model, or a refusal (which changes
 * nothing). `store.update` applies the model of an `ok` outcome and hands the outcome back.
 */
export type DomainOutcome = { ok: true; model: ThreatModel; snapshot?: VersionSnapshot } | { ok: false };

/**
 * An approved version to keep read-only beside the model (when it is revised): written in the
 * same transaction as the model, and never overwritten.
 */
export interface VersionSnapshot {
  /** The version number people see (v1, v2, ...). */
  number: number;
  model: ThreatModel;
}

export interface UpdateResult<O = undefined> {
  /** The stored model after the update (the current one when nothing was written). */
  model: ThreatModel;
  /** False when the change left the model as it was (or was refused): nothing was written. */
  changed: boolean;
  /** The domain outcome the change function returned on its last run; undefined for a plain change. */
  outcome: O;
}

export interface AuditEntry {
  /** The stream entry id; also the cursor for the next page. */
  id: string;
  actor: string;
  action: string;
  /** The model version this change produced. */
  version: number;
  /** What changed, e.g. `threats[T-3].risk.decision`. */
  paths: string[];
  at: string;
}

export type ModelIndex =
  | { by: 'all' }
  | { by: 'channel'; channelId: string }
  | { by: 'participant'; userId: string }
  | { by: 'reviewer'; userId: string }
  | { by: 'status'; status: ModelStatus };

export interface Page<T> {
  items: T[];
  total: number;
  /** Offset of the next page, absent on the last one. */
  nextOffset?: number;
}

/**
 * Where drafts live until they are exported. Every handler and job goes through this port;
 * `RedisModelStore` is its adapter. Updates are functions of the current model, so concurrent
 * changes are all applied, none lost and none applied twice; every change is audited.
 */
export interface ModelStore {
  /** Create a draft with the next sequential id of its workspace (`TM-1`, `TM-2`, ...). */
  create(input: Omit<NewModelInput, 'id'>, actor: ActorRef): Promise<ThreatModel>;
  get(ref: ModelRef): Promise<ThreatModel | undefined>;
  /** Like get, but a missing model is a ModelNotFoundError. */
  require(ref: ModelRef): Promise<ThreatModel>;
  /**
   * Apply `change` to the current model and store the result as the next version. The function may
   * run more than once under contention, so it must be pure. A result that breaks the schema is
   * refused with a ModelInvalidError and nothing is written.
   */
  update(ref: ModelRef, meta: ChangeMeta, change: (current: ThreatModel) => ThreatModel): Promise<UpdateResult>;
  /**
   * The same with a domain function that may refuse: an `ok` outcome's model is stored, a refusal
   * writes nothing; either way the outcome comes back with the model.
   */
  update<O extends DomainOutcome>(
    ref: ModelRef,
    meta: ChangeMeta,
    decide: (current: ThreatModel) => O,
  ): Promise<UpdateResult<O>>;
  /** An approved version kept when the model was revised (see DomainOutcome's snapshot); undefined if none. */
  approvedVersion(ref: ModelRef, number: number): Promise<ThreatModel | undefined>;
  /** Models of an index, most recently updated first. */
  list(workspaceId: string, index: ModelIndex, page?: { offset?: number; limit?: number }): Promise<Page<ThreatModel>>;
  /** The audit trail in order, oldest first, from after the given entry id. */
  auditTrail(ref: ModelRef, page?: { after?: string; limit?: number }): Promise<Page<AuditEntry> & { next?: string }>;
  /**
   * The audit trail newest first, from before the given entry id: the latest changes, whatever
   * the trail's length. `next` (the cursor of the older page) is set only when older entries exist.
   */
  recentChanges(
    ref: ModelRef,
    page?: { before?: string; limit?: number },
  ): Promise<Page<AuditEntry> & { next?: string }>;
  /** Archive drafts untouched for the given number of days (never deletes). Returns what was archived. */
  archiveIdleDrafts(idleDays: number): Promise<ModelRef[]>;
}
