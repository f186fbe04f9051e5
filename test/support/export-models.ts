import { LIMITS } from '../../src/domain/limits';
import { type ThreatModel, ThreatModelSchema } from '../../src/domain/model';
import { ALICE, BOB, buildMitigation, buildThreat, NOW } from './build-model';
import { buildApprovedModel } from './realistic-model';

const at = NOW.toISOString();

/**
 * The realistic model grown to 150 threats and 150 mitigations on a scope of 40 components and
 * 60 flows, every threat rated and decided: the size the exports must still fit.
 */
export function build150ThreatModel(): ThreatModel {
  const base = buildApprovedModel();
  const components = Array.from({ length: 40 }, (_, i) => ({
    id: `C-${i + 1}`,
    name: `Service ${i + 1} of the refunds platform`,
    type: 'aws-lambda',
    kind: i % 4 === 3 ? ('data_store' as const) : ('process' as const),
    ...(i % 3 ? { trustBoundaryId: 'TB-1' } : {}),
  }));
  const dataFlows = Array.from({ length: 60 }, (_, i) => ({
    id: `DF-${i + 1}`,
    from: i % 10 === 0 ? 'AC-1' : `C-${(i % 40) + 1}`,
    to: `C-${((i * 7 + 3) % 40) + 1}`,
    data: `refund batch ${i + 1}`,
    protocol: 'HTTPS',
    crossesTrustBoundary: i % 10 === 0,
  })).map((flow) => (flow.from === flow.to ? { ...flow, to: flow.from === 'C-1' ? 'C-2' : 'C-1' } : flow));
  const threats = Array.from({ length: 150 }, (_, i) =>
    buildThreat(`T-${i + 1}`, {
      threatAction: `tamper with refund batch ${i + 1} on its way to the payout queue`.padEnd(180, '.'),
      affectedElementIds: [`C-${(i % 40) + 1}`, `DF-${(i % 60) + 1}`],
      stride: ['T', 'I'],
      risk: {
        before: { likelihood: (i % 5) + 1, impact: ((i * 3) % 5) + 1 },
        after: { likelihood: 1, impact: ((i * 3) % 5) + 1 },
        decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at },
      },
    }),
  );
  const mitigations = threats.map((threat, i) =>
    buildMitigation(`M-${i + 1}`, [threat.id], {
      description: `Sign refund batch ${i + 1} and verify the signature before payout. `.repeat(10),
      status: i % 2 ? 'implemented' : 'planned',
      owner: i % 2 ? BOB : ALICE,
      backlogLink: `https://jira.example.com/browse/PAY-${i + 1}`,
    }),
  );
  return ThreatModelSchema.parse({
    ...base,
    scope: { ...base.scope, components, dataFlows, entryPoints: [], useCases: [] },
    threats,
    mitigations,
    counters: { ...base.counters, component: 40, dataFlow: 60, entryPoint: 0, threat: 150, mitigation: 150 },
  });
}

/** Markup, Slack broadcasts and mentions, links, entities, Markdown block starters. */
const NASTY =
  '1. <b>x</b><script>alert(1)</script> <!channel> @here <@U0ALICE01> https://evil.example/a) www.evil.example ' +
  'eve@evil.example &amp; &lt;i&gt; # > - | [l](javascript:x) ![i](http://x) `c` **b** :smile: ';
/** Control, bidi and invisible characters the store cleans away. */
const HIDDEN = '\u202E\u0007\u0000\u200B\u2066\uFEFF';

/** `max` visible characters of hostile text once cleaned, with hidden characters in front. */
export function hostileText(max: number): string {
  return `${HIDDEN}${NASTY.repeat(Math.ceil(max / NASTY.length))
    .slice(0, max)
    .trim()}`;
}

/**
 * The realistic model with every free-text field at its maximum length and full of markup,
 * mentions, links, bidi and control characters (parsed, so stored as the app would store it).
 */
export function buildHostileModel(): ThreatModel {
  const base = buildApprovedModel();
  const name = hostileText(LIMITS.nameMax);
  const description = hostileText(LIMITS.descriptionMax);
  const field = hostileText(LIMITS.grammarFieldMax);
  const { scope } = base;
  return ThreatModelSchema.parse({
    ...base,
    title: hostileText(LIMITS.titleMax),
    scope: {
      description,
      assets: scope.assets.map((asset) => ({ ...asset, name, description })),
      actors: scope.actors.map((actor) => ({ ...actor, name, description, trustLevel: name })),
      entryPoints: scope.entryPoints.map((entry) => ({
        ...entry,
        name,
        description,
        authenticationNotes: description,
      })),
      components: scope.components.map((component) => ({ ...component, name, description })),
      dataFlows: scope.dataFlows.map((flow) => ({ ...flow, data: name, protocol: name })),
      trustBoundaries: scope.trustBoundaries.map((boundary) => ({ ...boundary, name, description, trustLevel: name })),
      useCases: [{ id: 'UC-1', name, description, actorIds: ['AC-1'] }],
      designLinks: [{ id: 'DL-1', title: name, url: 'https://docs.example.com/a_(b)*c*?q=1&r=[2]' }],
    },
    threats: base.threats.map((threat) => ({
      ...threat,
      threatSource: field,
      prerequisites: field,
      threatAction: field,
      threatImpact: field,
      impactedGoals: [field, field],
      risk: {
        ...threat.risk,
        ...(threat.risk.decision && {
          decision: { ...threat.risk.decision, reason: description },
        }),
      },
    })),
    mitigations: base.mitigations.map((mitigation) => ({
      ...mitigation,
      description,
      backlogLink: 'https://jira.example.com/browse/PAY-1)**pwned**[x](https://evil.example/y)',
      references: ['https://evil.example/a)b', 'docs/a_b.md#L1'],
    })),
    review: base.review && {
      ...base.review,
      history: base.review.history.map((entry) =>
        entry.type === 'approved'
          ? { ...entry, comment: hostileText(LIMITS.commentMax), followUps: [hostileText(LIMITS.followUpMax)] }
          : entry,
      ),
    },
    counters: { ...base.counters, useCase: 1, designLink: 1 },
  });
}
