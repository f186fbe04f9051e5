import type { ModelReferences } from '../catalog/model-references';
import { referenceLabels } from '../catalog/reference-labels';
import { type Flow, flowStep, RISK_BANDS } from '../domain/flow';
import { isActiveMitigation, isMitigationInPlace } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import type { ModelDiff } from '../domain/model-diff';
import { lastReviewDecision } from '../domain/review-workflow';
import {
  acceptanceOf,
  accepterName,
  countedResidual,
  isRiskTreated,
  scoreRisk,
  treatmentStatus,
  unaddressedThreats,
  untreatedLabel,
  untreatedThreats,
  whyUntreated,
} from '../domain/risk';
import type { RiskRating } from '../domain/risk-assessment';
import { ROLE_NAMES, ROLES } from '../domain/roles';
import { threatStatement } from '../domain/statement';
import { STEPS } from '../domain/steps';
import { STRIDE_NAMES, sortStride } from '../domain/stride';
import type { Threat } from '../domain/threat';
import { versionLabel } from '../domain/versions';
import { code, linkTarget, md, table } from './markdown-text';
import { entryPointKindCell, sharedResponsibilitySection } from './report-responsibility';
import { changesSection, versionHistorySection } from './report-versions';

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
  /** Public ids (CWE, CAPEC, OWASP Top 10, ASVS, AWS FSBP) of the threats and mitigations that came from the catalog. */
  references?: ModelReferences;
  /** A revised model's changes since its last approved version (from the approved snapshot). */
  changes?: ModelDiff;
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
  const followUps = model.status === 'approved' && decision?.type === 'approved' ? (decision.followUps ?? []) : [];
  sections.push(
    [
      `**Status:** ${STATUS[model.status]} · **Version:** ${model.revision ? `${versionLabel(model)}, change ${model.version}` : model.version} · **Owner:** ${who(model.ownerId)} · **Updated:** ${day(model.updatedAt)}`,
      '',
      `**Approval:** ${approval}`,
      '',
      ...(followUps.length > 0
        ? ['**Follow-up actions AppSec asked for:**', '', ...followUps.map((item) => `- ${md(item, 300)}`), '']
        : []),
      `**Steps:** ${STEPS.map((step) => `${model.completedSteps[step] ? '✅' : '⬜'} ${md(flowStep(flow, step).title, 80)}`).join(' · ')}`,
    ].join('\n'),
  );

  // Before its first revision, a model's one approval is the line above.
  if (model.revision) sections.push(versionHistorySection(model, who));
  if (input.changes) sections.push(changesSection(input.changes));

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
        ['Id', 'Entry point', 'Component', 'Kind', 'Authentication'],
        scope.entryPoints.map((e) => [
          e.id,
          md(e.name),
          element(e.componentId),
          entryPointKindCell(e),
          e.authentication,
        ]),
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
        ? ['\n### Design links\n', scope.designLinks.map((l) => `- ${md(l.title)}: <${linkTarget(l.url)}>`).join('\n')]
        : []),
      ...outOfScopeLines(scope, element),
    ].join('\n'),
  );

  const responsibility = sharedResponsibilitySection(scope);
  if (responsibility) sections.push(responsibility);

  if (input.images?.dataFlowDiagram) {
    sections.push(`## Data-flow diagram\n\n![Data-flow diagram of ${model.id}](${input.images.dataFlowDiagram})`);
  }

  const threatLines = model.threats.map((threat) => {
    const stride = sortStride(threat.stride)
      .map((letter) => STRIDE_NAMES[letter])
      .join(', ');
    const on = threat.affectedElementIds.map(element).join(', ');
    return (
      `- **${threat.id}** ${md(threatStatement(threat, scope.assets), 1500)}` +
      `\n  - STRIDE: ${stride || '_none_'} · Affects: ${on || '_nothing placed_'}` +
      riskText(model, flow, threat) +
      (threat.origin.type === 'catalog'
        ? ` · From the catalog: ${code(threat.origin.catalogThreatId, 100)}${referencesText(input.references, threat.id, ' · References: ')}`
        : '')
    );
  });
  sections.push(`## Threats (${model.threats.length})\n\n${threatLines.join('\n') || '_None._'}`);

  sections.push(
    `## Mitigations (${model.mitigations.length})\n\n${table(
      ['Id', 'Mitigation', 'Threats', 'Status', 'Owner', 'References'],
      model.mitigations.map((m) => [
        m.id,
        md(m.description, 500) +
          (m.baselineControlId
            ? ` (baseline ${code(m.baselineControlId, 80)}${referencesText(input.references, m.id, ': ')})`
            : '') +
          (m.deviation
            ? ` — deviates: ${m.deviation.reason.replace(/_/g, ' ')}, ${md(m.deviation.explanation, 300)}`
            : ''),
        m.threatIds.join(', '),
        isActiveMitigation(m) && !isMitigationInPlace(m)
          ? `${m.status} (not in place yet)`
          : m.status.replace('_', ' '),
        m.owner ? who(m.owner) : '',
        [
          ...m.references.map((ref) => code(ref)),
          ...(m.backlogLink ? [`[backlog](${linkTarget(m.backlogLink)})`] : []),
        ].join(', '),
      ]),
    )}`,
  );

  if (scope.assumptions.length) {
    sections.push(
      `## Assumptions (${scope.assumptions.length})\n\n${table(
        ['Id', 'Assumption', 'Threats', 'Mitigations'],
        scope.assumptions.map((a) => [
          a.id,
          md(a.description, 500),
          a.threatIds.join(', '),
          a.mitigationIds.join(', '),
        ]),
      )}`,
    );
  }

  sections.push(
    [
      '## Risk',
      ...(input.images?.riskMatrix ? ['', `![Risk matrix of ${model.id}](${input.images.riskMatrix})`] : []),
      '',
      `Risk appetite: ${flow.risk.appetite} after mitigation; above it, a risk must be accepted, transferred or avoided by someone allowed to (${acceptanceRules(flow)}).`,
      '',
      `Threats per band, before and after mitigation (${model.threats.filter((t) => t.risk.before).length} of ${model.threats.length} rated); the residual risk, after mitigation, is what counts. After counts it as approval does: a rating lowered with no active mitigation behind it counts as the inherent one, an accepted risk rated only before by that rating, and a threat not rated after mitigation is left out (as in the matrix):`,
      '',
      table(
        ['Band', 'Before', 'After'],
        [...RISK_BANDS]
          .reverse()
          .map((band) => [
            band,
            String(countBand(model, flow, band, (t) => t.risk.before)),
            String(model.threats.filter((t) => countedResidual(flow.risk, t, model.mitigations)?.band === band).length),
          ]),
      ),
    ].join('\n'),
  );

  const accepted = model.threats.filter((threat) => acceptanceOf(threat.risk.decision) !== undefined);
  sections.push(
    `## Accepted risks\n\n${table(
      ['Threat', 'Decision', 'Residual risk', 'Proposed by', 'Accepted by', 'When', 'Why'],
      accepted.map((t) => {
        const risk = countedResidual(flow.risk, t, model.mitigations);
        const decision = t.risk.decision;
        const acceptance = acceptanceOf(decision);
        const accepter =
          acceptance?.status === 'accepted'
            ? who(acceptance.by) +
              (acceptance.asRole ? ` (${ROLE_NAMES[acceptance.asRole]})` : '') +
              (acceptance.confirmedBy
                ? `, confirmed by ${who(acceptance.confirmedBy)} (AppSec)`
                : acceptance.needsConfirmation
                  ? ', to be confirmed by AppSec'
                  : '')
            : `_waiting for the ${acceptance ? ROLE_NAMES[acceptance.awaiting] : ''} role holder_`;
        return [
          t.id,
          decision?.type ?? '',
          risk ? `${risk.score} ${risk.band}` : 'not rated',
          who(decision?.decidedBy),
          accepter,
          day(acceptance?.status === 'accepted' ? acceptance.at : (decision?.decidedAt ?? '')),
          md(decision?.reason ?? '', 500),
        ];
      }),
    )}`,
  );

  const open = [
    ...untreatedThreats(flow, model).map(
      (item) =>
        `- **${item.threat.id}**: not adequately treated (${untreatedLabel(item.kind, item.residual?.band)})` +
        (item.kind === 'accepted_by_wrong_person' && item.residual
          ? `; only ${accepterName(flow, item.residual.band)} may accept it`
          : ''),
    ),
    ...unaddressedThreats(model.threats, model.mitigations).map(
      (t) => `- **${t.id}**: no active mitigation and no risk decision`,
    ),
    ...model.threats.filter((t) => !t.risk.before).map((t) => `- **${t.id}**: not rated`),
    ...model.mitigations
      .filter((m) => !isActiveMitigation(m) && m.status !== 'not_applicable')
      .map((m) => `- **${m.id}**: ${m.status}`),
    ...model.mitigations
      .filter((m) => isActiveMitigation(m) && !isMitigationInPlace(m))
      .map((m) => `- **${m.id}**: ${m.status}, not in place yet (addresses ${m.threatIds.join(', ')})`),
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

/** "<lead>CWE-89 · A03:2021" for an element with catalog references, else nothing. */
/** The elements set aside, each with the team's reason; nothing when everything is in scope. */
function outOfScopeLines(scope: ThreatModel['scope'], element: (id: string) => string): string[] {
  const { assets, actors, entryPoints, components, dataFlows, trustBoundaries, useCases } = scope;
  const out = [...assets, ...actors, ...entryPoints, ...components, ...dataFlows, ...trustBoundaries, ...useCases]
    .filter((e) => e.outOfScopeReason !== undefined)
    .map((e) => `- ${element(e.id)}: ${md(e.outOfScopeReason ?? '', 500)}`);
  if (!out.length) return [];
  return [
    '\n### Out of scope\n',
    'Drawn in the diagram, but left out of STRIDE coverage and the step checks.\n',
    out.join('\n'),
  ];
}

function referencesText(references: ModelReferences | undefined, elementId: string, lead: string): string {
  const found = references?.get(elementId);
  const labels = found ? referenceLabels(found) : [];
  return labels.length > 0 ? `${lead}${md(labels.join(' · '), 1000)}` : '';
}

const TREATMENT: Readonly<Record<ReturnType<typeof treatmentStatus>, string>> = {
  open: 'not adequately treated',
  mitigated: 'mitigated',
  planned: 'mitigations planned, not in place yet',
  within_appetite: 'within appetite',
  mitigation_missing: 'to be mitigated, no mitigation yet',
  decided: 'risk decision',
};
const DECIDED = { accept: 'accepted', transfer: 'transferred', avoid: 'avoided' } as const;

/** " · Residual risk: 6 medium (inherent 16 high), mitigations planned, not in place yet" for one threat's line. */
function riskText(model: ThreatModel, flow: Flow, threat: Threat): string {
  const { before, decision } = threat.risk;
  const residual = countedResidual(flow.risk, threat, model.mitigations);
  const inherent = before ? scoreRisk(flow.risk, before) : undefined;
  if (!residual) {
    return inherent ? ` · Inherent risk: ${inherent.score} ${inherent.band}, not rated after mitigation` : '';
  }
  const status = treatmentStatus(flow, model, threat);
  const untreated = whyUntreated(flow, model, threat);
  const how =
    status === 'decided' && decision && decision.type !== 'mitigate'
      ? `risk ${DECIDED[decision.type]}`
      : untreated
        ? `${TREATMENT.open} (${untreatedLabel(untreated.kind)})`
        : TREATMENT[status];
  const was = inherent && inherent.score !== residual.score ? ` (inherent ${inherent.score} ${inherent.band})` : '';
  return ` · Residual risk: ${residual.score} ${residual.band}${was}, ${how}`;
}

/** "low and medium: the owner or a role holder; high and critical: Business, confirmed by AppSec". */
function acceptanceRules(flow: Flow): string {
  const groups = new Map<string, string[]>();
  for (const band of RISK_BANDS) {
    const rule = flow.risk.acceptance[band];
    const key = `${accepterName(flow, band)}${rule.confirmedByAppSec ? ', confirmed by AppSec at approval' : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), band]);
  }
  return [...groups].map(([who, bands]) => `${bands.join(' and ')}: ${who}`).join('; ');
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
