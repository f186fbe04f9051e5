import { type Flow, flowStep, RISK_BANDS } from '../domain/flow';
import { isActiveMitigation } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import { lastReviewDecision } from '../domain/review-workflow';
import { isRiskTreated, openHighRisks, residualRisk, scoreRisk, unaddressedThreats } from '../domain/risk';
import type { RiskRating } from '../domain/risk-assessment';
import { ROLE_NAMES, ROLES } from '../domain/roles';
import { threatStatement } from '../domain/statement';
import { STEPS } from '../domain/steps';
import { STRIDE_NAMES, sortStride } from '../domain/stride';
import { code, md, table } from './markdown-text';

/** One change in the audit trail, as the report summarises it. */
export interface ReportAuditEntry {
  actor: string;
  action: string;
  at: string;
}

export interface ReportInput {
  model: ThreatModel;
  flow: Flow;
  /** Slack user id → display name; ids without one are shown as `@U…`. */
  names?: Readonly<Record<string, string>>;
  /** Relative paths of the pictures beside the report. */
  images?: { dataFlowDiagram?: string; riskMatrix?: string };
  audit?: { total: number; recent: readonly ReportAuditEntry[] };
}

const STATUS = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  archived: 'Archived',
};

/**
 * The model as a Markdown report, readable on GitHub as is: a pure function of the model. Every
 * piece of user text goes through `md`, so nothing typed in Slack can change the report's layout.
 */
export function markdownReport(input: ReportInput): string {
  const { model, flow } = input;
  const who = (id: string | undefined) => (id ? md(input.names?.[id] ?? `@${id}`, 80) : 'nobody');
  const element = elementNames(model);
  const sections: string[] = [];
  sections.push(`# ${model.id}: ${md(model.title, 200)}`);

  const decision = lastReviewDecision(model);
  const approval =
    model.status === 'approved' && decision
      ? `Approved by ${who(decision.by)} on ${day(decision.at)}${decision.comment ? `: ${md(decision.comment, 500).replace(/\.+$/, '')}` : ''}.`
      : model.review
        ? `AppSec review requested by ${who(model.review.requestedBy)} on ${day(model.review.requestedAt)}${model.review.reviewerId ? `, reviewer ${who(model.review.reviewerId)}` : ''}.`
        : 'Not reviewed by AppSec yet.';
  sections.push(
    [
      `**Status:** ${STATUS[model.status]} · **Version:** ${model.version} · **Owner:** ${who(model.ownerId)} · **Updated:** ${day(model.updatedAt)}`,
      '',
      `**Approval:** ${approval}`,
      '',
      `**Steps:** ${STEPS.map((step) => `${model.completedSteps[step] ? '✅' : '⬜'} ${md(flowStep(flow, step).title, 80)}`).join(' · ')}`,
    ].join('\n'),
  );

  sections.push(
    `## Roles\n\n${table(
      ['Role', 'People'],
      ROLES.map((role) => [ROLE_NAMES[role], model.roles[role].map(who).join(', ') || '_nobody_']),
    )}`,
  );

  const { scope } = model;
  sections.push(
    [
      '## Scope',
      scope.description ? `\n${md(scope.description, 1000)}` : '',
      '\n### Assets\n',
      table(
        ['Id', 'Asset', 'Classification', 'Description'],
        scope.assets.map((a) => [a.id, md(a.name), a.classification, md(a.description ?? '')]),
      ),
      '\n### Actors\n',
      table(
        ['Id', 'Actor', 'Kind', 'Trust level'],
        scope.actors.map((a) => [a.id, md(a.name), a.kind, md(a.trustLevel ?? '')]),
      ),
      '\n### Entry points\n',
      table(
        ['Id', 'Entry point', 'Component', 'Authentication'],
        scope.entryPoints.map((e) => [e.id, md(e.name), element(e.componentId), e.authentication]),
      ),
      '\n### Components\n',
      table(
        ['Id', 'Component', 'Type', 'Kind', 'Trust boundary'],
        scope.components.map((c) => [
          c.id,
          md(c.name),
          c.type,
          c.kind.replace('_', ' '),
          c.trustBoundaryId ? element(c.trustBoundaryId) : '',
        ]),
      ),
      '\n### Data flows\n',
      table(
        ['Id', 'From', 'To', 'Data', 'Protocol', 'Crosses a trust boundary'],
        scope.dataFlows.map((f) => [
          f.id,
          element(f.from),
          element(f.to),
          md(f.data),
          md(f.protocol ?? ''),
          f.crossesTrustBoundary ? 'yes' : 'no',
        ]),
      ),
      '\n### Trust boundaries\n',
      table(
        ['Id', 'Boundary', 'Trust level'],
        scope.trustBoundaries.map((b) => [b.id, md(b.name), md(b.trustLevel ?? '')]),
      ),
      ...(scope.useCases.length
        ? [
            '\n### Use cases\n',
            table(
              ['Id', 'Use case', 'Actors'],
              scope.useCases.map((u) => [u.id, md(u.name), u.actorIds.map(element).join(', ')]),
            ),
          ]
        : []),
      ...(scope.designLinks.length
        ? ['\n### Design links\n', scope.designLinks.map((l) => `- ${md(l.title)}: <${encodeURI(l.url)}>`).join('\n')]
        : []),
    ].join('\n'),
  );

  if (input.images?.dataFlowDiagram) {
    sections.push(`## Data-flow diagram\n\n![Data-flow diagram of ${model.id}](${input.images.dataFlowDiagram})`);
  }

  const threatLines = model.threats.map((threat) => {
    const stride = sortStride(threat.stride)
      .map((letter) => STRIDE_NAMES[letter])
      .join(', ');
    const risk = residualRisk(flow.risk, threat);
    const on = threat.affectedElementIds.map(element).join(', ');
    return (
      `- **${threat.id}** ${md(threatStatement(threat, scope.assets), 1500)}` +
      `\n  - STRIDE: ${stride || '_none_'} · Affects: ${on || '_nothing placed_'}` +
      (risk ? ` · Risk: ${risk.score} ${risk.band}` : '') +
      (threat.origin.type === 'catalog' ? ` · From the catalog: ${code(threat.origin.catalogThreatId, 100)}` : '')
    );
  });
  sections.push(`## Threats (${model.threats.length})\n\n${threatLines.join('\n') || '_None._'}`);

  sections.push(
    `## Mitigations (${model.mitigations.length})\n\n${table(
      ['Id', 'Mitigation', 'Threats', 'Status', 'Owner', 'References'],
      model.mitigations.map((m) => [
        m.id,
        md(m.description, 500) +
          (m.baselineControlId ? ` (baseline ${code(m.baselineControlId, 80)})` : '') +
          (m.deviation
            ? ` — deviates: ${m.deviation.reason.replace(/_/g, ' ')}, ${md(m.deviation.explanation, 300)}`
            : ''),
        m.threatIds.join(', '),
        m.status.replace('_', ' '),
        m.owner ? who(m.owner) : '',
        [
          ...m.references.map((ref) => code(ref)),
          ...(m.backlogLink ? [`[backlog](${encodeURI(m.backlogLink)})`] : []),
        ].join(', '),
      ]),
    )}`,
  );

  sections.push(
    [
      '## Risk',
      ...(input.images?.riskMatrix ? ['', `![Risk matrix of ${model.id}](${input.images.riskMatrix})`] : []),
      '',
      `Threats per band, before and after mitigation (${model.threats.filter((t) => t.risk.before).length} of ${model.threats.length} rated):`,
      '',
      table(
        ['Band', 'Before', 'After'],
        [...RISK_BANDS]
          .reverse()
          .map((band) => [
            band,
            String(countBand(model, flow, band, (t) => t.risk.before)),
            String(countBand(model, flow, band, (t) => t.risk.after ?? t.risk.before)),
          ]),
      ),
    ].join('\n'),
  );

  const accepted = model.threats.filter((threat) => threat.risk.decision?.type === 'accept');
  sections.push(
    `## Accepted risks\n\n${table(
      ['Threat', 'Residual risk', 'Accepted by', 'When', 'Why'],
      accepted.map((t) => {
        const risk = residualRisk(flow.risk, t);
        return [
          t.id,
          risk ? `${risk.score} ${risk.band}` : 'not rated',
          who(t.risk.decision?.decidedBy),
          day(t.risk.decision?.decidedAt ?? ''),
          md(t.risk.decision?.reason ?? '', 500),
        ];
      }),
    )}`,
  );

  const open = [
    ...openHighRisks(flow.risk, model.threats, model.mitigations).map(
      (r) => `- **${r.threat.id}**: ${r.band} risk (${r.score}) neither mitigated nor accepted`,
    ),
    ...unaddressedThreats(model.threats, model.mitigations).map(
      (t) => `- **${t.id}**: no active mitigation and no risk decision`,
    ),
    ...model.threats.filter((t) => !t.risk.before).map((t) => `- **${t.id}**: not rated`),
    ...model.mitigations
      .filter((m) => !isActiveMitigation(m) && m.status !== 'not_applicable')
      .map((m) => `- **${m.id}**: ${m.status}`),
    ...model.threats
      .filter((t) => t.risk.decision?.type === 'mitigate' && !isRiskTreated(t, model.mitigations))
      .map((t) => `- **${t.id}**: decided "mitigate" but no mitigation is in place`),
  ];
  sections.push(`## Open items\n\n${[...new Set(open)].join('\n') || '_None._'}`);

  if (input.audit) {
    const lines = input.audit.recent.map(
      (entry) =>
        `- ${day(entry.at)} ${entry.actor === 'system' ? 'Threadmodel' : who(entry.actor)}: ${code(entry.action, 80)}`,
    );
    sections.push(
      `## Audit\n\n${input.audit.total} recorded changes; the latest:\n\n${lines.join('\n') || '_None._'}\n\nThe full trail (who changed what, when) is kept with the draft.`,
    );
  }
  sections.push('---\n_Exported by Threadmodel._');
  return `${sections.join('\n\n')}\n`;
}

function day(instant: string): string {
  return instant ? instant.slice(0, 10) : '';
}

function countBand(
  model: ThreatModel,
  flow: Flow,
  band: string,
  rating: (t: ThreatModel['threats'][number]) => RiskRating | undefined,
) {
  return model.threats.filter((threat) => {
    const r = rating(threat);
    return r !== undefined && scoreRisk(flow.risk, r).band === band;
  }).length;
}

/** `C-2 Payments DB`, for any scope element id. */
function elementNames(model: ThreatModel): (id: string) => string {
  const names = new Map<string, string>();
  const { scope } = model;
  for (const list of [scope.assets, scope.actors, scope.entryPoints, scope.components, scope.trustBoundaries]) {
    for (const item of list) names.set(item.id, item.name);
  }
  for (const flowItem of scope.dataFlows) names.set(flowItem.id, flowItem.data);
  return (id) => (names.has(id) ? `${id} ${md(names.get(id) ?? '', 80)}` : id);
}
