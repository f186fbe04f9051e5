import { WebClient } from '@slack/web-api';
import { USERS } from '../../../dev/stand-in/workspace';
import { hiddenCharactersIn } from '../../support/hidden-characters';
import { APPSEC_CHANNEL, approveFromCard, appsecCards, startCompleteModel } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB, APPSEC1 } = USERS;

/**
 * The title of the finding: a right-to-left override makes "devorppa" read "approved", and a NUL
 * rides along. Anything that reaches Slack or the store must be free of both.
 */
const SPOOFED_TITLE = 'Refunds \u202Edevorppa\u202C\u0000';
const CLEAN_TITLE = 'Refunds devorppa';

describe('user text is cleaned at the edge, for every surface', () => {
  const ctx = useSlackApp();

  /** Everything the app sent Slack from the `since`-th recorded call on, and every response_url post. */
  const sentSince = (since = 0) => [
    ...ctx.standIn.calls.slice(since).map((call) => ({ method: call.method, args: call.args })),
    ...ctx.standIn.responses.map((response) => ({ response: response.body })),
  ];

  it('stores a spoofed title cleaned and shows it so on the card, the review card, the modals and the status card', async () => {
    const { driver, standIn } = ctx;
    await startCompleteModel(ctx, { title: SPOOFED_TITLE });
    expect((await ctx.model()).title).toBe(CLEAN_TITLE);

    const card = standIn.messages(CHANNEL).find((message) => message.thread_ts === undefined);
    expect(card?.blocks?.[0]).toMatchObject({
      type: 'header',
      text: { type: 'plain_text', text: `🧵 ${CLEAN_TITLE}` },
    });

    await driver.clickButton(ALICE.id, 'review.request', { channel: CHANNEL });
    await ctx.settle();
    const modal = standIn.openViews(ALICE.id).at(-1);
    expect(modal?.blocks[0]).toMatchObject({
      type: 'context',
      elements: [{ type: 'plain_text', text: `TM-1 ${CLEAN_TITLE}` }],
    });
    expect((await driver.submitView(ALICE.id, { note: 'Look at \u2067the\u2069 refunds\u0000 first' })).errors).toBe(
      undefined,
    );
    const [reviewCard] = await appsecCards(ctx);
    expect(reviewCard?.blocks?.[0]).toMatchObject({
      type: 'header',
      text: { type: 'plain_text', text: `Review: TM-1 ${CLEAN_TITLE}` },
    });

    await driver.command(ALICE.id, CHANNEL, 'status TM-1');
    await ctx.settle();
    const status = standIn.responses.at(-1)?.body as { blocks?: unknown[] } | undefined;
    expect(status?.blocks?.[0]).toMatchObject({ type: 'header', text: { text: `🧵 ${CLEAN_TITLE}` } });

    const approved = await approveFromCard(ctx, APPSEC1.id, {
      comment: 'Good \u202Ekrow\u202C\u0000 on the refunds.',
      follow_ups: '- Pen-test\u0000 the refund API\u2028Log every refund\u200F above 50 EUR',
    });
    expect(approved?.errors).toBeUndefined();
    const model = await ctx.model();
    expect(model.review?.history.find((event) => event.type === 'requested')?.comment).toBe(
      'Look at the refunds first',
    );
    expect(model.review?.history.at(-1)).toMatchObject({
      type: 'approved',
      comment: 'Good krow on the refunds.',
      followUps: ['Pen-test the refund API', 'Log every refund above 50 EUR'],
    });
    expect(standIn.messages(APPSEC_CHANNEL).length).toBeGreaterThan(0);
    expect(hiddenCharactersIn(sentSince())).toEqual([]);
  });

  it('cleans scope and threat fields typed into a modal before they are stored or shown', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(ALICE.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    const asset = await driver.submitView(ALICE.id, {
      name: 'Card\u202Etoken\u0000',
      description: 'line one\u0000\r\nline \u2066two\u2069\u2028line three',
      classification: 'restricted',
    });
    expect(asset.errors).toBeUndefined();

    const threat = {
      threatSource: 'internet-based \u202Erotca\u202C',
      threatAction: 'replay a refund\u0000 request\u200E',
      stride: ['T'],
    };
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(BOB.id, threat); // the preview, shown in the modal Slack keeps open
    expect(JSON.stringify(standIn.openViews(BOB.id).at(-1)?.blocks)).toContain('replay a refund request');
    // What the app sent (the blocks), not what Bob typed (the view's state).
    expect(hiddenCharactersIn(standIn.openViews(BOB.id).map((view) => view.blocks))).toEqual([]);
    expect((await driver.submitView(BOB.id, threat)).errors).toBeUndefined();
    await ctx.settle();

    const model = await ctx.model();
    expect(model.scope.assets.at(-1)).toMatchObject({
      name: 'Cardtoken',
      description: 'line one\nline two\nline three',
    });
    expect(model.threats[0]).toMatchObject({
      threatSource: 'internet-based rotca',
      threatAction: 'replay a refund request',
    });
    await driver.command(ALICE.id, CHANNEL, 'status TM-1');
    await ctx.settle();
    expect(standIn.callsTo('chat.update').length).toBeGreaterThan(0);
    expect(hiddenCharactersIn(sentSince())).toEqual([]);
  });

  it('refuses a field that is only hidden characters as empty, and keeps what was saved', async () => {
    const { driver } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(ALICE.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    const refused = await driver.submitView(ALICE.id, { name: '\u202E\u0000\u200B', classification: 'restricted' });
    expect(refused.errors).toEqual({ name: 'Please fill this in.' });
    expect((await ctx.model()).scope.assets.map((a) => a.name)).toEqual(['Refund records']);
  });

  it('cleans a message captured as a threat: in the modal it opens and in the threat it saves', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    const threadTs = (await ctx.model()).threadTs ?? '';
    const client = new WebClient(standIn.token, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
    const text = 'what if someone \u202Eyalper\u202C\u0000 the refund call?';
    const posted = await client.chat.postMessage({ channel: CHANNEL, thread_ts: threadTs, text });
    const since = standIn.calls.length; // the brainstorm itself was posted by the test, as typed

    expect((await driver.messageShortcut(BOB.id, CHANNEL, posted.ts ?? '', 'capture_threat')).status).toBe(200);
    await ctx.settle();
    const modal = standIn.openViews(BOB.id).at(-1);
    expect(JSON.stringify(modal?.blocks)).toContain('"initial_value":"what if someone yalper the refund call?"');

    const values = { threatSource: 'internet-based threat actor', stride: ['T'] };
    await driver.submitView(BOB.id, values);
    expect((await driver.submitView(BOB.id, values)).errors).toBeUndefined();
    await ctx.settle();
    expect((await ctx.model()).threats[0]?.threatAction).toBe('what if someone yalper the refund call?');
    expect(hiddenCharactersIn(sentSince(since))).toEqual([]);
  });
});
