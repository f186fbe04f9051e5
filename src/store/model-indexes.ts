import type { ThreatModel } from '../domain/model';
import { ROLES } from '../domain/roles';
import type { RedisKeys } from './redis-keys';

/** Every index key a model belongs to: all, its channel, its participants, its reviewer, its status. */
export function indexKeysOf(keys: RedisKeys, model: ThreatModel): string[] {
  const ws = model.workspaceId;
  const participants = new Set([model.ownerId, ...ROLES.flatMap((role) => model.roles[role])]);
  return [
    keys.allIndex(ws),
    keys.channelIndex(ws, model.channelId),
    ...[...participants].map((user) => keys.participantIndex(ws, user)),
    ...(model.review?.reviewerId ? [keys.reviewerIndex(ws, model.review.reviewerId)] : []),
    keys.statusIndex(ws, model.status),
  ];
}

/** The index keys to leave and to (re)join when a model changes from `before` to `after`. */
export function indexChanges(keys: RedisKeys, before: ThreatModel, after: ThreatModel) {
  const next = new Set(indexKeysOf(keys, after));
  return {
    remove: indexKeysOf(keys, before).filter((key) => !next.has(key)),
    add: [...next],
  };
}
