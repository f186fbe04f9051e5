/** Where each element of a Threat Dragon diagram goes: a deterministic layout from the scope. */
import type { ThreatModel } from '../domain/model';
import type { Actor, Component, TrustBoundary } from '../domain/scope';
import type { DfdKind } from '../domain/stride';

// ---------------------------------------------------------------------------------------------
// Layout: columns by role (outside actors, components exposing an entry point, other processes,
// data stores; empty columns dropped), rows in scope order. Each trust boundary with members is
// a band of rows spanning the columns of its members, boxed; bands and loose nodes stack per
// column like a skyline, so no box holds a node it does not own and nothing overlaps.
// ---------------------------------------------------------------------------------------------

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Shape = 'actor' | 'process' | 'store';

export interface DiagramNode {
  id: string;
  shape: Shape;
  kind: DfdKind;
  name: string;
  description: string;
  boundaryId: string | undefined;
  column: number;
  rect: Rect;
}

export interface Layout {
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
export const COLUMN_PITCH = SLOT.width + 140;
export const ROW_PITCH = SLOT.height + 60;
export const BOX_PADDING = 30;
const BOX_HEADER = 30;
export const BOX_GAP = 40;
const MARGIN = 40;
/** Rows a column holds before its lane wraps into another column. */
const MAX_ROWS = 10;
export const ORIGIN = { x: MARGIN + BOX_PADDING, y: MARGIN + BOX_HEADER + BOX_PADDING };

type Lane = 'outside' | 'entry' | 'process' | 'store';
const LANES: readonly Lane[] = ['outside', 'entry', 'process', 'store'];

interface NodeDraft extends Omit<DiagramNode, 'column' | 'rect'> {
  lane: Lane;
}

export function layoutDiagram(model: ThreatModel): Layout {
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

export function lines(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join('\n');
}
