import { USERS } from '../../../dev/stand-in/workspace';
import { addThreat } from '../../../src/domain/threat-edits';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, type Fixture, REFUND_THREAT, startScopedModel } from '../../support/slack-scenarios';

/** Eve is in the workspace but not in #team-payments. */
const { ALICE, BOB, DAVE, EVE } = USERS;
const REF = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' };
const THREAT = REFUND_THREAT;

/** TM-1 with its scope, then 25 threats added by Bob, one change each. */
async function modelWith25Changes(ctx: Fixture): Promise<number> {
  await startScopedModel(ctx, false);
  for (let i = 1; i <= 25; i++) {
    await ctx.store.update(REF, { actor: BOB.id, action: 'threat.add' }, (model) => {
      return addThreat(model, { ...THREAT, threatAction: `abuse path ${i}` }, BOB.id, new Date()).model;
    });
  }
  return (await ctx.store.auditTrail(REF)).total;
}

/** The change lines of the open modal, top to bottom. */
function linesOf(ctx: Fixture, user: string, at = -1): string[] {
  const view = ctx.standIn.openViews(user).at(at);
  return (view?.blocks ?? []).flatMap((block) => {
    const text = (block as { block_id?: string; text?: { text?: string } }).text?.text;
    return (block as { block_id?: string }).block_id?.startsWith('change_') && text ? [text] : [];
  });
}

describe('the History modal: who changed what and when, newest first', () => {
  const ctx = useSlackApp();

  it('shows the newest 20 changes in words; Next shows the rest, Previous the newest again', async () => {
    const { driver, standIn } = ctx;
    const total = await modelWith25Changes(ctx);

    await driver.clickButton(DAVE.id, 'model.history');
    await ctx.settle();
    const first = linesOf(ctx, DAVE.id);
    expect(first).toHaveLength(20);
    expect(first[0]).toMatch(new RegExp(`^<@${BOB.id}> added threat T-25 · <!date\\^\\d+\\^`));
    expect(first[19]).toContain('added threat T-6');
    expect(JSON.stringify(standIn.openViews(DAVE.id).at(-1))).toContain(`1 to 20 of ${total}`);

    await driver.clickButton(DAVE.id, 'history.page.next', { in: 'modal' });
    await ctx.settle();
    const second = linesOf(ctx, DAVE.id);
    expect(second).toHaveLength(total - 20);
    expect(second[0]).toContain('added threat T-5');
    expect(second.at(-1)).toMatch(new RegExp(`^<@${ALICE.id}> started the model`));
    expect(standIn.callsTo('views.update')).toHaveLength(1);
    expect(JSON.stringify(standIn.openViews(DAVE.id).at(-1))).not.toContain('history.page.next');

    await driver.clickButton(DAVE.id, 'history.page.previous', { in: 'modal' });
    await ctx.settle();
    expect(linesOf(ctx, DAVE.id)).toEqual(first);
    expect(standIn.ephemeralsFor(DAVE.id)).toEqual([]);
  });

  it('an outsider is refused and told why; nothing opens', async () => {
    const { driver, standIn } = ctx;
    await modelWith25Changes(ctx);
    await driver.clickButton(EVE.id, 'model.history');
    await ctx.settle();
    expect(standIn.callsTo('views.open')).toHaveLength(0);
    expect(String(standIn.ephemeralsFor(EVE.id).at(-1)?.text)).toBe(
      `Only members of <#${CHANNEL}> can see the history of TM-1.`,
    );
  });

  it('someone who left the channel since cannot turn its pages', async () => {
    const { driver, standIn } = ctx;
    await modelWith25Changes(ctx);
    await driver.clickButton(DAVE.id, 'model.history');
    await ctx.settle();
    const members = standIn.workspace.channels.find((c) => c.id === CHANNEL)?.members ?? [];
    members.splice(members.indexOf(DAVE.id), 1);
    const before = linesOf(ctx, DAVE.id);
    await driver.clickButton(DAVE.id, 'history.page.next', { in: 'modal' });
    await ctx.settle();
    members.push(DAVE.id); // the workspace outlives the test
    expect(standIn.callsTo('views.update')).toHaveLength(0);
    expect(linesOf(ctx, DAVE.id, 0)).toEqual(before);
    expect(JSON.stringify(standIn.openViews(DAVE.id).at(-1)?.blocks)).toContain(
      `Only members of <#${CHANNEL}> can see the history of TM-1.`,
    );
  });
});
