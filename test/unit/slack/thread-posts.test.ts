import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS } from '../../../dev/stand-in/workspace';
import type { ChannelPacer } from '../../../src/ports/channel-pacer';
import type { SlackBudget } from '../../../src/ports/slack-budget';
import { BackgroundSlack } from '../../../src/slack/background-slack';
import { type PostsIn, ThreadPosts } from '../../../src/slack/thread-posts';
import { capturedLogs, WARN } from '../../support/captured-logs';

const { PAYMENTS, SEARCH } = CHANNELS;
const PAYMENTS_TEAM: PostsIn = { workspaceId: 'T1', channel: PAYMENTS.id };
const SEARCH_TEAM: PostsIn = { workspaceId: 'T2', channel: SEARCH.id };

/** A budget that answers each workspace's takes from a script of waits (then: go), and never pauses. */
class ScriptedBudget implements SlackBudget {
  constructor(private readonly waits: Record<string, number[]>) {}

  async take(workspaceId: string): Promise<number> {
    return this.waits[workspaceId]?.shift() ?? 0;
  }

  async pause(): Promise<void> {}
}

/** Every channel free at once. */
const freePacer: ChannelPacer = { turn: async () => 0, posted: async () => {} };

const message = (text: string) => ({ text, blocks: [] });

describe('the background lane for posts in threads', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  function lane(waits: Record<string, number[]>, patienceMs?: number) {
    const logs = capturedLogs();
    const background = new BackgroundSlack(
      { kind: 'single', token: standIn.token },
      { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
      new ScriptedBudget(waits),
    );
    const posts = new ThreadPosts({
      background,
      pacer: freePacer,
      logger: logs.logger,
      ...(patienceMs !== undefined && { patienceMs }),
    });
    return { posts, logs: logs.entries };
  }

  const posted = () => standIn.callsTo('chat.postMessage').map((call) => call.args.text);

  it('posts a conversation’s messages in the order asked, and a waiting one holds up no other workspace', async () => {
    const { posts } = lane({ T1: [200] });

    posts.post(PAYMENTS_TEAM, message('first'));
    posts.post(PAYMENTS_TEAM, message('second'));
    posts.post(SEARCH_TEAM, message('elsewhere'));
    await posts.idle();

    expect(posted()).toEqual(['elsewhere', 'first', 'second']);
  });

  it('gives up a post that would wait past its patience (sent nothing, logged), and goes on with the next', async () => {
    const { posts, logs } = lane({ T1: [60_000] }, 1000);

    posts.post(PAYMENTS_TEAM, message('too late'));
    posts.post(PAYMENTS_TEAM, message('next'));
    await posts.idle();

    expect(posted()).toEqual(['next']);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: WARN,
        channel: PAYMENTS.id,
        waitMs: 60_000,
        msg: expect.stringMatching(/gave up/),
      }),
    );
  });

  it('on shutdown, gives up a post still waiting for long, without waiting for it', async () => {
    const { posts, logs } = lane({ T1: [60_000, 60_000] });

    posts.post(PAYMENTS_TEAM, message('waits'));
    // Let it start waiting (had it not yet, it would find shutdown begun, all the same).
    await new Promise((resolve) => setImmediate(resolve));
    await posts.close();

    expect(posted()).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ level: WARN, msg: expect.stringMatching(/gave up/) }));
  });

  it('logs a post Slack refuses for good as a warning, and posts the next', async () => {
    const { posts, logs } = lane({});
    standIn.failNext('chat.postMessage', { error: 'not_in_channel' });

    posts.post(PAYMENTS_TEAM, message('refused'));
    posts.post(PAYMENTS_TEAM, message('next'));
    await posts.idle();

    expect(posted()).toEqual(['refused', 'next']);
    expect(standIn.messages(PAYMENTS.id).map((m) => m.text)).toEqual(['next']);
    expect(logs).toEqual([expect.objectContaining({ level: WARN, slackError: 'not_in_channel' })]);
  });
});
