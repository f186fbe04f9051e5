import { USERS } from '../../../dev/stand-in/workspace';
import { eventually } from '../../support/eventually';
import { approvedModel, REF } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL } from '../../support/slack-scenarios';

/** Dave is in #team-payments without a role; Eve is not in the channel. */
const { ALICE, BOB, DAVE, EVE, APPSEC1 } = USERS;

describe('revising an approved model', () => {
  const ctx = useSlackApp();
  const card = async () => {
    const model = await ctx.model();
    return JSON.stringify(ctx.standIn.message(CHANNEL, model.threadTs ?? '')?.blocks);
  };
  const told = (userId: string) => String(ctx.standIn.ephemeralsFor(userId).at(-1)?.text ?? '');

  it('the owner opens v2 as a draft in the same thread; v1 is kept read-only beside it, and the card shows the version', async () => {
    const v1 = await approvedModel(ctx);
    expect(await card()).toContain('*TM-1* v1');
    await ctx.driver.clickButton(ALICE.id, 'model.revise', { channel: CHANNEL });
    await ctx.settle();

    const v2 = await ctx.model();
    expect(v2.status).toBe('draft');
    expect(v2.id).toBe('TM-1');
    expect(v2.threadTs).toBe(v1.threadTs);
    expect(v2.threats).toEqual(v1.threats);
    expect(v2.mitigations).toEqual(v1.mitigations);
    expect(v2.completedSteps).toEqual(v1.completedSteps);
    expect(v2.revision).toMatchObject({
      number: 2,
      openedBy: ALICE.id,
      approved: [{ number: 1, modelVersion: v1.version, approvedBy: APPSEC1.id, comment: 'Good work.' }],
    });
    // The approved version, exactly as approved, stored beside the model.
    expect(await ctx.store.approvedVersion(REF, 1)).toEqual(v1);
    expect((await ctx.store.recentChanges(REF, { limit: 1 })).items[0]?.action).toBe('model.revise');

    const shown = await eventually('the card of v2', async () => ((await card()).includes('v2') ? card() : undefined));
    expect(shown).toContain('*TM-1* v2 (revising approved v1)');
    expect(shown).toContain('What changed since v1');
    expect(shown).toContain('Request AppSec review');
    expect(shown).not.toContain('model.revise');
    const note = await eventually('the note in the thread', () =>
      ctx.standIn.thread(CHANNEL, v2.threadTs ?? '').find((message) => message.text.includes('opened *v2*')),
    );
    expect(note.text).toContain(`<@${ALICE.id}> opened *v2* of *TM-1* as a draft. Approved v1 stays as it was`);
  });

  it('a role holder may revise; a channel member without a role and an outsider are refused and nothing changes', async () => {
    const v1 = await approvedModel(ctx);
    await ctx.driver.clickButton(DAVE.id, 'model.revise', { channel: CHANNEL });
    await ctx.settle();
    expect(told(DAVE.id)).toBe('Only the owner or a role holder of TM-1 can revise it.');
    await ctx.driver.clickButton(EVE.id, 'model.revise', { channel: CHANNEL });
    await ctx.settle();
    expect(told(EVE.id)).toBe(`Only members of <#${CHANNEL}> can revise TM-1.`);
    expect(await ctx.model()).toEqual(v1);
    expect(await ctx.store.approvedVersion(REF, 1)).toBeUndefined();

    // Bob (a role holder) and Alice (the owner) click at once: one opens v2, the other is told it is not approved any more.
    await Promise.all([
      ctx.driver.clickButton(BOB.id, 'model.revise', { channel: CHANNEL }),
      ctx.driver.clickButton(ALICE.id, 'model.revise', { channel: CHANNEL }),
    ]);
    await ctx.settle();
    const v2 = await ctx.model();
    expect(v2.revision?.number).toBe(2);
    const loser = v2.revision?.openedBy === BOB.id ? ALICE.id : BOB.id;
    expect(told(loser)).toBe('Only an approved model can be revised; TM-1 is not approved.');
    const revisions = (await ctx.store.auditTrail(REF, { limit: 100 })).items.filter(
      (e) => e.action === 'model.revise',
    );
    expect(revisions).toHaveLength(1);
  });

  it('who may is checked inside the write: a role taken away while Slack answers the membership check is refused', async () => {
    const { standIn } = ctx;
    const v1 = await approvedModel(ctx);
    standIn.holdReplies('conversations.members', { times: 1 });
    const since = standIn.calls.length;
    await ctx.driver.clickButton(BOB.id, 'model.revise', { channel: CHANNEL });
    await standIn.waitForCall('conversations.members', () => true, 5000, since);
    // Meanwhile (another replica, say) Bob loses his roles.
    const { model: withoutBob } = await ctx.store.update(
      REF,
      { actor: ALICE.id, action: 'roles.business' },
      (model) => ({
        ...model,
        roles: { ...model.roles, business: [], adversary: model.roles.adversary.filter((id) => id !== BOB.id) },
      }),
    );
    expect(standIn.releaseHeldReplies()).toBe(1);
    await ctx.settle();
    expect(told(BOB.id)).toBe('Only the owner or a role holder of TM-1 can revise it.');
    expect(await ctx.model()).toEqual(withoutBob);
    expect(withoutBob.status).toBe(v1.status);
    expect(await ctx.store.approvedVersion(REF, 1)).toBeUndefined();
  });

  it('the approved v1 stays readable as it was: `/threatmodel status TM-1 v1`', async () => {
    await approvedModel(ctx);
    await ctx.driver.clickButton(ALICE.id, 'model.revise', { channel: CHANNEL });
    await ctx.settle();
    await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => ({
      ...model,
      title: 'Refunds API, with payouts',
    }));

    await ctx.driver.command(DAVE.id, CHANNEL, 'status TM-1 v1');
    await ctx.settle();
    const v1 = JSON.stringify(ctx.standIn.responses.at(-1)?.body);
    expect(v1).toContain('*TM-1* v1');
    expect(v1).toContain('Approved');
    expect(v1).toContain('Refunds API');
    expect(v1).not.toContain('with payouts');
    expect(v1).not.toContain('model.revise');

    await ctx.driver.command(DAVE.id, CHANNEL, 'status TM-1 v2');
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.responses.at(-1)?.body)).toContain('with payouts');
    await ctx.driver.command(DAVE.id, CHANNEL, 'status TM-1 v3');
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.responses.at(-1)?.body)).toContain('TM-1 has no approved v3; it is at v2.');
    await ctx.driver.command(EVE.id, CHANNEL, 'status TM-1 v1');
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.responses.at(-1)?.body)).toContain(
      'There is no threat model TM-1 in your channels.',
    );
  });

  it('an idle revision is never archived: that would hide the approved version it revises', async () => {
    await approvedModel(ctx);
    await ctx.driver.clickButton(ALICE.id, 'model.revise', { channel: CHANNEL });
    await ctx.settle();
    // Zero idle days: every draft not touched this very millisecond is idle.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await ctx.store.archiveIdleDrafts(0)).toEqual([]);
    expect((await ctx.model()).status).toBe('draft');
  });
});
