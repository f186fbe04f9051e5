import { LogLevel, WebClient } from '@slack/web-api';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { BOT, CHANNELS, syntheticUserId, TEAM_ID, USERGROUPS, USERS } from '../../../dev/stand-in/workspace';
import type { AppSecSettings } from '../../../src/ports/appsec-directory';
import { SlackAppSecDirectory } from '../../../src/slack/appsec-directory';
import { SlackChannelMembers } from '../../../src/slack/channel-members';
import { SlackUserTimeZones } from '../../../src/slack/user-time-zones';

const { ALICE, EVE, APPSEC1, APPSEC2 } = USERS;
const MINUTE = 60_000;

/** A channel of `size` synthetic people and the bot: more than a page of `conversations.members`. */
const bigChannel = (id: string, size: number) => ({
  id,
  name: id.toLowerCase(),
  is_private: false,
  is_im: false,
  members: [...Array.from({ length: size }, (_, i) => syntheticUserId(i + 1)), BOT.userId],
});
const BIG = bigChannel('C0BIGCHAN', 2499); // 2,500 members with the bot: pages of 1000, 1000, 500
const BIG_APPSEC = bigChannel('C0BIGSEC0', 449); // 450 with the bot: pages of 200, 200, 50

const NONE: AppSecSettings = { channelId: undefined, usergroupId: undefined };
/** The same AppSec settings in every workspace. */
const settingsOf = (settings: AppSecSettings) => async () => settings;

function fakeClock(start = Date.parse('2026-11-25T10:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the Slack directory adapters', () => {
  let standIn: SlackStandIn;
  let client: WebClient;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
    standIn.workspace.channels.push(BIG, BIG_APPSEC);
    client = new WebClient(standIn.token, {
      slackApiUrl: standIn.apiUrl,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  describe('channel members', () => {
    it('reads every page of a channel larger than a page, following next_cursor', async () => {
      const members = new SlackChannelMembers(client, MINUTE, fakeClock().now);

      await expect(members.isMember(BIG.id, syntheticUserId(2499))).resolves.toBe(true);
      await expect(members.isMember(BIG.id, ALICE.id)).resolves.toBe(false);
      const calls = standIn.callsTo('conversations.members');
      expect(calls.map((call) => (call.response.members as string[]).length)).toEqual([1000, 1000, 500]);
      expect(calls.map((call) => call.args.limit)).toEqual(['1000', '1000', '1000']); // form fields arrive as text
      expect(calls.map((call) => call.args.cursor === undefined)).toEqual([true, false, false]);
      expect(calls.at(-1)?.response).toMatchObject({ response_metadata: { next_cursor: '' } });
    });

    it('asks Slack once per channel while the answer is fresh, and again after', async () => {
      const clock = fakeClock();
      const members = new SlackChannelMembers(client, MINUTE, clock.now);
      const payments = standIn.workspace.channels.find((channel) => channel.id === CHANNELS.PAYMENTS.id);

      await expect(members.isMember(CHANNELS.PAYMENTS.id, EVE.id)).resolves.toBe(false);
      payments?.members.push(EVE.id);
      try {
        clock.advance(MINUTE - 1);
        await expect(members.isMember(CHANNELS.PAYMENTS.id, EVE.id)).resolves.toBe(false);
        expect(standIn.callsTo('conversations.members')).toHaveLength(1);
        clock.advance(1);
        await expect(members.isMember(CHANNELS.PAYMENTS.id, EVE.id)).resolves.toBe(true);
        expect(standIn.callsTo('conversations.members')).toHaveLength(2);
      } finally {
        payments?.members.pop();
      }
    });

    it('reads a channel once for clicks that arrive together', async () => {
      const members = new SlackChannelMembers(client, 0, fakeClock().now);

      const answers = await Promise.all([1, 2, 3, 4].map((n) => members.isMember(BIG.id, syntheticUserId(n * 500))));
      expect(answers).toEqual([true, true, true, true]);
      expect(standIn.callsTo('conversations.members')).toHaveLength(3); // one read of three pages
    });

    it('does not keep a failed read', async () => {
      const members = new SlackChannelMembers(client, MINUTE, fakeClock().now);

      await expect(members.isMember('C0UNKNOWN', ALICE.id)).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
      await expect(members.isMember('C0UNKNOWN', ALICE.id)).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
      expect(standIn.callsTo('conversations.members')).toHaveLength(2);
    });
  });

  describe('AppSec', () => {
    it('is the user group when one is set', async () => {
      const appsec = new SlackAppSecDirectory(
        client,
        settingsOf({ channelId: CHANNELS.APPSEC.id, usergroupId: USERGROUPS.APPSEC.id }),
      );

      await expect(appsec.members(TEAM_ID)).resolves.toEqual([APPSEC1.id, APPSEC2.id]);
      expect(standIn.callsTo('conversations.members')).toHaveLength(0);
    });

    it('without a group, is every member of the AppSec channel but the bot, over several pages', async () => {
      const appsec = new SlackAppSecDirectory(client, settingsOf({ channelId: BIG_APPSEC.id, usergroupId: undefined }));

      const members = await appsec.members(TEAM_ID);
      expect(members).toHaveLength(449);
      expect(members).not.toContain(BOT.userId);
      await expect(appsec.isMember(TEAM_ID, syntheticUserId(449))).resolves.toBe(true);
      const calls = standIn.callsTo('conversations.members');
      expect(calls.map((call) => (call.response.members as string[]).length)).toEqual([200, 200, 50]);
    });

    it('is read once for callers that arrive together, and again once the cache expires', async () => {
      const clock = fakeClock();
      const appsec = new SlackAppSecDirectory(
        client,
        settingsOf({ channelId: CHANNELS.APPSEC.id, usergroupId: USERGROUPS.APPSEC.id }),
        MINUTE,
        clock.now,
      );

      await Promise.all([
        appsec.isMember(TEAM_ID, APPSEC1.id),
        appsec.isMember(TEAM_ID, ALICE.id),
        appsec.members(TEAM_ID),
      ]);
      expect(standIn.callsTo('usergroups.users.list')).toHaveLength(1);
      clock.advance(MINUTE - 1);
      await appsec.members(TEAM_ID);
      expect(standIn.callsTo('usergroups.users.list')).toHaveLength(1);
      clock.advance(1);
      await appsec.members(TEAM_ID);
      expect(standIn.callsTo('usergroups.users.list')).toHaveLength(2);
    });

    it('with neither a group nor a channel, is nobody', async () => {
      const appsec = new SlackAppSecDirectory(client, settingsOf({ channelId: undefined, usergroupId: undefined }));

      await expect(appsec.configured(TEAM_ID)).resolves.toBe(false);
      await expect(appsec.members(TEAM_ID)).resolves.toEqual([]);
    });

    it('follows each workspace’s settings: another group there is read from that group, at once', async () => {
      const groups: Record<string, AppSecSettings> = {
        T0ONE0001: { channelId: CHANNELS.APPSEC.id, usergroupId: USERGROUPS.APPSEC.id },
        T0TWO0001: { channelId: BIG_APPSEC.id, usergroupId: undefined },
      };
      const appsec = new SlackAppSecDirectory(client, async (workspaceId) => groups[workspaceId] ?? NONE);

      await expect(appsec.members('T0ONE0001')).resolves.toEqual([APPSEC1.id, APPSEC2.id]);
      await expect(appsec.isMember('T0TWO0001', APPSEC1.id)).resolves.toBe(false);
      await expect(appsec.configured('T0NONE001')).resolves.toBe(false);
      groups.T0ONE0001 = { channelId: BIG_APPSEC.id, usergroupId: undefined };
      await expect(appsec.isMember('T0ONE0001', APPSEC1.id)).resolves.toBe(false);
      expect(standIn.callsTo('usergroups.users.list')).toHaveLength(1);
    });
  });

  describe('time zones', () => {
    it("are each user's zone from users.info, asked once an hour per user", async () => {
      const clock = fakeClock();
      const zones = new SlackUserTimeZones(client, undefined, clock.now);

      const [alice, again, bob] = await Promise.all([zones.of(ALICE.id), zones.of(ALICE.id), zones.of(USERS.BOB.id)]);
      expect([alice, again, bob]).toEqual(['Europe/Paris', 'Europe/Paris', 'America/New_York']);
      expect(standIn.callsTo('users.info')).toHaveLength(2);
      clock.advance(60 * MINUTE - 1);
      await zones.of(ALICE.id);
      expect(standIn.callsTo('users.info')).toHaveLength(2);
      clock.advance(1);
      await zones.of(ALICE.id);
      expect(standIn.callsTo('users.info')).toHaveLength(3);
    });

    it('do not keep a failed lookup', async () => {
      const zones = new SlackUserTimeZones(client, undefined, fakeClock().now);

      await expect(zones.of('U0NOBODY')).rejects.toMatchObject({ data: { error: 'user_not_found' } });
      await expect(zones.of('U0NOBODY')).rejects.toMatchObject({ data: { error: 'user_not_found' } });
      expect(standIn.callsTo('users.info')).toHaveLength(2);
    });
  });
});
