import type { ThreatModel } from '../domain/model';
import type { Actor, Component, DataFlow, EntryPoint, TrustBoundary } from '../domain/scope';

/**
 * The data-flow diagram of a model as Graphviz DOT, laid out left to right:
 *
 * - actors, and components of kind `external_entity`, are plain boxes (external entities);
 * - processes are rounded boxes; data stores are cylinders;
 * - each entry point is a small framed row (a Graphviz port named after its id) at the foot of
 *   the component that exposes it, with how callers authenticate ("no auth" in red);
 * - each data flow is an arrow labelled with its data, id and protocol; flows that cross a trust
 *   boundary are drawn in red;
 * - each trust boundary is a dashed red `cluster_<id>` around the actors and components whose
 *   `trustBoundaryId` names it. A boundary with nothing inside yet gets a grey "nothing inside
 *   yet" placeholder node, because Graphviz does not draw an empty cluster.
 *
 * Every piece of user text goes into an HTML-like label through `labelText`, so quotes,
 * backslashes, brackets and line breaks are only ever text; ids are quoted DOT strings. The
 * output depends only on the model (model order, no clock), so the same model gives the same DOT.
 */
export function dataFlowDiagramDot(model: ThreatModel): string {
  const { actors, components, entryPoints, dataFlows, trustBoundaries } = model.scope;
  const boundaryIds = new Set(trustBoundaries.map((boundary) => boundary.id));
  const inBoundary = (element: Actor | Component) =>
    element.trustBoundaryId !== undefined && boundaryIds.has(element.trustBoundaryId);
  const exposedBy = (component: Component) => entryPoints.filter((entry) => entry.componentId === component.id);
  const nodes: { element: Actor | Component; line: string }[] = [
    ...actors.map((actor) => ({ element: actor, line: actorNode(actor) })),
    ...components.map((component) => ({ element: component, line: componentNode(component, exposedBy(component)) })),
  ];
  const endpoints = new Set(nodes.map((node) => node.element.id));

  const lines = [
    'digraph dfd {',
    `  graph [rankdir=LR, fontname=${dotId(DIAGRAM_FONT)}, fontsize=11, bgcolor="white", pad=0.3, nodesep=0.45, ranksep=0.9, labelloc=t, labeljust=l, label=${titleLabel(model)}];`,
    `  node [fontname=${dotId(DIAGRAM_FONT)}, fontsize=11, margin="0.12,0.06", penwidth=1.2];`,
    `  edge [fontname=${dotId(DIAGRAM_FONT)}, fontsize=9, color="#455a64", arrowsize=0.8];`,
  ];
  for (const boundary of trustBoundaries) {
    const members = nodes.filter((node) => node.element.trustBoundaryId === boundary.id).map((node) => node.line);
    lines.push(...boundaryCluster(boundary, members));
  }
  for (const node of nodes) {
    if (!inBoundary(node.element)) lines.push(`  ${node.line}`);
  }
  for (const flow of dataFlows) {
    // A parsed model never has a dangling endpoint; skipping one keeps Graphviz from inventing a node.
    if (endpoints.has(flow.from) && endpoints.has(flow.to)) lines.push(`  ${flowEdge(flow)}`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The font Graphviz measures labels in; the PNG renderer is given the same font files. */
export const DIAGRAM_FONT = 'DejaVu Sans';

/** Characters per line and lines per label before text wraps, then is cut with an ellipsis. */
const WRAP = {
  name: { width: 24, lines: 3 },
  detail: { width: 34, lines: 2 },
  entryPoint: { width: 34, lines: 1 },
  flow: { width: 28, lines: 2 },
  boundary: { width: 40, lines: 2 },
  title: { width: 80, lines: 1 },
} as const;

/** Entry points listed on one component; the rest are summed up as "+N more". */
const ENTRY_POINTS_SHOWN = 6;

const NODE_STYLE: Readonly<Record<Component['kind'], string>> = {
  external_entity: 'shape=box, style="filled", fillcolor="#eceff1", color="#37474f"',
  process: 'shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#1565c0"',
  data_store: 'shape=cylinder, style="filled", fillcolor="#fff8e1", color="#8d6e63"',
};

const BOUNDARY_COLOR = '#d32f2f';
const CROSSING_COLOR = '#c62828';
const MUTED_COLOR = '#546e7a';

const OUT_OF_SCOPE_COLOR = '#9e9e9e';

/**
 * An out-of-scope element stays in the picture, greyed and dashed, so the diagram still shows the
 * whole system and a reader sees what the team chose not to model. Later DOT attributes win.
 */
function outOfScopeStyle(kind: Component['kind'] | 'data_flow', element: { outOfScopeReason?: string }): string {
  if (element.outOfScopeReason === undefined) return '';
  const style = kind === 'data_flow' ? 'dashed' : kind === 'process' ? 'rounded,filled,dashed' : 'filled,dashed';
  const fill = kind === 'data_flow' ? '' : ', fillcolor="#fafafa"';
  return `, style="${style}", color="${OUT_OF_SCOPE_COLOR}", fontcolor="${OUT_OF_SCOPE_COLOR}"${fill}`;
}

const outOfScopeDetail = (element: { outOfScopeReason?: string }) =>
  element.outOfScopeReason === undefined ? [] : ['out of scope'];

function actorNode(actor: Actor): string {
  const detail = [actor.id, actor.kind, actor.trustLevel, ...outOfScopeDetail(actor)].filter(Boolean).join(' · ');
  return `${dotId(actor.id)} [${NODE_STYLE.external_entity}${outOfScopeStyle('external_entity', actor)}, label=${elementLabel(actor.name, detail, [])}];`;
}

function componentNode(component: Component, entries: readonly EntryPoint[]): string {
  const detail = [component.id, component.type, ...outOfScopeDetail(component)].join(' · ');
  return `${dotId(component.id)} [${NODE_STYLE[component.kind]}${outOfScopeStyle(component.kind, component)}, label=${elementLabel(component.name, detail, entries)}];`;
}

function elementLabel(name: string, detail: string, entries: readonly EntryPoint[]): string {
  const rows = [
    `<TR><TD>${markupLines(name, WRAP.name)}</TD></TR>`,
    `<TR><TD><FONT POINT-SIZE="9" COLOR="${MUTED_COLOR}">${markupLines(detail, WRAP.detail)}</FONT></TD></TR>`,
    ...entries.slice(0, ENTRY_POINTS_SHOWN).map(entryPointRow),
  ];
  if (entries.length > ENTRY_POINTS_SHOWN) {
    const more = `+${entries.length - ENTRY_POINTS_SHOWN} more entry points`;
    rows.push(`<TR><TD><FONT POINT-SIZE="9" COLOR="${MUTED_COLOR}">${labelText(more)}</FONT></TD></TR>`);
  }
  return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">${rows.join('')}</TABLE>>`;
}

function entryPointRow(entry: EntryPoint): string {
  const auth =
    entry.authentication === 'none'
      ? `<FONT COLOR="${CROSSING_COLOR}">no auth</FONT>`
      : labelText(entry.authentication.replace(/_/g, ' '));
  const name = markupLines(`▸ ${entry.name}`, WRAP.entryPoint);
  return `<TR><TD PORT="${labelText(entry.id)}" BORDER="1" COLOR="#90a4ae" BGCOLOR="#ffffff" ALIGN="LEFT"><FONT POINT-SIZE="9">${name} · ${auth}</FONT></TD></TR>`;
}

function boundaryCluster(boundary: TrustBoundary, members: readonly string[]): string[] {
  const detail = [boundary.id, boundary.trustLevel].filter(Boolean).join(' · ');
  const left = '<BR ALIGN="LEFT"/>';
  const label = `<<B>${markupLines(boundary.name, WRAP.boundary, left)}</B>${left}<FONT POINT-SIZE="9">${markupLines(detail, WRAP.detail, left)}</FONT>${left}>`;
  const body =
    members.length > 0
      ? members
      : [
          `${dotId(`${boundary.id}.empty`)} [shape=plaintext, fontsize=9, fontcolor="#9e9e9e", label=<<I>nothing inside yet</I>>];`,
        ];
  return [
    `  subgraph ${dotId(`cluster_${boundary.id}`)} {`,
    `    graph [label=${label}, style="dashed,rounded", color="${BOUNDARY_COLOR}", fontcolor="${BOUNDARY_COLOR}", penwidth=1.5, margin=14];`,
    ...body.map((line) => `    ${line}`),
    '  }',
  ];
}

function flowEdge(flow: DataFlow): string {
  const detail = [flow.id, flow.protocol, ...outOfScopeDetail(flow)].filter(Boolean).join(' · ');
  const label = `<${markupLines(flow.data, WRAP.flow)}<BR/><FONT COLOR="${MUTED_COLOR}">${markupLines(detail, WRAP.detail)}</FONT>>`;
  const crossing = flow.crossesTrustBoundary
    ? `, color="${CROSSING_COLOR}", fontcolor="${CROSSING_COLOR}", penwidth=1.6`
    : '';
  return `${dotId(flow.from)} -> ${dotId(flow.to)} [id=${dotId(flow.id)}, label=${label}${crossing}${outOfScopeStyle('data_flow', flow)}];`;
}

function titleLabel(model: ThreatModel): string {
  const title = markupLines(`${model.id} · ${model.title}`, WRAP.title);
  const legend = [
    'Data-flow diagram. Box: external entity · rounded box: process · cylinder: data store',
    'Dashed red frame: trust boundary · red arrow: flow crossing a boundary · ▸ entry point',
  ]
    .map(labelText)
    .join('<BR ALIGN="LEFT"/>');
  return `<<FONT POINT-SIZE="14"><B>${title}</B></FONT><BR ALIGN="LEFT"/><FONT POINT-SIZE="9" COLOR="${MUTED_COLOR}">${legend}</FONT><BR ALIGN="LEFT"/>>`;
}

/** A DOT double-quoted string: only `"` and `\` are special inside one; line breaks become spaces. */
function dotId(value: string): string {
  return `"${value.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** Wrapped lines of user text, escaped for an HTML-like label and joined with `<BR/>`. */
function markupLines(value: string, wrap: { width: number; lines: number }, lineBreak = '<BR/>'): string {
  return wrapText(value, wrap.width, wrap.lines).map(labelText).join(lineBreak);
}

/**
 * Text for a Graphviz HTML-like label. Graphviz decodes the entities first and then still
 * expands escapes such as `\N` (node name) and `\G` (graph name) in the text, so after XML
 * escaping each backslash is doubled: `\\` is how such a label spells one backslash.
 */
function labelText(value: string): string {
  return markupText(value).replace(/\\/g, '\\\\');
}

// Characters XML cannot carry (C0 controls other than tab and line breaks, U+FFFE/U+FFFF,
// unpaired surrogates), C1 controls and bidi overrides that could reorder a label.
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * User text made safe as XML character data or a quoted attribute value: unsafe characters
 * removed, white space (line breaks too) collapsed to one space, markup characters escaped.
 * Serves Graphviz HTML-like labels and hand-written SVG alike.
 */
export function markupText(value: string): string {
  return value
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? '');
}

/**
 * Greedy word wrap to lines of at most `width` characters (code points, so an emoji is never
 * split); a word longer than a line is broken; beyond `maxLines` the last line ends with "…".
 */
export function wrapText(value: string, width: number, maxLines: number): string[] {
  const words = value.replace(UNSAFE_CHARACTERS, '').trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of words) {
    const chars = Array.from(word);
    const current = line.length;
    if (current > 0 && current + 1 + chars.length <= width) {
      line.push(' ', ...chars);
      continue;
    }
    if (current > 0) lines.push(line.join(''));
    line = [];
    for (let start = 0; start < chars.length; start += width) {
      const piece = chars.slice(start, start + width);
      if (start + width < chars.length) lines.push(piece.join(''));
      else line = piece;
    }
  }
  if (line.length > 0) lines.push(line.join(''));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = Array.from(kept[maxLines - 1] ?? '');
  kept[maxLines - 1] = `${last.slice(0, width - 1).join('')}…`;
  return kept;
}
