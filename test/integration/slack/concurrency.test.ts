import { TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';

const CHANNEL = 'C0PAYMENT';
/** 30 colleagues, all members of the channel. */
const TEAM = Array.from({ length: 30 }, (_, i) => `U0TEAM${String(i).padStart(3, '0')}`);

describe('a whole team editing one model at once', () => {
  const ctx = useSlackApp({ cardRefreshIntervalMs: 200 });

  it('stores all 30 elements from 30 concurrent modal submissions, with few card updates', async () => {
    const { driver, standIn } = ctx;
    await driver.command(USERS.ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    const cardTs = (await ctx.model()).threadTs;
    const updatesBefore = standIn.callsTo('chat.update').filter((c) => c.args.ts === cardTs).length;

    const channel = standIn.workspace.channels.find((c) => c.id === CHANNEL);
    channel?.members.push(...TEAM);
    for (const [i, id] of TEAM.entries()) {
      standIn.workspace.users.push({ ...USERS.DAVE, id, name: `colleague${i}`, real_name: `Colleague ${i}` });
    }

    // 30 colleagues each open an "Add asset" modal ...
    const sessions = TEAM.map((user, i) => ({ user, name: `Asset ${i}` }));
    for (const { user } of sessions) await driver.clickButton(user, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    // ... and all submit at the same moment.
    const results = await Promise.all(
      sessions.map(({ user, name }) => driver.submitView(user, { name, classification: 'internal' })),
    );
    expect(results.every((r) => r.status === 200 && r.errors === undefined)).toBe(true);
    await ctx.settle();

    const model = await ctx.model();
    expect(model.scope.assets.map((a) => a.name).sort()).toEqual(sessions.map((s) => s.name).sort());
    expect(new Set(model.scope.assets.map((a) => a.id)).size).toBe(30);
    const cardUpdates = standIn.callsTo('chat.update').filter((c) => c.args.ts === cardTs).length - updatesBefore;
    expect(cardUpdates).toBeGreaterThanOrEqual(1);
    expect(cardUpdates).toBeLessThanOrEqual(6);
    expect(JSON.stringify(standIn.message(CHANNEL, cardTs ?? '')?.blocks)).toContain('*Assets*\\n30');
  });

  it('two app processes asked to refresh one change at once rewrite the card once between them', async () => {
    await ctx.driver.command(USERS.ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    const sibling = await ctx.composeSibling();
    const ref = { workspaceId: TEAM_ID, modelId: 'TM-1' };
    const cardTs = (await ctx.model()).threadTs;
    const cardUpdates = () => ctx.standIn.callsTo('chat.update').filter((c) => c.args.ts === cardTs).length;
    // Let the start's own refresh interval pass, so both processes may refresh at once.
    await ctx.settle();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const before = cardUpdates();

    await ctx.store.update(ref, { actor: USERS.ALICE.id, action: 'rename' }, (m) => ({
      ...m,
      title: 'Refunds API v2',
    }));
    ctx.app.services.refresher.refresh(ref);
    sibling.services.refresher.refresh(ref);
    await Promise.all([ctx.settle(), sibling.idle()]);

    // One process took the turn and sent it; the other waited for its turn and had nothing to send.
    expect(cardUpdates() - before).toBe(1);
    expect(JSON.stringify(ctx.standIn.message(CHANNEL, cardTs ?? '')?.blocks)).toContain('Refunds API v2');
  });
});
