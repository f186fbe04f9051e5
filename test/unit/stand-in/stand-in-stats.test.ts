import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { standInStats } from '../../../dev/stand-in/stand-in-stats';
import { CHANNELS } from '../../../dev/stand-in/workspace';
import { clientFor } from './web-client';

const { PAYMENTS, SEARCH } = CHANNELS;

const nudge = (nudgeId: string) => ({ event_type: 'threadmodel_delivery', event_payload: { delivery_id: nudgeId } });

describe('Slack stand-in: stats for benchmarks', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn({
      rateLimits: { 'chat.postMessage': { perChannel: { max: 3, windowMs: 60_000 } } },
    });
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('counts calls by method, refused calls, messages by channel and messages sharing a delivery_id', async () => {
    const client = clientFor(standIn, { rejectRateLimitedCalls: true });
    const { ts = '' } = await client.chat.postMessage({ channel: PAYMENTS.id, text: 'a', metadata: nudge('n-1') });
    await client.chat.postMessage({ channel: PAYMENTS.id, thread_ts: ts, text: 'a again', metadata: nudge('n-1') });
    await client.chat.postMessage({ channel: PAYMENTS.id, text: 'plain' });
    await expect(
      client.chat.postMessage({ channel: PAYMENTS.id, text: 'over', metadata: nudge('n-9') }),
    ).rejects.toThrow();
    await client.chat.postMessage({ channel: SEARCH.id, text: 'b', metadata: nudge('n-2') });
    await client.auth.test();

    expect(standInStats(standIn)).toEqual({
      calls: { 'chat.postMessage': 5, 'auth.test': 1 },
      rateLimited: 1,
      messages: { [PAYMENTS.id]: 3, [SEARCH.id]: 1 },
      duplicates: 2,
    });
  });
});
