import {
  resolveSettings,
  type SettingsDefaults,
  type WorkspaceConfig,
  type WorkspaceSettings,
} from '../domain/workspace-settings';
import type { WorkspaceSettingsSource } from '../ports/workspace-settings';
import type { RedisWorkspaceSettings } from './redis-workspace-settings';

/** How long one process trusts a workspace's settings: an edit made on another replica takes this long here. */
export const SETTINGS_CACHE_MS = 10_000;

/**
 * The settings in force per workspace: its own record (Redis) over the deployment's defaults,
 * cached a few seconds per process because every review, reminder and export asks. A save in
 * this process takes effect at once: it replaces the cached record, and a read that began
 * before the save cannot put the old one back.
 */
export class CachedWorkspaceSettings implements WorkspaceSettingsSource {
  private readonly cache = new Map<string, { own: WorkspaceSettings | undefined; until: number }>();
  /** Bumped by each save of a workspace: a read started under an older generation is not cached. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly store: RedisWorkspaceSettings,
    private readonly defaults: SettingsDefaults,
    private readonly options: {
      localRepositories: boolean;
      /** The app's clock: when a save happened. */
      now: () => Date;
      cacheMs?: number;
      /** Real time by default (a test's frozen clock must not freeze the cache). */
      cacheNow?: () => number;
    },
  ) {}

  get sealsSecrets(): boolean {
    return this.store.sealsSecrets;
  }

  get localRepositories(): boolean {
    return this.options.localRepositories;
  }

  async forWorkspace(workspaceId: string): Promise<WorkspaceConfig> {
    return resolveSettings(await this.own(workspaceId), this.defaults, workspaceId);
  }

  async own(workspaceId: string): Promise<WorkspaceSettings | undefined> {
    const now = this.cacheNow();
    const hit = this.cache.get(workspaceId);
    if (hit && hit.until > now) return hit.own;
    const generation = this.generations.get(workspaceId) ?? 0;
    const own = await this.store.read(workspaceId);
    if ((this.generations.get(workspaceId) ?? 0) === generation) this.remember(workspaceId, own);
    return own;
  }

  async save(workspaceId: string, settings: WorkspaceSettings, by: string): Promise<void> {
    this.generations.set(workspaceId, (this.generations.get(workspaceId) ?? 0) + 1);
    this.cache.delete(workspaceId);
    await this.store.write(workspaceId, settings, by, this.options.now());
    this.remember(workspaceId, settings);
  }

  private cacheNow(): number {
    return (this.options.cacheNow ?? Date.now)();
  }

  private remember(workspaceId: string, own: WorkspaceSettings | undefined): void {
    const until = this.cacheNow() + (this.options.cacheMs ?? SETTINGS_CACHE_MS);
    this.cache.set(workspaceId, { own, until });
    // Far more workspaces than one deployment serves: drop the oldest rather than grow without end.
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value ?? '');
  }
}
