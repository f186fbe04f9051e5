import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { BOT, CHANNELS, USERS } from '../../../dev/stand-in/workspace';
import { clientFor } from './web-client';

const { PAYMENTS, SEARCH, NO_BOT, PRIVATE } = CHANNELS;
const { ALICE } = USERS;

const nudgeMetadata = (nudgeId: string) => ({
  event_type: 'threadmodel_delivery',
  event_payload: { delivery_id: nudgeId },
});

interface HistoryPage {
  messages?: { text?: string; ts?: string; thread_ts?: string; reply_count?: number; metadata?: unknown }[];
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
}

describe('Slack stand-in: conversations.history', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  /** Posts top-level messages to a channel, oldest first; returns their ts. */
  async function post(channel: string, ...texts: string[]): Promise<string[]> {
    const client = clientFor(standIn);
    const stamps: string[] = [];
    for (const text of texts) stamps.push((await client.chat.postMessage({ channel, text })).ts ?? '');
    return stamps;
  }

  it('lists top-level messages and thread parents newest first, without replies', async () => {
    const client = clientFor(standIn);
    const [, parentTs = ''] = await post(PAYMENTS.id, 'one', 'two');
    await client.chat.postMessage({ channel: PAYMENTS.id, thread_ts: parentTs, text: 'reply' });
    await post(PAYMENTS.id, 'three');
    await post(SEARCH.id, 'elsewhere');

    const history = await client.conversations.history({ channel: PAYMENTS.id });
    expect(history.messages?.map((m) => m.text)).toEqual(['three', 'two', 'one']);
    expect(history.messages?.[1]).toMatchObject({ ts: parentTs, thread_ts: parentTs, reply_count: 1 });
    expect(history.messages?.[0]).toMatchObject({
      type: 'message',
      text: 'three',
      user: BOT.userId,
      bot_id: BOT.botId,
    });
    expect(history.messages?.[0]?.thread_ts).toBeUndefined();
    expect(history).toMatchObject({ ok: true, has_more: false });
    expect(history.response_metadata?.next_cursor).toBeUndefined();
  });

  it('pages with limit, has_more and next_cursor', async () => {
    await post(PAYMENTS.id, 'm1', 'm2', 'm3', 'm4', 'm5');
    const client = clientFor(standIn);
    const pages: HistoryPage[] = [];
    for await (const page of client.paginate('conversations.history', { channel: PAYMENTS.id, limit: 2 })) {
      pages.push(page as HistoryPage);
    }
    expect(pages.map((page) => page.messages?.map((m) => m.text))).toEqual([['m5', 'm4'], ['m3', 'm2'], ['m1']]);
    expect(pages.map((page) => page.has_more)).toEqual([true, true, false]);
    expect(pages[0]?.response_metadata?.next_cursor).toMatch(/^[A-Za-z0-9+/=]+$/);
    await expect(client.conversations.history({ channel: PAYMENTS.id, cursor: 'bogus' })).rejects.toMatchObject({
      data: { error: 'invalid_cursor' },
    });
  });

  it('gives 100 messages a page by default and at most 999', async () => {
    for (let i = 0; i < 1000; i += 1) standIn.addMessage({ channel: PAYMENTS.id, text: `m${i}`, blocks: [] });
    const client = clientFor(standIn);
    const byDefault = await client.conversations.history({ channel: PAYMENTS.id });
    expect([byDefault.messages?.length, byDefault.messages?.[0]?.text, byDefault.has_more]).toEqual([
      100,
      'm999',
      true,
    ]);
    const most = await client.conversations.history({ channel: PAYMENTS.id, limit: 5000 });
    expect([most.messages?.length, most.messages?.at(-1)?.text, most.has_more]).toEqual([999, 'm1', true]);
  });

  it('keeps to oldest and latest, exclusive unless inclusive', async () => {
    const [, second = '', , fourth = ''] = await post(PAYMENTS.id, 'm1', 'm2', 'm3', 'm4', 'm5');
    const client = clientFor(standIn);
    const texts = async (range: { oldest?: string; latest?: string; inclusive?: boolean }) =>
      (await client.conversations.history({ channel: PAYMENTS.id, ...range })).messages?.map((m) => m.text);
    await expect(texts({ oldest: second, latest: fourth })).resolves.toEqual(['m3']);
    await expect(texts({ oldest: second, latest: fourth, inclusive: true })).resolves.toEqual(['m4', 'm3', 'm2']);
    await expect(texts({ oldest: fourth })).resolves.toEqual(['m5']);
    await expect(texts({ latest: second })).resolves.toEqual(['m1']);
    await expect(texts({ oldest: '1' })).resolves.toHaveLength(5);
  });

  it('includes the metadata chat.postMessage stored only with include_all_metadata', async () => {
    const client = clientFor(standIn);
    await client.chat.postMessage({ channel: PAYMENTS.id, text: 'nudge', metadata: nudgeMetadata('n-1') });
    expect(standIn.messages(PAYMENTS.id)[0]?.metadata).toEqual(nudgeMetadata('n-1'));

    const plain = await client.conversations.history({ channel: PAYMENTS.id });
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const full = await client.conversations.history({ channel: PAYMENTS.id, include_all_metadata: true });
    expect(full.messages?.[0]?.metadata).toEqual(nudgeMetadata('n-1'));
  });

  it('refuses chat.postMessage metadata that is not {event_type, event_payload}', async () => {
    const client = clientFor(standIn);
    for (const metadata of ['not json', JSON.stringify({ event_type: 'x' }), JSON.stringify({ event_payload: {} })]) {
      await expect(
        client.apiCall('chat.postMessage', { channel: PAYMENTS.id, text: 'x', metadata }),
      ).rejects.toMatchObject({ data: { error: 'invalid_metadata_format' } });
    }
    expect(standIn.messages(PAYMENTS.id)).toEqual([]);
  });

  it("reads the bot's DM with a user by the user's id or by the DM's id", async () => {
    const client = clientFor(standIn);
    const { channel = '' } = await client.chat.postMessage({ channel: ALICE.id, text: 'for Alice' });
    for (const id of [ALICE.id, channel]) {
      const history = await client.conversations.history({ channel: id });
      expect(history.messages?.map((m) => m.text)).toEqual(['for Alice']);
    }
  });

  it('answers channel_not_found for unknown or hidden channels and not_in_channel without the bot', async () => {
    const client = clientFor(standIn);
    await expect(client.conversations.history({ channel: 'C0UNKNOWN' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.conversations.history({ channel: NO_BOT.id })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    const privateChannel = standIn.channel(PRIVATE.id);
    if (!privateChannel) throw new Error('the workspace has a private channel');
    privateChannel.members = [ALICE.id];
    try {
      await expect(client.conversations.history({ channel: PRIVATE.id })).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
    } finally {
      privateChannel.members = [...PRIVATE.members];
    }
  });
});
