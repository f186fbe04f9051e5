/**
 * Slack's side of an OAuth install, for the stand-in: the authorize page (the person approves at
 * once, as `approveInstallsAs` says, and is sent back to the app's redirect URL with a code and
 * the app's state), oauth.v2.access (a code is exchanged once, for a fresh bot token of that
 * workspace or organisation), and what the issued tokens answer to auth.test and team.info.
 * Revoking a workspace's tokens (an uninstall) makes them `invalid_auth` from then on.
 */
import { randomBytes } from 'node:crypto';
import { GLOBEX_TEAM_ID } from './globex-workspace';
import type { JsonObject } from './json';
import { BOT, TEAM_ID, USERS } from './workspace';

/** A distributed app's credentials, as its "Basic Information" page shows them. */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
}

/** The app the stand-in knows unless told another (`oauthApp` option). */
export const OAUTH_APP: OAuthApp = {
  clientId: '1111111111.2222222222',
  clientSecret: 'standinclientsecret0123456789ab',
};

/** Other workspaces the stand-in can install the app in, and an Enterprise Grid organisation. */
export const TEAMS = {
  ACME: { teamId: TEAM_ID, teamName: 'Acme' },
  GLOBEX: { teamId: GLOBEX_TEAM_ID, teamName: 'Globex' },
  GRID: { enterpriseId: 'E0GRID001', enterpriseName: 'Initech Grid' },
  GRID_SALES: { teamId: 'T0GRIDSL0', teamName: 'Initech Sales', enterpriseId: 'E0GRID001' },
  GRID_LABS: { teamId: 'T0GRIDLB0', teamName: 'Initech Labs', enterpriseId: 'E0GRID001' },
} as const;

/** Who approves the next install, and where. */
export interface Installer {
  /** The workspace; omitted for an org-wide install. */
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  /** Installed for the whole organisation (org_deploy_enabled). */
  orgWide?: boolean;
  userId: string;
}

/** What a token issued by oauth.v2.access stands for. */
export interface Grant {
  token: string;
  teamId: string | undefined;
  teamName: string | undefined;
  enterpriseId: string | undefined;
  orgWide: boolean;
  scope: string;
  installerId: string;
}

export interface AuthorizeAnswer {
  status: number;
  location?: string;
  text?: string;
}

export class StandInOAuth {
  /** Where the authorize page sends the installer back (the app's registered redirect URL). */
  redirectUrl: string | undefined;
  private installer: Installer = { ...TEAMS.ACME, userId: USERS.ALICE.id };
  private readonly codes = new Map<string, { installer: Installer; scope: string }>();
  private readonly grants = new Map<string, Grant>();
  /** Every authorize page visit: its query, for assertions. */
  readonly authorizeRequests: URLSearchParams[] = [];

  constructor(private readonly app: OAuthApp = OAUTH_APP) {}

  /** The next approvals install the app there, as that person. */
  approveInstallsAs(installer: Installer): void {
    this.installer = installer;
  }

  /** GET /oauth/v2/authorize: the installer approves, and is redirected with a code and the state. */
  authorize(query: URLSearchParams): AuthorizeAnswer {
    this.authorizeRequests.push(query);
    if (query.get('client_id') !== this.app.clientId) return { status: 400, text: 'invalid_client_id' };
    const target = query.get('redirect_uri') ?? this.redirectUrl;
    if (!target) return { status: 400, text: 'no_redirect_url' };
    const code = `code-${randomBytes(12).toString('hex')}`;
    this.codes.set(code, { installer: this.installer, scope: query.get('scope') ?? '' });
    const location = new URL(target);
    location.searchParams.set('code', code);
    const state = query.get('state');
    if (state !== null) location.searchParams.set('state', state);
    return { status: 302, location: location.toString() };
  }

  /** oauth.v2.access: a code (used once) for a bot token, with the app's client id and secret. */
  access(args: JsonObject, basicAuth: string | undefined): JsonObject {
    const [id, secret] = basicAuth
      ? Buffer.from(basicAuth, 'base64').toString('utf8').split(':')
      : [args.client_id, args.client_secret];
    if (id !== this.app.clientId) return { ok: false, error: 'invalid_client_id' };
    if (secret !== this.app.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const code = typeof args.code === 'string' ? args.code : '';
    const granted = this.codes.get(code);
    if (!granted) return { ok: false, error: 'invalid_code' };
    this.codes.delete(code);
    const { installer, scope } = granted;
    const orgWide = installer.orgWide === true;
    const owner = (orgWide ? installer.enterpriseId : installer.teamId) ?? 'X';
    const token = `xoxb-${owner}-${randomBytes(12).toString('hex')}`;
    const grant: Grant = {
      token,
      teamId: orgWide ? undefined : installer.teamId,
      teamName: installer.teamName,
      enterpriseId: installer.enterpriseId,
      orgWide,
      scope,
      installerId: installer.userId,
    };
    this.grants.set(token, grant);
    return {
      ok: true,
      app_id: BOT.appId,
      authed_user: { id: installer.userId },
      scope,
      token_type: 'bot',
      access_token: token,
      bot_user_id: BOT.userId,
      team: grant.teamId ? { id: grant.teamId, name: installer.teamName ?? grant.teamId } : null,
      enterprise: installer.enterpriseId
        ? { id: installer.enterpriseId, name: installer.enterpriseName ?? installer.enterpriseId }
        : null,
      is_enterprise_install: orgWide,
    };
  }

  /** The grant a token stands for, while it is not revoked. */
  grantOf(token: string | undefined): Grant | undefined {
    return token === undefined ? undefined : this.grants.get(token);
  }

  /** What auth.test and team.info answer for an issued token. */
  answer(method: 'auth.test' | 'team.info', grant: Grant): JsonObject {
    const teamId = grant.teamId ?? grant.enterpriseId;
    if (method === 'team.info') {
      return { ok: true, team: { id: teamId, name: grant.teamName ?? teamId, enterprise_id: grant.enterpriseId } };
    }
    return {
      ok: true,
      url: `https://${(teamId ?? 'x').toLowerCase()}.slack.com/`,
      team: grant.teamName ?? teamId,
      user: BOT.name,
      team_id: teamId,
      user_id: BOT.userId,
      bot_id: BOT.botId,
      ...(grant.enterpriseId && { enterprise_id: grant.enterpriseId }),
      is_enterprise_install: grant.orgWide,
    };
  }

  /** Revokes every token of a workspace or organisation (what an uninstall does); how many. */
  revoke(teamOrEnterpriseId: string): number {
    let revoked = 0;
    for (const [token, grant] of this.grants) {
      const owner = grant.orgWide ? grant.enterpriseId : grant.teamId;
      if (owner === teamOrEnterpriseId) {
        this.grants.delete(token);
        revoked += 1;
      }
    }
    return revoked;
  }

  reset(): void {
    this.installer = { ...TEAMS.ACME, userId: USERS.ALICE.id };
    this.codes.clear();
    this.grants.clear();
    this.authorizeRequests.length = 0;
    this.redirectUrl = undefined;
  }
}
