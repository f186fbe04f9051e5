import type {
  Installation as BoltInstallation,
  InstallationQuery as BoltQuery,
  InstallationStore as BoltStore,
} from '@slack/oauth';
import type { Installation, InstallationQuery, InstallationStore } from '../ports/installation-store';
import { TtlCache } from './ttl-cache';

/** How long one process trusts what it read of an installation: an uninstall seen by another replica takes this long here. */
export const INSTALLATION_CACHE_MS = 10_000;

const keyOf = (query: InstallationQuery) =>
  query.isEnterpriseInstall ? `org:${query.enterpriseId ?? ''}` : `team:${query.teamId ?? ''}`;

/**
 * The app's installations as the Slack side uses them (OAuth mode): Bolt's installation store
 * (its `authorize` reads each request's installation through `bolt`, and its OAuth redirect saves
 * there), each workspace's bot token for background work, and the uninstall. Reads are cached for
 * a few seconds per process (every Slack request authorises through here); this process's own
 * saves and removals drop its cached copy at once.
 */
export class Installations implements InstallationStore {
  private readonly cache: TtlCache<string, Installation | undefined>;
  private readonly linked = new Set<string>();

  constructor(
    private readonly store: InstallationStore,
    private readonly now: () => Date,
    cacheMs = INSTALLATION_CACHE_MS,
  ) {
    this.cache = new TtlCache(cacheMs, () => now().getTime());
  }

  /** The installation a request names (Bolt's query: team, enterprise, org-wide or not). */
  find(query: InstallationQuery): Promise<Installation | undefined> {
    return this.cache.get(keyOf(query), () => this.store.find(query));
  }

  /** The bot token serving a workspace (its own installation, or its organisation's org-wide one). */
  async tokenForWorkspace(teamId: string): Promise<string | undefined> {
    return (await this.forWorkspace(teamId))?.bot.token;
  }

  /** The installation serving a workspace: its own, or its organisation's org-wide one. */
  async forWorkspace(teamId: string): Promise<Installation | undefined> {
    return (
      (await this.find({ teamId, isEnterpriseInstall: false })) ??
      (await this.cache.get(`member:${teamId}`, () => this.store.forWorkspace(teamId)))
    );
  }

  /** Notes, once per process, that a workspace is served by its organisation's org-wide install. */
  async linkMember(teamId: string, enterpriseId: string): Promise<void> {
    const link = `${teamId}|${enterpriseId}`;
    if (this.linked.has(link)) return;
    await this.store.linkMember(teamId, enterpriseId);
    this.linked.add(link);
  }

  members(enterpriseId: string): Promise<string[]> {
    return this.store.members(enterpriseId);
  }

  async save(installation: Installation): Promise<void> {
    await this.store.save(installation);
    this.cache.forget(keyOf(installation));
  }

  /** Forgets the installation's tokens (uninstall, revocation); whether there was one. */
  async remove(query: InstallationQuery): Promise<boolean> {
    const removed = await this.store.remove(query);
    this.cache.forget(keyOf(query));
    if (query.teamId) this.cache.forget(`member:${query.teamId}`);
    // Member workspaces of an organisation cached here resolve to it no more.
    if (query.isEnterpriseInstall) for (const link of this.linked) this.cache.forget(`member:${link.split('|')[0]}`);
    return removed;
  }

  /** Bolt's view of the same installations (what its OAuth flow and `authorize` call). */
  bolt(): BoltStore {
    return {
      storeInstallation: (installation) => this.save(fromBolt(installation, this.now())),
      fetchInstallation: async (query) => {
        const found = await this.find(ourQuery(query));
        // Bolt's authorize turns this into "not authorised": no listener runs for the request.
        if (!found) throw new Error('no installation for this workspace');
        return toBolt(found);
      },
      deleteInstallation: async (query) => {
        await this.remove(ourQuery(query));
      },
    };
  }
}

function ourQuery(query: BoltQuery<boolean>): InstallationQuery {
  return { teamId: query.teamId, enterpriseId: query.enterpriseId, isEnterpriseInstall: query.isEnterpriseInstall };
}

/** What Bolt's OAuth redirect hands over, as kept: the bot alone (the app asks for no user scopes). */
function fromBolt(installation: BoltInstallation, now: Date): Installation {
  const { bot } = installation;
  if (!bot) throw new Error('the installation has no bot token (the app must ask for bot scopes)');
  return {
    teamId: installation.isEnterpriseInstall ? undefined : installation.team?.id,
    teamName: installation.team?.name,
    enterpriseId: installation.enterprise?.id,
    enterpriseName: installation.enterprise?.name,
    isEnterpriseInstall: installation.isEnterpriseInstall === true,
    appId: installation.appId,
    bot: { token: bot.token, id: bot.id, userId: bot.userId, scopes: bot.scopes },
    installerUserId: installation.user.id,
    installedAt: now.toISOString(),
  };
}

function toBolt(installation: Installation): BoltInstallation {
  const { teamId, teamName, enterpriseId, enterpriseName } = installation;
  return {
    team: teamId ? { id: teamId, ...(teamName && { name: teamName }) } : undefined,
    enterprise: enterpriseId ? { id: enterpriseId, ...(enterpriseName && { name: enterpriseName }) } : undefined,
    isEnterpriseInstall: installation.isEnterpriseInstall,
    user: { id: installation.installerUserId, token: undefined, scopes: undefined },
    bot: { ...installation.bot },
    tokenType: 'bot',
    authVersion: 'v2',
    ...(installation.appId && { appId: installation.appId }),
  };
}
