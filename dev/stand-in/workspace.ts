/** The fake Slack workspace the stand-in serves: plain data, deep-copied per stand-in by `createWorkspace()`. */

export const TEAM_ID = 'T0WORKSPC';
export const TEAM_DOMAIN = 'acme';
/** The deprecated verification token Slack still puts in every payload. */
export const VERIFICATION_TOKEN = 'verification-token-0001';

export const BOT = {
  userId: 'U0BOT0001',
  botId: 'B0BOT0001',
  token: 'xoxb-test-token',
  /** The app-level token (connections:write) Socket Mode connects with. */
  appToken: 'xapp-1-A0APP0001-test',
  appId: 'A0APP0001',
  name: 'threadmodel',
} as const;

export interface WorkspaceUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  tz_label: string;
  tz_offset: number;
  is_bot: boolean;
  /** A workspace admin (users.info's is_admin); owners are admins too in the stand-in. */
  is_admin?: boolean;
}

export interface WorkspaceChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  /** User ids, the bot included when it is a member. */
  members: string[];
  /** For DMs: the human on the other side. */
  user?: string;
}

export interface Workspace {
  teamId: string;
  /** What Slack shows as the workspace's name (auth.test's `team`). */
  name: string;
  domain: string;
  users: WorkspaceUser[];
  channels: WorkspaceChannel[];
  usergroups: { id: string; handle: string; users: string[] }[];
}

export function user(
  id: string,
  name: string,
  realName: string,
  tz: string,
  tzLabel: string,
  offset: number,
): WorkspaceUser {
  return { id, name, real_name: realName, tz, tz_label: tzLabel, tz_offset: offset, is_bot: false };
}

export const USERS = {
  ALICE: user('U0ALICE01', 'alice', 'Alice Martin', 'Europe/Paris', 'Central European Time', 3600),
  BOB: user('U0BOB0001', 'bob', 'Bob Smith', 'America/New_York', 'Eastern Standard Time', -18000),
  CAROL: user('U0CAROL01', 'carol', 'Carol Tanaka', 'Asia/Tokyo', 'Japan Standard Time', 32400),
  /** The workspace's admin. */
  DAVE: { ...user('U0DAVE001', 'dave', 'Dave Jones', 'Europe/London', 'Greenwich Mean Time', 0), is_admin: true },
  EVE: user('U0EVE0001', 'eve', 'Eve Adams', 'UTC', 'Coordinated Universal Time', 0),
  APPSEC1: user('U0SEC0001', 'sam.sec', 'Sam Secure', 'Europe/Berlin', 'Central European Time', 3600),
  APPSEC2: user('U0SEC0002', 'pat.sec', 'Pat Guard', 'America/Chicago', 'Central Standard Time', -21600),
} satisfies Record<string, WorkspaceUser>;

/** The id of synthetic user `n` (1-based): U0BENCH0001, U0BENCH0002, ... */
export function syntheticUserId(n: number): string {
  return `U0BENCH${String(n).padStart(4, '0')}`;
}

/** Synthetic user `n`, for benchmarks that need more people than the fixture workspace has. */
export function syntheticUser(n: number): WorkspaceUser {
  const id = syntheticUserId(n);
  return user(id, `bench.user${n}`, `Bench User ${n}`, 'UTC', 'Coordinated Universal Time', 0);
}

export function channel(id: string, name: string, members: string[], isPrivate = false): WorkspaceChannel {
  return { id, name, is_private: isPrivate, is_im: false, members };
}

const { ALICE, BOB, CAROL, DAVE, APPSEC1, APPSEC2 } = USERS;

export const CHANNELS = {
  PAYMENTS: channel('C0PAYMENT', 'team-payments', [ALICE.id, BOB.id, CAROL.id, DAVE.id, APPSEC1.id, BOT.userId]),
  SEARCH: channel('C0SEARCH0', 'team-search', [ALICE.id, BOB.id, BOT.userId]),
  NO_BOT: channel('C0NOBOT00', 'no-bot', [ALICE.id]),
  PRIVATE: channel('G0PRIVATE', 'private', [ALICE.id, BOT.userId], true),
  APPSEC: channel('C0APPSEC0', 'appsec', [APPSEC1.id, APPSEC2.id, BOT.userId]),
} satisfies Record<string, WorkspaceChannel>;

export const USERGROUPS = {
  APPSEC: { id: 'S0APPSEC0', handle: 'appsec', users: [APPSEC1.id, APPSEC2.id] },
};

/** A fresh deep copy of the workspace, so a test may change membership without affecting others. */
export function createWorkspace(): Workspace {
  const workspace: Workspace = {
    teamId: TEAM_ID,
    name: 'Acme',
    domain: TEAM_DOMAIN,
    users: Object.values(USERS),
    channels: Object.values(CHANNELS),
    usergroups: Object.values(USERGROUPS),
  };
  return structuredClone(workspace);
}
