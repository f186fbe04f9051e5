import { USERS } from '../../../dev/stand-in/workspace';
import { addScopeElement } from '../../../src/domain/scope-edits';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, type Fixture } from '../../support/slack-scenarios';

const { ALICE, BOB } = USERS;
const WORKSPACE = 'T0WORKSPC';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `count` approved models whose steps took 1 day (scope), 2 days (threats), 1 day and 3 hours. */
async function seedApprovedModels(ctx: Fixture, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const created = await ctx.store.create(
      { title: `Past feature ${n + 1}`, workspaceId: WORKSPACE, channelId: CHANNEL, ownerId: ALICE.id },
      ALICE.id,
    );
    const at = (ms: number) => new Date(Date.parse(created.createdAt) + ms).toISOString();
    const done = (ms: number) => ({ completedBy: BOB.id, completedAt: at(ms) });
    await ctx.store.update(
      { workspaceId: WORKSPACE, modelId: created.id },
      { actor: ALICE.id, action: 'seed' },
      (m) => ({
        ...m,
        status: 'approved',
        currentStep: 'risk',
        completedSteps: {
          scope: done(DAY),
          threats: done(3 * DAY),
          mitigations: done(4 * DAY),
          risk: done(4 * DAY + 3 * HOUR),
        },
      }),
    );
  }
}

async function cardOf(ctx: Fixture, modelId: string): Promise<string> {
  const model = await ctx.model(modelId);
  const card = ctx.standIn.messages(CHANNEL).find((message) => message.ts === model.threadTs);
  return JSON.stringify(card?.blocks ?? []);
}

describe('estimates for the team', () => {
  const ctx = useSlackApp();

  describe('with 3 approved models in the workspace', () => {
    it('shows at the start how long each step usually takes, and on the card the estimate for the step in progress', async () => {
      await seedApprovedModels(ctx, 3);
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
      await ctx.settle();

      expect(await cardOf(ctx, 'TM-4')).toContain('Teams usually spend about a day on scope.');
      const model = await ctx.model('TM-4');
      const thread = ctx.standIn.thread(CHANNEL, model.threadTs ?? '').map((m) => JSON.stringify(m.blocks ?? []));
      expect(thread.join('\n')).toContain(
        'How long past models took (medians of 3): scope about a day · threats about 2 days · mitigations about a day · risk review about 3 hours',
      );

      // Step 1 done: the card now tells the threats estimate.
      await ctx.store.update({ workspaceId: WORKSPACE, modelId: 'TM-4' }, { actor: ALICE.id, action: 'seed' }, (m) => {
        let next = addScopeElement(m, 'asset', { name: 'Refund records', classification: 'confidential' }).model;
        next = addScopeElement(next, 'component', { name: 'Refunds API', type: 'aws-lambda', kind: 'process' }).model;
        next = addScopeElement(next, 'component', { name: 'Payments DB', type: 'aws-rds', kind: 'data_store' }).model;
        return addScopeElement(next, 'entryPoint', {
          name: 'POST /refunds',
          componentId: 'C-1',
          authentication: 'oauth2',
        }).model;
      });
      await ctx.driver.clickButton(ALICE.id, 'model.finish_step', { value: 'TM-4|scope' });
      await ctx.settle();
      expect((await ctx.model('TM-4')).currentStep).toBe('threats');
      const card = await cardOf(ctx, 'TM-4');
      expect(card).toContain('Teams usually spend about 2 days on threats.');
      expect(card).not.toContain('on scope.');
    });
  });

  describe('with only 2 approved models', () => {
    it('shows no estimate: too few to go by', async () => {
      await seedApprovedModels(ctx, 2);
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
      await ctx.settle();
      expect(await cardOf(ctx, 'TM-3')).not.toContain('Teams usually spend');
      const model = await ctx.model('TM-3');
      const thread = ctx.standIn.thread(CHANNEL, model.threadTs ?? '').map((m) => JSON.stringify(m.blocks ?? []));
      expect(thread.join('\n')).not.toContain('How long past models took');
    });
  });
});
