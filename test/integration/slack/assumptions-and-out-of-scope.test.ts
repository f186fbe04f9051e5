import { USERS } from '../../../dev/stand-in/workspace';
import { addThreat } from '../../../src/domain/threat-edits';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, REFUND_THREAT, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB } = USERS;
const REF = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' };

function blockText(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return JSON.stringify(message?.blocks ?? []) + String(message?.text ?? '');
}

describe('assumptions, through their modal', () => {
  const ctx = useSlackApp();

  it('are added from step 2 linked to a threat, edited from the scope summary, and outlive a removed threat', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => {
      return addThreat(model, REFUND_THREAT, BOB.id, new Date()).model;
    });
    // Step 2's opening message offers "Add assumption" beside "Add threat".
    const thread = standIn.thread(CHANNEL, (await ctx.model()).threadTs ?? '');
    const stepTwo = thread.find((m) => blockText(m).includes('Step 2 of 4'));
    expect(blockText(stepTwo)).toContain('scope.add.assumption');

    await driver.clickButton(BOB.id, 'scope.add.assumption', { value: 'TM-1|assumption' });
    await ctx.settle();
    const modal = standIn.openViews(BOB.id).at(-1);
    expect(modal?.title).toMatchObject({ text: 'Add assumption' });
    expect(JSON.stringify(modal?.blocks)).toContain('T-1 replay a refund request');
    const added = await driver.submitView(BOB.id, {
      description: 'Only the refunds VPC reaches the payments database',
      threatIds: ['T-1'],
    });
    expect(added.errors).toBeUndefined();
    await ctx.settle();
    expect((await ctx.model()).scope.assumptions).toEqual([
      {
        id: 'A-1',
        description: 'Only the refunds VPC reaches the payments database',
        threatIds: ['T-1'],
        mitigationIds: [],
      },
    ]);

    // Blank text (which Slack's client would not send) is refused by the app too, on the field.
    await driver.clickButton(BOB.id, 'scope.add.assumption', { value: 'TM-1|assumption' });
    await ctx.settle();
    const refused = await driver.submitView(BOB.id, { threatIds: ['T-1'] }, { force: true });
    expect(refused.errors).toEqual({ description: expect.any(String) });
    await driver.closeView(BOB.id);
    expect((await ctx.model()).scope.assumptions).toHaveLength(1);

    // Edit from the scope summary's menu: the modal shows its links.
    await driver.clickOverflow(ALICE.id, 'scope.element_menu', 'TM-1|edit:A-1');
    await ctx.settle();
    const edit = standIn.openViews(ALICE.id).at(-1);
    expect(edit?.title).toMatchObject({ text: 'Edit assumption' });
    expect(JSON.stringify(edit?.blocks)).toContain('"initial_options"');
    await driver.submitView(ALICE.id, { description: 'Only the refunds VPC reaches the DB', threatIds: ['T-1'] });
    await ctx.settle();
    expect((await ctx.model()).scope.assumptions[0]?.description).toBe('Only the refunds VPC reaches the DB');

    // Removing the threat keeps the assumption, without the dangling link.
    await driver.clickOverflow(BOB.id, 'threat.menu', 'TM-1|remove:T-1');
    await ctx.settle();
    const after = await ctx.model();
    expect(after.threats).toEqual([]);
    expect(after.scope.assumptions).toEqual([
      { id: 'A-1', description: 'Only the refunds VPC reaches the DB', threatIds: [], mitigationIds: [] },
    ]);
  });
});

describe('out of scope, through the element forms', () => {
  const ctx = useSlackApp();

  it('needs a reason, keeps the element listed, and the step rules no longer count it', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    expect((await ctx.model()).completedSteps.scope).toBeDefined();

    // Marking the database out of scope: the reason is the field itself.
    await driver.clickOverflow(ALICE.id, 'scope.element_menu', 'TM-1|edit:C-2');
    await ctx.settle();
    expect(JSON.stringify(standIn.openViews(ALICE.id).at(-1)?.blocks)).toContain('Out of scope because');
    const saved = await driver.submitView(ALICE.id, {
      name: 'Payments DB',
      type: 'aws-rds',
      outOfScopeReason: 'Owned and modelled by the payments team (TM-7)',
    });
    expect(saved.errors).toBeUndefined();
    await ctx.settle();

    const model = await ctx.model();
    expect(model.scope.components[1]).toMatchObject({
      id: 'C-2',
      outOfScopeReason: 'Owned and modelled by the payments team (TM-7)',
    });
    // Step 1 needs two components in scope: it reopens, and says why.
    expect(model.completedSteps.scope).toBeUndefined();
    expect(model.currentStep).toBe('scope');
    const texts = standIn.thread(CHANNEL, model.threadTs ?? '').map(blockText);
    expect(texts.join('\n')).toMatch(/open again[\s\S]*Add at least 2 components \(1 so far\)/);
    // The scope summary still lists it, marked.
    expect(texts.filter((t) => t.includes('Scope of TM-1')).at(-1)).toMatch(/C-2.*Payments DB.*out of scope: Owned/);

    // STRIDE coverage leaves it out, and says so.
    await driver.clickButton(ALICE.id, 'threat.coverage', { value: 'TM-1' });
    await ctx.settle();
    const coverage = JSON.stringify(standIn.openViews(ALICE.id).at(-1)?.blocks);
    expect(coverage).toContain('*C-1* Refunds API');
    expect(coverage).not.toContain('*C-2* Payments DB');
    expect(coverage).toContain('Out of scope, not counted: C-2.');
    await driver.closeView(ALICE.id);

    // Clearing the reason brings it back in scope, and the step can be finished again.
    await driver.clickOverflow(ALICE.id, 'scope.element_menu', 'TM-1|edit:C-2');
    await ctx.settle();
    await driver.submitView(ALICE.id, { name: 'Payments DB', type: 'aws-rds', outOfScopeReason: '' });
    await ctx.settle();
    expect((await ctx.model()).scope.components[1]?.outOfScopeReason).toBeUndefined();
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|scope' });
    await ctx.settle();
    expect((await ctx.model()).currentStep).toBe('threats');
  });
});
