import { USERS } from '../../dev/stand-in/workspace';
import { addScopeElement } from '../../src/domain/scope-edits';
import type { useSlackApp } from './slack-app-fixture';

const { ALICE, BOB } = USERS;
export const CHANNEL = 'C0PAYMENT';

export type Fixture = ReturnType<typeof useSlackApp>;

/** A threat on the scope startScopedModel fills in: replayed refunds through POST /refunds. */
export const REFUND_THREAT = {
  threatSource: 'internet-based threat actor',
  prerequisites: 'with a stolen customer session',
  threatAction: 'replay a refund request',
  threatImpact: 'refunds paid twice',
  impactedGoals: ['integrity'],
  impactedAssetIds: ['AS-1'],
  stride: ['T' as const],
  affectedElementIds: ['EP-1'],
};

/**
 * Alice starts TM-1 (titled `title`, as she types it); its scope (an asset, the API and its
 * database, an entry point) is filled in through the store, Bob is made Adversary, and Bob
 * finishes step 1 unless told not to.
 */
export async function startScopedModel(ctx: Fixture, finishScope = true, title = 'Refunds API') {
  await ctx.driver.command(ALICE.id, CHANNEL, `start ${title}`);
  await ctx.settle();
  await ctx.store.update(
    { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
    { actor: ALICE.id, action: 'seed' },
    (model) => {
      let next = addScopeElement(model, 'asset', { name: 'Refund records', classification: 'confidential' }).model;
      next = addScopeElement(next, 'component', { name: 'Refunds API', type: 'aws-lambda', kind: 'process' }).model;
      next = addScopeElement(next, 'component', { name: 'Payments DB', type: 'aws-rds', kind: 'data_store' }).model;
      next = addScopeElement(next, 'entryPoint', {
        name: 'POST /refunds',
        componentId: 'C-1',
        authentication: 'oauth2',
      }).model;
      return { ...next, roles: { ...next.roles, adversary: [BOB.id] } };
    },
  );
  if (finishScope) {
    await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|scope' });
    await ctx.settle();
  }
}
