import { USERS } from '../../../dev/stand-in/workspace';
import { alarming, WARN } from '../../support/captured-logs';
import {
  blockActions,
  commandFields,
  eventCallback,
  type Sender,
  sendCommand,
  sendEvent,
  sendInteraction,
  viewSubmission,
} from '../../support/hand-made-payloads';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE } = USERS;
const CHANNEL = 'C0PAYMENT';
const alice: Sender = { userId: ALICE.id, channelId: CHANNEL };
const lastToldAlice = (ctx: ReturnType<typeof useSlackApp>) => String(ctx.standIn.ephemeralsFor(ALICE.id).at(-1)?.text);

/**
 * Hand-made payloads (a role picker over the limit, another workspace's ids, a submission without
 * state, ids of an older version of the app): each gets a precise answer, changes nothing, and is
 * logged as a warning without a stack, never as a failure.
 */
describe('payloads checked at the edge', () => {
  const ctx = useSlackApp({ captureLogs: true });

  async function startModel() {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    ctx.logs.splice(0);
    return ctx.model();
  }

  /** Nothing was stored, nobody was told "something went wrong", and the log holds no error or stack. */
  async function expectRefusedQuietly(before: { version: number } | undefined) {
    await ctx.settle();
    if (before) expect((await ctx.model()).version).toBe(before.version);
    const told = ctx.standIn.callsTo('chat.postEphemeral').map((call) => String(call.args.text));
    expect(told.filter((text) => text.includes('something went wrong'))).toEqual([]);
    expect(alarming(ctx.logs)).toEqual([]);
  }

  it('refuses a role picker with 25 people: at most 20 per role, told privately', async () => {
    const before = await startModel();
    const people = Array.from({ length: 25 }, (_, i) => `U0PEOPLE${String(i).padStart(2, '0')}`);
    const reply = await sendInteraction(
      ctx.driver,
      blockActions(alice, {
        type: 'multi_users_select',
        action_id: 'roles.select.adversary',
        block_id: 'TM-1|adversary',
        selected_users: people,
      }),
    );
    expect(reply.status).toBe(200);
    await expectRefusedQuietly(before);
    expect(lastToldAlice(ctx)).toBe('At most 20 people can hold one role; you picked 25. Nothing was changed.');
    expect((await ctx.model()).roles.adversary).toEqual([]);
    expect(ctx.logs).toContainEqual(expect.objectContaining({ level: WARN, actionId: 'roles.select.adversary' }));
  });

  it.each([
    ['another workspace', { teamId: 'T0OTHERWS' }],
    ['a malformed workspace id', { teamId: 'T0{evil} x' }],
  ])('refuses a button carrying %s', async (_what, sender) => {
    const before = await startModel();
    const reply = await sendInteraction(
      ctx.driver,
      blockActions({ ...alice, ...sender }, { type: 'button', action_id: 'model.finish_step', value: 'TM-1|scope' }),
    );
    expect(reply.status).toBe(200);
    await expectRefusedQuietly(before);
    expect(lastToldAlice(ctx)).toBe('This button belongs to another Slack workspace. Nothing was changed.');
  });

  it('refuses a button whose user belongs to a malformed workspace', async () => {
    const before = await startModel();
    const payload = blockActions(alice, {
      type: 'multi_users_select',
      action_id: 'roles.select.developer',
      block_id: 'TM-1|developer',
      selected_users: [ALICE.id],
    });
    const reply = await sendInteraction(ctx.driver, {
      ...payload,
      team: undefined,
      user: { id: ALICE.id, team_id: '../x' },
    });
    expect(reply.status).toBe(200);
    await expectRefusedQuietly(before);
    expect(lastToldAlice(ctx)).toBe('This button belongs to another Slack workspace. Nothing was changed.');
  });

  it('refuses a button whose value is not a model reference', async () => {
    const before = await startModel();
    const reply = await sendInteraction(
      ctx.driver,
      blockActions(alice, { type: 'button', action_id: 'threat.add', value: ['TM-1'] }),
    );
    expect(reply.status).toBe(200);
    await expectRefusedQuietly(before);
    expect(lastToldAlice(ctx)).toBe(
      'I could not read that button (it may be from an older version of Threadmodel). Nothing was changed.',
    );
  });

  it('answers a submission without state inline, and changes nothing', async () => {
    const before = await startModel();
    const reply = await sendInteraction(
      ctx.driver,
      viewSubmission(alice, {
        callback_id: 'scope.element',
        private_metadata: JSON.stringify({ modelId: 'TM-1', kind: 'asset' }),
        blocks: [{ type: 'input', block_id: 'name', element: { type: 'plain_text_input', action_id: 'name' } }],
        state: undefined,
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      response_action: 'errors',
      errors: {
        name: 'I could not read this form (it may be from an older version of Threadmodel). Close it and start again.',
      },
    });
    await expectRefusedQuietly(before);
  });

  it('answers a submission with malformed metadata and no input to point at with a clear notice', async () => {
    const before = await startModel();
    const reply = await sendInteraction(
      ctx.driver,
      viewSubmission(alice, {
        callback_id: 'risk.edit',
        private_metadata: { __proto__: { admin: true } },
        blocks: 'x',
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    await expectRefusedQuietly(before);
  });

  it('acknowledges a button from an older version of the app and says so', async () => {
    const before = await startModel();
    const reply = await sendInteraction(
      ctx.driver,
      blockActions(alice, { type: 'button', action_id: 'card.retired_button', value: 'TM-1' }),
    );
    expect(reply.status).toBe(200);
    await expectRefusedQuietly(before);
    expect(lastToldAlice(ctx)).toBe(
      'That button is from an older message and no longer does anything. Use the buttons on the model’s latest card.',
    );
  });

  it('acknowledges a form from an older version of the app with a notice in the modal', async () => {
    const before = await startModel();
    const reply = await sendInteraction(ctx.driver, viewSubmission(alice, { callback_id: 'threat.retired_form' }));
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(JSON.stringify(reply.json)).toContain('older version of Threadmodel');
    await expectRefusedQuietly(before);
  });

  it('acknowledges an unknown slash command', async () => {
    const reply = await sendCommand(ctx.driver, commandFields(alice, '/retired', 'start X'));
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.json)).toContain('/threatmodel help');
    await expectRefusedQuietly(undefined);
  });

  it('says how long a command may be', async () => {
    const reply = await sendCommand(ctx.driver, commandFields(alice, '/threatmodel', `start ${'x'.repeat(5000)}`));
    expect(reply.status).toBe(200);
    expect(reply.json?.text).toBe(
      'That is more than `/threatmodel` takes (at most 4000 characters). Nothing was changed.',
    );
    await expectRefusedQuietly(undefined);
    expect(await ctx.store.list('T0WORKSPC', { by: 'all' })).toMatchObject({ total: 0 });
  });

  it('ignores an app_mention without a channel: acknowledged, nothing posted', async () => {
    const reply = await sendEvent(
      ctx.driver,
      eventCallback(
        { type: 'app_mention', user: ALICE.id, text: '<@U0BOT0001> help', ts: '1700000000.000100' },
        'Ev0NOCHAN',
      ),
    );
    expect(reply.status).toBe(200);
    await expectRefusedQuietly(undefined);
    expect(ctx.standIn.callsTo('chat.postMessage')).toEqual([]);
  });

  it.each([
    ['an event without a type', eventCallback({ user: ALICE.id, channel: CHANNEL }, 'Ev0NOTYPE')],
    ['a callback without an event', { type: 'event_callback', team_id: 'T0WORKSPC', event_id: 'Ev0NOEVENT' }],
    ['a body of no known type', { hello: 'world' }],
  ])('acknowledges %s', async (_what, body) => {
    const reply = await sendEvent(ctx.driver, body);
    expect(reply.status).toBe(200);
    await expectRefusedQuietly(undefined);
  });
});
