import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS } from '../../../dev/stand-in/workspace';
import { INTERACTIVE_RETRY } from '../../../src/app/slack-clients';
import { ErrorCode, SlackBusyError } from '../../../src/errors';
import { InteractiveClient } from '../../../src/slack/interactive-client';

const CHANNEL = CHANNELS.PAYMENTS.id;

/** The interactive client, with production's retry policy, against the Slack stand-in. */
describe('the interactive Web API client', () => {
  let standIn: SlackStandIn;
  let client: InteractiveClient;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    client = new InteractiveClient(standIn.token, { slackApiUrl: standIn.apiUrl, retryConfig: INTERACTIVE_RETRY });
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('throws a rate-limited modal open at once, with Slack’s Retry-After, and sends it once', async () => {
    standIn.failNext('views.open', { status: 429, retryAfter: 7 });
    const opening = client.views.open({
      trigger_id: standIn.issueTrigger('U0ALICE01'),
      view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] },
    });
    await expect(opening).rejects.toThrow(SlackBusyError);
    await expect(opening).rejects.toMatchObject({
      code: ErrorCode.SlackBusy,
      method: 'views.open',
      retryAfterSeconds: 7,
    });
    expect(standIn.callsTo('views.open')).toHaveLength(1);
  });

  it('keeps serving other calls while one is refused: its queue is never paused', async () => {
    standIn.failNext('chat.postEphemeral', { status: 429, retryAfter: 30 });
    await expect(client.chat.postEphemeral({ channel: CHANNEL, user: 'U0ALICE01', text: 'hi' })).rejects.toThrow(
      SlackBusyError,
    );
    const posted = await client.chat.postEphemeral({ channel: CHANNEL, user: 'U0ALICE01', text: 'hi again' });
    expect(posted.ok).toBe(true);
  });

  it('waits out a short Retry-After of a thread message by itself, then sends it again', async () => {
    standIn.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'step 2 is open' });
    expect(posted.ok).toBe(true);
    expect(standIn.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
  });

  it('gives up on a thread message Slack asks to hold back longer than a person would wait', async () => {
    standIn.failNext('chat.postMessage', { status: 429, retryAfter: 60 });
    await expect(client.chat.postMessage({ channel: CHANNEL, text: 'hello' })).rejects.toMatchObject({
      method: 'chat.postMessage',
      retryAfterSeconds: 60,
    });
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('retries a server error a couple of times, then gives up', async () => {
    standIn.failNext('views.update', { status: 500, times: 10 });
    await expect(
      client.views.update({
        view_id: 'V0NONE',
        view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' }, blocks: [] },
      }),
    ).rejects.toMatchObject({ code: 'slack_webapi_http_error' });
    expect(standIn.callsTo('views.update')).toHaveLength(1 + (INTERACTIVE_RETRY.retries ?? 0));
  });
});
