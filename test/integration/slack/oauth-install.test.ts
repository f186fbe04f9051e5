import { Redis } from 'ioredis';
import { approveOnSlack, finishInstall, startInstall } from '../../../dev/stand-in/browser-install';
import { TEAMS } from '../../../dev/stand-in/oauth';
import { USERS } from '../../../dev/stand-in/workspace';
import { manifestBotScopes } from '../../../src/app/manifest-scopes';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE } = USERS;
const CHANNEL = 'C0PAYMENT';

/** The bot token oauth.v2.access issued in this test (the latest). */
function issuedToken(ctx: ReturnType<typeof useSlackApp>): string {
  const token = ctx.standIn.callsTo('oauth.v2.access').at(-1)?.response.access_token;
  if (typeof token !== 'string') throw new Error('no token was issued');
  return token;
}

describe('installing through OAuth', () => {
  const ctx = useSlackApp({ oauth: true, captureLogs: true });

  it('serves an "Add to Slack" page linking to Slack with the client id, the manifest scopes and a signed state', async () => {
    const started = await startInstall(ctx.port);
    const link = new URL(started.authorizeUrl);
    expect(link.origin).toBe(ctx.standIn.baseUrl);
    expect(link.searchParams.get('client_id')).toBe('1111111111.2222222222');
    expect(link.searchParams.get('scope')?.split(',')).toEqual(manifestBotScopes());
    expect(link.searchParams.get('state')).toEqual(expect.any(String));
    expect(started.cookie).toBe(`slack-app-oauth-state=${link.searchParams.get('state')}`);
  });

  it('installs the workspace: the code is exchanged, the token stored encrypted, and the workspace served with it', async () => {
    const installed = await ctx.install({ ...TEAMS.ACME, userId: ALICE.id });
    expect(installed.status).toBe(200);
    const token = issuedToken(ctx);

    const stored = await rawRedisGet(ctx, `${ctx.keys.prefix}install:team:${TEAMS.ACME.teamId}`);
    expect(stored).toEqual(expect.stringContaining('"teamId":"T0WORKSPC"'));
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('xoxb-');

    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    const card = ctx.standIn.callsTo('chat.postMessage').at(0);
    expect(card?.token).toEqual({ teamId: TEAMS.ACME.teamId, enterpriseId: undefined });
    expect((await ctx.model('TM-1')).title).toBe('Refunds API');
    expect(JSON.stringify(ctx.logs)).not.toContain(token);
  });

  it('serves no workspace before it is installed: a command there runs nothing and posts nothing', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    expect(await ctx.store.list(TEAMS.ACME.teamId, { by: 'all' })).toMatchObject({ total: 0 });
    expect(ctx.standIn.callsTo('chat.postMessage')).toEqual([]);
    expect(ctx.logs.filter((entry) => entry.level >= 50)).toEqual([]);
    expect(ctx.logs.map((entry) => entry.msg)).toContain('refused a request from a workspace with no installation');
  });

  describe('the OAuth state', () => {
    it('refuses a forged state, and installs nothing', async () => {
      const started = await startInstall(ctx.port);
      const redirect = new URL(await approveOnSlack(started.authorizeUrl));
      const forged = `${redirect.searchParams.get('state')?.slice(0, -4)}AAAA`;
      redirect.searchParams.set('state', forged);
      const answer = await finishInstall(redirect.toString(), `slack-app-oauth-state=${forged}`);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(ctx.standIn.callsTo('oauth.v2.access')).toEqual([]);
      expect(await ctx.installations?.find({ teamId: TEAMS.ACME.teamId, isEnterpriseInstall: false })).toBeUndefined();
    });

    it('refuses a state from another browser (no state cookie)', async () => {
      const started = await startInstall(ctx.port);
      const redirect = await approveOnSlack(started.authorizeUrl);
      const answer = await finishInstall(redirect, undefined);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(ctx.standIn.callsTo('oauth.v2.access')).toEqual([]);
    });

    it('refuses the same redirect sent again (a replayed state), after the first install went through', async () => {
      const first = await ctx.install({ ...TEAMS.ACME, userId: ALICE.id });
      expect(first.status).toBe(200);
      const replayed = await finishInstall(first.redirectUrl, first.cookie);
      expect(replayed.status).toBeGreaterThanOrEqual(400);
      expect(ctx.standIn.callsTo('oauth.v2.access')).toHaveLength(1);
    });

    it('is accepted by another replica of the same deployment (signed with the shared state secret)', async () => {
      const started = await startInstall(ctx.port);
      const other = await ctx.composeWeb();
      const redirect = new URL(await approveOnSlack(started.authorizeUrl));
      redirect.port = String(other.composed.port);
      const answer = await finishInstall(redirect.toString(), started.cookie);
      expect(answer.status).toBe(200);
      expect(await ctx.installations?.find({ teamId: TEAMS.ACME.teamId, isEnterpriseInstall: false })).toMatchObject({
        installerUserId: ALICE.id,
      });
    });
  });
});

async function rawRedisGet(ctx: ReturnType<typeof useSlackApp>, key: string): Promise<string | null> {
  const redis = new Redis(ctx.redisUrl);
  try {
    return await redis.get(key);
  } finally {
    await redis.quit();
  }
}
