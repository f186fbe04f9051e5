import { Redis } from 'ioredis';
import { TEAMS } from '../../../dev/stand-in/oauth';
import { USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE } = USERS;
const ACME = TEAMS.ACME.teamId;
const CHANNEL = 'C0PAYMENT';

describe('uninstalling and revoking', () => {
  const ctx = useSlackApp({ oauth: true });

  async function rawKey(key: string): Promise<string | null> {
    const redis = new Redis(ctx.redisUrl);
    try {
      return await redis.get(key);
    } finally {
      await redis.quit();
    }
  }

  const reminders = () => ctx.runtime.jobs.pendingReminder({ workspaceId: ACME, modelId: 'TM-1' }, 'idle');
  const installationKey = () => `${ctx.keys.prefix}install:team:${ACME}`;

  beforeEach(async () => {
    expect((await ctx.install({ ...TEAMS.ACME, userId: ALICE.id })).status).toBe(200);
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    expect(await reminders()).toBeDefined();
  });

  it('app_uninstalled deletes the tokens and stops the reminders, and keeps the model', async () => {
    await ctx.driver.event({ type: 'app_uninstalled' });
    await ctx.settle();
    expect(await rawKey(installationKey())).toBeNull();
    expect(await reminders()).toBeUndefined();
    expect((await ctx.model('TM-1')).title).toBe('Refunds API');
  });

  it('after an uninstall nothing is served there, and a reinstall picks the models up again', async () => {
    await ctx.driver.event({ type: 'app_uninstalled' });
    ctx.standIn.oauth.revoke(ACME);
    await ctx.settle();
    const calls = ctx.standIn.calls.length;
    await ctx.driver.command(ALICE.id, CHANNEL, 'status TM-1');
    await ctx.settle();
    expect(ctx.standIn.calls.slice(calls)).toEqual([]);

    expect((await ctx.install({ ...TEAMS.ACME, userId: ALICE.id })).status).toBe(200);
    const status = await ctx.driver.command(ALICE.id, CHANNEL, 'status TM-1');
    await ctx.settle();
    const said = JSON.stringify([status.json, ...ctx.standIn.responses.map((response) => response.body)]);
    expect(said).toContain('Refunds API');
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Payouts');
    await ctx.settle();
    expect((await ctx.model('TM-2')).title).toBe('Payouts');
    expect(ctx.standIn.callsTo('chat.postMessage').at(-1)?.status).toBe(200);
  });

  it('tokens_revoked with the bot token is an uninstall; with user tokens alone it changes nothing', async () => {
    await ctx.driver.event({ type: 'tokens_revoked', tokens: { oauth: [ALICE.id] } });
    await ctx.settle();
    expect(await rawKey(installationKey())).not.toBeNull();
    expect(await reminders()).toBeDefined();

    await ctx.driver.event({ type: 'tokens_revoked', tokens: { bot: ['U0BOT0001'] } });
    await ctx.settle();
    expect(await rawKey(installationKey())).toBeNull();
    expect(await reminders()).toBeUndefined();
    expect((await ctx.model('TM-1')).status).toBe('draft');
  });
});
