import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import type { KnownBlock, View } from '@slack/web-api';
import type { JsonObject } from '../../../dev/stand-in/json';
import { formBody } from '../../../dev/stand-in/signed-requests';
import { SlackDriver } from '../../../dev/stand-in/slack-driver';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS, USERS } from '../../../dev/stand-in/workspace';
import { actions, button, input, modal, option, plain, section, staticSelect, textInput } from './block-kit-fixtures';

const SECRET = 'test-secret';
const { PAYMENTS } = CHANNELS;
const { ALICE, BOB } = USERS;

/** Waits (briefly) for work the app does after its ack. */
async function eventually(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const card = () => [
  section('*TM-1* Refunds API', {
    block_id: 'head',
    accessory: { type: 'overflow', action_id: 'menu', options: [option('edit'), option('archive')] },
  }),
  actions(button('approve', { value: 'TM-1|yes', text: plain('Approve') }), button('open_modal', { value: 'TM-1' })),
  {
    ...actions(button('approve', { value: 'TM-1|no', text: plain('Reject') }), {
      type: 'multi_users_select',
      action_id: 'reviewers',
    }),
    block_id: 'second',
  },
];

const tmModal = (extra: object = {}) =>
  modal(
    [
      input(textInput('name'), { block_id: 'name_block' }),
      input(staticSelect({ action_id: 'level', options: [option('low'), option('high')] }), {
        block_id: 'level_block',
      }),
      input(textInput('notes'), { block_id: 'notes_block', optional: true }),
      actions(button('approve', { value: 'TM-1|in-modal' })),
    ],
    { callback_id: 'tm_modal', notify_on_close: true, ...extra },
  );

describe('SlackDriver against a real Bolt app', () => {
  let standIn: SlackStandIn;
  let app: App;
  let driver: SlackDriver;
  const received: JsonObject[] = [];

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    app = new App({
      token: standIn.token,
      signingSecret: SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/threatmodel', async ({ ack, command, client }) => {
      received.push({ ...command });
      if (command.text === 'modal')
        await client.views.open({ trigger_id: command.trigger_id, view: tmModal() as View });
      await ack({ response_type: 'ephemeral', text: `Starting: ${command.text}` });
    });
    app.action(/^(approve|menu|reviewers)$/, async ({ ack, body, action, respond }) => {
      await ack();
      received.push({ body: { ...body }, action: { ...action } });
      if ('value' in action && action.value === 'TM-1|yes') await respond({ replace_original: true, text: 'Approved' });
    });
    app.action('open_modal', async ({ ack, body, client }) => {
      await ack();
      if ('trigger_id' in body) await client.views.open({ trigger_id: body.trigger_id, view: tmModal() as View });
    });
    app.view('tm_modal', async ({ ack, view }) => {
      received.push({ view: { ...view } });
      const name = view.state.values.name_block?.name?.value ?? '';
      if (name.length < 3) await ack({ response_action: 'errors', errors: { name_block: 'At least 3 characters' } });
      else if (name === 'more') await ack({ response_action: 'push', view: tmModal({ title: plain('More') }) as View });
      else await ack();
    });
    app.view({ callback_id: 'tm_modal', type: 'view_closed' }, async ({ ack, body }) => {
      await ack();
      received.push({ closed: { ...body } });
    });
    app.event('app_home_opened', async ({ event, client, context }) => {
      received.push({ retryNum: context.retryNum ?? null, retryReason: context.retryReason ?? null });
      await client.views.publish({
        user_id: event.user,
        view: { type: 'home', blocks: [section('Your threat models')] } as View,
      });
    });
    const server = (await app.start(0)) as Server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    driver = new SlackDriver({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, standIn });
  });

  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });

  beforeEach(() => {
    standIn.reset();
    received.length = 0;
  });

  async function postCard(): Promise<string> {
    const posted = await app.client.chat.postMessage({
      channel: PAYMENTS.id,
      text: 'TM-1',
      blocks: card() as KnownBlock[],
    });
    return posted.ts ?? '';
  }

  it('sends a slash command with the fields Slack sends; the ack comes back and is shown to the user', async () => {
    const reply = await driver.command(ALICE.id, PAYMENTS.id, 'start Refunds API & more');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ response_type: 'ephemeral', text: 'Starting: start Refunds API & more' });
    expect(received[0]).toMatchObject({
      command: '/threatmodel',
      text: 'start Refunds API & more',
      user_id: ALICE.id,
      user_name: 'alice',
      channel_id: PAYMENTS.id,
      channel_name: 'team-payments',
      team_id: 'T0WORKSPC',
      team_domain: 'acme',
      api_app_id: 'A0APP0001',
      is_enterprise_install: 'false',
      trigger_id: reply.triggerId,
      response_url: reply.responseUrl,
    });
    expect(standIn.ephemeralsFor(ALICE.id)).toEqual([
      expect.objectContaining({ text: 'Starting: start Refunds API & more', via: 'command_ack' }),
    ]);
  });

  it('opens a modal with the command trigger, shows inline errors, then closes it on a plain ack', async () => {
    await driver.command(ALICE.id, PAYMENTS.id, 'modal');
    expect(standIn.openViews(ALICE.id)).toHaveLength(1);

    const refused = await driver.submitView(ALICE.id, { name: 'ab', level: 'high' });
    expect(refused.errors).toEqual({ name_block: 'At least 3 characters' });
    expect(standIn.openViews(ALICE.id)).toHaveLength(1);

    const accepted = await driver.submitView(ALICE.id, { name: 'Refunds', level: 'low' });
    expect([accepted.status, accepted.body, accepted.errors]).toEqual([200, '', undefined]);
    expect(standIn.openViews(ALICE.id)).toEqual([]);
    expect(received.at(-1)).toMatchObject({
      view: {
        callback_id: 'tm_modal',
        state: {
          values: {
            name_block: { name: { type: 'plain_text_input', value: 'Refunds' } },
            level_block: { level: { type: 'static_select', selected_option: { value: 'low', text: plain('low') } } },
            notes_block: { notes: { type: 'plain_text_input', value: null } },
          },
        },
      },
    });
  });

  it('refuses to submit an empty required input, pushes on response_action push, and sends view_closed', async () => {
    await driver.command(ALICE.id, PAYMENTS.id, 'modal');
    await expect(driver.submitView(ALICE.id, { level: 'low' })).rejects.toThrow('name is required');
    await expect(driver.submitView(ALICE.id, { name: 'x', level: 'medium' })).rejects.toThrow('has no option "medium"');
    await driver.submitView(ALICE.id, { name: 'more', level: 'low' });
    expect(standIn.openViews(ALICE.id).map((view) => view.title)).toEqual([plain('Title'), plain('More')]);
    await driver.closeView(ALICE.id);
    expect(received.at(-1)).toMatchObject({
      closed: { type: 'view_closed', is_cleared: false, view: { title: plain('More') } },
    });
    expect(standIn.openViews(ALICE.id)).toHaveLength(1);
  });

  it('clicks the button with the right value; the app replaces the message through response_url', async () => {
    const ts = await postCard();
    const reply = await driver.clickButton(BOB.id, 'approve', { value: 'TM-1|yes' });
    expect([reply.status, reply.body]).toEqual([200, '']);
    const { body, action } = received[0] as { body: JsonObject; action: JsonObject };
    expect(body).toMatchObject({
      type: 'block_actions',
      user: { id: BOB.id, username: 'bob', name: 'bob', team_id: 'T0WORKSPC' },
      container: { type: 'message', message_ts: ts, channel_id: PAYMENTS.id, is_ephemeral: false },
      channel: { id: PAYMENTS.id, name: 'team-payments' },
      message: { ts, text: 'TM-1' },
      team: { id: 'T0WORKSPC', domain: 'acme' },
      response_url: expect.stringContaining('/respond/'),
      trigger_id: expect.any(String),
    });
    expect(action).toMatchObject({ type: 'button', action_id: 'approve', value: 'TM-1|yes', text: plain('Approve') });
    await eventually(() => standIn.message(PAYMENTS.id, ts)?.text === 'Approved');
    expect(standIn.message(PAYMENTS.id, ts)?.updates).toBe(1);
  });

  it('clicks a button in an ephemeral message: no message in the payload, is_ephemeral true', async () => {
    const { message_ts: ts } = await app.client.chat.postEphemeral({
      channel: PAYMENTS.id,
      user: ALICE.id,
      text: 'Only you',
      blocks: [actions(button('approve', { value: 'TM-1|eph' }))] as KnownBlock[],
    });
    await driver.clickButton(ALICE.id, 'approve');
    await eventually(() => received.length === 1);
    expect(received[0]?.body).toMatchObject({ container: { type: 'message', message_ts: ts, is_ephemeral: true } });
    expect(received[0]?.body).not.toHaveProperty('message');
    await expect(driver.clickButton(BOB.id, 'approve', { value: 'TM-1|eph' })).rejects.toThrow('No element');
  });

  it('picks from the overflow menu offering the option, and a multi-users select, keeping the selection in state', async () => {
    await postCard();
    await driver.clickOverflow(ALICE.id, 'menu', 'archive');
    await driver.selectUsers(ALICE.id, 'reviewers', [BOB.id, USERS.CAROL.id]);
    await eventually(() => received.length === 2);
    expect(received[0]?.action).toMatchObject({
      type: 'overflow',
      block_id: 'head',
      selected_option: { value: 'archive' },
    });
    expect(received[1]?.action).toMatchObject({
      type: 'multi_users_select',
      block_id: 'second',
      selected_users: [BOB.id, USERS.CAROL.id],
    });
    expect(received[1]?.body).toMatchObject({
      state: {
        values: { second: { reviewers: { type: 'multi_users_select', selected_users: [BOB.id, USERS.CAROL.id] } } },
      },
    });
    await expect(driver.clickButton(ALICE.id, 'no_such_action')).rejects.toThrow(
      'No element with action_id "no_such_action"',
    );
  });

  it('opens a modal from a button and clicks inside it (view container)', async () => {
    await postCard();
    await driver.clickButton(ALICE.id, 'open_modal');
    await eventually(() => standIn.openViews(ALICE.id).length === 1);
    const modalView = standIn.openViews(ALICE.id)[0];
    await driver.clickButton(ALICE.id, 'approve', { value: 'TM-1|in-modal' });
    await eventually(() => received.length === 1);
    expect(received[0]?.body).toMatchObject({
      container: { type: 'view', view_id: modalView?.id },
      view: { id: modalView?.id, hash: modalView?.hash, callback_id: 'tm_modal' },
    });
    expect(received[0]?.body).not.toHaveProperty('response_url');
  });

  it('opens the Home tab on app_home_opened, passing retry headers to the app', async () => {
    const first = await driver.appHomeOpened(ALICE.id);
    await driver.event(
      { type: 'app_home_opened', user: ALICE.id, tab: 'home' },
      { eventId: first.eventId, retryNum: 1, retryReason: 'http_timeout' },
    );
    await eventually(() => standIn.callsTo('views.publish').length === 2);
    expect(standIn.home(ALICE.id)?.blocks).toHaveLength(1);
    expect(first.status).toBe(200);
    expect(received).toEqual([
      { retryNum: null, retryReason: null },
      { retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });

  it('is refused with 401 for a wrong signature or a stale timestamp', async () => {
    const body = formBody({ command: '/threatmodel', text: 'x', user_id: ALICE.id, team_id: 'T0WORKSPC' });
    const form = 'application/x-www-form-urlencoded';
    expect((await driver.raw(body, form, { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await driver.raw(body, form, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    expect(received).toEqual([]);
    expect(driver.lastRequestMs).toBeGreaterThan(0);
  });
});
