import type { ModelStatus } from '../domain/model';

/**
 * Redis key layout. Everything of one Slack workspace (its models, their audit streams, its
 * indexes and its id counter) shares the hash tag `{<workspace id>}`, so every transaction
 * touches a single slot and the store works unchanged on a Redis Cluster.
 *
 *   <prefix>{T123}:seq                       STRING  last model number issued (INCR)
 *   <prefix>{T123}:model:TM-7                HASH    version, json
 *   <prefix>{T123}:audit:TM-7                STREAM  one entry per change: actor, action, version, paths, at
 *   <prefix>{T123}:version:TM-7:1           STRING  an approved version's model JSON, kept when the model is revised (never changes)
 *   <prefix>{T123}:lease:TM-7                STRING  short lease of the writer updating the model (token, expires)
 *   <prefix>{T123}:applied:<write id>        STRING  marks one update call as applied for 10 minutes (no double apply)
 *   <prefix>{T123}:msgs:TM-7                 HASH    Slack messages of the model: card, roles, scope summary ts, page
 *   <prefix>{T123}:idx:all                   ZSET    model ids by last update (ms)
 *   <prefix>{T123}:idx:channel:C123          ZSET    models of a channel, by last update
 *   <prefix>{T123}:idx:participant:U123      ZSET    models a user owns or holds a role in
 *   <prefix>{T123}:idx:reviewer:U123         ZSET    models a user reviews
 *   <prefix>{T123}:idx:status:draft          ZSET    models in a status
 *   <prefix>{T123}:reminders:TM-7            HASH    the pending reminder job of each kind (review, idle)
 *   <prefix>{T123}:refresh:TM-7              STRING  a process is refreshing the model's messages (PX: the refresh interval)
 *   <prefix>{T123}:import:C1:<ts>            STRING  an open import thread waiting for a file: who asked (PX: a day)
 *   <prefix>{T123}:review-rotation           STRING  round-robin counter of reviewer assignment (INCR)
 *   <prefix>{T123}:settings                  STRING  the workspace's own settings (JSON; Git and GitHub tokens sealed with AES-256-GCM)
 *   <prefix>workspaces                       SET     workspaces with models (for retention sweeps)
 *   <prefix>once:<key>                       STRING  idempotency marker (running, done, or a view submission's answer), expires with its window;
 *                                                    once:oauth-state:<sha256> marks an OAuth state used (a replayed redirect is refused)
 *   <prefix>delivery:<id>                    STRING  a job's Slack message: sending, or sent with where (30 days)
 *   <prefix>{pace:C123}                      STRING  when a job may next post in the channel (ms; PX)
 *   <prefix>{pace:C123}:slot:<delivery id>   STRING  the slot a waiting delivery reserved there
 *   <prefix>{pace:C123}:last                 STRING  when a job last posted there (ms)
 *   <prefix>{budget:T123}:chat.update        ZSET    the background lane's calls of a method in the window (scored by ms)
 *   <prefix>{budget:T123}:chat.update:pause  STRING  until when Slack's Retry-After pauses the method there (ms; PX)
 *   <prefix>{budget:T123}:chat.update:first  STRING  until when an unnamed call that goes first waits for the window (ms; PX)
 *   <prefix>{budget:T123}:chat.update:line   ZSET    the cards waiting for the window, by when each must ask again (ms)
 *   <prefix>{budget:T123}:chat.update:since  HASH    since when each of those has waited (ms): the order of their turns
 *   <prefix>install:team:T123                STRING  OAuth mode: the workspace's installation (JSON, bot token sealed with AES-256-GCM)
 *   <prefix>install:org:E123                 STRING  OAuth mode: an org-wide (Enterprise Grid) installation, same shape
 *   <prefix>install:member:T123              STRING  the organisation E123 a workspace served by an org-wide install belongs to
 *   <prefix>install:members:E123             SET     the workspaces seen served by the organisation's org-wide install
 *   <prefix>jobs:{reviews}:…, …:{reminders}:… BullMQ's own keys (prefix `<prefix>jobs`, one slot per queue)
 */
/** A workspace id as Slack writes it (it goes into key names and hash tags). */
function checkedWorkspace(workspaceId: string): string {
  if (!/^[A-Z0-9]+$/.test(workspaceId)) throw new Error(`not a workspace id: ${JSON.stringify(workspaceId)}`);
  return workspaceId;
}

export class RedisKeys {
  constructor(readonly prefix: string) {
    if (/[{}\s]/.test(prefix)) throw new Error(`key prefix ${JSON.stringify(prefix)} may not hold braces or spaces`);
  }

  private scoped(workspaceId: string, rest: string): string {
    return `${this.prefix}{${checkedWorkspace(workspaceId)}}:${rest}`;
  }

  sequence(workspaceId: string): string {
    return this.scoped(workspaceId, 'seq');
  }

  model(workspaceId: string, modelId: string): string {
    return this.scoped(workspaceId, `model:${modelId}`);
  }

  audit(workspaceId: string, modelId: string): string {
    return this.scoped(workspaceId, `audit:${modelId}`);
  }

  /** The approved snapshot of one version of a model (same hash tag as the model: written in its transaction). */
  approvedVersion(workspaceId: string, modelId: string, number: number): string {
    if (!Number.isInteger(number) || number < 1) throw new Error(`not a version number: ${number}`);
    return this.scoped(workspaceId, `version:${modelId}:${number}`);
  }

  lease(workspaceId: string, modelId: string): string {
    return this.scoped(workspaceId, `lease:${modelId}`);
  }

  applied(workspaceId: string, writeId: string): string {
    return this.scoped(workspaceId, `applied:${writeId}`);
  }

  messages(workspaceId: string, modelId: string): string {
    return this.scoped(workspaceId, `msgs:${modelId}`);
  }

  allIndex(workspaceId: string): string {
    return this.scoped(workspaceId, 'idx:all');
  }

  channelIndex(workspaceId: string, channelId: string): string {
    return this.scoped(workspaceId, `idx:channel:${channelId}`);
  }

  participantIndex(workspaceId: string, userId: string): string {
    return this.scoped(workspaceId, `idx:participant:${userId}`);
  }

  reviewerIndex(workspaceId: string, userId: string): string {
    return this.scoped(workspaceId, `idx:reviewer:${userId}`);
  }

  statusIndex(workspaceId: string, status: ModelStatus): string {
    return this.scoped(workspaceId, `idx:status:${status}`);
  }

  reminders(workspaceId: string, modelId: string): string {
    return this.scoped(workspaceId, `reminders:${modelId}`);
  }

  /** Held by the process whose turn it is to refresh the model's Slack messages. */
  refreshTurn(workspaceId: string, modelId: string): string {
    return this.scoped(workspaceId, `refresh:${modelId}`);
  }

  /** An open `/threatmodel import`: the thread waiting for a file, and who asked (STRING, PX). */
  importRequest(workspaceId: string, channelId: string, threadTs: string): string {
    return this.scoped(workspaceId, `import:${channelId}:${threadTs}`);
  }

  reviewRotation(workspaceId: string): string {
    return this.scoped(workspaceId, 'review-rotation');
  }

  /** The workspace's own settings (its admins edit them in the App Home). */
  workspaceSettings(workspaceId: string): string {
    return this.scoped(workspaceId, 'settings');
  }

  delivery(id: string): string {
    return `${this.prefix}delivery:${id}`;
  }

  /** When a job may next post in a channel (Slack's pace per channel). */
  pace(channel: string): string {
    return `${this.prefix}{pace:${channel}}`;
  }

  /** When a job last posted in the channel (same hash tag as its pace). */
  paceLast(channel: string): string {
    return `${this.prefix}{pace:${channel}}:last`;
  }

  /** The slot one delivery reserved in a busy channel (same hash tag as the channel's pace). */
  paceSlot(channel: string, deliveryId: string): string {
    return `${this.prefix}{pace:${channel}}:slot:${deliveryId}`;
  }

  /** The background lane's calls of a Web API method in a workspace, within the budget's window. */
  budget(workspaceId: string, method: string): string {
    return `${this.budgetTag(workspaceId)}:${method}`;
  }

  /** Until when Slack asked the workspace to wait before calling the method again (same hash tag). */
  budgetPause(workspaceId: string, method: string): string {
    return `${this.budgetTag(workspaceId)}:${method}:pause`;
  }

  /** Until when an unnamed call of the method that goes first has been waiting for the window there. */
  budgetFirstWaiting(workspaceId: string, method: string): string {
    return `${this.budgetTag(workspaceId)}:${method}:first`;
  }

  /** The named calls (cards) waiting for the method's window there, by when each must ask again. */
  budgetWaiterDeadlines(workspaceId: string, method: string): string {
    return `${this.budgetTag(workspaceId)}:${method}:line`;
  }

  /** Since when each of those has waited: the order of their turns. */
  budgetWaitersSince(workspaceId: string, method: string): string {
    return `${this.budgetTag(workspaceId)}:${method}:since`;
  }

  private budgetTag(workspaceId: string): string {
    return `${this.prefix}{budget:${checkedWorkspace(workspaceId)}}`;
  }

  /** An installation (OAuth mode): a workspace's own, or an organisation's org-wide one. */
  installation(kind: 'team' | 'org', id: string): string {
    return `${this.prefix}install:${kind}:${checkedWorkspace(id)}`;
  }

  /** The workspaces seen served by an organisation's org-wide installation. */
  installationMembers(enterpriseId: string): string {
    return `${this.prefix}install:members:${checkedWorkspace(enterpriseId)}`;
  }

  /** Which organisation a workspace served by an org-wide installation belongs to. */
  installationMember(teamId: string): string {
    return `${this.prefix}install:member:${checkedWorkspace(teamId)}`;
  }

  /** BullMQ's key prefix; its queue names carry their own hash tags. */
  jobsPrefix(): string {
    return `${this.prefix}jobs`;
  }

  workspaces(): string {
    return `${this.prefix}workspaces`;
  }

  once(key: string): string {
    return `${this.prefix}once:${key}`;
  }
}
