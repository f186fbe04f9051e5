import { WebClient } from '@slack/web-api';
import { FORM, formBody } from '../../../dev/stand-in/signed-requests';
import { CHANNELS, USERS } from '../../../dev/stand-in/workspace';
import { markdownReport } from '../../../src/export/markdown-report';
import { toThreatComposer } from '../../../src/export/threat-composer';
import { eventually } from '../../support/eventually';
import { appsecCards } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB, CAROL, DAVE, APPSEC1 } = USERS;
const APPSEC_CHANNEL = CHANNELS.APPSEC.id;
const CHANNEL = 'C0PAYMENT';

describe('a whole threat model, as a team walks it in Slack', () => {
  const ctx = useSlackApp();

  it('goes from /threatmodel start to every threat rated and decided, then to an approval with a follow-up action', async () => {
    const { driver, standIn } = ctx;
    const settle = () => ctx.settle();
    const finish = async (step: string) => {
      await driver.clickButton(BOB.id, 'model.finish_step', { value: `TM-1|${step}` });
      await settle();
    };

    // Start, and roles.
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await settle();
    await driver.selectUsers(ALICE.id, 'roles.select.adversary', [BOB.id]);
    await driver.selectUsers(ALICE.id, 'roles.select.defender', [CAROL.id]);
    await driver.selectUsers(ALICE.id, 'roles.select.business', [DAVE.id]);
    await settle();

    // Step 1: scope, through the modals.
    const add = async (kind: string, values: Record<string, string | string[]>) => {
      await driver.clickButton(BOB.id, `scope.add.${kind}`, { value: `TM-1|${kind}` });
      await settle();
      expect((await driver.submitView(BOB.id, values)).errors).toBeUndefined();
      await settle();
    };
    await add('asset', { name: 'Card token', classification: 'restricted' });
    await add('component', { name: 'Refunds API', type: 'aws-lambda' });
    await add('component', { name: 'Payments DB', type: 'aws-rds' });
    await add('entryPoint', {
      name: 'POST /refunds',
      componentId: 'C-1',
      kind: 'aws-lambda/invoke-api',
      authentication: 'oauth2',
    });
    await add('dataFlow', { from: 'C-1', to: 'C-2', data: 'refund record', crossesTrustBoundary: 'no' });
    await finish('scope');

    // Step 2: a catalog suggestion, a threat in the grammar, and one captured from the thread.
    await driver.clickButton(BOB.id, 'threat.suggest', { value: 'TM-1' });
    await settle();
    const firstSuggestion = (
      (standIn.openViews(BOB.id).at(-1)?.blocks ?? []) as { element?: { options?: { value: string }[] } }[]
    ).find((b) => b.element?.options)?.element?.options?.[0]?.value;
    await driver.submitView(BOB.id, { picked_1: [firstSuggestion ?? ''] });
    await settle();
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await settle();
    const replay = {
      threatSource: 'internet-based threat actor',
      threatAction: 'replay a refund request',
      stride: ['T'],
      affectedElementIds: ['EP-1'],
    };
    await driver.submitView(BOB.id, replay);
    await driver.submitView(BOB.id, replay);
    await settle();
    const threadTs = (await ctx.model()).threadTs ?? '';
    const client = new WebClient(standIn.token, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
    const idea = await client.chat.postMessage({
      channel: CHANNEL,
      thread_ts: threadTs,
      text: 'flood the refund queue',
    });
    const shortcut = {
      type: 'message_action',
      callback_id: 'capture_threat',
      trigger_id: standIn.issueTrigger(CAROL.id),
      message_ts: idea.ts,
      response_url: standIn.responseUrl('shortcut', { channel: CHANNEL, user: CAROL.id }),
      message: { type: 'message', ts: idea.ts, thread_ts: threadTs, text: 'flood the refund queue', user: CAROL.id },
      user: { id: CAROL.id, name: 'carol', team_id: 'T0WORKSPC' },
      channel: { id: CHANNEL, name: 'team-payments' },
      team: { id: 'T0WORKSPC', domain: 'acme' },
      token: 'verification-token-0001',
    };
    await driver.raw(formBody({ payload: JSON.stringify(shortcut) }), FORM);
    await settle();
    const flood = { threatSource: 'bot', stride: ['D'], affectedElementIds: ['C-1'] };
    await driver.submitView(CAROL.id, flood);
    await driver.submitView(CAROL.id, flood);
    await settle();
    expect((await ctx.model()).threats.map((t) => t.origin.type)).toEqual(['catalog', 'manual', 'slack_message']);
    await finish('threats');

    // Step 3: one baseline control set aside with a reason, one mitigation that addresses everything.
    await driver.clickButton(CAROL.id, 'mitigation.add', { value: 'TM-1' });
    await settle();
    await driver.submitView(CAROL.id, {
      description: 'A WAF in front of the API',
      threatIds: ['T-1'],
      status: 'not_applicable',
      baselineControlId: 'ctl-parameterized-queries',
      deviationReason: 'threat_not_applicable',
      deviationExplanation: 'The function builds no queries from request data',
    });
    await settle();
    await driver.clickButton(CAROL.id, 'mitigation.add', { value: 'TM-1' });
    await settle();
    await driver.submitView(CAROL.id, {
      description: 'Idempotency keys, rate limits and input validation at the API',
      threatIds: ['T-1', 'T-2', 'T-3'],
      status: 'planned',
      owner: CAROL.id,
      references: 'infra/api-gateway.tf',
    });
    await settle();
    await finish('mitigations');

    // Step 4: every threat rated before and after mitigation and decided. T-1 stays high after
    // mitigation: Bob proposes to accept it, and Dave, who holds the Business role, accepts it.
    for (const [threatId, decision, after] of [
      ['T-1', 'accept', '4'],
      ['T-2', 'mitigate', '2'],
      ['T-3', 'mitigate', '2'],
    ] as const) {
      await driver.clickButton(BOB.id, 'risk.review', { value: 'TM-1' });
      await settle();
      const rated = await driver.submitView(BOB.id, {
        threatId,
        likelihoodBefore: '3',
        impactBefore: '4',
        likelihoodAfter: after === '4' ? '3' : '2',
        impactAfter: after,
        decision,
        ...(decision === 'accept' && { reason: 'Refunds are capped at 50 EUR and reconciled daily' }),
      });
      expect(rated.errors).toBeUndefined();
      await settle();
    }
    expect((await ctx.model()).threats[0]?.risk.decision?.acceptance).toEqual({
      status: 'pending',
      awaiting: 'business',
    });
    await driver.clickButton(DAVE.id, 'risk.acceptance.accept', { channel: CHANNEL });
    await settle();
    await finish('risk');

    const model = await ctx.model();
    expect(Object.keys(model.completedSteps)).toEqual(['scope', 'threats', 'mitigations', 'risk']);
    expect(model.threats.every((threat) => threat.risk.after !== undefined)).toBe(true);
    expect(model.threats[0]?.risk.decision).toMatchObject({
      type: 'accept',
      decidedBy: BOB.id,
      acceptance: { status: 'accepted', by: DAVE.id, asRole: 'business', needsConfirmation: true },
    });
    expect(JSON.stringify(standIn.message(CHANNEL, threadTs)?.blocks)).toContain('All four steps are complete');

    // The review: Alice asks, AppSec approves with a comment and one follow-up action.
    await driver.clickButton(ALICE.id, 'review.request', { value: 'TM-1' });
    await settle();
    expect((await driver.submitView(ALICE.id, { note: 'Refund replay first, please' })).errors).toBeUndefined();
    // The review job posts the card and tells the thread, after the listener is done.
    await appsecCards(ctx);
    await eventually('the review request in the thread', () =>
      standIn.thread(CHANNEL, threadTs).find((message) => message.text.includes('AppSec review requested')),
    );
    await settle();
    await driver.clickButton(APPSEC1.id, 'review.approve', { channel: APPSEC_CHANNEL });
    await settle();
    const approval = await driver.submitView(APPSEC1.id, {
      comment: 'Solid model for a first release.',
      follow_ups: 'Pen-test the refund API before launch',
    });
    expect(approval.errors).toBeUndefined();
    await settle();
    const approved = await ctx.model();
    expect(approved.status).toBe('approved');
    expect(approved.review?.history.at(-1)).toMatchObject({
      type: 'approved',
      by: APPSEC1.id,
      comment: 'Solid model for a first release.',
      followUps: ['Pen-test the refund API before launch'],
    });
    // Approving confirmed the Business role holder's acceptance, in the same write.
    expect(approved.threats[0]?.risk.decision?.acceptance).toMatchObject({
      status: 'accepted',
      by: DAVE.id,
      confirmedBy: APPSEC1.id,
    });
    expect(standIn.thread(CHANNEL, threadTs).at(-1)?.text).toContain('• Pen-test the refund API before launch');
    const flow = ctx.runtime.flow;
    const report = markdownReport({ model: approved, flow });
    expect(report).toContain('- Pen-test the refund API before launch');
    // `\@` keeps GitHub from reading a Slack id as a GitHub mention; it shows as `@U…`.
    expect(report).toContain(`\\@${DAVE.id} (Business), confirmed by \\@${APPSEC1.id} (AppSec)`);
    const composer = toThreatComposer(approved, flow);
    expect(composer.applicationInfo.description).toContain(
      '### Follow-up actions\n\n- Pen-test the refund API before launch',
    );
    const metadata = new Map((composer.threats[0]?.metadata ?? []).map((item) => [item.key, item.value]));
    expect([...metadata].filter(([key]) => /(acceptedBy|confirmedBy)$/.test(key)).map(([, value]) => value)).toEqual([
      DAVE.id,
      APPSEC1.id,
    ]);
  });
});
