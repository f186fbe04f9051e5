import { z } from 'zod';
import { SECRET_SETTINGS, type WorkspaceSettings, WorkspaceSettingsSchema } from '../domain/workspace-settings';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';
import type { TokenCipher } from './token-cipher';

const PlainSettingsSchema = WorkspaceSettingsSchema.omit({ gitToken: true, githubToken: true });

/** A record as kept: the settings without their tokens, the tokens sealed, who saved it and when. */
const StoredSettingsSchema = z.strictObject({
  settings: PlainSettingsSchema,
  sealed: z.strictObject({
    gitToken: z.string().min(1).max(2000).optional(),
    githubToken: z.string().min(1).max(2000).optional(),
  }),
  updatedBy: z.string().max(40),
  updatedAt: z.iso.datetime(),
});

/** A token was given but no encryption key is configured: the store never keeps a token in the clear. */
export class NoEncryptionKeyError extends Error {
  constructor() {
    super('a token can only be kept with INSTALLATION_ENCRYPTION_KEYS set');
    this.name = 'NoEncryptionKeyError';
  }
}

/**
 * Each workspace's own settings in Redis, one STRING of JSON per workspace (`{T123}:settings`,
 * in the workspace's hash tag like its models). The Git and GitHub tokens are sealed with the
 * installations' AES-256-GCM cipher, bound to the record's key name (a sealed token copied into
 * another workspace's record does not open there); without a cipher no token is ever written.
 */
export class RedisWorkspaceSettings {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly cipher: TokenCipher | undefined,
  ) {}

  get sealsSecrets(): boolean {
    return this.cipher !== undefined;
  }

  async read(workspaceId: string): Promise<WorkspaceSettings | undefined> {
    const key = this.keys.workspaceSettings(workspaceId);
    const raw = await this.redis.get(key);
    if (raw === null) return undefined;
    const stored = StoredSettingsSchema.parse(JSON.parse(raw));
    const settings: WorkspaceSettings = { ...stored.settings };
    for (const secret of SECRET_SETTINGS) {
      const sealed = stored.sealed[secret];
      if (sealed && this.cipher) settings[secret] = this.cipher.open(sealed, key);
    }
    return settings;
  }

  async write(workspaceId: string, settings: WorkspaceSettings, by: string, at: Date): Promise<void> {
    const key = this.keys.workspaceSettings(workspaceId);
    const { gitToken, githubToken, ...plain } = WorkspaceSettingsSchema.parse(settings);
    const seal = (token: string | undefined) => {
      if (token === undefined) return undefined;
      if (!this.cipher) throw new NoEncryptionKeyError();
      return this.cipher.seal(token, key);
    };
    const sealed = { gitToken: seal(gitToken), githubToken: seal(githubToken) };
    const stored = {
      settings: plain,
      sealed: Object.fromEntries(Object.entries(sealed).filter(([, value]) => value !== undefined)),
      updatedBy: by,
      updatedAt: at.toISOString(),
    };
    await this.redis.set(key, JSON.stringify(StoredSettingsSchema.parse(stored)));
  }
}
