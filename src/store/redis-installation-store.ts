import { z } from 'zod';
import type { Installation, InstallationQuery, InstallationStore } from '../ports/installation-store';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';
import type { TokenCipher } from './token-cipher';

const Id = z.string().regex(/^[A-Z0-9]{2,40}$/);
const Name = z.string().max(200).optional();

/** A record as kept in Redis: the installation with its bot token sealed, and the key id that sealed it. */
const StoredInstallationSchema = z.strictObject({
  teamId: Id.optional(),
  teamName: Name,
  enterpriseId: Id.optional(),
  enterpriseName: Name,
  isEnterpriseInstall: z.boolean(),
  appId: z.string().max(40).optional(),
  bot: z.strictObject({
    sealedToken: z.string().min(1).max(2000),
    id: z.string().max(40),
    userId: z.string().max(40),
    scopes: z.array(z.string().max(100)).max(100),
  }),
  installerUserId: z.string().max(40),
  installedAt: z.iso.datetime(),
  /** The encryption key the token was sealed with (it is also inside the sealed value). */
  keyId: z.string().max(32),
});
type StoredInstallation = z.infer<typeof StoredInstallationSchema>;

/**
 * Installations in Redis, one STRING of JSON per workspace (`install:team:T…`) or per
 * organisation installed org-wide (`install:org:E…`), under the app's key prefix. The bot token is
 * sealed with AES-256-GCM, bound to the record's key name, so the raw value reads as ciphertext
 * and a record copied under another workspace's key does not open. Every replica reads the same
 * records; nothing is kept in process memory here (the Slack side caches briefly).
 */
export class RedisInstallationStore implements InstallationStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly cipher: TokenCipher,
  ) {}

  async save(installation: Installation): Promise<void> {
    const key = this.keyOf(installation);
    if (!key) throw new Error('an installation names neither a workspace nor an org-wide organisation');
    const stored: StoredInstallation = {
      ...(installation.teamId && { teamId: installation.teamId }),
      ...(installation.teamName && { teamName: installation.teamName.slice(0, 200) }),
      ...(installation.enterpriseId && { enterpriseId: installation.enterpriseId }),
      ...(installation.enterpriseName && { enterpriseName: installation.enterpriseName.slice(0, 200) }),
      isEnterpriseInstall: installation.isEnterpriseInstall,
      ...(installation.appId && { appId: installation.appId }),
      bot: {
        sealedToken: this.cipher.seal(installation.bot.token, key),
        id: installation.bot.id,
        userId: installation.bot.userId,
        scopes: installation.bot.scopes,
      },
      installerUserId: installation.installerUserId,
      installedAt: installation.installedAt,
      keyId: this.cipher.currentKeyId,
    };
    await this.redis.set(key, JSON.stringify(StoredInstallationSchema.parse(stored)));
  }

  async find(query: InstallationQuery): Promise<Installation | undefined> {
    const key = this.keyOf(query);
    if (!key) return undefined;
    const raw = await this.redis.get(key);
    if (raw === null) return undefined;
    const stored = StoredInstallationSchema.parse(JSON.parse(raw));
    const { sealedToken, ...bot } = stored.bot;
    return {
      teamId: stored.teamId,
      teamName: stored.teamName,
      enterpriseId: stored.enterpriseId,
      enterpriseName: stored.enterpriseName,
      isEnterpriseInstall: stored.isEnterpriseInstall,
      appId: stored.appId,
      bot: { ...bot, token: this.cipher.open(sealedToken, key) },
      installerUserId: stored.installerUserId,
      installedAt: stored.installedAt,
    };
  }

  async remove(query: InstallationQuery): Promise<boolean> {
    const key = this.keyOf(query);
    return key !== undefined && (await this.redis.del(key)) > 0;
  }

  async forWorkspace(teamId: string): Promise<Installation | undefined> {
    const own = await this.find({ teamId, isEnterpriseInstall: false });
    if (own) return own;
    const enterpriseId = await this.redis.get(this.keys.installationMember(teamId));
    return enterpriseId ? this.find({ enterpriseId, isEnterpriseInstall: true }) : undefined;
  }

  async linkMember(teamId: string, enterpriseId: string): Promise<void> {
    // Two keys (two slots on a cluster): the workspace's organisation, and the organisation's workspaces.
    await this.redis.set(this.keys.installationMember(teamId), enterpriseId);
    await this.redis.sadd(this.keys.installationMembers(enterpriseId), teamId);
  }

  async members(enterpriseId: string): Promise<string[]> {
    return (await this.redis.smembers(this.keys.installationMembers(enterpriseId))).sort();
  }

  private keyOf(query: InstallationQuery): string | undefined {
    if (query.isEnterpriseInstall) {
      return query.enterpriseId ? this.keys.installation('org', query.enterpriseId) : undefined;
    }
    return query.teamId ? this.keys.installation('team', query.teamId) : undefined;
  }
}
