import type { Mitigation } from '../../src/domain/mitigation';
import type { ThreatModel } from '../../src/domain/model';
import type { Scope } from '../../src/domain/scope';
import type { Step } from '../../src/domain/steps';
import type { Threat } from '../../src/domain/threat';
import { connectRedis } from '../../src/store/redis-connection';
import type { RedisKeys } from '../../src/store/redis-keys';
import { RedisModelStore } from '../../src/store/redis-model-store';
import { CHANNELS, TEAM_ID, USERS } from '../stand-in/workspace';

/**
 * The playground workspace's history: three models the search team finished and AppSec approved
 * in the past weeks, so that what needs past models shows from the first visit, as it would in a
 * workspace that has used Threadmodel for a while: the estimates at a model's start and on the
 * card ("teams usually spend about 2 days on threats"), AppSec's Home tab figures, `/threatmodel
 * reuse`. Dev only: nothing in src/ imports this file, and the playground refuses NODE_ENV=production.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const { ALICE, BOB, CAROL, APPSEC1, APPSEC2 } = USERS;

/** One past model: its content and how many hours each step, then the review, took. */
interface PastModel {
  title: string;
  daysAgo: number;
  hours: Readonly<Record<Step | 'review', number>>;
  approver: string;
  scope: Omit<Scope, 'actors' | 'trustBoundaries' | 'useCases' | 'designLinks' | 'assumptions'>;
  threats: Omit<Threat, 'createdBy' | 'createdAt' | 'risk' | 'origin'>[];
  mitigations: Omit<Mitigation, 'createdBy' | 'createdAt' | 'references'>[];
}

/**
 * Step times a team really takes (a day or so to scope, two or three to find threats), so the
 * medians read "about a day on scope", "about 2 days on threats", "about a day on mitigations",
 * "about 6 hours on risk review".
 */
export const PAST_MODELS: readonly PastModel[] = [
  {
    title: 'Search indexing pipeline',
    daysAgo: 41,
    hours: { scope: 26, threats: 46, mitigations: 30, risk: 6, review: 20 },
    approver: APPSEC1.id,
    scope: {
      description: 'Documents uploaded to a bucket are indexed by a function for full-text search.',
      assets: [{ id: 'AS-1', name: 'Customer documents', classification: 'confidential' }],
      entryPoints: [
        {
          id: 'EP-1',
          name: 'Document upload bucket',
          componentId: 'C-1',
          kind: 's3-api',
          exposure: 'private',
          authentication: 'aws_iam',
        },
      ],
      components: [
        { id: 'C-1', name: 'Uploads bucket', type: 'aws-s3', kind: 'data_store', responsibility: 'abstracted' },
        { id: 'C-2', name: 'Indexer', type: 'aws-lambda', kind: 'process', responsibility: 'abstracted' },
      ],
      dataFlows: [
        {
          id: 'DF-1',
          from: 'C-1',
          to: 'C-2',
          data: 'uploaded document',
          assetIds: ['AS-1'],
          crossesTrustBoundary: false,
        },
      ],
    },
    threats: [
      {
        id: 'T-1',
        threatSource: 'internet-based threat actor',
        prerequisites: 'who learns the bucket name',
        threatAction: 'read customer documents through a public bucket policy',
        threatImpact: 'customer documents exposed',
        impactedGoals: ['confidentiality'],
        impactedAssetIds: ['AS-1'],
        stride: ['I'],
        affectedElementIds: ['C-1'],
      },
    ],
    mitigations: [
      {
        id: 'M-1',
        description: 'Block Public Access on the account and the bucket; bucket policy limited to the indexer role',
        threatIds: ['T-1'],
        status: 'implemented',
      },
    ],
  },
  {
    title: 'Saved searches API',
    daysAgo: 26,
    hours: { scope: 30, threats: 50, mitigations: 26, risk: 4, review: 27 },
    approver: APPSEC2.id,
    scope: {
      description: 'Signed-in customers save, list and delete their searches.',
      assets: [{ id: 'AS-1', name: 'Saved searches', classification: 'internal' }],
      entryPoints: [
        { id: 'EP-1', name: 'GET /saved-searches', componentId: 'C-1', kind: 'rest-api', authentication: 'jwt' },
      ],
      components: [
        {
          id: 'C-1',
          name: 'Saved searches API',
          type: 'aws-api-gateway',
          kind: 'process',
          responsibility: 'abstracted',
        },
        {
          id: 'C-2',
          name: 'Saved searches table',
          type: 'aws-dynamodb',
          kind: 'data_store',
          responsibility: 'abstracted',
        },
      ],
      dataFlows: [
        { id: 'DF-1', from: 'C-1', to: 'C-2', data: 'saved search', assetIds: ['AS-1'], crossesTrustBoundary: false },
      ],
    },
    threats: [
      {
        id: 'T-1',
        threatSource: 'signed-in customer',
        prerequisites: "who guesses another customer's search id",
        threatAction: "read or delete another customer's saved searches",
        threatImpact: 'saved searches exposed or lost',
        impactedGoals: ['confidentiality', 'integrity'],
        impactedAssetIds: ['AS-1'],
        stride: ['I', 'T'],
        affectedElementIds: ['EP-1'],
      },
    ],
    mitigations: [
      {
        id: 'M-1',
        description: "The partition key is the caller's subject from the JWT, never a request parameter",
        threatIds: ['T-1'],
        status: 'implemented',
      },
    ],
  },
  {
    title: 'Query autocomplete',
    daysAgo: 12,
    hours: { scope: 28, threats: 70, mitigations: 40, risk: 8, review: 22 },
    approver: APPSEC1.id,
    scope: {
      description: 'Suggests completions of a query from popular searches, served by a container service.',
      assets: [{ id: 'AS-1', name: 'Popular searches', classification: 'internal' }],
      entryPoints: [
        { id: 'EP-1', name: 'GET /suggest', componentId: 'C-1', kind: 'service-port', authentication: 'none' },
      ],
      components: [
        { id: 'C-1', name: 'Suggest service', type: 'aws-ecs', kind: 'process', responsibility: 'container' },
        { id: 'C-2', name: 'Searches database', type: 'aws-rds', kind: 'data_store', responsibility: 'container' },
      ],
      dataFlows: [
        { id: 'DF-1', from: 'C-1', to: 'C-2', data: 'prefix query', assetIds: ['AS-1'], crossesTrustBoundary: false },
      ],
    },
    threats: [
      {
        id: 'T-1',
        threatSource: 'internet-based threat actor',
        prerequisites: undefined,
        threatAction: 'flood GET /suggest with random prefixes',
        threatImpact: 'search slowed for every customer',
        impactedGoals: ['availability'],
        impactedAssetIds: [],
        stride: ['D'],
        affectedElementIds: ['EP-1'],
      },
    ],
    mitigations: [
      {
        id: 'M-1',
        description: 'Rate limit per client at the load balancer; cache suggestions for an hour',
        threatIds: ['T-1'],
        status: 'verified',
      },
    ],
  },
];

/**
 * Writes PAST_MODELS into the playground's workspace once: only when the workspace has no model
 * yet (a playground restarted on the same Redis keeps what it had). Each step is its own stored
 * change at the time it happened, through the real store with a clock set to that time, so the
 * audit trail, the step completions and the review history agree. Returns how many were written.
 */
export async function seedPastModels(options: { redisUrl: string; keys: RedisKeys; now: Date }): Promise<number> {
  const redis = await connectRedis(options.redisUrl);
  try {
    let at = options.now;
    const store = new RedisModelStore({ redis, keys: options.keys, clock: () => at });
    if ((await store.list(TEAM_ID, { by: 'all' }, { limit: 1 })).total > 0) return 0;
    for (const past of PAST_MODELS) {
      at = new Date(options.now.getTime() - past.daysAgo * DAY_MS);
      const created = await store.create(
        { title: past.title, workspaceId: TEAM_ID, channelId: CHANNELS.SEARCH.id, ownerId: ALICE.id },
        ALICE.id,
      );
      const ref = { workspaceId: TEAM_ID, modelId: created.id };
      const later = (hours: number) => {
        at = new Date(at.getTime() + hours * HOUR_MS);
        return at.toISOString();
      };
      const done = (by: string) => ({ completedBy: by, completedAt: at.toISOString() });

      later(past.hours.scope);
      await store.update(ref, { actor: BOB.id, action: 'step.scope.complete' }, (m) =>
        withScope(m, past, done(BOB.id)),
      );
      const threatsAt = later(past.hours.threats);
      await store.update(ref, { actor: BOB.id, action: 'step.threats.complete' }, (m) => ({
        ...m,
        threats: past.threats.map((t) => ({
          ...t,
          origin: { type: 'manual' },
          risk: {},
          createdBy: BOB.id,
          createdAt: threatsAt,
        })),
        counters: { ...m.counters, threat: past.threats.length },
        currentStep: 'mitigations',
        completedSteps: { ...m.completedSteps, threats: done(BOB.id) },
      }));
      const mitigationsAt = later(past.hours.mitigations);
      await store.update(ref, { actor: CAROL.id, action: 'step.mitigations.complete' }, (m) => ({
        ...m,
        mitigations: past.mitigations.map((x) => ({
          ...x,
          references: [],
          owner: CAROL.id,
          createdBy: CAROL.id,
          createdAt: mitigationsAt,
        })),
        counters: { ...m.counters, mitigation: past.mitigations.length },
        currentStep: 'risk',
        completedSteps: { ...m.completedSteps, mitigations: done(CAROL.id) },
      }));
      const riskAt = later(past.hours.risk);
      await store.update(ref, { actor: CAROL.id, action: 'step.risk.complete' }, (m) => ({
        ...m,
        threats: m.threats.map((t) => ({
          ...t,
          risk: {
            before: { likelihood: 3, impact: 4 },
            after: { likelihood: 1, impact: 3 },
            decision: { type: 'mitigate', decidedBy: CAROL.id, decidedAt: riskAt },
            ratedBy: CAROL.id,
          },
        })),
        completedSteps: { ...m.completedSteps, risk: done(CAROL.id) },
      }));
      await store.update(ref, { actor: ALICE.id, action: 'review.request' }, (m) => ({
        ...m,
        status: 'in_review',
        review: {
          requestedBy: ALICE.id,
          requestedAt: riskAt,
          incomplete: false,
          reviewerId: past.approver,
          history: [{ type: 'requested', by: ALICE.id, at: riskAt }],
        },
      }));
      const approvedAt = later(past.hours.review);
      await store.update(ref, { actor: past.approver, action: 'review.approve' }, (m) => ({
        ...m,
        status: 'approved',
        review: m.review && {
          ...m.review,
          history: [...m.review.history, { type: 'approved', by: past.approver, at: approvedAt }],
        },
      }));
    }
    return PAST_MODELS.length;
  } finally {
    await redis.quit();
  }
}

/** Step 1 done: the scope, the roles that worked on it, and step 2 open. */
function withScope(model: ThreatModel, past: PastModel, done: ThreatModel['completedSteps']['scope']): ThreatModel {
  return {
    ...model,
    scope: { ...model.scope, ...past.scope },
    roles: { ...model.roles, business: [ALICE.id], developer: [BOB.id], defender: [CAROL.id] },
    contributors: [ALICE.id, BOB.id, CAROL.id],
    counters: {
      ...model.counters,
      asset: past.scope.assets.length,
      entryPoint: past.scope.entryPoints.length,
      component: past.scope.components.length,
      dataFlow: past.scope.dataFlows.length,
    },
    currentStep: 'threats',
    completedSteps: { ...model.completedSteps, scope: done },
  };
}
