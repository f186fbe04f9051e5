import { USERS } from '../../../dev/stand-in/workspace';
import { INTERACTIVE_RETRY } from '../../../src/app/slack-clients';
import { alarming, WARN } from '../../support/captured-logs';
import { useSlackApp } from '../../support/slack-app-fixture';
import { startScopedModel } from '../../support/slack-scenarios';

const { BOB } = USERS;
const BUSY_IN_7 = 'Slack is busy right now, so that did not go through. Please try again in 7 seconds.';

/**
 * Calls a person waits for go through the interactive client, with production's retry policy:
 * a 429 is answered at once (never waited out past the trigger's 3 seconds, never queued behind
 * background work), and the person is told Slack is busy and when to try again; never silence.
 */
describe('when Slack is busy', () => {
  const ctx = useSlackApp({ captureLogs: true, interactiveRetry: INTERACTIVE_RETRY });

  it('a modal Slack refuses with 429: tried once, and the person is told through the response_url to try again in Retry-After seconds', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    standIn.failNext('views.open', { status: 429, retryAfter: 7 });

    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();

    expect(standIn.callsTo('views.open')).toEqual([expect.objectContaining({ status: 429 })]);
    expect(standIn.openViews(BOB.id)).toEqual([]);
    // Told through the click's response_url: a busy Slack's Tier-4 chat.postEphemeral is not spent.
    expect(standIn.responses.at(-1)?.body).toMatchObject({ response_type: 'ephemeral', text: BUSY_IN_7 });
    expect(standIn.callsTo('chat.postEphemeral')).toEqual([]);
    expect(alarming(ctx.logs)).toEqual([]);
    expect(ctx.logs).toContainEqual(
      expect.objectContaining({ level: WARN, method: 'views.open', retryAfterSeconds: 7, msg: 'Slack is busy' }),
    );
  });

  it('a modal refused with a Retry-After that fits inside the trigger’s life: waited out once, and the modal opens', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    standIn.failNext('views.open', { status: 429, retryAfter: 1 });

    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();

    expect(standIn.callsTo('views.open').map((call) => call.status)).toEqual([429, 200]);
    expect(standIn.openViews(BOB.id).at(-1)?.title).toMatchObject({ text: 'Add threat' });
    expect(standIn.responses.map((response) => JSON.stringify(response.body))).not.toContainEqual(
      expect.stringContaining('Slack is busy'),
    );
    expect(alarming(ctx.logs)).toEqual([]);
  });
});
