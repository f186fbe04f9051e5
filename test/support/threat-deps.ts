import type { Catalog } from '../../src/catalog/catalog';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { Mitigation } from '../../src/domain/mitigation';
import type { ThreatModel } from '../../src/domain/model';
import type { Threat } from '../../src/domain/threat';
import { createLogger } from '../../src/logger';
import { SHIPPED_CATALOG_DIR } from '../../src/paths';
import type { ChannelMembers } from '../../src/ports/channel-members';
import type { ModelCards } from '../../src/ports/model-cards';
import type { ModelRef, ModelStore } from '../../src/ports/model-store';
import { ALICE, BOB, buildModelWith, CAROL, defaultFlow, NOW } from './build-model';

/** Channel members as a plain table: who is in which channel. */
export class FakeChannelMembers implements ChannelMembers {
  constructor(private readonly members: Record<string, readonly string[]>) {}

  async isMember(channelId: string, userId: string): Promise<boolean> {
    return this.members[channelId]?.includes(userId) ?? false;
  }
}

/** Cards that only remember which models were asked to refresh. */
export class RecordingCards implements ModelCards {
  readonly refreshed: ModelRef[] = [];

  refresh(ref: ModelRef): void {
    this.refreshed.push(ref);
  }
}

let catalog: Catalog | undefined;
/** The shipped catalog, loaded once per test file. */
export function shippedCatalog(): Catalog {
  catalog ??= loadCatalog([SHIPPED_CATALOG_DIR]);
  return catalog;
}

/**
 * What the threat, mitigation and risk use cases need: the given store, the shipped flow and
 * catalog, a fixed clock, and Alice, Bob and Carol in the model's channel (C0PAYMENT).
 */
export function threatDeps(store: ModelStore) {
  return {
    store,
    members: new FakeChannelMembers({ C0PAYMENT: [ALICE, BOB, CAROL] }),
    catalog: shippedCatalog(),
    flow: defaultFlow(),
    clock: () => NOW,
    logger: createLogger('silent'),
    cards: new RecordingCards(),
  };
}

/** The scoped Refunds API with step 1 finished (ready for threats), with these threats and mitigations. */
export function buildModelReadyForThreats(
  threats: Threat[] = [],
  mitigations: Mitigation[] = [],
  overrides: Partial<ThreatModel> = {},
): ThreatModel {
  return buildModelWith(threats, mitigations, {
    currentStep: 'threats',
    completedSteps: { scope: { completedBy: BOB, completedAt: NOW.toISOString() } },
    threadTs: '1800000000.000100',
    ...overrides,
  });
}

/** Store a draft with the content of `model` (its id, version and times are the store's). */
export async function storeModel(store: ModelStore, model: ThreatModel): Promise<ModelRef> {
  const { title, workspaceId, channelId, ownerId } = model;
  const created = await store.create({ title, workspaceId, channelId, ownerId }, ownerId);
  const ref = { workspaceId, modelId: created.id };
  await store.update(ref, { actor: ownerId, action: 'seed' }, (current) => ({
    ...model,
    id: current.id,
    version: current.version,
    createdAt: current.createdAt,
    updatedAt: current.updatedAt,
  }));
  return ref;
}
