import { CHANNELS, USERS } from '../../dev/stand-in/workspace';
import type { RiskAssessment } from '../../src/domain/risk-assessment';
import { buildMitigation, buildThreat } from './build-model';
import { eventually } from './eventually';
import { CHANNEL, type Fixture, startScopedModel } from './slack-scenarios';

const { ALICE, BOB, APPSEC1 } = USERS;
export const APPSEC_CHANNEL = CHANNELS.APPSEC.id;
export const REF = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' };

const HIGH = { likelihood: 4, impact: 4 } as const;
const LOW = { likelihood: 2, impact: 2 } as const;

/**
 * Alice's TM-1 with all four steps complete (Bob is the Adversary and the Business role holder):
 * T-1 rated low after mitigation, mitigated by M-1, and T-2 a high residual risk that Bob accepts
 * as the Business role holder (so it counts), or left open when `openHighRisk`.
 */
export async function startCompleteModel(
  ctx: Fixture,
  options: { openHighRisk?: boolean; complete?: boolean; title?: string } = {},
) {
  await startScopedModel(ctx, true, options.title);
  const now = new Date().toISOString();
  const accepted: RiskAssessment = {
    before: HIGH,
    after: HIGH,
    decision: {
      type: 'accept',
      reason: 'Refunds are capped at 50 EUR',
      decidedBy: BOB.id,
      decidedAt: now,
      acceptance: { status: 'accepted', by: BOB.id, at: now, asRole: 'business', needsConfirmation: true },
    },
  };
  await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => {
    const done = { completedBy: BOB.id, completedAt: now };
    const place = { impactedAssetIds: ['AS-1'], affectedElementIds: ['C-1'], createdAt: now };
    return {
      ...model,
      roles: { ...model.roles, business: [BOB.id] },
      threats: [
        buildThreat('T-1', {
          ...place,
          risk: { before: LOW, after: LOW, decision: { type: 'mitigate', decidedBy: BOB.id, decidedAt: now } },
        }),
        buildThreat('T-2', {
          ...place,
          threatAction: 'read refunds of others',
          risk: options.openHighRisk ? { before: HIGH, after: HIGH } : accepted,
        }),
      ],
      mitigations: [buildMitigation('M-1', ['T-1'], { createdAt: now })],
      counters: { ...model.counters, threat: 2, mitigation: 1 },
      currentStep: 'risk',
      completedSteps:
        options.complete === false
          ? { ...model.completedSteps, threats: done }
          : { ...model.completedSteps, threats: done, mitigations: done, risk: done },
    };
  });
  await ctx.settle();
}

/** Alice clicks "Request AppSec review" on the card and submits the modal. */
export async function requestReview(
  ctx: Fixture,
  values: Record<string, string | string[]> = {},
  options: { force?: boolean } = {},
) {
  await ctx.driver.clickButton(ALICE.id, 'review.request', { channel: CHANNEL });
  await ctx.settle();
  return ctx.driver.submitView(ALICE.id, values, options);
}

/** The messages the bot posted in the AppSec channel (top level), once at least `count` are there. */
export function appsecCards(ctx: Fixture, count = 1) {
  return eventually(`${count} message(s) in the AppSec channel`, () => {
    const cards = ctx.standIn.messages(APPSEC_CHANNEL).filter((message) => message.thread_ts === undefined);
    return cards.length >= count ? cards : undefined;
  });
}

/**
 * An AppSec member clicks "Approve" on the review card in the AppSec channel and, when the
 * approval form opens, submits it with `values` (comment, follow_ups). Returns the submission's
 * result, or undefined when the click was refused (the reason is told to them privately).
 */
export async function approveFromCard(ctx: Fixture, userId: string, values: Record<string, string> = {}) {
  const topId = () => ctx.standIn.views.stack(userId).at(-1)?.id;
  const before = topId();
  await ctx.driver.clickButton(userId, 'review.approve', { channel: APPSEC_CHANNEL });
  await ctx.settle();
  const top = ctx.standIn.views.stack(userId).at(-1);
  if (!top || top.id === before || top.callback_id !== 'review.approve') return undefined;
  const result = await ctx.driver.submitView(userId, values);
  await ctx.settle();
  return result;
}

/** TM-1 complete, reviewed and approved by APPSEC1 with a comment: version 1, approved. */
export async function approvedModel(ctx: Fixture, comment = 'Good work.') {
  await startCompleteModel(ctx);
  await requestReview(ctx);
  await appsecCards(ctx);
  await ctx.settle();
  await approveFromCard(ctx, APPSEC1.id, { comment });
  const model = await ctx.model();
  if (model.status !== 'approved') throw new Error(`TM-1 is ${model.status}, not approved`);
  return model;
}
