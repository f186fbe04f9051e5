import { USERS } from '../../../dev/stand-in/workspace';
import { addMitigation } from '../../../src/domain/mitigation-edits';
import { addThreat } from '../../../src/domain/threat-edits';
import { toThreatDragon } from '../../../src/export/threat-dragon';
import { buildMitigation, defaultFlow } from '../../support/build-model';
import { APPSEC_CHANNEL, appsecCards, requestReview, startCompleteModel } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB, CAROL, DAVE, APPSEC1 } = USERS;
const REF = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' };
const CRITICAL = { likelihoodBefore: '5', impactBefore: '5', likelihoodAfter: '5', impactAfter: '5' };
const rating = { likelihoodBefore: '4', impactBefore: '4', likelihoodAfter: '2', impactAfter: '3' };

describe('step 4: the risk review', () => {
  const ctx = useSlackApp();

  /** Two threats, both addressed by M-1; steps 1 to 3 finished by Bob through the thread. */
  async function atStepFour() {
    await startScopedModel(ctx);
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
      { actor: BOB.id, action: 'seed' },
      (model) => {
        const threat = {
          threatSource: 'attacker',
          impactedGoals: [],
          impactedAssetIds: [],
          stride: ['T' as const],
          affectedElementIds: ['C-1'],
        };
        let next = addThreat(model, { ...threat, threatAction: 'replay a refund' }, BOB.id, new Date()).model;
        next = addThreat(next, { ...threat, threatAction: 'read refunds of others' }, BOB.id, new Date()).model;
        return addMitigation(
          next,
          {
            description: 'Idempotency keys and object-level checks',
            threatIds: ['T-1', 'T-2'],
            status: 'planned',
            references: [],
          },
          BOB.id,
          new Date(),
        ).model;
      },
    );
    await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|threats' });
    await ctx.settle();
    await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|mitigations' });
    await ctx.settle();
  }

  it('rates before and after, records who accepted a risk and why, and completes the model', async () => {
    const { driver, standIn } = ctx;
    await atStepFour();
    expect((await ctx.model()).currentStep).toBe('risk');

    await driver.clickButton(BOB.id, 'risk.review', { value: 'TM-1' });
    await ctx.settle();
    // Each level is explained in the select.
    expect(JSON.stringify(standIn.openViews(BOB.id).at(-1)?.blocks)).toContain(
      '4 Likely: known technique, easy to reach',
    );
    const noReason = await driver.submitView(BOB.id, { threatId: 'T-2', ...rating, decision: 'accept' });
    expect(noReason.errors).toEqual({ reason: 'A reason is required to accept a risk.' });
    await driver.submitView(BOB.id, {
      threatId: 'T-2',
      ...rating,
      decision: 'accept',
      reason: 'Only staff can reach it',
    });
    await ctx.settle();

    const accepted = (await ctx.model()).threats[1]?.risk;
    expect(accepted).toMatchObject({
      before: { likelihood: 4, impact: 4 },
      after: { likelihood: 2, impact: 3 },
      decision: { type: 'accept', reason: 'Only staff can reach it', decidedBy: BOB.id },
      ratedBy: BOB.id,
    });
    const threadTs = (await ctx.model()).threadTs ?? '';
    expect(String(standIn.thread(CHANNEL, threadTs).at(-1)?.text)).toBe(
      '<@U0BOB0001> reviewed *T-2*: 16 high → 6 medium; risk accepted by <@U0BOB0001> (Only staff can reach it)',
    );

    // The risk matrix in the thread counts T-2 in L4 x I4 before and L2 x I3 after.
    const matrix = () =>
      standIn.thread(CHANNEL, threadTs).find((m) => String(m.text).startsWith('Risk matrix of TM-1'));
    expect(String(matrix()?.text)).toBe('Risk matrix of TM-1: 1 of 2 threats rated');
    const fields = JSON.stringify(matrix()?.blocks);
    expect(fields).toContain('L4 |  ·  ·  ·  1  ·');
    expect(fields).toContain('L2 |  ·  ·  1  ·  ·');
    expect(fields).toContain(
      'Every threat rated after mitigation is within the risk appetite (medium after mitigation) or accepted by someone allowed to.',
    );
    expect(fields).toContain('1 not rated after mitigation yet.');

    // Step 4 is not complete while T-1 is undecided; then it is.
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|risk' });
    await ctx.settle();
    expect(String(standIn.ephemeralsFor(BOB.id).at(-1)?.text)).toMatch(/T-1 needs likelihood and impact[\s\S]*/);
    await driver.clickButton(BOB.id, 'risk.review', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(BOB.id, { threatId: 'T-1', ...rating, decision: 'mitigate' });
    await ctx.settle();
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|risk' });
    await ctx.settle();
    const done = await ctx.model();
    expect(done.completedSteps.risk?.completedBy).toBe(BOB.id);
    expect(JSON.stringify(standIn.message(CHANNEL, done.threadTs ?? '')?.blocks)).toContain(
      'All four steps are complete',
    );
    // The audit trail says who accepted which risk.
    const trail = await ctx.store.auditTrail({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' }, { limit: 100 });
    expect(trail.items.find((e) => e.action === 'risk.accept')).toMatchObject({
      actor: BOB.id,
      paths: expect.arrayContaining(['threats[T-2].risk.decision']),
    });
  });

  /** At step 4, with T-3 added that no mitigation addresses. */
  async function withUnmitigatedThreat() {
    await atStepFour();
    await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => {
      const threat = {
        threatSource: 'attacker',
        threatAction: 'drain the refund budget',
        impactedGoals: [],
        impactedAssetIds: [],
        stride: ['E' as const],
        affectedElementIds: ['C-1'],
      };
      return addThreat(model, threat, BOB.id, new Date()).model;
    });
  }

  async function review(userId: string, values: Record<string, string>) {
    await ctx.driver.clickButton(userId, 'risk.review', { value: 'TM-1' });
    await ctx.settle();
    const answer = await ctx.driver.submitView(userId, values);
    await ctx.settle();
    return answer;
  }

  const thread = async () => ctx.standIn.thread(CHANNEL, (await ctx.model()).threadTs ?? '');
  const lastEphemeral = (userId: string) => String(ctx.standIn.ephemeralsFor(userId).at(-1)?.text ?? '');

  it('refuses "a residual rating needs no mitigation": 5x5 self-rated 1x1 with no mitigation, inline in the modal', async () => {
    await withUnmitigatedThreat();
    const before = await ctx.model();
    const refused = await review(BOB.id, {
      threatId: 'T-3',
      ...CRITICAL,
      likelihoodAfter: '1',
      impactAfter: '1',
      decision: 'mitigate',
    });
    expect(refused.errors).toEqual({
      likelihoodAfter:
        'T-3 is rated lower after mitigation than before, but no mitigation addresses it. ' +
        'Add one for T-3 in step 3, or rate it after mitigation as before (likelihood 5, impact 5).',
    });
    const after = await ctx.model();
    expect(after.version).toBe(before.version);
    expect(after.threats[2]?.risk).toEqual({});

    // Rated as it stands, the decision is stored, and the risk matrix shows it above the appetite.
    expect((await review(BOB.id, { threatId: 'T-3', ...CRITICAL, decision: 'mitigate' })).errors).toBeUndefined();
    const matrix = (await thread()).find((m) => String(m.text).startsWith('Risk matrix of TM-1'));
    expect(JSON.stringify(matrix?.blocks)).toContain('T-3 (critical, above appetite)');
  });

  it('refuses "anyone accepts any risk": a channel member with no role, then asks the Business role holder, who alone decides', async () => {
    await withUnmitigatedThreat();
    const meh = { threatId: 'T-3', ...CRITICAL, decision: 'accept', reason: 'meh' };

    // Dave is in the channel but holds no role in TM-1.
    expect((await review(DAVE.id, meh)).errors).toEqual({
      decision: 'Only the owner or a role holder of TM-1 can accept a risk.',
    });
    // Bob (Adversary) may propose, but nobody holds the Business role yet: he is told so.
    expect((await review(BOB.id, meh)).errors).toEqual({
      decision:
        'Only the Business role holder may accept a critical risk, and nobody holds the Business role in TM-1. ' +
        'Give someone the Business role, then propose it again.',
    });
    expect((await ctx.model()).threats[2]?.risk.decision).toBeUndefined();

    // Carol becomes the Business role holder; Bob's proposal now waits for her.
    await ctx.driver.selectUsers(ALICE.id, 'roles.select.business', [CAROL.id]);
    await ctx.settle();
    expect((await review(BOB.id, { ...meh, reason: 'Refunds are capped at 50 EUR' })).errors).toBeUndefined();
    expect((await ctx.model()).threats[2]?.risk.decision).toMatchObject({
      type: 'accept',
      decidedBy: BOB.id,
      acceptance: { status: 'pending', awaiting: 'business' },
    });
    const messages = await thread();
    expect(
      messages.some((m) =>
        String(m.text).includes('proposed to accept the risk, waiting for the Business role holder'),
      ),
    ).toBe(true);
    const request = messages.find((m) => String(m.text).includes('proposes to accept'));
    expect(String(request?.text)).toContain(
      `<@${CAROL.id}>: <@${BOB.id}> proposes to accept the critical risk (25, after mitigation) of *T-3*`,
    );

    // Pending counts as not treated: the card lists it.
    const card = ctx.standIn.message(CHANNEL, (await ctx.model()).threadTs ?? '');
    expect(JSON.stringify(card?.blocks)).toContain('T-3 (critical, acceptance pending)');

    // Nobody but Carol may decide: not the proposer, not the owner.
    for (const who of [BOB.id, ALICE.id]) {
      await ctx.driver.clickButton(who, 'risk.acceptance.accept', { channel: CHANNEL });
      await ctx.settle();
      expect(lastEphemeral(who)).toBe('Only the Business role holder of TM-1 can decide on this proposal.');
    }
    expect((await ctx.model()).threats[2]?.risk.decision?.acceptance?.status).toBe('pending');

    await ctx.driver.clickButton(CAROL.id, 'risk.acceptance.accept', { channel: CHANNEL });
    await ctx.settle();
    expect((await ctx.model()).threats[2]?.risk.decision).toMatchObject({
      decidedBy: BOB.id,
      acceptance: { status: 'accepted', by: CAROL.id, asRole: 'business', needsConfirmation: true },
    });
    expect(String((await thread()).at(-1)?.text)).toBe(
      `:white_check_mark: <@${CAROL.id}> accepted the critical risk of *T-3*, as proposed by <@${BOB.id}>.`,
    );
    // The request lost its buttons.
    expect(JSON.stringify(ctx.standIn.message(CHANNEL, request?.ts ?? '')?.blocks)).not.toContain('risk.acceptance');

    const trail = await ctx.store.auditTrail(REF, { limit: 100 });
    const risks = trail.items.filter((entry) => entry.action.startsWith('risk.accept'));
    expect(risks.map((entry) => [entry.action, entry.actor])).toEqual([
      ['risk.accept.proposed', BOB.id],
      ['risk.accept.accepted', CAROL.id],
    ]);
  });

  it('lets the Business role holder decline a proposal: the threat needs a new decision', async () => {
    await withUnmitigatedThreat();
    await ctx.driver.selectUsers(ALICE.id, 'roles.select.business', [CAROL.id]);
    await ctx.settle();
    await review(BOB.id, { threatId: 'T-3', ...CRITICAL, decision: 'transfer', reason: 'Our insurer covers it' });
    await ctx.driver.clickButton(CAROL.id, 'risk.acceptance.decline', { channel: CHANNEL });
    await ctx.settle();
    const risk = (await ctx.model()).threats[2]?.risk;
    expect(risk?.decision).toBeUndefined();
    expect(risk?.after).toEqual({ likelihood: 5, impact: 5 });
    expect(String((await thread()).at(-1)?.text)).toContain(
      `<@${CAROL.id}> declined to transfer the critical risk of *T-3*, as proposed by <@${BOB.id}>: T-3 needs a new risk decision.`,
    );
    const trail = await ctx.store.auditTrail(REF, { limit: 100 });
    expect(trail.items.filter((e) => e.action.startsWith('risk.transfer')).map((e) => [e.action, e.actor])).toEqual([
      ['risk.transfer.proposed', BOB.id],
      ['risk.transfer.declined', CAROL.id],
    ]);
  });

  it('lets the Business role holder accept a high risk themselves, at once', async () => {
    await withUnmitigatedThreat();
    await ctx.driver.selectUsers(ALICE.id, 'roles.select.business', [CAROL.id]);
    await ctx.settle();
    await review(CAROL.id, { threatId: 'T-3', ...CRITICAL, decision: 'accept', reason: 'Capped at 50 EUR' });
    expect((await ctx.model()).threats[2]?.risk.decision).toMatchObject({
      decidedBy: CAROL.id,
      acceptance: { status: 'accepted', by: CAROL.id },
    });
    expect(String((await thread()).at(-1)?.text)).toContain(`risk accepted by <@${CAROL.id}>`);
  });

  it('refuses "residual risk is ignored": 5x5 after mitigation, decided "mitigate" with a proposed mitigation, is neither approvable nor Mitigated', async () => {
    await startCompleteModel(ctx);
    const now = new Date().toISOString();
    await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => ({
      ...model,
      threats: model.threats.map((threat) =>
        threat.id === 'T-2'
          ? {
              ...threat,
              risk: {
                before: { likelihood: 5, impact: 5 },
                after: { likelihood: 5, impact: 5 },
                decision: { type: 'mitigate' as const, decidedBy: BOB.id, decidedAt: now },
              },
            }
          : threat,
      ),
      mitigations: [
        ...model.mitigations,
        buildMitigation('M-2', ['T-2'], { status: 'proposed', createdAt: now, description: 'Rate limits, one day' }),
      ],
      counters: { ...model.counters, mitigation: 2 },
    }));
    await requestReview(ctx);
    const [card] = await appsecCards(ctx);
    await ctx.settle();
    const cardJson = JSON.stringify(card?.blocks);
    expect(cardJson).toContain('*Not adequately treated*\\n1');
    expect(cardJson).toContain('T-2 (critical after mitigation) is above the risk appetite (medium)');

    await ctx.driver.clickButton(APPSEC1.id, 'review.approve', { channel: APPSEC_CHANNEL });
    await ctx.settle();
    expect(lastEphemeral(APPSEC1.id)).toContain('T-2 (critical after mitigation) is above the risk appetite (medium)');
    const model = await ctx.model();
    expect(model.status).toBe('in_review');

    const dragon = JSON.stringify(toThreatDragon(model, defaultFlow()));
    expect(dragon).toContain(
      '"title":"T-2: Read refunds of others","type":"Tampering","status":"Open","severity":"Critical"',
    );
    expect(dragon).toContain('M-2 (proposed, not in place yet): Rate limits, one day');
  });
});
