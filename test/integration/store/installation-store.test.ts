import { randomBytes } from 'node:crypto';
import type { Installation } from '../../../src/ports/installation-store';
import { RedisInstallationStore } from '../../../src/store/redis-installation-store';
import { TokenCipher } from '../../../src/store/token-cipher';
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

describe('the Redis installation store', () => {
  const ctx = useStore();
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
