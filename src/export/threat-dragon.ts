import { v5 as uuidv5 } from 'uuid';
import { cleanText } from '../domain/clean-text';
import type { Flow, RiskBand } from '../domain/flow';
import { isActiveMitigation, isMitigationInPlace, type Mitigation } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import { lastReviewDecision } from '../domain/review-workflow';
import { acceptanceOf, residualRisk, scoreRisk, treatmentStatus } from '../domain/risk';
import type { RiskDecisionType, RiskRating } from '../domain/risk-assessment';
import { ROLE_NAMES } from '../domain/roles';
import type { DataFlow, TrustBoundary } from '../domain/scope';
import { threatStatement } from '../domain/statement';
import { type DfdKind, STRIDE_NAMES, STRIDE_PER_ELEMENT, type Stride, sortStride } from '../domain/stride';
import type { Threat } from '../domain/threat';
import {
  BOX_GAP,
  BOX_PADDING,
  COLUMN_PITCH,
  type DiagramNode,
  type Layout,
  layoutDiagram,
  lines,
  ORIGIN,
  type Rect,
  ROW_PITCH,
} from './threat-dragon-layout';
import {
  type ThreatDragonCell,
  type ThreatDragonModel,
  ThreatDragonModelSchema,
  type ThreatDragonThreat,
} from './threat-dragon-schema';

/**
 * Export a model as an OWASP Threat Dragon v2 file: one STRIDE diagram laid out from the scope,
 * threats on the cells of the elements they affect. Pure and deterministic: every id is a UUID v5
 * of the model and element ids, so exporting the same model twice gives byte-identical JSON and
 * a re-export keeps the ids Threat Dragon saw last time. Text is carried as data, unescaped;
 * Threat Dragon draws it as SVG text, cleaned as the store cleans text (see `cleaned`).
 */
export function toThreatDragon(model: ThreatModel, flow: Flow): ThreatDragonModel {
  return cleaned(threatDragonFile(model, flow));
}

/**
 * Every string of the file cleaned as clean-text.ts cleans what people type (no control or bidi
 * characters, nothing invisible), as the Threat Composer and Markdown exports are: a model read
 * from an old file or built outside the schemas, and ids or names the schemas do not clean, can
 * never smuggle a hidden character into Threat Dragon. The result is checked against the v2 schema.
 */
function cleaned(file: ThreatDragonModel): ThreatDragonModel {
  const json = JSON.stringify(file, (_key, value: unknown) => (typeof value === 'string' ? cleanText(value) : value));
  return ThreatDragonModelSchema.parse(JSON.parse(json));
}

function threatDragonFile(model: ThreatModel, flow: Flow): ThreatDragonModel {
  const ids = idsFor(model);
  const layout = layoutDiagram(model);
  const placed = placeThreats(model);
  const threatsOn = (elementId: string, kind: DfdKind) =>
    (placed.byElement.get(elementId) ?? []).map((threat) => toThreat(model, flow, threat, elementId, kind, ids));
  let zIndex = 0;
  const cells: ThreatDragonCell[] = [
    ...layout.boxes.map(({ boundary, rect }, i) => boxCell(ids.cell(boundary.id), boundary, rect, -1 - i)),
    ...layout.nodes.map((node) =>
      nodeCell(ids.cell(node.id), node, ++zIndex, threatsOn(node.id, node.kind), outOfScopeReason(model, node.id)),
    ),
    ...model.scope.dataFlows.map((dataFlow) =>
      flowCell(model, dataFlow, layout, ++zIndex, threatsOn(dataFlow.id, 'data_flow'), ids),
    ),
    ...layout.lines.map(({ boundary, x, top, bottom }) => curveCell(ids.cell(boundary.id), boundary, x, top, bottom)),
  ];
  if (placed.unplaced.length) cells.push(unplacedNote(model, placed.unplaced, layout.bottom, ids));
  return {
    version: THREAT_DRAGON_VERSION,
    summary: {
      title: model.title,
      owner: model.ownerId,
      description: [model.scope.description, approvalNote(model)].filter(Boolean).join('\n\n'),
      id: model.id,
    },
    detail: {
      contributors: contributors(model).map((name) => ({ name })),
      diagrams: [
        {
          id: 0,
          title: `${model.title}: data flow`,
          diagramType: 'STRIDE',
          placeholder: '',
          description: `Laid out by Threadmodel from ${model.id}, version ${model.version}.`,
          thumbnail: './public/content/images/thumbnail.stride.jpg',
          version: THREAT_DRAGON_VERSION,
          cells,
        },
      ],
      diagramTop: 1,
      reviewer: model.review?.reviewerId ?? '',
      threatTop: model.counters.threat,
    },
  };
}

/** The Threat Dragon release whose file shape we write (its demo and new-model files say 2.3.0). */
export const THREAT_DRAGON_VERSION = '2.3.0';

/** Namespace of every UUID v5 this export derives; fixed, so ids survive re-exports. */
export const THREAT_DRAGON_UUID_NAMESPACE = '280067bb-9261-4fa5-a05e-572b0a6f3bea';

function idsFor(model: ThreatModel) {
  const base = `${model.workspaceId}/${model.id}`;
  return {
    cell: (elementId: string) => uuidv5(`${base}/cell/${elementId}`, THREAT_DRAGON_UUID_NAMESPACE),
    threat: (threatId: string, elementId: string) =>
      uuidv5(`${base}/threat/${threatId}@${elementId}`, THREAT_DRAGON_UUID_NAMESPACE),
  };
}
type Ids = ReturnType<typeof idsFor>;

// ---------------------------------------------------------------------------------------------
// Threats: on every cell of the elements they affect; an entry point's threats sit on the
// component exposing it. A threat affecting nothing on the diagram is listed in a text block.
// ---------------------------------------------------------------------------------------------

function placeThreats(model: ThreatModel) {
  const exposedBy = new Map(model.scope.entryPoints.map((entry) => [entry.id, entry.componentId]));
  const byElement = new Map<string, Threat[]>();
  const unplaced: Threat[] = [];
  for (const threat of model.threats) {
    const elements = new Set(threat.affectedElementIds.map((id) => exposedBy.get(id) ?? id));
    if (!elements.size) unplaced.push(threat);
    for (const id of elements) byElement.set(id, [...(byElement.get(id) ?? []), threat]);
  }
  return { byElement, unplaced };
}

const SEVERITIES: Readonly<Record<RiskBand, ThreatDragonThreat['severity']>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

const DECIDED: Readonly<Record<Exclude<RiskDecisionType, 'mitigate'>, string>> = {
  accept: 'accepted',
  transfer: 'transferred',
  avoid: 'avoided',
};

function toThreat(
  model: ThreatModel,
  flow: Flow,
  threat: Threat,
  elementId: string,
  kind: DfdKind,
  ids: Ids,
): ThreatDragonThreat {
  const categories = sortStride(threat.stride);
  const risk = residualRisk(flow.risk, threat);
  return {
    id: ids.threat(threat.id, elementId),
    title: `${threat.id}: ${capitalise(threat.threatAction.trim())}`,
    type: STRIDE_NAMES[categories[0] ?? STRIDE_PER_ELEMENT[kind][0] ?? 'T'],
    status: threatStatus(flow, model, threat),
    severity: risk ? SEVERITIES[risk.band] : 'TBD',
    description: lines(threatStatement(threat, model.scope.assets), strideNote(categories), riskNote(flow, threat)),
    mitigation: mitigationText(threat, model.mitigations),
    modelType: 'STRIDE',
    number: Number(threat.id.slice('T-'.length)),
    score: scoreText(threat),
  };
}

/** `L4×I4=16`. */
function product(rating: RiskRating): string {
  return `L${rating.likelihood}×I${rating.impact}=${rating.likelihood * rating.impact}`;
}

/**
 * Threat Dragon has one score and one severity, which carry the residual risk (after mitigation,
 * else the inherent one); the inherent rating is kept beside it, so neither is lost.
 */
function scoreText(threat: Threat): string {
  const { before, after } = threat.risk;
  const shown = after ?? before;
  if (!shown) return '';
  const was = before && after && product(before) !== product(after) ? ` (before mitigation ${product(before)})` : '';
  return `${product(shown)}${was}`;
}

/** "Risk before mitigation: L4×I4=16 (high); after mitigation: L2×I3=6 (medium)", under the statement. */
function riskNote(flow: Flow, threat: Threat): string | undefined {
  const { before, after } = threat.risk;
  const rated = (rating: RiskRating) => `${product(rating)} (${scoreRisk(flow.risk, rating).band})`;
  const beforeText = before ? `before mitigation: ${rated(before)}` : 'not rated before mitigation';
  const afterText = after ? `after mitigation: ${rated(after)}` : 'not rated after mitigation';
  if (!before && !after) return undefined;
  return `Risk ${beforeText}; ${afterText}`;
}

/**
 * Threat Dragon holds one category per threat: the first in STRIDE order. The others, or that
 * none was chosen (the type is then the element kind's first STRIDE-per-element category), are
 * said under the statement.
 */
function strideNote(categories: readonly Stride[]): string | undefined {
  if (!categories.length) return '\nNo STRIDE category chosen yet in Threadmodel.';
  if (categories.length > 1) return `\nSTRIDE: ${categories.map((letter) => STRIDE_NAMES[letter]).join(', ')}`;
  return undefined;
}

/**
 * Mitigated: adequately treated (see untreatedThreats) by mitigations that are all implemented or
 * verified. NotApplicable: adequately treated without mitigation work, i.e. the risk is accepted,
 * transferred or avoided by someone allowed to (the decision is in the mitigation text), or it is
 * within the risk appetite as it stands. Open: anything else, including a risk whose mitigations
 * are only proposed or planned (never shown as mitigated) and an acceptance still waiting.
 */
function threatStatus(flow: Flow, model: ThreatModel, threat: Threat): ThreatDragonThreat['status'] {
  switch (treatmentStatus(flow, model, threat)) {
    case 'mitigated':
      return 'Mitigated';
    case 'decided':
    case 'within_appetite':
      return 'NotApplicable';
    default:
      return 'Open';
  }
}

function mitigationText(threat: Threat, mitigations: readonly Mitigation[]): string {
  const addressing = mitigations
    .filter((mitigation) => isActiveMitigation(mitigation) && mitigation.threatIds.includes(threat.id))
    .map(mitigationLines);
  const decision = threat.risk.decision;
  const acceptance = acceptanceOf(decision);
  if (decision && decision.type !== 'mitigate' && acceptance) {
    const reason = decision.reason ?? '';
    if (acceptance.status === 'pending') {
      addressing.push(
        `Risk to be ${DECIDED[decision.type]}: proposed by ${decision.decidedBy}, waiting for the ${ROLE_NAMES[acceptance.awaiting]} role holder: ${reason}`.trim(),
      );
    } else {
      const proposer = acceptance.by === decision.decidedBy ? '' : ` (proposed by ${decision.decidedBy})`;
      const confirmed = acceptance.confirmedBy ? `, confirmed by ${acceptance.confirmedBy} (AppSec)` : '';
      addressing.push(`Risk ${DECIDED[decision.type]} by ${acceptance.by}${proposer}${confirmed}: ${reason}`.trim());
    }
  }
  return addressing.join('\n\n');
}

/** A mitigation with who owns it, its references and its backlog item, one fact a line. */
function mitigationLines(mitigation: Mitigation): string {
  const { id, status, description, owner, references, backlogLink } = mitigation;
  return lines(
    `${id} (${status}${isMitigationInPlace(mitigation) ? '' : ', not in place yet'}): ${description}`,
    owner && `Owner: ${owner}`,
    references.length ? `References: ${references.join(', ')}` : undefined,
    backlogLink && `Backlog: ${backlogLink}`,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Cells, shaped as Threat Dragon writes them.
// ---------------------------------------------------------------------------------------------

/** Red when a threat is open; grey and dashed when out of scope (as Threat Dragon draws it). */
function stroke(open: boolean, outOfScope = false) {
  if (outOfScope) return { stroke: '#999999', strokeWidth: 1.5, strokeDasharray: '4 3' };
  return open
    ? { stroke: 'red', strokeWidth: 2.5, strokeDasharray: null }
    : { stroke: '#333333', strokeWidth: 1.5, strokeDasharray: null };
}

/** The reason an actor, component or data flow is out of scope, if it is. */
function outOfScopeReason(model: ThreatModel, id: string): string | undefined {
  const { actors, components, dataFlows } = model.scope;
  return [...actors, ...components, ...dataFlows].find((element) => element.id === id)?.outOfScopeReason;
}

const common = (name: string, description: string, threats: ThreatDragonThreat[], reason?: string) => ({
  name,
  description,
  isTrustBoundary: false as const,
  outOfScope: reason !== undefined,
  reasonOutOfScope: reason ?? '',
  hasOpenThreats: threats.some((threat) => threat.status === 'Open'),
  threats,
});

function nodeCell(
  id: string,
  node: DiagramNode,
  zIndex: number,
  threats: ThreatDragonThreat[],
  reason: string | undefined,
): ThreatDragonCell {
  const data = common(node.name, node.description, threats, reason);
  const line = stroke(data.hasOpenThreats, data.outOfScope);
  const text = { text: wrap(node.name) };
  const geometry = {
    id,
    zIndex,
    visible: true,
    position: { x: node.rect.x, y: node.rect.y },
    size: { width: node.rect.width, height: node.rect.height },
  };
  switch (node.shape) {
    case 'actor':
      return {
        ...geometry,
        shape: 'actor',
        attrs: { text, body: line },
        data: { type: 'tm.Actor', ...data, providesAuthentication: false },
      };
    case 'process':
      return {
        ...geometry,
        shape: 'process',
        attrs: { text, body: line },
        data: {
          type: 'tm.Process',
          ...data,
          handlesCardPayment: false,
          handlesGoodsOrServices: false,
          isWebApplication: false,
          privilegeLevel: '',
        },
      };
    case 'store':
      return {
        ...geometry,
        shape: 'store',
        attrs: { text, topLine: line, bottomLine: line },
        data: {
          type: 'tm.Store',
          ...data,
          isALog: false,
          isEncrypted: false,
          isSigned: false,
          storesCredentials: false,
          storesInventory: false,
        },
      };
  }
}

function flowCell(
  model: ThreatModel,
  dataFlow: DataFlow,
  layout: Layout,
  zIndex: number,
  threats: ThreatDragonThreat[],
  ids: Ids,
): ThreatDragonCell {
  const assets = dataFlow.assetIds.flatMap((id) => model.scope.assets.find((asset) => asset.id === id) ?? []);
  const carries = assets.map((asset) => `${asset.name} (${asset.classification})`).join(', ');
  const data = common(
    dataFlow.data,
    lines(
      `Threadmodel ${dataFlow.id}`,
      carries && `Carries: ${carries}`,
      dataFlow.crossesTrustBoundary ? 'Crosses a trust boundary' : undefined,
    ),
    threats,
    dataFlow.outOfScopeReason,
  );
  return {
    id: ids.cell(dataFlow.id),
    shape: 'flow',
    zIndex,
    width: 200,
    height: 100,
    connector: 'smooth',
    attrs: {
      line: {
        ...stroke(data.hasOpenThreats, data.outOfScope),
        targetMarker: { name: 'block' },
        sourceMarker: { name: '' },
      },
    },
    labels: [label(dataFlow.protocol ? `${dataFlow.data} (${dataFlow.protocol})` : dataFlow.data)],
    source: { cell: ids.cell(dataFlow.from) },
    target: { cell: ids.cell(dataFlow.to) },
    vertices: flowVertices(model.scope.dataFlows, dataFlow, layout),
    data: {
      type: 'tm.Flow',
      ...data,
      protocol: dataFlow.protocol ?? '',
      isBidirectional: false,
      isEncrypted: false,
      isPublicNetwork: false,
    },
  };
}

/**
 * Straight unless that would mislead: a flow whose line would cross another element bends once
 * around it, and flows between the same two elements fan out instead of lying on each other.
 */
function flowVertices(all: readonly DataFlow[], dataFlow: DataFlow, layout: Layout): Point[] {
  const from = layout.nodes.find((node) => node.id === dataFlow.from);
  const to = layout.nodes.find((node) => node.id === dataFlow.to);
  if (!from || !to) return [];
  const pair = (f: DataFlow) => [f.from, f.to].sort().join(' ');
  const index = all.filter((f) => pair(f) === pair(dataFlow)).indexOf(dataFlow);
  const fan = (index % 2 ? -1 : 1) * Math.ceil(index / 2) * 30;
  const [a, b] = [centre(from.rect), centre(to.rect)];
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const bend = (offset: number) => ({
    x: Math.round((a.x + b.x) / 2 - ((b.y - a.y) / length) * offset),
    y: Math.round((a.y + b.y) / 2 + ((b.x - a.x) / length) * offset),
  });
  const obstacles = layout.nodes.filter((node) => node !== from && node !== to).map((node) => node.rect);
  const clear = (p: Point, q: Point) => obstacles.every((rect) => !crosses(p, q, rect));
  for (const step of [0, 1, -1, 2, -2, 3, -3]) {
    const offset = fan + (step * ROW_PITCH) / 2;
    if (offset === 0 && clear(a, b)) return [];
    const vertex = bend(offset);
    if (offset !== 0 && clear(a, vertex) && clear(vertex, b)) return [vertex];
  }
  return fan ? [bend(fan)] : [];
}

/** A type, not an interface: Threat Dragon's loose point objects need an indexable shape. */
type Point = { x: number; y: number };

/** Whether the segment p-q passes through the rectangle, with a margin (Liang-Barsky clipping). */
function crosses(p: Point, q: Point, rect: Rect, margin = 8): boolean {
  const [dx, dy] = [q.x - p.x, q.y - p.y];
  const sides: [number, number][] = [
    [-dx, p.x - (rect.x - margin)],
    [dx, rect.x + rect.width + margin - p.x],
    [-dy, p.y - (rect.y - margin)],
    [dy, rect.y + rect.height + margin - p.y],
  ];
  let [enter, leave] = [0, 1];
  for (const [direction, distance] of sides) {
    if (direction === 0) {
      if (distance < 0) return false;
      continue;
    }
    const t = distance / direction;
    if (direction < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return false;
  }
  return true;
}

function centre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

function boxCell(id: string, boundary: TrustBoundary, rect: Rect, zIndex: number): ThreatDragonCell {
  return {
    id,
    shape: 'trust-boundary-box',
    zIndex,
    visible: true,
    position: { x: rect.x, y: rect.y },
    size: { width: rect.width, height: rect.height },
    // Threat Dragon 2.4+ draws the name from `label`; 2.3 and older from `headerText`.
    attrs: {
      label: { text: boundary.name },
      headerText: { text: boundary.name },
      body: { stroke: '#333333', strokeWidth: 3, strokeDasharray: '5 5' },
    },
    data: { type: 'tm.BoundaryBox', ...boundaryData(boundary) },
  };
}

function curveCell(id: string, boundary: TrustBoundary, x: number, top: number, bottom: number): ThreatDragonCell {
  return {
    id,
    shape: 'trust-boundary-curve',
    zIndex: 10,
    width: 200,
    height: 100,
    connector: 'smooth',
    attrs: { line: { strokeWidth: 3, strokeDasharray: '10 5', targetMarker: '', sourceMarker: '' } },
    labels: [label(boundary.name)],
    source: { x, y: top },
    target: { x, y: bottom },
    vertices: [],
    data: { type: 'tm.Boundary', ...boundaryData(boundary) },
  };
}

function boundaryData(boundary: TrustBoundary) {
  const about = `Threadmodel ${boundary.id}${boundary.trustLevel ? `: trust level ${boundary.trustLevel}` : ''}`;
  return {
    name: boundary.name,
    description: lines(boundary.description, about),
    isTrustBoundary: true as const,
    hasOpenThreats: false as const,
  };
}

function unplacedNote(model: ThreatModel, threats: Threat[], bottom: number, ids: Ids): ThreatDragonCell {
  const text = lines(
    'Threats not placed on an element in Threadmodel:',
    ...threats.map((threat) => `${threat.id}: ${threatStatement(threat, model.scope.assets)}`),
  );
  return {
    id: ids.cell('unplaced-threats'),
    shape: 'td-text-block',
    zIndex: 0,
    visible: true,
    position: { x: ORIGIN.x, y: bottom + BOX_GAP + BOX_PADDING },
    size: { width: 3 * COLUMN_PITCH, height: 20 * (threats.length + 1) + 20 },
    attrs: { text: { text } },
    data: { type: 'tm.Text', name: text, hasOpenThreats: false },
  };
}

/** An edge label as Threat Dragon 2.3 writes it. */
function label(text: string) {
  return {
    markup: [
      { tagName: 'ellipse', selector: 'labelBody' },
      { tagName: 'text', selector: 'labelText' },
    ],
    attrs: {
      labelText: { text, textAnchor: 'middle', textVerticalAnchor: 'middle' },
      labelBody: { ref: 'labelText', refRx: '50%', refRy: '60%', fill: '#fff', strokeWidth: 0 },
    },
    position: { distance: 0.5, args: { keepGradient: true, ensureLegibility: true } },
  };
}

/** Break a name into lines of about 18 characters: Threat Dragon does not wrap node text. */
function wrap(name: string, width = 18): string {
  const rows: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) rows[rows.length - 1] = `${last} ${word}`;
    else rows.push(word);
  }
  return rows.join('\n');
}

/** The owner, then every role holder, each once. */
function contributors(model: ThreatModel): string[] {
  return [...new Set([model.ownerId, ...Object.values(model.roles).flat()])];
}

/**
 * The AppSec approval, its comment and follow-up actions, in plain text for the summary's
 * description (Threat Dragon's only free text about the whole model); nothing unless approved.
 */
function approvalNote(model: ThreatModel): string | undefined {
  const decision = lastReviewDecision(model);
  if (model.status !== 'approved' || decision?.type !== 'approved') return undefined;
  return lines(
    `Approved by AppSec (${decision.by}) on ${decision.at.slice(0, 10)}${decision.comment ? `: ${decision.comment}` : '.'}`,
    ...(decision.followUps?.length ? ['Follow-up actions:', ...decision.followUps.map((item) => `- ${item}`)] : []),
  );
}
