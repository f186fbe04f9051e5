import { v5 as uuidv5 } from 'uuid';
import type { References } from '../catalog/catalog-schema';
import type { ModelReferences } from '../catalog/model-references';
import type { Assumption } from '../domain/assumption';
import { cleanText } from '../domain/clean-text';
import type { Flow, RiskBand } from '../domain/flow';
import type { Mitigation, MitigationStatus } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import { lastReviewDecision } from '../domain/review-workflow';
import { acceptanceOf, residualRisk, scoreRisk, treatmentStatus } from '../domain/risk';
import type { RiskDecision, RiskRating } from '../domain/risk-assessment';
import { ROLE_NAMES } from '../domain/roles';
import type { Scope } from '../domain/scope';
import { threatStatement } from '../domain/statement';
import { sortStride } from '../domain/stride';
import type { Threat, ThreatOrigin } from '../domain/threat';
import { md } from './markdown-text';
import {
  CUSTOM_METADATA_PREFIX,
  THREAT_COMPOSER_LIMITS as L,
  type TcAssumption,
  type TcAssumptionLink,
  TcImageSchema,
  type TcMitigation,
  type TcMitigationMetadata,
  type TcMitigationStatus,
  type TcPriority,
  type TcThreat,
  type TcThreatMetadata,
  type TcThreatStatus,
  type ThreatComposerExport,
} from './threat-composer-schema';

export {
  THREAT_COMPOSER_LIMITS,
  type ThreatComposerExport,
  ThreatComposerExportSchema,
} from './threat-composer-schema';

/**
 * Namespace of our v5 UUIDs. Ids are derived from `${workspaceId}/${modelId}/${elementId}`, so the
 * same model always exports byte-identically and a git export of an unchanged model commits nothing.
 * Never change it: re-imported files would get new ids.
 */
export const THREAT_COMPOSER_UUID_NAMESPACE = '8f26ef4e-bea3-4acb-9ac2-40652cb80d78';

export interface ThreatComposerOptions {
  /** The data-flow diagram, as a `data:image/...;base64,` URL or an http(s) URL; dropped unless importable. */
  diagramImage?: string;
  /** Display names of Slack users (the approver), by user id; the id is shown without one. */
  names?: Readonly<Record<string, string>>;
  /** Public ids of the threats and mitigations that came from the catalog (see catalogReferences). */
  references?: ModelReferences;
}

const PRIORITY: Readonly<Record<RiskBand, TcPriority>> = {
  critical: 'High',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Threat Composer has four mitigation statuses to our five; `custom:status` keeps ours. */
const MITIGATION_STATUS: Readonly<Record<MitigationStatus, TcMitigationStatus>> = {
  proposed: 'mitigationIdentified',
  planned: 'mitigationInProgress',
  implemented: 'mitigationResolved',
  verified: 'mitigationResolved',
  not_applicable: 'mitigationResolvedWillNotAction',
};

/**
 * The model as an AWS Threat Composer file (`.tc.json`, schema 1) its importer accepts: a pure,
 * deterministic function of the model (no clock, no random ids). Every string is cut to the
 * importer's limit and made HTML-free (see `plain`), so its sanitiser changes nothing and no
 * length grows past a limit after import.
 */
export function toThreatComposer(
  model: ThreatModel,
  flow: Flow,
  options: ThreatComposerOptions = {},
): ThreatComposerExport {
  const uuid = (elementId: string) =>
    uuidv5(`${model.workspaceId}/${model.id}/${elementId}`, THREAT_COMPOSER_UUID_NAMESPACE);
  const names = elementNames(model.scope);
  const threatIds = new Set(model.threats.map((threat) => threat.id));
  const image = importableDiagramImage(options.diagramImage);
  return {
    schema: 1,
    applicationInfo: {
      name: line(model.title, L.applicationNameMax),
      description: applicationMarkdown(model, names, options.names),
    },
    architecture: { description: architectureMarkdown(model.scope) },
    dataflow: { description: dataflowMarkdown(model.scope, names), ...(image ? { image } : {}) },
    assumptions: model.scope.assumptions.map((assumption) => toAssumption(assumption, uuid(assumption.id))),
    mitigations: model.mitigations.map((mitigation) =>
      withReferences(toMitigation(mitigation, uuid(mitigation.id)), options.references?.get(mitigation.id)),
    ),
    assumptionLinks: assumptionLinks(model, uuid),
    mitigationLinks: model.mitigations.flatMap((mitigation) =>
      mitigation.threatIds
        .filter((id) => threatIds.has(id))
        .map((id) => ({ mitigationId: uuid(mitigation.id), linkedId: uuid(id) })),
    ),
    threats: model.threats.map((threat) =>
      withReferences(toThreat(threat, model, flow, uuid(threat.id), names), options.references?.get(threat.id)),
    ),
  };
}

/**
 * A catalog entry's public ids on the threat or mitigation made from it: one `custom:` list per
 * kind (`custom:cwe`, `custom:owaspTop10` ...), and the OWASP Top 10 and CWE ids as tags too,
 * which Threat Composer filters by. Ids are short and HTML-free by the catalog schema.
 */
function withReferences<T extends TcThreat | TcMitigation>(entity: T, references: References | undefined): T {
  if (!references) return entity;
  const kinds = ['cwe', 'capec', 'owaspTop10', 'asvs', 'awsFsbp'] as const;
  const metadata = kinds.flatMap((kind) => (references[kind]?.length ? [custom(kind, references[kind])] : []));
  const tags = [...(references.owaspTop10 ?? []), ...(references.cwe ?? [])].map((id) => line(id, L.tagMax));
  const allTags = [...new Set([...(entity.tags ?? []), ...tags])];
  return {
    ...entity,
    metadata: [...(entity.metadata ?? []), ...metadata],
    ...(allTags.length ? { tags: allTags } : {}),
  };
}

/** The image as given when Threat Composer would accept it, else undefined (the export then has none). */
export function importableDiagramImage(image: string | undefined): string | undefined {
  // `&`, quotes and spaces would be rewritten by the importer's HTML sanitiser, breaking the URL.
  if (!image || /[&<>"\s]/.test(image)) return undefined;
  return TcImageSchema.safeParse(image).success ? image : undefined;
}

function toThreat(threat: Threat, model: ThreatModel, flow: Flow, id: string, names: ElementNames): TcThreat {
  const g = L.grammarFieldMax;
  const assets = threat.impactedAssetIds.flatMap((assetId) => names.get(assetId) ?? []);
  const tags = [
    ...new Set(threat.affectedElementIds.map((elementId) => line(names.get(elementId) ?? elementId, L.tagMax))),
  ].filter(Boolean);
  return {
    id,
    numericId: numberOf(threat.id),
    threatSource: line(threat.threatSource, g),
    ...(threat.prerequisites ? { prerequisites: line(threat.prerequisites, g) } : {}),
    threatAction: line(threat.threatAction, g),
    ...(threat.threatImpact ? { threatImpact: line(threat.threatImpact, g) } : {}),
    impactedGoal: threat.impactedGoals.map((goal) => line(goal, g)),
    impactedAssets: assets.map((name) => line(name, g)),
    statement: line(threatStatement(threat, model.scope.assets), L.statementMax),
    status: threatStatus(flow, model, threat),
    ...(tags.length ? { tags } : {}),
    metadata: threatMetadata(threat, model, flow, names),
  };
}

/**
 * Resolved once the risk is adequately treated (see untreatedThreats) and every agreed response is
 * done: accepted, transferred or avoided by someone allowed to, within the risk appetite as it
 * stands, or mitigated by mitigations all implemented or verified. Proposed or planned mitigations,
 * a pending acceptance, or a residual risk above the appetite leave it identified. We never say
 * "Not useful".
 */
function threatStatus(flow: Flow, model: ThreatModel, threat: Threat): TcThreatStatus {
  const status = treatmentStatus(flow, model, threat);
  return status === 'mitigated' || status === 'decided' || status === 'within_appetite'
    ? 'threatResolved'
    : 'threatIdentified';
}

function threatMetadata(threat: Threat, model: ThreatModel, flow: Flow, names: ElementNames): TcThreatMetadata[] {
  const { before, after, decision } = threat.risk;
  const residual = residualRisk(flow.risk, threat);
  const stride = sortStride(threat.stride);
  const items: TcThreatMetadata[] = [];
  if (stride.length) items.push({ key: 'STRIDE', value: stride });
  if (residual) items.push({ key: 'Priority', value: PRIORITY[residual.band] });
  if (decision) items.push({ key: 'Comments', value: block(decisionComment(decision), L.commentsMax) });
  items.push(custom('threadmodelId', threat.id));
  items.push(...rating(flow, 'Before', before), ...rating(flow, 'After', after));
  if (residual) items.push(custom('riskScore', String(residual.score)), custom('riskBand', residual.band));
  if (decision) {
    items.push(custom('riskDecision', decision.type), custom('decidedBy', decision.decidedBy));
    items.push(custom('decidedAt', decision.decidedAt));
  }
  const acceptance = acceptanceOf(decision);
  if (acceptance?.status === 'pending') {
    items.push(custom('acceptanceStatus', 'pending'), custom('acceptanceAwaiting', acceptance.awaiting));
  } else if (acceptance) {
    items.push(custom('acceptanceStatus', 'accepted'), custom('acceptedBy', acceptance.by));
    items.push(custom('acceptedAt', acceptance.at));
    if (acceptance.confirmedBy && acceptance.confirmedAt) {
      items.push(custom('confirmedBy', acceptance.confirmedBy), custom('confirmedAt', acceptance.confirmedAt));
    }
  }
  items.push(custom('treatment', treatmentStatus(flow, model, threat)));
  items.push(custom('origin', originText(threat.origin)));
  if (threat.affectedElementIds.length) {
    items.push(
      custom(
        'affectedElements',
        threat.affectedElementIds.map((id) => `${id} ${names.get(id) ?? ''}`),
      ),
    );
  }
  return items;
}

function rating(flow: Flow, when: 'Before' | 'After', value: RiskRating | undefined) {
  if (!value) return [];
  const { score, band } = scoreRisk(flow.risk, value);
  return [
    custom(`likelihood${when}`, String(value.likelihood)),
    custom(`impact${when}`, String(value.impact)),
    custom(`riskScore${when}`, String(score)),
    custom(`riskBand${when}`, band),
  ];
}

function decisionComment(decision: RiskDecision): string {
  const what = decision.type === 'mitigate' ? 'mitigate' : `${decision.type} the risk`;
  const reason = decision.reason ? ` Reason: ${decision.reason}` : '';
  const acceptance = acceptanceOf(decision);
  const accepted =
    acceptance?.status === 'pending'
      ? ` Waiting for the ${ROLE_NAMES[acceptance.awaiting]} role holder to accept it.`
      : acceptance && acceptance.by !== decision.decidedBy
        ? ` Accepted by ${acceptance.by} on ${acceptance.at.slice(0, 10)}.`
        : '';
  return `Risk decision: ${what}, by ${decision.decidedBy} on ${decision.decidedAt.slice(0, 10)}.${accepted}${reason}`;
}

function originText(origin: ThreatOrigin): string {
  switch (origin.type) {
    case 'manual':
      return 'manual';
    case 'catalog':
      return `catalog ${origin.catalogThreatId}`;
    case 'persona_prompt':
      return `persona prompt ${origin.role}/${origin.promptId}`;
    case 'slack_message':
      return `Slack message ${safeUrl(origin.permalink)}`;
  }
}

function toMitigation(mitigation: Mitigation, id: string): TcMitigation {
  const { baselineControlId, deviation, backlogLink, owner } = mitigation;
  const items: TcMitigationMetadata[] = [];
  const comment = !baselineControlId
    ? ''
    : deviation
      ? `Deviates from baseline control ${baselineControlId} (${deviation.reason.replace(/_/g, ' ')}): ${deviation.explanation}`
      : `Implements baseline control ${baselineControlId}.`;
  if (comment) items.push({ key: 'Comments', value: block(comment, L.commentsMax) });
  items.push(custom('threadmodelId', mitigation.id), custom('status', mitigation.status));
  if (owner) items.push(custom('owner', owner));
  if (mitigation.references.length) items.push(custom('references', mitigation.references.map(safeUrl).join(', ')));
  if (baselineControlId) items.push(custom('baselineControlId', baselineControlId));
  if (deviation) {
    items.push(custom('deviationReason', deviation.reason), custom('deviationExplanation', deviation.explanation));
  }
  if (backlogLink) items.push(custom('backlogLink', safeUrl(backlogLink)));
  return {
    id,
    numericId: numberOf(mitigation.id),
    content: block(mitigation.description, L.contentMax),
    status: MITIGATION_STATUS[mitigation.status],
    metadata: items,
  };
}

function toAssumption(assumption: Assumption, id: string): TcAssumption {
  return {
    id,
    numericId: numberOf(assumption.id),
    content: block(assumption.description, L.contentMax),
    metadata: [custom('threadmodelId', assumption.id)],
  };
}

/** Threat Composer links each assumption to threats and mitigations with one entry per link, typed. */
function assumptionLinks(model: ThreatModel, uuid: (elementId: string) => string): TcAssumptionLink[] {
  const threats = new Set(model.threats.map((threat) => threat.id));
  const mitigations = new Set(model.mitigations.map((mitigation) => mitigation.id));
  return model.scope.assumptions.flatMap((assumption) => [
    ...assumption.threatIds
      .filter((id) => threats.has(id))
      .map((id) => ({ type: 'Threat' as const, assumptionId: uuid(assumption.id), linkedId: uuid(id) })),
    ...assumption.mitigationIds
      .filter((id) => mitigations.has(id))
      .map((id) => ({ type: 'Mitigation' as const, assumptionId: uuid(assumption.id), linkedId: uuid(id) })),
  ]);
}

/** A `custom:` entry: string values for single facts (numbers too), arrays of strings for lists. */
function custom(name: string, value: string | readonly string[]) {
  const key = `${CUSTOM_METADATA_PREFIX}${name}`.slice(0, L.metadataKeyMax);
  return {
    key,
    value:
      typeof value === 'string' ? line(value, L.customValueMax) : value.map((item) => line(item, L.customValueMax)),
  };
}

function applicationMarkdown(
  model: ThreatModel,
  names: ElementNames,
  people: Readonly<Record<string, string>> = {},
): string {
  const { scope } = model;
  const name = (id: string) => names.get(id) ?? id;
  return fitMarkdown([
    `Threat model ${model.id}, version ${model.version}, exported from Threadmodel.`,
    ...(scope.description ? [mdLine(scope.description, 1000)] : []),
    ...approvalMarkdown(model, people),
    section(
      'Assets',
      scope.assets.map(
        (a) => `**${mdLine(a.name)}** (${a.classification})${mdDescription(a.description)}${mdOutOfScope(a)}`,
      ),
    ),
    section(
      'Actors',
      scope.actors.map((a) => {
        const facts = [
          a.kind,
          a.trustLevel && `trust: ${mdLine(a.trustLevel)}`,
          a.trustBoundaryId && `in ${mdLine(name(a.trustBoundaryId))}`,
        ];
        return `**${mdLine(a.name)}** (${facts.filter(Boolean).join('; ')})${mdDescription(a.description)}${mdOutOfScope(a)}`;
      }),
    ),
    section(
      'Entry points',
      scope.entryPoints.map(
        (e) =>
          `**${mdLine(e.name)}** on ${mdLine(name(e.componentId))}, authentication: ${md(e.authentication)}` +
          `${e.authenticationNotes ? ` (${mdLine(e.authenticationNotes, 200)})` : ''}${mdDescription(e.description)}${mdOutOfScope(e)}`,
      ),
    ),
    section(
      'Use cases',
      scope.useCases.map((u) => {
        const by = u.actorIds.length ? ` (by ${u.actorIds.map((id) => mdLine(name(id))).join(', ')})` : '';
        return `**${mdLine(u.name)}**${by}${mdDescription(u.description)}`;
      }),
      { optional: true },
    ),
    section(
      'Components',
      scope.components.map((c) => {
        const facts = [
          md(c.type),
          md(c.kind.replace('_', ' ')),
          c.trustBoundaryId && `in ${mdLine(name(c.trustBoundaryId))}`,
        ];
        return `**${mdLine(c.name)}** (${facts.filter(Boolean).join('; ')})${mdDescription(c.description)}${mdOutOfScope(c)}`;
      }),
    ),
  ]);
}

/**
 * The AppSec approval, its comment and its follow-up actions, in the application description
 * (Threat Composer has no field of its own for them): nothing unless the model is approved.
 */
function approvalMarkdown(model: ThreatModel, people: Readonly<Record<string, string>>): string[] {
  const decision = lastReviewDecision(model);
  if (model.status !== 'approved' || decision?.type !== 'approved') return [];
  const by = mdLine(people[decision.by] ?? `@${decision.by}`, 80);
  const comment = decision.comment ? `: ${mdLine(decision.comment, 1000)}` : '';
  return [
    section('AppSec approval', [`Approved by ${by} on ${decision.at.slice(0, 10)}${comment}`]),
    section(
      'Follow-up actions',
      (decision.followUps ?? []).map((item) => mdLine(item, 300)),
    ),
  ];
}

function architectureMarkdown(scope: Scope): string {
  const members = (boundaryId: string | undefined) =>
    [...scope.components, ...scope.actors].filter((e) => e.trustBoundaryId === boundaryId).map((e) => mdLine(e.name));
  const outside = members(undefined);
  return fitMarkdown([
    section(
      'Trust boundaries',
      scope.trustBoundaries.map(
        (b) =>
          `**${mdLine(b.name)}**${b.trustLevel ? ` (trust level: ${mdLine(b.trustLevel)})` : ''}: ` +
          `${members(b.id).join(', ') || '_nothing placed in it_'}${mdDescription(b.description)}`,
      ),
    ),
    section('Outside any trust boundary', outside.length ? [outside.join(', ')] : []),
    section(
      'Design documents',
      scope.designLinks.map(
        (l) => `[${mdLine(l.title)}](${safeUrl(l.url).replace(/\(/g, '%28').replace(/\)/g, '%29')})`,
      ),
    ),
  ]);
}

function dataflowMarkdown(scope: Scope, names: ElementNames): string {
  const name = (id: string) => mdLine(names.get(id) ?? id);
  return fitMarkdown([
    section(
      'Data flows',
      scope.dataFlows.map((f) => {
        const facts = [
          f.protocol && mdLine(f.protocol),
          f.crossesTrustBoundary ? 'crosses a trust boundary' : '',
          f.assetIds.length ? `carries ${f.assetIds.map(name).join(', ')}` : '',
        ];
        return `**${name(f.from)}** → **${name(f.to)}**: ${mdLine(f.data)}${facts.some(Boolean) ? ` (${facts.filter(Boolean).join('; ')})` : ''}${mdOutOfScope(f)}`;
      }),
    ),
  ]);
}

/** An H3 section listing items; an optional one is left out when empty, others say "None recorded". */
const section = (title: string, items: readonly string[], { optional = false } = {}) =>
  optional && !items.length
    ? ''
    : `### ${title}\n\n${items.length ? items.map((item) => `- ${item}`).join('\n') : '_None recorded._'}`;

const mdLine = (text: string, max = 200) => md(line(text, max), Number.MAX_SAFE_INTEGER);
const mdDescription = (text: string | undefined) => (text ? `: ${mdLine(text, 300)}` : '');
/** Threat Composer has no out-of-scope flag: the reason is said beside the element. */
const mdOutOfScope = (element: { outOfScopeReason?: string | undefined }) =>
  element.outOfScopeReason ? ` _(out of scope: ${mdLine(element.outOfScopeReason, 300)})_` : '';

/** Sections joined; past the limit, whole lines are dropped from the end and the cut is said. */
function fitMarkdown(sections: readonly string[]): string {
  const text = sections.filter(Boolean).join('\n\n');
  if (text.length <= L.markdownMax) return text;
  const note = '\n\n_Shortened to fit Threat Composer; the full model is in Threadmodel._';
  const cut = text.lastIndexOf('\n', L.markdownMax - note.length);
  return `${text.slice(0, cut)}${note}`;
}

type ElementNames = ReadonlyMap<string, string>;

function elementNames(scope: Scope): ElementNames {
  const names = new Map<string, string>();
  for (const list of [scope.assets, scope.actors, scope.entryPoints, scope.components, scope.trustBoundaries]) {
    for (const item of list) names.set(item.id, item.name);
  }
  for (const dataFlow of scope.dataFlows) names.set(dataFlow.id, dataFlow.data);
  return names;
}

/** `T-12` → 12. */
function numberOf(elementId: string): number {
  return Number(elementId.slice(elementId.indexOf('-') + 1));
}

const LOOKALIKES: Readonly<Record<string, string>> = { '<': '\uFF1C', '>': '\uFF1E', '&': '\uFF06' };

/**
 * Text Threat Composer's importer keeps as written. It runs sanitize-html with no allowed tags over
 * every string BEFORE validating lengths: `<b>x</b>` loses its tags, `<script>…</script>` and
 * `<!channel>` vanish, `a<b` is cut to `a`, and a bare `&`, `<` or `>` becomes `&amp;`, `&lt;`,
 * `&gt;`, which can push a field past its limit and reject the file. So `<`, `>` and `&` become
 * their full-width forms ＜ ＞ ＆ (same length; NFKC maps them back): the text reads the same and
 * nothing in it is HTML. It is cleaned as the store cleans it (clean-text.ts: no control characters,
 * no bidi overrides).
 */
function plain(text: string): string {
  return cleanText(text).replace(/[<>&]/g, (char) => LOOKALIKES[char] ?? char);
}

/** One line of plain text, at most `max` characters. */
function line(text: string, max: number): string {
  return truncate(plain(text).replace(/\s+/g, ' '), max);
}

/** Plain text keeping its line breaks, at most `max` characters. */
function block(text: string, max: number): string {
  return truncate(plain(text), max);
}

/** Cut to `max` UTF-16 units (what the importer counts) with an ellipsis, never halving a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A URL the sanitiser leaves intact: `&`, `<`, `>`, quotes and white space percent-encoded. */
function safeUrl(url: string): string {
  return url.replace(/[&<>"\s]/g, encodeURIComponent);
}
