import { v5 as uuidv5 } from 'uuid';
import type { Flow, RiskBand } from '../domain/flow';
import { isActiveMitigation, type Mitigation } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import { isRiskTreated, residualRisk } from '../domain/risk';
import type { RiskDecisionType } from '../domain/risk-assessment';
import type { Actor, Component, DataFlow, TrustBoundary } from '../domain/scope';
import { threatStatement } from '../domain/statement';
import { type DfdKind, STRIDE_NAMES, STRIDE_PER_ELEMENT, type Stride, sortStride } from '../domain/stride';
import type { Threat } from '../domain/threat';
import type { ThreatDragonCell, ThreatDragonModel, ThreatDragonThreat } from './threat-dragon-schema';

/**
 * Export a model as an OWASP Threat Dragon v2 file: one STRIDE diagram laid out from the scope,
 * threats on the cells of the elements they affect. Pure and deterministic: every id is a UUID v5
 * of the model and element ids, so exporting the same model twice gives byte-identical JSON and
 * a re-export keeps the ids Threat Dragon saw last time. Text is carried as data, unescaped;
 * Threat Dragon draws it as SVG text.
 */
export function toThreatDragon(model: ThreatModel, flow: Flow): ThreatDragonModel {
  const ids = idsFor(model);
  const layout = layoutDiagram(model);
  const placed = placeThreats(model);
  const threatsOn = (elementId: string, kind: DfdKind) =>
    (placed.byElement.get(elementId) ?? []).map((threat) => toThreat(model, flow, threat, elementId, kind, ids));
  let zIndex = 0;
  const cells: ThreatDragonCell[] = [
    ...layout.boxes.map(({ boundary, rect }, i) => boxCell(ids.cell(boundary.id), boundary, rect, -1 - i)),
    ...layout.nodes.map((node) => nodeCell(ids.cell(node.id), node, ++zIndex, threatsOn(node.id, node.kind))),
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
      description: model.scope.description ?? '',
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
// Layout: columns by role (outside actors, components exposing an entry point, other processes,
// data stores; empty columns dropped), rows in scope order. Each trust boundary with members is
// a band of rows spanning the columns of its members, boxed; bands and loose nodes stack per
// column like a skyline, so no box holds a node it does not own and nothing overlaps.
// ---------------------------------------------------------------------------------------------

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Shape = 'actor' | 'process' | 'store';

interface DiagramNode {
  id: string;
  shape: Shape;
  kind: DfdKind;
  name: string;
  description: string;
  boundaryId: string | undefined;
  column: number;
  rect: Rect;
}

interface Layout {
  nodes: DiagramNode[];
  boxes: { boundary: TrustBoundary; rect: Rect }[];
  lines: { boundary: TrustBoundary; x: number; top: number; bottom: number }[];
  bottom: number;
}

/** Threat Dragon's default sizes per shape (td.vue `entity/default-properties.js`). */
const NODE_SIZES: Readonly<Record<Shape, { width: number; height: number }>> = {
  actor: { width: 150, height: 80 },
  process: { width: 100, height: 100 },
  store: { width: 150, height: 75 },
};
const SLOT = { width: 160, height: 100 };
const COLUMN_PITCH = SLOT.width + 140;
const ROW_PITCH = SLOT.height + 60;
const BOX_PADDING = 30;
const BOX_HEADER = 30;
const BOX_GAP = 40;
const MARGIN = 40;
/** Rows a column holds before its lane wraps into another column. */
const MAX_ROWS = 10;
const ORIGIN = { x: MARGIN + BOX_PADDING, y: MARGIN + BOX_HEADER + BOX_PADDING };

type Lane = 'outside' | 'entry' | 'process' | 'store';
const LANES: readonly Lane[] = ['outside', 'entry', 'process', 'store'];

interface NodeDraft extends Omit<DiagramNode, 'column' | 'rect'> {
  lane: Lane;
}

function layoutDiagram(model: ThreatModel): Layout {
  const { nodes, laneGaps } = assignColumns(diagramNodes(model));
  const top = Array.from({ length: Math.max(...nodes.map((node) => node.column + 1), 0) }, () => ORIGIN.y);
  const boxes: Layout['boxes'] = [];
  for (const boundary of model.scope.trustBoundaries) {
    const members = nodes.filter((node) => node.boundaryId === boundary.id);
    if (members.length) boxes.push({ boundary, rect: placeBand(members, top) });
  }
  for (const node of nodes.filter((candidate) => !boxes.some((box) => box.boundary.id === candidate.boundaryId))) {
    node.rect = slotRect(node.shape, node.column, top[node.column] ?? ORIGIN.y);
    top[node.column] = (top[node.column] ?? ORIGIN.y) + ROW_PITCH;
  }
  const bottom = Math.max(
    ORIGIN.y + SLOT.height,
    ...nodes.map((n) => n.rect.y + n.rect.height),
    ...boxes.map(boxBottom),
  );
  const linked = new Set(boxes.map((box) => box.boundary.id));
  const loose = model.scope.trustBoundaries.filter((boundary) => !linked.has(boundary.id));
  return { nodes, boxes, lines: boundaryLines(loose, laneGaps, boxes, bottom), bottom };
}

/**
 * One column per lane in use; a lane of more than MAX_ROWS nodes wraps into as many columns as
 * it needs, its nodes dealt out in turn so scope order still reads row by row. Returns the gaps
 * (by the column on their left) that separate one lane from the next.
 */
function assignColumns(unplaced: NodeDraft[]): { nodes: DiagramNode[]; laneGaps: number[] } {
  const lanes = LANES.filter((lane) => unplaced.some((node) => node.lane === lane));
  const widths = lanes.map((lane) => Math.ceil(unplaced.filter((node) => node.lane === lane).length / MAX_ROWS));
  const firsts = widths.map((_, i) => widths.slice(0, i).reduce((sum, width) => sum + width, 0));
  const dealt = lanes.map(() => 0);
  const nodes = unplaced.map(({ lane, ...node }) => {
    const i = lanes.indexOf(lane);
    const column = (firsts[i] ?? 0) + ((dealt[i] ?? 0) % (widths[i] ?? 1));
    dealt[i] = (dealt[i] ?? 0) + 1;
    return { ...node, column, rect: ZERO };
  });
  const laneGaps = firsts.slice(1).map((first) => first - 1);
  return { nodes, laneGaps: laneGaps.length ? laneGaps : [Math.max(0, (firsts[0] ?? 0) + (widths[0] ?? 1) - 1)] };
}

const ZERO: Rect = { x: 0, y: 0, width: 0, height: 0 };

/** Rows of one boundary's members, starting below everything already in the columns it spans. */
function placeBand(members: DiagramNode[], top: number[]): Rect {
  const columns = members.map((node) => node.column);
  const [first, last] = [Math.min(...columns), Math.max(...columns)];
  const spanned = top.slice(first, last + 1);
  const y = Math.max(...spanned);
  const rowOf = new Map<number, number>();
  for (const node of members) {
    const row = rowOf.get(node.column) ?? 0;
    node.rect = slotRect(node.shape, node.column, y + row * ROW_PITCH);
    rowOf.set(node.column, row + 1);
  }
  const rows = Math.max(...rowOf.values());
  const rect = {
    x: columnX(first) - BOX_PADDING,
    y: y - BOX_PADDING - BOX_HEADER,
    width: (last - first) * COLUMN_PITCH + SLOT.width + 2 * BOX_PADDING,
    height: (rows - 1) * ROW_PITCH + SLOT.height + 2 * BOX_PADDING + BOX_HEADER,
  };
  const next = rect.y + rect.height + BOX_GAP + BOX_PADDING + BOX_HEADER;
  for (let column = first; column <= last; column++) top[column] = next;
  return rect;
}

function columnX(column: number): number {
  return ORIGIN.x + column * COLUMN_PITCH;
}

/** A node of its shape's size, centred in the slot at that column and row top. */
function slotRect(shape: Shape, column: number, y: number): Rect {
  const size = NODE_SIZES[shape];
  return {
    x: columnX(column) + Math.floor((SLOT.width - size.width) / 2),
    y: y + Math.floor((SLOT.height - size.height) / 2),
    ...size,
  };
}

function boxBottom({ rect }: { rect: Rect }): number {
  return rect.y + rect.height;
}

/**
 * Boundaries no element names are dashed lines down a gap between columns: first the gaps no
 * box spans (the usual place, e.g. between the internet actors and the entry points), each gap
 * taking lines in turn, a little apart when several share one.
 */
function boundaryLines(loose: TrustBoundary[], gaps: number[], boxes: Layout['boxes'], bottom: number) {
  const spanned = (gap: number) =>
    boxes.some(({ rect }) => rect.x < columnX(gap) + SLOT.width && rect.x + rect.width > columnX(gap + 1));
  const order = [...gaps.filter((gap) => !spanned(gap)), ...gaps.filter(spanned)];
  return loose.map((boundary, i) => {
    const gap = order[i % order.length] ?? 0;
    const sharing = Math.ceil((loose.length - (i % order.length)) / order.length);
    const slot = Math.floor(i / order.length) - (sharing - 1) / 2;
    const x = Math.round(columnX(gap) + SLOT.width + (COLUMN_PITCH - SLOT.width) / 2 + slot * 16);
    return { boundary, x, top: MARGIN, bottom: bottom + BOX_PADDING };
  });
}

/** Every actor and component, with the column it belongs in and its description for the cell. */
function diagramNodes(model: ThreatModel): NodeDraft[] {
  const { actors, components, entryPoints } = model.scope;
  const exposing = (component: Component) => entryPoints.filter((entry) => entry.componentId === component.id);
  const outsiders = components.filter((component) => component.kind === 'external_entity');
  return [
    ...actors.map(actorNode),
    ...outsiders.map((component) => componentNode(component, [], 'outside')),
    ...components
      .filter((component) => component.kind !== 'external_entity')
      .map((component) => {
        const entries = exposing(component);
        const lane = component.kind === 'data_store' ? 'store' : entries.length ? 'entry' : 'process';
        return componentNode(component, entries, lane);
      }),
  ];
}

function actorNode(actor: Actor): NodeDraft {
  const about = [`Threadmodel ${actor.id}: ${actor.kind} actor`, actor.trustLevel && `trust level ${actor.trustLevel}`];
  return {
    id: actor.id,
    shape: 'actor',
    kind: 'external_entity',
    name: actor.name,
    description: lines(actor.description, about.filter(Boolean).join(', ')),
    boundaryId: actor.trustBoundaryId,
    lane: 'outside',
  };
}

function componentNode(component: Component, entries: { name: string; authentication: string }[], lane: Lane) {
  const shape: Shape = component.kind === 'process' ? 'process' : component.kind === 'data_store' ? 'store' : 'actor';
  const exposes = entries.map((entry) => `${entry.name} (authentication: ${entry.authentication})`).join('; ');
  const node: NodeDraft = {
    id: component.id,
    shape,
    kind: component.kind,
    name: component.name,
    description: lines(
      component.description,
      `Threadmodel ${component.id}: ${component.type}`,
      exposes && `Entry points: ${exposes}`,
    ),
    boundaryId: component.trustBoundaryId,
    lane,
  };
  return node;
}

function lines(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join('\n');
}

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
  const rating = threat.risk.after ?? threat.risk.before;
  return {
    id: ids.threat(threat.id, elementId),
    title: `${threat.id}: ${capitalise(threat.threatAction.trim())}`,
    type: STRIDE_NAMES[categories[0] ?? STRIDE_PER_ELEMENT[kind][0] ?? 'T'],
    status: threatStatus(threat, model.mitigations),
    severity: risk ? SEVERITIES[risk.band] : 'TBD',
    description: lines(threatStatement(threat, model.scope.assets), strideNote(categories)),
    mitigation: mitigationText(threat, model.mitigations),
    modelType: 'STRIDE',
    number: Number(threat.id.slice('T-'.length)),
    score: risk && rating ? `L${rating.likelihood}×I${rating.impact}=${risk.score}` : '',
  };
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
 * Mitigated: decided "mitigate" with an active mitigation in place. NotApplicable: the risk is
 * accepted, transferred or avoided (the decision and its reason are in the mitigation text).
 * Open: anything else, including mitigations planned before a risk decision was taken.
 */
function threatStatus(threat: Threat, mitigations: readonly Mitigation[]): ThreatDragonThreat['status'] {
  if (!isRiskTreated(threat, mitigations)) return 'Open';
  return threat.risk.decision?.type === 'mitigate' ? 'Mitigated' : 'NotApplicable';
}

function mitigationText(threat: Threat, mitigations: readonly Mitigation[]): string {
  const addressing = mitigations
    .filter((mitigation) => isActiveMitigation(mitigation) && mitigation.threatIds.includes(threat.id))
    .map((mitigation) => `${mitigation.id} (${mitigation.status}): ${mitigation.description}`);
  const decision = threat.risk.decision;
  if (decision && decision.type !== 'mitigate') {
    addressing.push(`Risk ${DECIDED[decision.type]} by ${decision.decidedBy}: ${decision.reason ?? ''}`.trim());
  }
  return addressing.join('\n\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Cells, shaped as Threat Dragon writes them.
// ---------------------------------------------------------------------------------------------

function stroke(open: boolean) {
  return open
    ? { stroke: 'red', strokeWidth: 2.5, strokeDasharray: null }
    : { stroke: '#333333', strokeWidth: 1.5, strokeDasharray: null };
}

const common = (name: string, description: string, threats: ThreatDragonThreat[]) => ({
  name,
  description,
  isTrustBoundary: false as const,
  outOfScope: false,
  reasonOutOfScope: '',
  hasOpenThreats: threats.some((threat) => threat.status === 'Open'),
  threats,
});

function nodeCell(id: string, node: DiagramNode, zIndex: number, threats: ThreatDragonThreat[]): ThreatDragonCell {
  const data = common(node.name, node.description, threats);
  const line = stroke(data.hasOpenThreats);
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
        ...stroke(data.hasOpenThreats),
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
    attrs: { headerText: { text: boundary.name }, body: { stroke: '#333333', strokeWidth: 3, strokeDasharray: '5 5' } },
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
