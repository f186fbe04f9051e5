import {
  createGlobexWorkspace,
  GLOBEX_CHANNELS,
  GLOBEX_TEAM_ID,
  GLOBEX_USERGROUPS,
  GLOBEX_USERS,
} from '../../../dev/stand-in/globex-workspace';
import { OAUTH_APP } from '../../../dev/stand-in/oauth';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS, USERGROUPS, USERS } from '../../../dev/stand-in/workspace';
import { clientFor } from './web-client';

const { PAYMENTS, PRIVATE, NO_BOT } = CHANNELS;
const { ALICE, EVE } = USERS;

describe('Slack stand-in: users, conversations, usergroups, files', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('describes users, channels and usergroups', async () => {
    const client = clientFor(standIn);
    await expect(client.users.info({ user: ALICE.id })).resolves.toMatchObject({
      user: {
        id: ALICE.id,
        name: 'alice',
        tz: 'Europe/Paris',
        tz_offset: 3600,
        is_bot: false,
        profile: { real_name: 'Alice Martin' },
      },
    });
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await expect(client.conversations.info({ channel: PRIVATE.id })).resolves.toMatchObject({
      channel: { id: PRIVATE.id, name: 'private', is_private: true, is_member: true },
    });
    await expect(client.conversations.info({ channel: NO_BOT.id })).resolves.toMatchObject({
      channel: { is_member: false },
    });
    await expect(client.usergroups.users.list({ usergroup: USERGROUPS.APPSEC.id })).resolves.toMatchObject({
      users: [USERS.APPSEC1.id, USERS.APPSEC2.id],
    });
  });

  describe('with a second workspace served beside its own', () => {
    let served: SlackStandIn;
    const installGlobex = async () => {
      served.oauth.approveInstallsAs({ teamId: GLOBEX_TEAM_ID, teamName: 'Globex', userId: GLOBEX_USERS.HANK.id });
      const { location } = served.oauth.authorize(
        new URLSearchParams({ client_id: OAUTH_APP.clientId, redirect_uri: 'http://app/r' }),
      );
      const code = new URL(location ?? '').searchParams.get('code') ?? '';
      const { access_token: token } = served.oauth.access(
        { code },
        Buffer.from(`${OAUTH_APP.clientId}:${OAUTH_APP.clientSecret}`).toString('base64'),
      );
      return clientFor(served, {}, String(token));
    };
    beforeAll(async () => {
      served = await startSlackStandIn();
      served.addWorkspace(createGlobexWorkspace());
    });
    afterAll(() => served.close());

    it("answers that workspace's token with its own people, channels and groups, and nothing of the other's", async () => {
      const globex = await installGlobex();
      await expect(globex.users.info({ user: GLOBEX_USERS.HANK.id })).resolves.toMatchObject({
        user: { id: GLOBEX_USERS.HANK.id, team_id: GLOBEX_TEAM_ID, real_name: 'Hank Scorpio' },
      });
      await expect(globex.usergroups.users.list({ usergroup: GLOBEX_USERGROUPS.APPSEC.id })).resolves.toMatchObject({
        users: GLOBEX_USERGROUPS.APPSEC.users,
      });
      await expect(
        globex.chat.postMessage({ channel: GLOBEX_CHANNELS.PLATFORM.id, text: 'TM-1' }),
      ).resolves.toMatchObject({ ok: true });
      // Acme's are not there for Globex's bot, by id or by name.
      await expect(globex.users.info({ user: ALICE.id })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
      await expect(globex.chat.postMessage({ channel: PAYMENTS.id, text: 'x' })).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
      await expect(globex.conversations.info({ channel: '#team-payments' })).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
      await expect(globex.usergroups.users.list({ usergroup: USERGROUPS.APPSEC.id })).rejects.toMatchObject({
        data: { error: 'no_such_subteam' },
      });
      // Nor are Globex's for the stand-in's own token; a DM opens in the person's own workspace.
      const acme = clientFor(served);
      await expect(acme.users.info({ user: GLOBEX_USERS.HANK.id })).rejects.toMatchObject({
        data: { error: 'user_not_found' },
      });
      await expect(acme.conversations.members({ channel: GLOBEX_CHANNELS.APPSEC.id })).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
      const { channel } = await globex.conversations.open({ users: GLOBEX_USERS.MINDY.id });
      expect(served.workspaceOfChannel(channel?.id ?? '')?.teamId).toBe(GLOBEX_TEAM_ID);
      expect(served.messages(GLOBEX_CHANNELS.PLATFORM.id).map((m) => m.text)).toEqual(['TM-1']);
    });
  });

  it('pages channel members with limit and next_cursor', async () => {
    const client = clientFor(standIn);
    const pages: string[][] = [];
    for await (const page of client.paginate('conversations.members', { channel: PAYMENTS.id, limit: 4 })) {
      pages.push((page as { members?: string[] }).members ?? []);
    }
    expect(pages.map((page) => page.length)).toEqual([4, 2]);
    expect(pages.flat()).toEqual(PAYMENTS.members);
    expect(pages.flat()).not.toContain(EVE.id);
    expect(standIn.callsTo('conversations.members').at(-1)?.response).toMatchObject({
      response_metadata: { next_cursor: '' },
    });
    await expect(client.conversations.members({ channel: 'C0UNKNOWN' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('takes a file through files.uploadV2 (upload URL, bytes, completion) into a thread', async () => {
    const client = clientFor(standIn);
    const { ts = '' } = await client.chat.postMessage({ channel: PAYMENTS.id, text: 'TM-1' });
    const result = await client.files.uploadV2({
      channel_id: PAYMENTS.id,
      thread_ts: ts,
      filename: 'tm-1.md',
      title: 'Threat model TM-1',
      content: '# TM-1\nRefunds API',
      initial_comment: 'Export',
    });
    expect(result.ok).toBe(true);
    expect(standIn.calls.map((call) => call.method)).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(standIn.uploads).toEqual([
      expect.objectContaining({
        filename: 'tm-1.md',
        title: 'Threat model TM-1',
        channel: PAYMENTS.id,
        threadTs: ts,
        completed: true,
      }),
    ]);
    expect(standIn.uploads[0]?.bytes.toString('utf8')).toBe('# TM-1\nRefunds API');
  });
});

describe('Slack stand-in: response_url', () => {
  let clock = 1_700_000_000_000;
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn({ now: () => clock });
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  const post = (url: string, body: object) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('shows ephemeral and in_channel responses, replaces the original, and expires after 5 uses', async () => {
    const url = standIn.responseUrl('command', { channel: PAYMENTS.id, user: ALICE.id });
    const first = await post(url, { text: 'only for Alice' });
    expect([first.status, await first.text()]).toEqual([200, 'ok']);
    expect(standIn.ephemeralsFor(ALICE.id)).toEqual([
      expect.objectContaining({ text: 'only for Alice', via: 'response_url' }),
    ]);
    await post(url, { response_type: 'in_channel', text: 'for everyone' });
    const shared = standIn.messages(PAYMENTS.id)[0];
    expect(shared?.text).toBe('for everyone');

    const fromMessage = standIn.responseUrl('block_actions', {
      channel: PAYMENTS.id,
      user: ALICE.id,
      messageTs: shared?.ts ?? '',
    });
    await post(fromMessage, { replace_original: true, text: 'replaced' });
    expect(standIn.message(PAYMENTS.id, shared?.ts ?? '')).toMatchObject({ text: 'replaced', updates: 1 });

    for (let use = 3; use <= 5; use += 1) await post(url, { text: `use ${use}` });
    const sixth = await post(url, { text: 'too many' });
    expect([sixth.status, await sixth.text()]).toEqual([404, 'expired_url']);
    expect(standIn.responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('refuses invalid blocks with 400 and expires after 30 minutes', async () => {
    const url = standIn.responseUrl('command', { channel: PAYMENTS.id, user: ALICE.id });
    const invalid = await post(url, { text: 'x', blocks: [{ type: 'section' }] });
    expect([invalid.status, await invalid.text()]).toEqual([400, 'invalid_blocks']);
    expect(standIn.blockKitViolations).toEqual([
      { method: 'response_url', problems: ['blocks[0]: section needs text or fields'] },
    ]);
    clock += 30 * 60 * 1000 + 1;
    expect((await post(url, { text: 'late' })).status).toBe(404);
  });
});
