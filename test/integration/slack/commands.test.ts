import { USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB } = USERS;
const CHANNEL = 'C0PAYMENT';

describe('/threatmodel', () => {
  const ctx = useSlackApp();

  describe('start', () => {
    it('without a title: an ephemeral usage message, nothing created, nothing posted', async () => {
      const reply = await ctx.driver.command(ALICE.id, CHANNEL, 'start   ');
      await ctx.settle();
      expect(reply.status).toBe(200);
      expect(reply.json).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringMatching(/Give the feature a title[\s\S]*Usage/),
      });
      expect(await ctx.store.list('T0WORKSPC', { by: 'all' })).toMatchObject({ total: 0 });
      expect(ctx.standIn.callsTo('chat.postMessage')).toEqual([]);
    });

    it('with a title that is too long: usage message, nothing created', async () => {
      const reply = await ctx.driver.command(ALICE.id, CHANNEL, `start ${'x'.repeat(121)}`);
      expect(reply.json).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringContaining('at most 120 characters'),
      });
      await ctx.settle();
      expect(await ctx.store.list('T0WORKSPC', { by: 'all' })).toMatchObject({ total: 0 });
    });

    it('in a channel the bot is not in: says how to invite it, and keeps nothing half-made', async () => {
      await ctx.driver.command(ALICE.id, 'C0NOBOT00', 'start Refunds API');
      await ctx.settle();
      const response = ctx.standIn.responses.at(-1);
      expect(JSON.stringify(response?.body)).toContain('/invite @Threadmodel');
      expect((await ctx.model('TM-1')).status).toBe('archived');
    });

    it('acknowledges at once and gives each new model the next id', async () => {
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
      await ctx.driver.command(BOB.id, CHANNEL, 'start Payouts');
      await ctx.settle();
      expect((await ctx.model('TM-2')).title).toBe('Payouts');
    });
  });

  it('list shows the models of this channel with a link to each thread', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.driver.command(ALICE.id, 'C0SEARCH0', 'start Search');
    await ctx.settle();
    await ctx.driver.command(BOB.id, CHANNEL, 'list');
    await ctx.settle();
    const listed = JSON.stringify(ctx.standIn.responses.at(-1)?.body);
    expect(listed).toContain('TM-1');
    expect(listed).toContain('https://acme.slack.com/archives/C0PAYMENT/p');
    expect(listed).toContain('Draft');
    expect(listed).not.toContain('Search');
  });

  it('status TM-n shows the card without buttons; an unknown id says so', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await ctx.driver.command(BOB.id, CHANNEL, 'status tm-1');
    await ctx.settle();
    const status = JSON.stringify(ctx.standIn.responses.at(-1)?.body);
    expect(status).toContain('Step 1 of 4');
    expect(status).not.toContain('model.finish_step');
    await ctx.driver.command(BOB.id, CHANNEL, 'status TM-99');
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.responses.at(-1)?.body)).toContain('There is no threat model TM-99');
  });

  it('status TM-n of a private channel’s model is answered like a missing one for a non-member', async () => {
    await ctx.driver.command(ALICE.id, 'G0PRIVATE', 'start Secret acquisition');
    await ctx.settle();
    await ctx.driver.command(BOB.id, CHANNEL, 'status TM-1');
    await ctx.settle();
    const refused = JSON.stringify(ctx.standIn.responses.at(-1)?.body);
    expect(refused).toContain('There is no threat model TM-1 in your channels.');
    expect(refused).not.toContain('Secret acquisition');
    expect(refused).not.toContain('Step 1 of 4');
    // A member of the channel sees it.
    await ctx.driver.command(ALICE.id, CHANNEL, 'status TM-1');
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.responses.at(-1)?.body)).toContain('Secret acquisition');
  });

  it('help, nothing, or anything else shows help', async () => {
    for (const text of ['help', '', 'frobnicate <!channel>']) {
      const reply = await ctx.driver.command(ALICE.id, CHANNEL, text);
      expect(reply.json).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringContaining('/threatmodel start'),
      });
      expect(JSON.stringify(reply.json)).not.toContain('<!channel>');
    }
  });

  it('export says how to set exports up while they are not', async () => {
    const reply = await ctx.driver.command(ALICE.id, CHANNEL, 'export TM-1');
    expect(reply.json).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining(
        "Exports are not set up yet: ask a workspace admin to set the export repository in Threadmodel's Home tab (Settings).",
      ),
    });
  });

  it('import from a path says how to set exports up while they are not, and posts nothing', async () => {
    const before = ctx.standIn.messages(CHANNEL).length;
    const answer = await ctx.driver.command(ALICE.id, CHANNEL, 'import threat-models/tm-3-search/threat-model.tc.json');
    expect(answer.status).toBe(200);
    await ctx.settle();
    expect(ctx.standIn.responses.at(-1)?.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining(
        "needs exports set up: ask a workspace admin to set the export repository in Threadmodel's Home tab (Settings).",
      ),
    });
    expect(ctx.standIn.messages(CHANNEL)).toHaveLength(before);
  });

  it('serves /healthz and /readyz', async () => {
    const base = ctx.driver.appUrl.replace('/slack/events', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });
});
