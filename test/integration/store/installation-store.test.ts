import { randomBytes } from 'node:crypto';
import type { Installation } from '../../../src/ports/installation-store';
import { RedisInstallationStore } from '../../../src/store/redis-installation-store';
import { RedisWorkspaceSettings } from '../../../src/store/redis-workspace-settings';
import { TokenCipher } from '../../../src/store/token-cipher';
import { CachedWorkspaceSettings } from '../../../src/store/workspace-settings-source';
import { TEST_SETTINGS_DEFAULTS } from '../../support/port-fakes';
import { useStore } from '../../support/store-fixture';

const K1 = { id: 'k1', key: randomBytes(32) };
const K2 = { id: 'k2', key: randomBytes(32) };

function installation(overrides: Partial<Installation> = {}): Installation {
  return {
    teamId: 'T0WORKSPC',
    teamName: 'Acme',
    enterpriseId: undefined,
    isEnterpriseInstall: false,
    appId: 'A0APP0001',
    bot: { token: 'xoxb-team-one-secret', id: 'B0BOT0001', userId: 'U0BOT0001', scopes: ['commands', 'chat:write'] },
    installerUserId: 'U0ALICE01',
    installedAt: '2026-12-06T10:00:00.000Z',
    ...overrides,
  };
}

/** One Redis for the file: the installations and the workspaces' settings, both sealed with the same cipher. */
const ctx = useStore();

describe('the Redis installation store', () => {
  const store = (keys = [K1]) => new RedisInstallationStore(ctx.redis, ctx.keys, new TokenCipher(keys));

  it('keeps one key per workspace under the app prefix, the token unreadable in the raw value', async () => {
    await store().save(installation());
    const raw = await ctx.redis.get(`${ctx.keys.prefix}install:team:T0WORKSPC`);
    expect(raw).not.toBeNull();
    expect(raw).not.toContain('xoxb-team-one-secret');
    expect(raw).not.toContain('xoxb');
    expect(JSON.parse(raw ?? '{}')).toMatchObject({ teamId: 'T0WORKSPC', keyId: 'k1' });
    expect(await store().find({ teamId: 'T0WORKSPC', isEnterpriseInstall: false })).toEqual(installation());
  });

  it('keeps an org-wide install under the organisation, serving a member workspace once linked', async () => {
    const org = installation({
      teamId: undefined,
      teamName: undefined,
      enterpriseId: 'E0ORG0001',
      isEnterpriseInstall: true,
    });
    await store().save(org);
    expect(await ctx.redis.exists(`${ctx.keys.prefix}install:org:E0ORG0001`)).toBe(1);
    expect(await store().forWorkspace('T0MEMBER1')).toBeUndefined();
    await store().linkMember('T0MEMBER1', 'E0ORG0001');
    expect((await store().forWorkspace('T0MEMBER1'))?.bot.token).toBe('xoxb-team-one-secret');
  });

  it('opens records sealed with an older key after rotation, and seals the reinstall with the new key', async () => {
    await store([K1]).save(installation());
    const rotated = store([K2, K1]);
    expect((await rotated.find({ teamId: 'T0WORKSPC', isEnterpriseInstall: false }))?.bot.token).toBe(
      'xoxb-team-one-secret',
    );
    await rotated.save(installation({ bot: { ...installation().bot, token: 'xoxb-reinstalled' } }));
    const raw = JSON.parse((await ctx.redis.get(ctx.keys.installation('team', 'T0WORKSPC'))) ?? '{}');
    expect(raw.keyId).toBe('k2');
  });

  it('refuses a record copied under another workspace key (the token is bound to its key)', async () => {
    await store().save(installation());
    const raw = (await ctx.redis.get(ctx.keys.installation('team', 'T0WORKSPC'))) ?? '';
    await ctx.redis.set(ctx.keys.installation('team', 'T0OTHER01'), raw);
    await expect(store().find({ teamId: 'T0OTHER01', isEnterpriseInstall: false })).rejects.toThrow(
      'sealed for another record',
    );
  });

  it('removes an installation (its tokens) and says whether there was one', async () => {
    await store().save(installation());
    expect(await store().remove({ teamId: 'T0WORKSPC', isEnterpriseInstall: false })).toBe(true);
    expect(await store().remove({ teamId: 'T0WORKSPC', isEnterpriseInstall: false })).toBe(false);
    expect(await store().find({ teamId: 'T0WORKSPC', isEnterpriseInstall: false })).toBeUndefined();
  });
});

describe('the Redis workspace settings', () => {
  const NOW = new Date('2026-12-07T10:00:00.000Z');
  const settingsStore = (cipher: TokenCipher | 'none' = new TokenCipher([K1])) =>
    new RedisWorkspaceSettings(ctx.redis, ctx.keys, cipher === 'none' ? undefined : cipher);

  it('keeps one key per workspace in its hash tag, the tokens sealed and bound to that key', async () => {
    const store = settingsStore();
    await store.write('T0WORKSPC', { appsecUsergroupId: 'S0APPSEC0', gitToken: 'glpat-secret-one' }, 'U0DAVE001', NOW);
    const key = `${ctx.keys.prefix}{T0WORKSPC}:settings`;
    const raw = await ctx.redis.get(key);
    expect(raw).not.toContain('glpat-secret-one');
    expect(JSON.parse(raw ?? '{}')).toMatchObject({
      settings: { appsecUsergroupId: 'S0APPSEC0' },
      sealed: { gitToken: expect.stringMatching(/^v1:k1:/) },
      updatedBy: 'U0DAVE001',
    });
    expect(await store.read('T0WORKSPC')).toEqual({ appsecUsergroupId: 'S0APPSEC0', gitToken: 'glpat-secret-one' });
    expect(await store.read('T0GLOBEX0')).toBeUndefined();

    // The record copied under another workspace's key: its token does not open there.
    await ctx.redis.set(`${ctx.keys.prefix}{T0GLOBEX0}:settings`, raw ?? '');
    await expect(store.read('T0GLOBEX0')).rejects.toThrow(/does not authenticate/);
  });

  it('never writes a token without a cipher', async () => {
    const store = settingsStore('none');
    expect(store.sealsSecrets).toBe(false);
    await expect(store.write('T0WORKSPC', { githubToken: 'ghp_plain' }, 'U0DAVE001', NOW)).rejects.toThrow(
      /INSTALLATION_ENCRYPTION_KEYS/,
    );
    expect(await ctx.redis.get(`${ctx.keys.prefix}{T0WORKSPC}:settings`)).toBeNull();
  });

  it('resolves over the defaults, cached, and a save takes effect at once in the process', async () => {
    const store = settingsStore();
    const source = new CachedWorkspaceSettings(store, TEST_SETTINGS_DEFAULTS, {
      localRepositories: false,
      now: () => NOW,
      cacheMs: 60_000,
    });
    expect((await source.forWorkspace('T0WORKSPC')).review.slaWorkingDays).toBe(3);
    // Written behind the cache's back (another replica): not seen within the cache's time.
    await store.write('T0WORKSPC', { reviewSlaDays: 7 }, 'U0DAVE001', NOW);
    expect((await source.forWorkspace('T0WORKSPC')).review.slaWorkingDays).toBe(3);
    await source.save('T0WORKSPC', { reviewSlaDays: 9 }, 'U0DAVE001');
    expect((await source.forWorkspace('T0WORKSPC')).review.slaWorkingDays).toBe(9);
    expect((await source.forWorkspace('T0GLOBEX0')).review.slaWorkingDays).toBe(3);
  });
});
