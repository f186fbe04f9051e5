import type { Where } from '../../../dev/stand-in/interaction-targets';
import { USERS } from '../../../dev/stand-in/workspace';
import { addMitigation } from '../../../src/domain/mitigation-edits';
import { addScopeElement } from '../../../src/domain/scope-edits';
import { addThreat } from '../../../src/domain/threat-edits';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, type Fixture, REFUND_THREAT, startScopedModel } from '../../support/slack-scenarios';

/** Eve is in the workspace but not in #team-payments: she can see its messages and click, nothing more. */
const { BOB, DAVE, EVE } = USERS;
const REF = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' };
const THREAT = REFUND_THREAT;

const SEE = 'Only members of <#C0PAYMENT> can see TM-1.';
const PAGE = "Only members of <#C0PAYMENT> can turn the pages of TM-1's lists.";
const CHANGE = 'Only members of <#C0PAYMENT> can change TM-1.';

/**
 * TM-1 in step 3 with every list long enough to page (25 assets, 16 threats, 21 mitigations): its
 * scope, threats and mitigations summaries, persona prompts and step buttons are in the thread.
 */
async function modelWithLongLists(ctx: Fixture): Promise<void> {
  await startScopedModel(ctx);
  await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => {
    let next = model;
    for (let i = 0; i < 24; i++)
      next = addScopeElement(next, 'asset', { name: `Asset ${i}`, classification: 'internal' }).model;
    for (let i = 0; i < 16; i++)
      next = addThreat(next, { ...THREAT, threatAction: `abuse path ${i}` }, BOB.id, new Date()).model;
    const mitigation = { description: 'Idempotency keys', threatIds: ['T-1'], status: 'proposed' as const };
    for (let i = 0; i < 21; i++)
      next = addMitigation(next, { ...mitigation, references: [] }, BOB.id, new Date()).model;
    return next;
  });
  await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|threats' });
  await ctx.settle();
  expect((await ctx.model()).currentStep).toBe('mitigations');
}

/** What the app sent that people see change: shared messages updated, modals opened, pushed or updated. */
function visibleChanges(ctx: Fixture): number {
  return ['chat.update', 'views.open', 'views.push', 'views.update'].reduce(
    (sum, method) => sum + ctx.standIn.callsTo(method).length,
    0,
  );
}

describe('reads check access like writes: an outsider is told why, and nothing changes', () => {
  const ctx = useSlackApp();

  /** Eve clicks; she is answered with `refusal`, and no message or modal changes. */
  async function outsiderClicks(click: () => Promise<unknown>, refusal: string): Promise<void> {
    const before = visibleChanges(ctx);
    const pagesBefore = await ctx.composed.services.messageRefs.get(REF);
    await click();
    await ctx.settle();
    expect(visibleChanges(ctx)).toBe(before);
    expect(await ctx.composed.services.messageRefs.get(REF)).toEqual(pagesBefore);
    expect(String(ctx.standIn.ephemeralsFor(EVE.id).at(-1)?.text)).toBe(refusal);
  }

  const button =
    (actionId: string, where: Where = {}) =>
    () =>
      ctx.driver.clickButton(EVE.id, actionId, where);
  const menu = (actionId: string, option: string) => () => ctx.driver.clickOverflow(EVE.id, actionId, option);

  it.each([
    ['threats.page.next', PAGE],
    ['scope.page.next', PAGE],
    ['mitigations.page.next', PAGE],
    ['prompts.next', SEE],
    ['threat.coverage', SEE],
    ['mitigation.unaddressed', SEE],
  ])('%s', async (actionId, refusal) => {
    await modelWithLongLists(ctx);
    await outsiderClicks(button(actionId), refusal);
  });

  it.each([
    ['threat.menu', 'TM-1|baseline:T-1'],
    ['threat.menu', 'TM-1|edit:T-1'],
    ['mitigation.menu', 'TM-1|edit:M-1'],
    ['scope.element_menu', 'TM-1|edit:AS-1'],
  ])('%s %s', async (actionId, option) => {
    await modelWithLongLists(ctx);
    await outsiderClicks(menu(actionId, option), CHANGE);
  });

  it.each([['threat.add'], ['threat.suggest'], ['mitigation.add'], ['scope.add.asset']])('%s', async (actionId) => {
    await modelWithLongLists(ctx);
    await outsiderClicks(button(actionId), CHANGE);
  });

  it('suggestions.page.next, clicked in the modal by someone who has left the channel since', async () => {
    const { driver, standIn } = ctx;
    await modelWithLongLists(ctx);
    await driver.clickButton(DAVE.id, 'threat.suggest');
    await ctx.settle();
    const members = standIn.workspace.channels.find((c) => c.id === CHANNEL)?.members ?? [];
    members.splice(members.indexOf(DAVE.id), 1);
    const modal = JSON.stringify(standIn.openViews(DAVE.id).at(-1));
    const updates = standIn.callsTo('views.update').length;

    await driver.clickButton(DAVE.id, 'suggestions.page.next', { in: 'modal' });
    await ctx.settle();
    members.push(DAVE.id); // the workspace outlives the test
    expect(standIn.callsTo('views.update')).toHaveLength(updates);
    expect(JSON.stringify(standIn.openViews(DAVE.id).at(0))).toBe(modal);
    expect(JSON.stringify(standIn.openViews(DAVE.id).at(-1)?.blocks)).toContain(SEE);
  });

  it('a member still pages the lists of an approved model: reading is fine', async () => {
    const { driver, standIn } = ctx;
    await modelWithLongLists(ctx);
    await ctx.store.update(REF, { actor: 'system', action: 'test.approve' }, (m) => ({ ...m, status: 'approved' }));
    const updates = standIn.callsTo('chat.update').length;
    await driver.clickButton(DAVE.id, 'threats.page.next');
    await driver.clickButton(DAVE.id, 'prompts.next');
    await ctx.settle();
    expect(await ctx.composed.services.messageRefs.get(REF)).toMatchObject({ threatPage: 2 });
    expect(standIn.callsTo('chat.update').length).toBeGreaterThan(updates);
    expect(standIn.ephemeralsFor(DAVE.id)).toEqual([]);
  });
});

describe('write buttons tell an outsider why too, where they clicked', () => {
  const ctx = useSlackApp();
  const told = () => String(ctx.standIn.ephemeralsFor(EVE.id).at(-1)?.text ?? '');

  it('model.finish_step and a role picker refuse Eve, and she is told', async () => {
    await modelWithLongLists(ctx);
    const before = await ctx.model();
    await ctx.driver.clickButton(EVE.id, 'model.finish_step', { value: 'TM-1|mitigations' });
    await ctx.settle();
    expect(told()).toBe(CHANGE);
    await ctx.driver.selectUsers(EVE.id, 'roles.select.business', [EVE.id]);
    await ctx.settle();
    expect(told()).toBe(CHANGE);
    const after = await ctx.model();
    expect(after.completedSteps).toEqual(before.completedSteps);
    expect(after.roles).toEqual(before.roles);
  });
});
