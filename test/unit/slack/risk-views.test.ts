import { blockKitProblems } from '../../../dev/stand-in/block-kit-rules';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { type ThreatModel, ThreatModelSchema } from '../../../src/domain/model';
import { summarize } from '../../../src/domain/summary';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { modelCard } from '../../../src/slack/views/model-card';
import { riskMatrixMessage } from '../../../src/slack/views/risk-matrix-summary';
import {
  acceptanceDecidedMessage,
  acceptanceRequestMessage,
  riskReviewedMessage,
} from '../../../src/slack/views/risk-messages';
import { riskModal } from '../../../src/slack/views/risk-modal';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModelWith,
  buildThreat,
  CAROL,
  defaultFlow,
  NOW,
} from '../../support/build-model';

const flow = defaultFlow();
const at = NOW.toISOString();
const HOSTILE = '<!channel> <@U0EVE0001> <https://evil.example|click> *bold* '.repeat(30).slice(0, 1000);

/**
 * T-1 critical before, low after thanks to M-1 (only planned); T-2 rated 5x5 after mitigation and
 * decided "mitigate"; T-3 high, its acceptance waiting for Carol (Business); T-4 not rated.
 */
function model(): ThreatModel {
  return buildModelWith(
    [
      buildThreat('T-1', {
        risk: {
          before: { likelihood: 5, impact: 5 },
          after: { likelihood: 2, impact: 2 },
          decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at },
        },
      }),
      buildThreat('T-2', {
        risk: {
          before: { likelihood: 5, impact: 5 },
          after: { likelihood: 5, impact: 5 },
          decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at },
        },
      }),
      buildThreat('T-3', {
        threatAction: HOSTILE.slice(0, 200),
        risk: {
          before: { likelihood: 4, impact: 4 },
          after: { likelihood: 4, impact: 4 },
          decision: {
            type: 'accept',
            reason: HOSTILE,
            decidedBy: BOB,
            decidedAt: at,
            acceptance: { status: 'pending', awaiting: 'business' },
          },
        },
      }),
      buildThreat('T-4'),
    ],
    [buildMitigation('M-1', ['T-1', 'T-2'], { status: 'proposed' })],
    { roles: { business: [CAROL], developer: [BOB], adversary: [], defender: [], appsec_sme: [] } },
  );
}

describe('risk views: the residual risk is what counts', () => {
  it('the model card counts threats per residual band and lists the untreated risks', () => {
    const m = model();
    const card = modelCard(m, summarize(flow, m), flow);
    expect(blockKitProblems('message', card)).toEqual([]);
    const json = JSON.stringify(card.blocks);
    expect(json).toContain('*Residual risk*\\n1 critical · 1 high · 1 low · 1 not rated');
    expect(json).toContain('*Untreated risks*\\nT-2 (critical, above appetite), T-3 (high, acceptance pending)');
    expect(json).not.toContain('Open high risks');
  });

  it('the risk modal states the appetite and who may accept above it', () => {
    const modal = riskModal({ model: model(), catalog: loadCatalog([SHIPPED_CATALOG_DIR]), flow });
    expect(JSON.stringify(modal.blocks)).toContain(
      'up to *medium* it is within the appetite. Above it, a high risk is accepted, transferred or avoided by the Business role holder',
    );
  });

  it('the risk matrix names what is not adequately treated and how many are not rated', () => {
    const text = JSON.stringify(riskMatrixMessage(model(), flow).blocks);
    expect(text).toContain('*After mitigation (what counts)*');
    expect(text).toContain(
      '*Not adequately treated* (approval waits for these; the risk appetite (medium after mitigation)): ' +
        'T-2 (critical, above appetite), T-3 (high, acceptance pending)',
    );
    expect(text).toContain('1 not rated after mitigation yet.');
  });

  it('the risk matrix says so when everything rated is within appetite', () => {
    const m = model();
    const treated = ThreatModelSchema.parse({
      ...m,
      threats: m.threats.slice(0, 1),
      mitigations: [buildMitigation('M-1', ['T-1'], { status: 'proposed' })],
    });
    expect(JSON.stringify(riskMatrixMessage(treated, flow).blocks)).toContain(
      'Every threat rated after mitigation is within the risk appetite (medium after mitigation) or accepted by someone allowed to.',
    );
  });

  it('the acceptance request mentions the Business role holders, keeps user text inert and offers Accept / Decline', () => {
    const m = model();
    const decision = m.threats[2]?.risk.decision;
    if (!decision) throw new Error('T-3 has a decision');
    const message = acceptanceRequestMessage(m, {
      threatId: 'T-3',
      threatAction: HOSTILE,
      decision,
      awaiting: 'business',
      holders: [CAROL],
      residual: { score: 16, band: 'high' },
    });
    expect(blockKitProblems('message', message)).toEqual([]);
    expect(message.text).toMatch(
      /^<@U0CAROL01>: <@U0BOB0001> proposes to accept the high risk \(16, after mitigation\) of \*T-3\* _/,
    );
    const json = JSON.stringify(message.blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U0EVE0001>');
    expect(json).toContain('"action_id":"risk.acceptance.accept","value":"TM-1|T-3@2026-11-25T10:00:00.000Z"');
    expect(json).toContain('"action_id":"risk.acceptance.decline"');
  });

  it('the decision on a proposal names who decided and who proposed', () => {
    const proposal = { type: 'transfer' as const, reason: 'insurer', decidedBy: BOB, decidedAt: at };
    const residual = { score: 20, band: 'critical' as const };
    expect(acceptanceDecidedMessage(CAROL, { threatId: 'T-3', proposal, accepted: true, residual }).text).toBe(
      `:white_check_mark: <@${CAROL}> transferred the critical risk of *T-3*, as proposed by <@${BOB}>.`,
    );
    expect(acceptanceDecidedMessage(CAROL, { threatId: 'T-3', proposal, accepted: false, residual }).text).toBe(
      `:leftwards_arrow_with_hook: <@${CAROL}> declined to transfer the critical risk of *T-3*, as proposed by <@${BOB}>: T-3 needs a new risk decision.`,
    );
  });

  it('the thread hears a proposal as waiting, not as accepted', () => {
    const decision = { type: 'accept' as const, reason: 'capped', decidedBy: ALICE, decidedAt: at };
    const scores = { before: { score: 16, band: 'high' as const }, after: { score: 16, band: 'high' as const } };
    expect(riskReviewedMessage(ALICE, 'T-3', decision, { ...scores, pendingRole: 'business' }).text).toBe(
      `<@${ALICE}> reviewed *T-3*: 16 high → 16 high; proposed to accept the risk, waiting for the Business role holder (capped)`,
    );
    expect(riskReviewedMessage(ALICE, 'T-3', decision, scores).text).toBe(
      `<@${ALICE}> reviewed *T-3*: 16 high → 16 high; risk accepted by <@${ALICE}> (capped)`,
    );
  });
});
