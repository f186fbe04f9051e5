import { formBody } from '../../../dev/stand-in/signed-requests';
import { USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB, DAVE } = USERS;
const CHANNEL = 'C0PAYMENT';
const NASTY = '<!channel> <!here> <@U0BOB0001> <https://evil.example|click> @everyone';

describe('safety', () => {
  const ctx = useSlackApp();

  describe('request signatures', () => {
    const command = () =>
      formBody({
        command: '/threatmodel',
        text: 'start Refunds API',
        team_id: 'T0WORKSPC',
        channel_id: CHANNEL,
        user_id: ALICE.id,
      });

    it('refuses a bad signature with 401: nothing stored, nothing posted', async () => {
      const reply = await ctx.driver.raw(command(), 'application/x-www-form-urlencoded', {
        signature: `v0=${'0'.repeat(64)}`,
      });
      await ctx.settle();
      expect(reply.status).toBe(401);
      expect(await ctx.store.list('T0WORKSPC', { by: 'all' })).toMatchObject({ total: 0 });
      expect(ctx.standIn.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    });

    it('refuses a correctly signed request with a stale timestamp', async () => {
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
      const reply = await ctx.driver.raw(command(), 'application/x-www-form-urlencoded', { timestamp: sixMinutesAgo });
      await ctx.settle();
      expect(reply.status).toBe(401);
      expect(await ctx.store.list('T0WORKSPC', { by: 'all' })).toMatchObject({ total: 0 });
    });
  });

  it('a failure tells the user a short message with a reference, never the raw error', async () => {
    ctx.standIn.failNext('chat.postMessage', { error: 'fatal_error' });
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    const told = String(ctx.standIn.ephemeralsFor(ALICE.id).at(-1)?.text);
    expect(told).toMatch(
      /^Sorry, something went wrong on my side \(ref `[0-9a-f]{8}`\)\. Nothing you saved before was lost/,
    );
    expect(told).not.toContain('fatal_error');
  });

  it('only the owner or a role holder may finish a step', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await ctx.driver.clickButton(DAVE.id, 'model.finish_step', { value: 'TM-1|scope' });
    await ctx.settle();
    expect(String(ctx.standIn.ephemeralsFor(DAVE.id).at(-1)?.text)).toBe(
      'Only the owner or a role holder of TM-1 can finish a step.',
    );
  });

  it('a redelivered event has its effect once', async () => {
    const event = {
      type: 'app_mention',
      user: ALICE.id,
      text: '<@U0BOT0001> help',
      ts: '1700000000.000100',
      channel: CHANNEL,
    };
    await ctx.driver.event(event, { eventId: 'Ev0001' });
    await ctx.driver.event(event, { eventId: 'Ev0001', retryNum: 1, retryReason: 'http_timeout' });
    await ctx.driver.event(event, { eventId: 'Ev0001', retryNum: 2, retryReason: 'http_timeout' });
    await ctx.settle();
    expect(ctx.standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('shows <!channel>, mentions and links typed into any field as inert text, in every message and view', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, `start ${NASTY}`);
    await ctx.settle();
    const fields: [string, Record<string, string | string[]>][] = [
      ['asset', { name: NASTY.slice(0, 75), description: NASTY, classification: 'internal' }],
      ['actor', { name: NASTY.slice(0, 75), description: NASTY, kind: 'human', trustLevel: NASTY.slice(0, 75) }],
      ['trustBoundary', { name: NASTY.slice(0, 75), description: NASTY, trustLevel: NASTY.slice(0, 75) }],
      ['component', { name: NASTY.slice(0, 75), description: NASTY, type: 'web-api' }],
      ['component', { name: 'Second', type: 'web-api' }],
      [
        'entryPoint',
        {
          name: NASTY.slice(0, 75),
          description: NASTY,
          componentId: 'C-1',
          kind: 'custom',
          authentication: 'other',
          authenticationNotes: NASTY,
        },
      ],
      [
        'dataFlow',
        { from: 'C-1', to: 'C-2', data: NASTY.slice(0, 75), protocol: NASTY.slice(0, 75), crossesTrustBoundary: 'yes' },
      ],
      ['useCase', { name: NASTY.slice(0, 75), description: NASTY }],
      ['designLink', { title: NASTY.slice(0, 75), url: 'https://example.com/design' }],
    ];
    for (const [kind, values] of fields) {
      await driver.clickButton(ALICE.id, `scope.add.${kind}`, { value: `TM-1|${kind}` });
      await ctx.settle();
      expect((await driver.submitView(ALICE.id, values)).errors).toBeUndefined();
    }
    await driver.clickOverflow(ALICE.id, 'scope.element_menu', 'TM-1|edit:AS-1');
    await ctx.settle();
    await driver.command(ALICE.id, CHANNEL, 'list');
    await driver.command(ALICE.id, CHANNEL, 'status TM-1');
    await ctx.settle();

    const model = await ctx.model();
    expect(model.scope.assets[0]?.description).toBe(NASTY); // stored exactly as typed
    // Every mrkdwn text the app sent: no live broadcast, mention of Bob, or forged link.
    const sent = [...standIn.calls.map((c) => c.args), ...standIn.responses.map((r) => r.body)];
    const mrkdwnTexts = collectMrkdwn(sent);
    expect(mrkdwnTexts.length).toBeGreaterThan(10);
    for (const text of mrkdwnTexts) {
      expect(text).not.toMatch(/<!channel>|<!here>|<@U0BOB0001>|<https:\/\/evil/);
      expect(text).not.toMatch(/(^|[^\u2060])@everyone/);
    }
  });

  it('refuses changes from someone who left the model channel, and leaves read-only models alone', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await driver.clickButton(DAVE.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    const channel = standIn.workspace.channels.find((c) => c.id === CHANNEL);
    channel?.members.splice(channel.members.indexOf(DAVE.id), 1); // Dave leaves with the modal open
    const left = await driver.submitView(DAVE.id, { name: 'Card token', classification: 'restricted' });
    expect(left.errors).toEqual({ name: 'Only members of <#C0PAYMENT> can change TM-1.' });
    channel?.members.push(DAVE.id);

    await driver.clickButton(BOB.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    // Meanwhile the model is approved: the open modal's submission is refused inline.
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
      { actor: 'system', action: 'test.approve' },
      (m) => ({
        ...m,
        status: 'approved',
      }),
    );
    const result = await driver.submitView(BOB.id, { name: 'Card token', classification: 'restricted' });
    expect(result.errors).toEqual({ name: 'TM-1 is approved and cannot be changed now.' });
    expect((await ctx.model()).scope.assets).toEqual([]);
  });
});

/** Every mrkdwn `text`, and every message `text` (Slack formats it as mrkdwn), anywhere in the payloads. */
function collectMrkdwn(value: unknown, out: string[] = [], key = ''): string[] {
  if (Array.isArray(value)) for (const item of value) collectMrkdwn(item, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.type === 'plain_text') return out; // Slack shows plain text as typed: nothing in it is live
    if (record.type === 'mrkdwn' && typeof record.text === 'string') out.push(record.text);
    for (const [k, v] of Object.entries(record)) collectMrkdwn(v, out, k);
  } else if (key === 'text' && typeof value === 'string') out.push(value);
  return out;
}
