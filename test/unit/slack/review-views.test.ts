import { blockKitProblems } from '../../../dev/stand-in/block-kit-rules';
import { ThreatModelSchema } from '../../../src/domain/model';
import { modelTimings } from '../../../src/domain/model-timings';
import { appHomeView } from '../../../src/slack/views/app-home';
import { openReviewsMessage } from '../../../src/slack/views/open-reviews';
import { draftIdleMessage, escalationMessage, reviewNudgeMessage } from '../../../src/slack/views/reminder-messages';
import { reviewCard } from '../../../src/slack/views/review-card';
import { approveModal, requestChangesModal, reviewRequestModal } from '../../../src/slack/views/review-modals';
import { approvedMessage } from '../../../src/slack/views/thread-messages';
import { ALICE, BOB, buildMitigation, buildModelWith, buildThreat, defaultFlow, NOW } from '../../support/build-model';

const flow = defaultFlow();
const HOSTILE = '<!channel> <@U0EVE0001> <https://evil.example|click> *bold* '.repeat(5).slice(0, 190);

/** In review with 150 threats at the limits: half accepted high risks, half open high risks. */
function bigReview() {
  const threats = Array.from({ length: 150 }, (_, i) =>
    buildThreat(`T-${i + 1}`, {
      threatAction: HOSTILE,
      impactedAssetIds: ['AS-1'],
      risk:
        i % 2 === 0
          ? {
              before: { likelihood: 5, impact: 5 },
              after: { likelihood: 5, impact: 5 },
              decision: {
                type: 'accept',
                reason: HOSTILE,
                decidedBy: ALICE,
                decidedAt: NOW.toISOString(),
                acceptance: {
                  status: 'accepted',
                  by: BOB,
                  at: NOW.toISOString(),
                  asRole: 'business',
                  needsConfirmation: true,
                },
              },
            }
          : { before: { likelihood: 5, impact: 5 }, after: { likelihood: 5, impact: 5 } },
    }),
  );
  return ThreatModelSchema.parse({
    ...buildModelWith(threats, [buildMitigation('M-1', ['T-1'])]),
    // Bob, who accepts half the critical risks, holds the Business role, so those acceptances count.
    roles: { business: [BOB], developer: [], adversary: [], defender: [], appsec_sme: [] },
    title: HOSTILE.slice(0, 120),
    status: 'in_review',
    threadTs: '1700000000.000100',
    review: {
      requestedBy: ALICE,
      requestedAt: NOW.toISOString(),
      incomplete: true,
      reviewerId: 'U0SEC0001',
      dueAt: NOW.toISOString(),
      history: [{ type: 'requested', by: ALICE, at: NOW.toISOString(), comment: HOSTILE }],
    },
  });
}

describe('review and reminder views stay within Slack limits and keep user text inert', () => {
  const model = bigReview();
  const permalink = 'https://acme.slack.com/archives/C0PAYMENT/p1700000000000100';

  it('the review card lists ten risks of each kind and counts the rest', () => {
    const card = reviewCard(model, flow, permalink);
    expect(blockKitProblems('message', card)).toEqual([]);
    // The header is plain text, which Slack never parses for mentions or links; every mrkdwn is escaped.
    const json = JSON.stringify(card.blocks.filter((block) => (block as { type: string }).type !== 'header'));
    expect(json.match(/…and 65 more/g)).toHaveLength(2);
    expect(json).toContain('*Not adequately treated*\\n75');
    expect(json).toContain('*Accepted risks*\\n75');
    expect(json).toContain('*Residual risk*\\n150 critical');
    expect(json).toContain(`critical accepted by <@${BOB}>, proposed by <@${ALICE}>`);
    expect(json).toContain('to be confirmed by AppSec at approval');
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U0EVE0001>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('Requested as an incomplete model');
  });

  it('the review card says in words, not step ids, that approval waits for the unfinished steps', () => {
    const json = JSON.stringify(reviewCard(model, flow, permalink).blocks);
    expect(json).toContain(
      'cannot be approved until every step is complete: scope, threats, mitigations and risk review',
    );
    expect(json).not.toContain('scope, threats, mitigations, risk still open');
    const done = { completedBy: BOB, completedAt: NOW.toISOString() };
    const complete = ThreatModelSchema.parse({
      ...model,
      completedSteps: { scope: done, threats: done, mitigations: done, risk: done },
    });
    expect(JSON.stringify(reviewCard(complete, flow, permalink).blocks)).not.toContain('cannot be approved until');
  });

  it('the approval modal and the approval message in the thread', () => {
    expect(blockKitProblems('modal', approveModal(model))).toEqual([]);
    const approved = ThreatModelSchema.parse({
      ...model,
      status: 'approved',
      review: {
        ...model.review,
        history: [
          ...(model.review?.history ?? []),
          {
            type: 'approved',
            by: 'U0SEC0001',
            at: NOW.toISOString(),
            comment: HOSTILE,
            followUps: [HOSTILE, 'Pen-test refunds'],
          },
        ],
      },
    });
    const message = approvedMessage(approved);
    expect(blockKitProblems('message', message)).toEqual([]);
    expect(message.text).toContain('<@U0SEC0001> approved *TM-1*');
    expect(message.text).toContain('*Follow-up actions*');
    expect(message.text).toContain('• Pen-test refunds');
    expect(message.text).not.toContain('<!channel>');
    expect(message.text).not.toContain('<@U0EVE0001>');
  });

  it('the decided card has no buttons', () => {
    const approved = ThreatModelSchema.parse({ ...model, status: 'approved' });
    expect(JSON.stringify(reviewCard(approved, flow, undefined).blocks)).not.toContain('review.approve');
  });

  it('the modals, nudges, escalation and listings', () => {
    const payloads = [reviewRequestModal(model, ['mitigations', 'risk']), requestChangesModal(model)];
    for (const view of payloads) expect(blockKitProblems('modal', view)).toEqual([]);
    const messages = [
      reviewNudgeMessage(model, NOW.toISOString(), new Date(NOW.getTime() + 86_400_000), permalink),
      escalationMessage(model, 'U0SEC0001', NOW.toISOString(), NOW),
      draftIdleMessage(
        model,
        Array.from({ length: 100 }, (_, i) => `U0USER${String(i).padStart(3, '0')}`),
        NOW,
      ),
      openReviewsMessage(
        Array.from({ length: 25 }, () => model),
        25,
        NOW,
      ),
    ];
    for (const message of messages) {
      expect(blockKitProblems('message', message)).toEqual([]);
      expect(JSON.stringify(message)).not.toContain('<!channel>');
    }
  });

  it("an AppSec member's Home with open reviews and timings", () => {
    const home = appHomeView([], flow, {
      openReviews: Array.from({ length: 10 }, () => model),
      openTotal: 40,
      timings: modelTimings([model]),
      now: NOW,
    });
    expect(blockKitProblems('home', home)).toEqual([]);
    expect(JSON.stringify(home)).toContain('not enough data yet');
  });
});
