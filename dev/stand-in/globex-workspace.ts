/**
 * A second workspace the stand-in can serve beside its own (`standIn.addWorkspace`): Globex, with
 * people, channels and an AppSec team of its own, so an app installed in both through OAuth can be
 * watched keeping them apart (the playground's second workspace). Plain data, deep-copied per use.
 */
import { BOT, channel, user, type Workspace } from './workspace';

export const GLOBEX_TEAM_ID = 'T0GLOBEX0';

export const GLOBEX_USERS = {
  /** Globex's workspace admin. */
  HANK: {
    ...user('U0GHANK01', 'hank', 'Hank Scorpio', 'America/Los_Angeles', 'Pacific Standard Time', -28800),
    is_admin: true,
  },
  MINDY: user('U0GMINDY1', 'mindy', 'Mindy Simmons', 'America/Denver', 'Mountain Standard Time', -25200),
  FRANK: user('U0GFRANK1', 'frank', 'Frank Grimes', 'America/Chicago', 'Central Standard Time', -21600),
  APPSEC1: user('U0GSEC001', 'lin.sec', 'Lin Park', 'Asia/Seoul', 'Korea Standard Time', 32400),
  APPSEC2: user('U0GSEC002', 'omar.sec', 'Omar Haddad', 'Africa/Cairo', 'Eastern European Time', 7200),
};

const { HANK, MINDY, FRANK, APPSEC1, APPSEC2 } = GLOBEX_USERS;

export const GLOBEX_CHANNELS = {
  PLATFORM: channel('C0GPLATF0', 'platform', [HANK.id, MINDY.id, FRANK.id, APPSEC1.id, BOT.userId]),
  LAUNCHES: channel('C0GLAUNC0', 'launches', [HANK.id, MINDY.id, BOT.userId]),
  APPSEC: channel('C0GAPPSEC', 'appsec', [APPSEC1.id, APPSEC2.id, BOT.userId]),
};

export const GLOBEX_USERGROUPS = {
  APPSEC: { id: 'S0GAPPSEC', handle: 'appsec', users: [APPSEC1.id, APPSEC2.id] },
};

export function createGlobexWorkspace(): Workspace {
  return structuredClone({
    teamId: GLOBEX_TEAM_ID,
    name: 'Globex',
    domain: 'globex',
    users: Object.values(GLOBEX_USERS),
    channels: Object.values(GLOBEX_CHANNELS),
    usergroups: Object.values(GLOBEX_USERGROUPS),
  });
}
