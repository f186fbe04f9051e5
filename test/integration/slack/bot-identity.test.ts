import { BOT, USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, REFUND_THREAT, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB } = USERS;
const THREAT = REFUND_THREAT;

/**
 * The app asks Slack who its token belongs to once, at start-up, and authorises every request
 * with that answer: no Slack round trip runs before a listener (Bolt, left to itself with token
 * verification off, calls auth.test on every request).
 */
describe.each(['http', 'socket'] as const)('the bot identity over %s', (mode) => {
  const ctx = useSlackApp({ mode });

  it('is learned at start-up and no request asks Slack again', async () => {
    const { driver, standIn } = ctx;
    expect(standIn.callsTo('auth.test')).toHaveLength(1);

    // A command and a button (startScopedModel), a modal opened, previewed and submitted, a
    // coverage modal, events, and the Home tab.
    await startScopedModel(ctx);
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(BOB.id, THREAT);
    await driver.submitView(BOB.id, THREAT);
    await ctx.settle();
    await driver.clickButton(BOB.id, 'threat.coverage', { value: 'TM-1' });
    await ctx.settle();
    await driver.event({
      type: 'app_mention',
      user: ALICE.id,
      text: `<@${BOT.userId}> help`,
      ts: '1700000000.000100',
      channel: CHANNEL,
    });
    await driver.appHomeOpened(ALICE.id);
    await driver.command(ALICE.id, CHANNEL, 'list');
    await ctx.settle();

    expect((await ctx.model()).threats).toHaveLength(1);
    expect(standIn.openViews(BOB.id).at(-1)?.title).toMatchObject({ text: expect.stringMatching(/coverage/i) });
    expect(standIn.callsTo('chat.postMessage').map((call) => call.args.thread_ts)).toContain('1700000000.000100');
    expect(standIn.callsTo('views.publish')).toHaveLength(1);
    expect(standIn.callsTo('auth.test')).toHaveLength(1);
  });

  it('still tells listeners who the bot is: a mention by the bot itself is not answered', async () => {
    await ctx.driver.event({
      type: 'app_mention',
      user: BOT.userId,
      text: `<@${BOT.userId}> help`,
      ts: '1700000000.000200',
      channel: CHANNEL,
    });
    await ctx.settle();
    expect(ctx.standIn.callsTo('chat.postMessage')).toEqual([]);
    expect(ctx.standIn.callsTo('auth.test')).toHaveLength(1);
  });
});
