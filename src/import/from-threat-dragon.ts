import type { ImportedModel } from '../domain/imported-model';
import { LIMITS } from '../domain/limits';
import { MITIGATION_STATUSES, type Mitigation, type MitigationStatus } from '../domain/mitigation';
import { STRIDE, STRIDE_NAMES, type Stride } from '../domain/stride';
import type { Threat } from '../domain/threat';
import { IMPORT_ACTOR, ModelBuilder } from './model-builder';
import type { TdFile, TdFileCell, TdFileThreat } from './threat-dragon-file';

/** Catalog types given to Threat Dragon's processes and stores, which have no type. */
const PROCESS_TYPE = 'web-api';
const STORE_TYPE = 'relational-db';
const NO_REASON = 'Marked out of scope in Threat Dragon (no reason given)';

const BOUNDARY_SHAPES = new Set([
  'trust-boundary-box',
  'trust-boundary-curve',
  'trust-broundary-curve',
  'trust-boundary',
]);
const NODE_SHAPES = new Set(['actor', 'process', 'store']);

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A Threat Dragon v2 file as a model: actors, processes and stores of every diagram become
 * actors and components, boxed members get their trust boundary (a curve becomes a boundary
 * with no members), flows become data flows, and each cell's threats become threats on it, with
 * their mitigation text as mitigations. A threat on several cells (as our export writes one
 * affecting several elements) is one threat. Statements our export wrote are read back into the
 * grammar; other threats keep their title as the action.
 */
export function fromThreatDragon(file: TdFile, now: Date): ImportedModel {
  const b = new ModelBuilder('threat_dragon', now);
  const title = b.name(file.summary.title, 'Title', 'Imported from Threat Dragon').slice(0, LIMITS.titleMax);
  if (file.summary.description?.trim()) {
    b.scope.description = b.fit(file.summary.description, LIMITS.descriptionMax, 'Summary description');
  }
  if (file.detail.diagrams.length > 1) b.note(`${file.detail.diagrams.length} diagrams were merged into one scope`);
  const cells = file.detail.diagrams.flatMap((diagram) => diagram.cells ?? []);
  // A box holds the nodes of its own diagram only.
  const diagramOf = new Map(
    file.detail.diagrams.flatMap((diagram, i) => (diagram.cells ?? []).map((cell) => [cell, i] as const)),
  );
  const ids = new Map<string, string>();
  const boxes: { id: string; rect: Rect; diagram: number | undefined }[] = [];
  let typed = false;

  for (const cell of cells.filter((c) => BOUNDARY_SHAPES.has(c.shape))) {
    const id = b.id('trustBoundary');
    ids.set(cell.id, id);
    b.scope.trustBoundaries.push({
      id,
      name: b.name(cell.data?.name ?? labelOf(cell), `Boundary ${cell.id}`, id),
      ...described(b, cell),
    });
    const rect = rectOf(cell);
    if (cell.shape === 'trust-boundary-box' && rect) boxes.push({ id, rect, diagram: diagramOf.get(cell) });
  }
  const boundaryOf = (cell: TdFileCell) => {
    const rect = rectOf(cell);
    if (!rect) return undefined;
    const centre = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    const inside = boxes.filter(
      ({ rect: r, diagram }) =>
        diagram === diagramOf.get(cell) &&
        centre.x > r.x &&
        centre.x < r.x + r.width &&
        centre.y > r.y &&
        centre.y < r.y + r.height,
    );
    // The innermost box when boxes nest.
    return inside.sort((p, q) => p.rect.width * p.rect.height - q.rect.width * q.rect.height)[0]?.id;
  };

  for (const cell of cells.filter((c) => NODE_SHAPES.has(c.shape))) {
    const boundary = boundaryOf(cell);
    const common = {
      ...described(b, cell),
      ...(cell.data?.outOfScope && { outOfScopeReason: reasonOf(b, cell) }),
      ...(boundary && { trustBoundaryId: boundary }),
    };
    if (cell.shape === 'actor') {
      const id = b.id('actor');
      ids.set(cell.id, id);
      b.scope.actors.push({ id, name: b.name(cell.data?.name, `Actor ${cell.id}`, id), kind: 'human', ...common });
    } else {
      const id = b.id('component');
      ids.set(cell.id, id);
      const store = cell.shape === 'store';
      typed = true;
      b.scope.components.push({
        id,
        name: b.name(cell.data?.name, `${store ? 'Store' : 'Process'} ${cell.id}`, id),
        type: store ? STORE_TYPE : PROCESS_TYPE,
        kind: store ? 'data_store' : 'process',
        ...common,
      });
    }
  }
  if (typed)
    b.note(
      'Processes and stores have no type in Threat Dragon: they are typed "web API" and "relational database" here, change them as fits',
    );

  const boundaryOfElement = new Map(
    [...b.scope.actors, ...b.scope.components].map((element) => [element.id, element.trustBoundaryId]),
  );
  for (const cell of cells.filter((c) => c.shape === 'flow')) {
    const from = ids.get(cell.source?.cell ?? '');
    const to = ids.get(cell.target?.cell ?? '');
    const name = cell.data?.name ?? labelOf(cell);
    if (!from || !to || from === to) {
      b.note(`Flow "${(name ?? cell.id).slice(0, 60)}": does not connect two elements, so not imported`);
      continue;
    }
    const id = b.id('dataFlow');
    ids.set(cell.id, id);
    b.scope.dataFlows.push({
      id,
      from,
      to,
      data: b.name(name, `Flow ${cell.id}`, 'data'),
      assetIds: [],
      ...(cell.data?.protocol?.trim() && { protocol: b.name(cell.data.protocol, `Flow ${id} protocol`, '') }),
      crossesTrustBoundary:
        boundaryOfElement.get(from) !== boundaryOfElement.get(to) || cell.data?.isPublicNetwork === true,
      ...(cell.data?.outOfScope && { outOfScopeReason: reasonOf(b, cell) }),
    });
  }
  for (const cell of cells) {
    if (!NODE_SHAPES.has(cell.shape) && !BOUNDARY_SHAPES.has(cell.shape) && cell.shape !== 'flow') {
      b.note(`A "${cell.shape.slice(0, 40)}" cell${cell.data?.name ? ` ("${cell.data.name.slice(0, 60)}")` : ''}`);
    }
  }

  for (const cell of cells) if (ids.has(cell.id)) unreadProperties(b, cell);
  const { owner } = file.summary;
  if (owner?.trim()) b.note(`The owner "${owner.slice(0, 60)}" (the model's owner is whoever imported it)`);
  if (file.detail.contributors?.length) b.note(`Contributors (${file.detail.contributors.length}): pick roles instead`);
  if (file.detail.reviewer?.trim()) b.note(`The reviewer "${file.detail.reviewer.slice(0, 60)}" (AppSec reviews here)`);
  importThreats(b, cells, ids);
  return b.result(title);
}

/** Properties read above, or Threat Dragon's bookkeeping. */
const READ_PROPERTIES = new Set([
  'type',
  'name',
  'description',
  'outOfScope',
  'reasonOutOfScope',
  'threats',
  'isTrustBoundary',
  'hasOpenThreats',
  'protocol',
  'isPublicNetwork',
  'threatFrequency',
]);

/** Element properties set in Threat Dragon (isEncrypted, handlesCardPayment, privilegeLevel ...), counted per name. */
function unreadProperties(b: ModelBuilder, cell: TdFileCell): void {
  for (const [key, value] of Object.entries(cell.data ?? {})) {
    if (READ_PROPERTIES.has(key) || value === false || value === '' || value === null || value === undefined) continue;
    b.count(`Threat Dragon property "${key.slice(0, 40)}"`);
  }
}

function described(b: ModelBuilder, cell: TdFileCell) {
  const text = cell.data?.description?.trim();
  return text
    ? { description: b.fit(text, LIMITS.descriptionMax, `Description of ${cell.data?.name ?? cell.id}`) }
    : {};
}

function reasonOf(b: ModelBuilder, cell: TdFileCell): string {
  const reason = cell.data?.reasonOutOfScope?.trim();
  return reason
    ? b.fit(reason, LIMITS.descriptionMax, `Reason out of scope of ${cell.data?.name ?? cell.id}`)
    : NO_REASON;
}

function labelOf(cell: TdFileCell): string | undefined {
  const attrs = cell.attrs as { label?: { text?: unknown } } | undefined;
  if (typeof attrs?.label?.text === 'string') return attrs.label.text;
  const labels = cell.labels as { attrs?: { label?: { text?: unknown } } }[] | undefined;
  const text = Array.isArray(labels) ? labels[0]?.attrs?.label?.text : undefined;
  return typeof text === 'string' ? text : undefined;
}

function rectOf(cell: TdFileCell): Rect | undefined {
  if (!cell.position || !cell.size) return undefined;
  return { ...cell.position, ...cell.size };
}

/** A threat as grouped across cells: our export repeats one threat on every element it affects. */
interface Gathered {
  key: string;
  number: number;
  threat: TdFileThreat;
  elementIds: string[];
}

const OUR_TITLE = /^(T-\d+): /;

function importThreats(b: ModelBuilder, cells: readonly TdFileCell[], ids: ReadonlyMap<string, string>): void {
  const gathered = new Map<string, Gathered>();
  for (const cell of cells) {
    const elementId = ids.get(cell.id);
    for (const threat of cell.data?.threats ?? []) {
      if (!elementId || !/^(AC|C|DF)-/.test(elementId)) {
        b.note(`Threat "${(threat.title ?? '').slice(0, 60)}" on a cell not imported`);
        continue;
      }
      const key = OUR_TITLE.exec(threat.title ?? '')?.[1] ?? `${cell.id}/${threat.id ?? gathered.size}`;
      const known = gathered.get(key);
      if (known) known.elementIds.push(elementId);
      else gathered.set(key, { key, number: threat.number ?? gathered.size, threat, elementIds: [elementId] });
    }
  }
  const at = b.now.toISOString();
  const mitigations = new Map<string, { number: number; mitigation: Omit<Mitigation, 'id'> }>();
  const assets = new Map<string, string>();
  const sorted = [...gathered.values()].sort((p, q) => p.number - q.number);
  if (sorted.length) b.note('Threat status, severity and score are not imported: risk is rated again in step 4');
  for (const { threat, elementIds } of sorted) {
    const id = b.id('threat');
    const grammar = statementGrammar(threat.description) ?? titleGrammar(b, threat);
    const assetIds = grammar.assets.map((name) => {
      const known = assets.get(name);
      if (known) return known;
      const assetId = b.id('asset');
      b.scope.assets.push({ id: assetId, name: b.name(name, `Asset "${name}"`, assetId), classification: 'internal' });
      assets.set(name, assetId);
      return assetId;
    });
    const entry: Threat = {
      id,
      threatSource: b.fit(grammar.source, LIMITS.grammarFieldMax, `${id} threat source`),
      threatAction: b.fit(grammar.action, LIMITS.grammarFieldMax, `${id} threat action`),
      ...(grammar.impact && { threatImpact: b.fit(grammar.impact, LIMITS.grammarFieldMax, `${id} threat impact`) }),
      impactedGoals: grammar.goals.slice(0, 10),
      impactedAssetIds: assetIds,
      stride: strideOf(threat),
      affectedElementIds: [...new Set(elementIds)],
      origin: { type: 'manual' },
      risk: {},
      createdBy: IMPORT_ACTOR,
      createdAt: at,
    };
    b.threats.push(entry);
    for (const block of mitigationBlocks(threat.mitigation)) {
      const ours = /^(M-(\d+)) \(([a-z_]+)(?:, not in place yet)?\): ([\s\S]*)$/.exec(block);
      if (ours?.[1] && ours[2] && ours[3] && ours[4] !== undefined) {
        const known = mitigations.get(ours[1]);
        if (known) known.mitigation.threatIds.push(id);
        else
          mitigations.set(ours[1], { number: Number(ours[2]), mitigation: ourMitigation(b, ours[3], ours[4], id, at) });
      } else if (/^Risk (accepted|transferred|avoided|to be)/.test(block)) {
        b.note(`${id}: its risk decision ("${block.slice(0, 80)}") is not imported: decide again in step 4`);
      } else {
        const status: MitigationStatus = threat.status === 'Mitigated' ? 'implemented' : 'proposed';
        mitigations.set(`${id}/${mitigations.size}`, {
          number: Number.MAX_SAFE_INTEGER,
          mitigation: {
            description: b.fit(block, LIMITS.descriptionMax, `Mitigation of ${id}`),
            threatIds: [id],
            status,
            references: [],
            createdBy: IMPORT_ACTOR,
            createdAt: at,
          },
        });
      }
    }
  }
  for (const { mitigation } of [...mitigations.values()].sort((p, q) => p.number - q.number)) {
    b.mitigations.push({ id: b.id('mitigation'), ...mitigation, threatIds: [...new Set(mitigation.threatIds)] });
  }
}

function ourMitigation(
  b: ModelBuilder,
  status: string,
  text: string,
  threatId: string,
  at: string,
): Omit<Mitigation, 'id'> {
  // Our export adds "Owner:", "References:" and "Backlog:" lines under the description.
  const description = text
    .split('\n')
    .filter((line) => !/^(Owner|References|Backlog): /.test(line))
    .join('\n');
  const known = MITIGATION_STATUSES.find((s) => s === status);
  return {
    description: b.fit(description, LIMITS.descriptionMax, `Mitigation of ${threatId}`),
    threatIds: [threatId],
    status: known ?? 'proposed',
    references: [],
    createdBy: IMPORT_ACTOR,
    createdAt: at,
  };
}

function mitigationBlocks(text: string | undefined): string[] {
  const trimmed = text?.trim();
  if (!trimmed) return [];
  // Our export separates mitigations with a blank line and starts each with its id.
  return /^M-\d+ \(/.test(trimmed) ? trimmed.split(/\n\n(?=M-\d+ \(|Risk )/) : [trimmed];
}

interface Grammar {
  source: string;
  action: string;
  impact?: string;
  goals: string[];
  assets: string[];
}

/** The grammar back from a statement as composeStatement writes it, when the description starts with one. */
function statementGrammar(description: string | undefined): Grammar | undefined {
  const first = description?.split('\n')[0]?.trim() ?? '';
  const match =
    /^(?:An?\s+)?(.+?) can (.+?)(?:, which leads to (.+?))?(?:, resulting in reduced (.+?)(?: of (.+))?|, negatively impacting (.+))?$/.exec(
      first,
    );
  if (!match?.[1] || !match[2]) return undefined;
  const list = (text: string | undefined) =>
    text
      ? text
          .split(/, | and /)
          .map((t) => t.trim())
          .filter(Boolean)
      : [];
  return {
    source: match[1],
    action: match[2],
    ...(match[3] && { impact: match[3] }),
    goals: list(match[4]),
    assets: list(match[5] ?? match[6]),
  };
}

/** A threat Threat Dragon wrote: its title is what happens; its description is said in the list. */
function titleGrammar(b: ModelBuilder, threat: TdFileThreat): Grammar {
  const title = threat.title?.trim() || threat.type?.trim() || 'threat';
  if (threat.description?.trim()) b.count('Threat descriptions not in the grammar');
  return { source: 'threat actor', action: title.charAt(0).toLowerCase() + title.slice(1), goals: [], assets: [] };
}

const STRIDE_BY_NAME = new Map(STRIDE.map((letter) => [STRIDE_NAMES[letter].toLowerCase(), letter] as const));

function strideOf(threat: TdFileThreat): Stride[] {
  const names = [threat.type ?? ''];
  const extra = /\nSTRIDE: (.+)/.exec(threat.description ?? '')?.[1];
  if (extra) names.push(...extra.split(', '));
  const letters = names.flatMap((name) => STRIDE_BY_NAME.get(name.trim().toLowerCase()) ?? []);
  return STRIDE.filter((letter) => letters.includes(letter));
}
