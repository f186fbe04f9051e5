import { WebClient } from '@slack/web-api';
import { FORM, formBody } from '../../../dev/stand-in/signed-requests';
import { USERS } from '../../../dev/stand-in/workspace';
import type { Stride } from '../../../src/domain/stride';
import { addThreat } from '../../../src/domain/threat-edits';
import { useSlackApp } from '../../support/slack-app-fixture';
import { startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB } = USERS;
const CHANNEL = 'C0PAYMENT';
const THREAT = {
  threatSource: 'internet-based threat actor',
  prerequisites: 'with a stolen customer session',
  threatAction: 'replay a refund request <!channel>',
  threatImpact: 'refunds paid twice',
  impactedGoals: ['integrity'],
  impactedAssetIds: ['AS-1'],
  stride: ['T', 'R'] as Stride[],
  affectedElementIds: ['EP-1'],
};

describe('step 2: writing threats in the grammar', () => {
  const ctx = useSlackApp();

  it('shows the sentence before saving, saves it as previewed, and tells the thread', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    expect(standIn.openViews(BOB.id).at(-1)?.title).toMatchObject({ text: 'Add threat' });

    const first = await driver.submitView(BOB.id, THREAT);
    expect(first.errors).toBeUndefined();
    const preview = JSON.stringify(standIn.openViews(BOB.id).at(-1)?.blocks);
    expect(preview).toContain(
      'An internet-based threat actor with a stolen customer session can replay a refund request &lt;!channel&gt;, which leads to refunds paid twice, resulting in reduced integrity of Refund records',
    );
    expect((await ctx.model()).threats).toEqual([]);

    await driver.submitView(BOB.id, THREAT);
    await ctx.settle();
    const model = await ctx.model();
    expect(model.threats).toEqual([
      expect.objectContaining({ id: 'T-1', ...THREAT, origin: { type: 'manual' }, createdBy: BOB.id, risk: {} }),
    ]);
    expect(standIn.openViews(BOB.id)).toEqual([]);
    const told = standIn.thread(CHANNEL, model.threadTs ?? '').at(-1);
    expect(String(told?.text)).toMatch(/<@U0BOB0001> added \*T-1\*: An internet-based threat actor/);
    expect(String(told?.text)).not.toContain('<!channel>');

    // Coverage, one tap away: T and R now have a threat on the API (through its entry point).
    await driver.clickButton(BOB.id, 'threat.coverage', { value: 'TM-1' });
    await ctx.settle();
    const coverage = JSON.stringify(standIn.openViews(BOB.id).at(-1)?.blocks);
    expect(coverage).toContain('*C-1* Refunds API · process\\n⬜ S  ✅ T  ✅ R  ⬜ I  ⬜ D  ⬜ E');
    expect(coverage).toContain('2 of 10 applicable element × STRIDE pairs have a threat (20%)');
    await driver.closeView(BOB.id);

    // With a classified threat, step 2 can be finished.
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|threats' });
    await ctx.settle();
    expect((await ctx.model()).currentStep).toBe('mitigations');
  });

  it('shows the new sentence again when a field changed after the preview', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(BOB.id, THREAT);
    await driver.submitView(BOB.id, { ...THREAT, threatImpact: 'the ledger out of balance' });
    expect(JSON.stringify(standIn.openViews(BOB.id).at(-1)?.blocks)).toContain(
      'which leads to the ledger out of balance',
    );
    expect((await ctx.model()).threats).toEqual([]);
  });

  it('gives each role holder its own prompts a few at a time, and calls out roles nobody holds once', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    const thread = () => standIn.thread(CHANNEL, standIn.messages(CHANNEL)[0]?.ts ?? '');
    const adversary = () => thread().find((m) => String(m.text).startsWith('Adversary prompts'));
    // 2 components (6 + 4 STRIDE questions) and 1 entry point (4): 14 prompts, 3 at a time.
    expect(JSON.stringify(adversary()?.blocks)).toContain('<@U0BOB0001> *Adversary* prompts for step 2 (1–3 of 14)');
    expect(JSON.stringify(adversary()?.blocks)).toContain(
      'Spoofing on Refunds API: Can someone pretend to be another user or component?',
    );
    await driver.clickButton(BOB.id, 'prompts.next', { value: 'TM-1|threats:adversary:3' });
    await ctx.settle();
    expect(JSON.stringify(adversary()?.blocks)).toContain('(4–6 of 14)');
    // Once per step: step 1's call-out at the start, step 2's when it opened.
    const callouts = thread().filter((m) => /^Nobody holds .* for step 2 wait/.test(String(m.text)));
    expect(callouts).toHaveLength(1);
    expect(String(callouts[0]?.text)).toBe(
      'Nobody holds *Business*, *Defender*, *AppSec SME* yet, so their prompts for step 2 wait. Pick someone in the roles message above.',
    );
  });

  it('asks for the STRIDE categories and the action inline', async () => {
    const { driver } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    const result = await driver.submitView(BOB.id, { ...THREAT, threatAction: '', stride: [] }, { force: true });
    expect(result.errors).toEqual({ threatAction: 'Please fill this in.', stride: 'Please fill this in.' });
  });

  it('lists the threats in the thread, where each can be edited or removed', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
      { actor: BOB.id, action: 'seed' },
      (model) => {
        const first = addThreat(model, { ...THREAT, stride: ['T'] as Stride[] }, BOB.id, new Date()).model;
        const second = addThreat(
          first,
          { ...THREAT, threatAction: 'flood the refund queue', stride: ['D'] },
          BOB.id,
          new Date(),
        ).model;
        return {
          ...second,
          mitigations: [
            {
              id: 'M-1',
              description: 'Idempotency keys',
              threatIds: ['T-1'],
              status: 'planned',
              references: [],
              createdBy: BOB.id,
              createdAt: new Date().toISOString(),
            },
          ],
          counters: { ...second.counters, mitigation: 1 },
        };
      },
    );
    ctx.app.services.refresher.refresh({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' });
    await ctx.settle();
    await driver.clickOverflow(BOB.id, 'threat.menu', 'TM-1|edit:T-1');
    await ctx.settle();
    expect(standIn.openViews(BOB.id).at(-1)?.title).toMatchObject({ text: 'Edit T-1' });
    const changed = { ...THREAT, stride: ['T'] as Stride[], threatImpact: 'the ledger out of balance' };
    await driver.submitView(BOB.id, changed);
    await driver.submitView(BOB.id, changed);
    await ctx.settle();
    const model = await ctx.model();
    expect(model.threats[0]).toMatchObject({ id: 'T-1', threatImpact: 'the ledger out of balance', createdBy: BOB.id });
    expect(String(standIn.thread(CHANNEL, model.threadTs ?? '').at(-1)?.text)).toContain('changed *T-1*');
    const summary = () =>
      standIn.thread(CHANNEL, model.threadTs ?? '').find((m) => JSON.stringify(m.blocks).includes('Threats of TM-1'));
    expect(JSON.stringify(summary()?.blocks)).toContain('the ledger out of balance');

    await driver.clickOverflow(BOB.id, 'threat.menu', 'TM-1|remove:T-1');
    await ctx.settle();
    expect(String(standIn.ephemeralsFor(BOB.id).at(-1)?.text)).toBe(
      'T-1 is still addressed by M-1: change or remove those first.',
    );
    await driver.clickOverflow(BOB.id, 'threat.menu', 'TM-1|remove:T-2');
    await ctx.settle();
    expect((await ctx.model()).threats.map((t) => t.id)).toEqual(['T-1']);
    expect(JSON.stringify(summary()?.blocks)).not.toContain('flood the refund queue');
  });

  it('keeps a model with 150 threats usable: the list pages within Slack limits', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
      { actor: BOB.id, action: 'seed' },
      (model) => {
        let next = model;
        for (let i = 0; i < 150; i++)
          next = addThreat(
            next,
            { ...THREAT, threatAction: `abuse path number ${i} ${'x'.repeat(150)}` },
            BOB.id,
            new Date(),
          ).model;
        return next;
      },
    );
    ctx.app.services.refresher.refresh({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' });
    await ctx.settle();
    await driver.clickButton(BOB.id, 'threats.page.next', { value: 'TM-1|2' });
    await ctx.settle();
    const threadTs = (await ctx.model()).threadTs ?? '';
    const summary = standIn.thread(CHANNEL, threadTs).find((m) => JSON.stringify(m.blocks).includes('Threats of TM-1'));
    expect(JSON.stringify(summary?.blocks)).toContain('Page 2 of 10');
    expect(JSON.stringify(summary?.blocks)).toContain('T-16');
    expect(standIn.blockKitViolations).toEqual([]);
  });

  it('waits for the scope to be finished before threats can be added', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx, false);
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' }).catch(() => undefined);
    await ctx.settle();
    expect(standIn.openViews(BOB.id)).toEqual([]);
  });
});

describe('step 2: threats suggested by the catalog', () => {
  const ctx = useSlackApp();

  it('ranks fitting threats in pages of ticks, keeps ticks across pages, and adds them with their origin', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);

    await driver.clickButton(ALICE.id, 'threat.suggest', { value: 'TM-1' });
    await ctx.settle();
    const modal = () => standIn.openViews(ALICE.id).at(-1);
    const checkboxes = () =>
      ((modal()?.blocks ?? []) as { element?: { type?: string; action_id?: string; options?: { value: string }[] } }[])
        .map((b) => b.element)
        .filter((e) => e?.type === 'checkboxes');
    // Three groups of ten on the first page (Slack allows 10 options per checkbox group).
    expect(checkboxes().map((e) => e?.options?.length)).toEqual([10, 10, 10]);
    const firstPage = checkboxes()[0]?.options?.map((o) => o.value) ?? [];
    await driver.clickButton(ALICE.id, 'suggestions.page.next', { value: '2', in: 'modal' });
    await ctx.settle();
    expect(JSON.stringify(modal()?.blocks)).toContain('Page 2 of');
    const secondPage = checkboxes()[0]?.options?.map((o) => o.value) ?? [];
    expect(secondPage).not.toContain(firstPage[0]);
    await driver.clickButton(ALICE.id, 'suggestions.page.previous', { value: '1', in: 'modal' });
    await ctx.settle();

    // Tick two on page 1, one on page 2, then add.
    await driver
      .selectOptions(ALICE.id, 'picked_1', [firstPage[0] ?? '', firstPage[1] ?? ''], { in: 'modal' })
      .catch(() => undefined);
    await driver.clickButton(ALICE.id, 'suggestions.page.next', { value: '2', in: 'modal' });
    await ctx.settle();
    expect(JSON.stringify(modal()?.blocks)).toContain('2 ticked so far');
    await driver.submitView(ALICE.id, { picked_31: [secondPage[0] ?? ''] });
    await ctx.settle();

    const model = await ctx.model();
    expect(model.threats.map((t) => t.origin)).toEqual(
      [firstPage[0], firstPage[1], secondPage[0]].map((id) => ({ type: 'catalog', catalogThreatId: id })),
    );
    expect(model.threats[0]?.affectedElementIds.length).toBeGreaterThan(0);
    expect(String(standIn.thread(CHANNEL, model.threadTs ?? '').at(-1)?.text)).toContain(
      'added 3 threat(s) from the catalog: T-1, T-2, T-3',
    );
    // What is in the model is not suggested again.
    await driver.clickButton(ALICE.id, 'threat.suggest', { value: 'TM-1' });
    await ctx.settle();
    expect(JSON.stringify(modal()?.blocks)).not.toContain(`"value":"${firstPage[0]}"`);
  });
});

describe('step 2: browsing the catalog by OWASP Top 10', () => {
  const ctx = useSlackApp();

  it('groups fitting catalog threats by Top 10 category, with their references, and adds the ticked ones', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    const step2 = standIn.thread(CHANNEL, (await ctx.model()).threadTs ?? '').map((m) => JSON.stringify(m.blocks));
    expect(step2.some((blocks) => blocks.includes('Browse by OWASP Top 10'))).toBe(true);

    await driver.clickButton(ALICE.id, 'threat.browse_owasp', { value: 'TM-1' });
    await ctx.settle();
    const modal = standIn.openViews(ALICE.id).at(-1);
    expect(modal?.title).toMatchObject({ text: 'OWASP Top 10' });
    const groups = (
      (modal?.blocks ?? []) as {
        label?: { text: string };
        element?: { type?: string; action_id?: string; options?: { value: string; description?: { text: string } }[] };
      }[]
    ).filter((b) => b.element?.type === 'checkboxes');
    const a01 = groups.find((g) => g.label?.text === 'A01:2021 Broken Access Control');
    expect(a01?.element?.options?.length).toBeGreaterThan(0);
    expect(a01?.element?.options?.[0]?.description?.text).toContain('A01:2021');
    const pick = a01?.element?.options?.[0]?.value ?? '';

    await driver.submitView(ALICE.id, { [a01?.element?.action_id ?? '']: [pick] });
    await ctx.settle();

    const model = await ctx.model();
    expect(model.threats.map((t) => t.origin)).toEqual([{ type: 'catalog', catalogThreatId: pick }]);
    expect(String(standIn.thread(CHANNEL, model.threadTs ?? '').at(-1)?.text)).toContain(
      'added 1 threat(s) from the catalog: T-1',
    );
  });
});

describe('step 2: capturing a thread message as a threat', () => {
  const ctx = useSlackApp();

  /** A "Capture as threat" message shortcut, as Slack sends it. */
  function capture(
    userId: string,
    channel: string,
    message: { ts: string; thread_ts?: string; text: string; user: string },
  ) {
    const payload = {
      type: 'message_action',
      callback_id: 'capture_threat',
      trigger_id: ctx.standIn.issueTrigger(userId),
      message_ts: message.ts,
      response_url: ctx.standIn.responseUrl('shortcut', { channel, user: userId }),
      message: { type: 'message', ...message },
      user: { id: userId, name: 'someone', team_id: 'T0WORKSPC' },
      channel: { id: channel, name: 'team-payments' },
      team: { id: 'T0WORKSPC', domain: 'acme' },
      token: 'verification-token-0001',
      action_ts: '1700000000.000001',
    };
    return ctx.driver.raw(formBody({ payload: JSON.stringify(payload) }), FORM);
  }

  it('opens the threat modal from a message in the thread and keeps its permalink as the origin', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    const threadTs = (await ctx.model()).threadTs ?? '';

    // Someone brainstorms in the thread (posted through the Web API so Slack knows the message).
    const client = new WebClient(standIn.token, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
    const text = 'what if someone  replays the refund call?';
    const posted = await client.chat.postMessage({ channel: CHANNEL, thread_ts: threadTs, text });
    const brainstorm = { ts: posted.ts ?? '', thread_ts: threadTs, text, user: BOB.id };
    expect((await capture(BOB.id, CHANNEL, brainstorm)).status).toBe(200);
    await ctx.settle();
    const modal = standIn.openViews(BOB.id).at(-1);
    expect(JSON.stringify(modal?.blocks)).toContain('"initial_value":"what if someone replays the refund call?"');

    const values = {
      threatSource: 'internet-based threat actor',
      threatAction: 'replay the refund call',
      stride: ['T'],
    };
    await driver.submitView(BOB.id, values);
    await driver.submitView(BOB.id, values);
    await ctx.settle();
    expect((await ctx.model()).threats[0]?.origin).toEqual({
      type: 'slack_message',
      permalink: `https://acme.slack.com/archives/${CHANNEL}/p${brainstorm.ts.replace('.', '')}?thread_ts=${threadTs}&cid=${CHANNEL}`,
    });
  });

  it('explains when the message is not in a model thread', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await capture(BOB.id, CHANNEL, { ts: '1800000000.000200', text: 'unrelated chatter', user: BOB.id });
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.responses.at(-1)?.body)).toContain('not in the thread of a threat model');
    expect(ctx.standIn.openViews(BOB.id)).toEqual([]);
  });
});
