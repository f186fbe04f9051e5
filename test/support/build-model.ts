import type { Flow } from '../../src/domain/flow';
import type { Mitigation } from '../../src/domain/mitigation';
import { type ThreatModel, type ThreatModelInput, ThreatModelSchema } from '../../src/domain/model';
import { newThreatModel } from '../../src/domain/new-model';
import type { Threat } from '../../src/domain/threat';
import { loadFlow } from '../../src/flows/load-flow';
import { SHIPPED_FLOW_FILE } from '../../src/paths';

export const NOW = new Date('2026-11-25T10:00:00.000Z');
export const ALICE = 'U0ALICE01';
export const BOB = 'U0BOB0001';
export const CAROL = 'U0CAROL01';

let shippedFlow: Flow | undefined;
/** The shipped flow, loaded once per test file. */
export function defaultFlow(): Flow {
  shippedFlow ??= loadFlow(SHIPPED_FLOW_FILE);
  return shippedFlow;
}

/** A fresh draft, with any fields replaced; parsed, so the result is a valid model. */
export function buildModel(overrides: Partial<ThreatModelInput> = {}): ThreatModel {
  const base = newThreatModel(
    { id: 'TM-1', title: 'Refunds API', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE },
    NOW,
  );
  return ThreatModelSchema.parse({ ...base, ...overrides });
}

/**
 * The Refunds API scoped: a customer (AC-1) calls the refunds API (C-1, exposing EP-1) which
 * writes to the payments database (C-2) and a queue (C-3); the card token (AS-1) is restricted.
 */
export function buildScopedModel(overrides: Partial<ThreatModelInput> = {}): ThreatModel {
  return buildModel({
    scope: {
      description: 'Customers ask for refunds; the API records them and queues the payout.',
      assets: [
        { id: 'AS-1', name: 'Card token', classification: 'restricted' },
        { id: 'AS-2', name: 'Refund records', classification: 'confidential' },
      ],
      actors: [{ id: 'AC-1', name: 'Customer', kind: 'human', trustLevel: 'authenticated customer' }],
      entryPoints: [{ id: 'EP-1', name: 'POST /refunds', componentId: 'C-1', authentication: 'oauth2' }],
      components: [
        { id: 'C-1', name: 'Refunds API', type: 'aws-lambda', kind: 'process', trustBoundaryId: 'TB-1' },
        { id: 'C-2', name: 'Payments DB', type: 'aws-rds', kind: 'data_store', trustBoundaryId: 'TB-1' },
        { id: 'C-3', name: 'Payout queue', type: 'aws-sqs', kind: 'data_store', trustBoundaryId: 'TB-1' },
      ],
      dataFlows: [
        { id: 'DF-1', from: 'AC-1', to: 'C-1', data: 'refund request', protocol: 'HTTPS', crossesTrustBoundary: true },
        { id: 'DF-2', from: 'C-1', to: 'C-2', data: 'refund record', assetIds: ['AS-2'], crossesTrustBoundary: false },
      ],
      trustBoundaries: [{ id: 'TB-1', name: 'Payments VPC', trustLevel: 'internal' }],
    },
    counters: {
      asset: 2,
      actor: 1,
      entryPoint: 1,
      component: 3,
      dataFlow: 2,
      trustBoundary: 1,
      useCase: 0,
      designLink: 0,
      threat: 0,
      mitigation: 0,
    },
    ...overrides,
  });
}

export function buildThreat(id: string, overrides: Partial<Threat> = {}): Threat {
  return {
    id,
    threatSource: 'internet-based threat actor',
    prerequisites: 'with a stolen customer session',
    threatAction: 'replay a refund request',
    threatImpact: 'refunds paid twice',
    impactedGoals: ['integrity'],
    impactedAssetIds: ['AS-2'],
    stride: ['T'],
    affectedElementIds: ['EP-1'],
    origin: { type: 'manual' },
    risk: {},
    createdBy: BOB,
    createdAt: NOW.toISOString(),
    ...overrides,
  };
}

export function buildMitigation(id: string, threatIds: string[], overrides: Partial<Mitigation> = {}): Mitigation {
  return {
    id,
    description: 'Require an idempotency key on POST /refunds',
    threatIds,
    status: 'planned',
    references: [],
    createdBy: BOB,
    createdAt: NOW.toISOString(),
    ...overrides,
  };
}

/** A scoped model with the given threats and mitigations, counters advanced to match. */
export function buildModelWith(
  threats: Threat[],
  mitigations: Mitigation[] = [],
  overrides: Partial<ThreatModelInput> = {},
) {
  const scoped = buildScopedModel();
  const highest = (ids: string[]) => Math.max(0, ...ids.map((id) => Number(id.split('-')[1])));
  return ThreatModelSchema.parse({
    ...scoped,
    threats,
    mitigations,
    counters: {
      ...scoped.counters,
      threat: highest(threats.map((t) => t.id)),
      mitigation: highest(mitigations.map((m) => m.id)),
    },
    ...overrides,
  });
}

/** The scoped Refunds API with step 1 finished (ready for threats), with these threats and mitigations. */
export function buildModelReadyForThreats(
  threats: Threat[] = [],
  mitigations: Mitigation[] = [],
  overrides: Partial<ThreatModelInput> = {},
): ThreatModel {
  return buildModelWith(threats, mitigations, {
    currentStep: 'threats',
    completedSteps: { scope: { completedBy: BOB, completedAt: NOW.toISOString() } },
    threadTs: '1800000000.000100',
    ...overrides,
  });
}
