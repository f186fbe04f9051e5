import { emptyCounters } from './element-ids';
import { MODEL_SCHEMA_VERSION, type ModelId, type ThreatModel, ThreatModelSchema } from './model';
import { emptyRoles } from './roles';

export interface NewModelInput {
  id: ModelId;
  title: string;
  workspaceId: string;
  /** The workspace's Enterprise Grid organisation, when it has one. */
  enterpriseId?: string;
  channelId: string;
  ownerId: string;
  threadTs?: string;
}

/**
 * A fresh draft at step 1, version 1. Parsed through the schema, so a bad title or id is
 * refused here with the schema's own message rather than stored.
 */
export function newThreatModel(input: NewModelInput, now: Date): ThreatModel {
  const at = now.toISOString();
  return ThreatModelSchema.parse({
    schemaVersion: MODEL_SCHEMA_VERSION,
    ...input,
    createdAt: at,
    updatedAt: at,
    version: 1,
    status: 'draft',
    currentStep: 'scope',
    completedSteps: {},
    roles: emptyRoles(),
    scope: {},
    threats: [],
    mitigations: [],
    counters: emptyCounters(),
  });
}
