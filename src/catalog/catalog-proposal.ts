import { catalogEntryId } from '../domain/catalog-proposals';
import type { RiskMatrix } from '../domain/flow';
import { LIMITS } from '../domain/limits';
import { isActiveMitigation, type Mitigation } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import { WebUrlSchema } from '../domain/primitives';
import { scoreRisk } from '../domain/risk';
import { type Stride, sortStride } from '../domain/stride';
import type { Threat } from '../domain/threat';
import type { Catalog } from './catalog';
import type { CatalogFile, CatalogThreat, Control } from './catalog-schema';

/** What a threat or mitigation of a model becomes in the catalog: one catalog file's content. */
export interface CatalogProposalFile {
  /** The id of the entry proposed (`thr-tm12-t3`, `ctl-tm12-m2`): also the file's name and the branch's. */
  catalogId: string;
  /** The threat or mitigation it was written from. */
  itemId: string;
  /**
   * The entry, and for a threat the controls it links: the catalog's own, and the team's
   * mitigations of it that implement none, proposed with it (the catalog links every threat to
   * a control).
   */
  content: CatalogFile & { threats?: CatalogThreat[]; controls?: Control[] };
}

export type CatalogProposalOutcome = { ok: true; proposal: CatalogProposalFile } | { ok: false; message: string };

/** The security goal each STRIDE category reduces, for a threat that names none. */
const GOAL_OF: Readonly<Record<Stride, string>> = {
  S: 'authenticity',
  T: 'integrity',
  R: 'non-repudiation',
  I: 'confidentiality',
  D: 'availability',
  E: 'authorization',
};

/**
 * Write a model's threat (`T-n`) or mitigation (`M-n`) as a catalog entry AppSec can review like
 * code. Where it applies (`appliesTo`) is the catalog types of the components it is on: a
 * threat's components, the components exposing its entry points and at either end of its data
 * flows (actors have no type); a mitigation's, those of the threats it addresses. An item that is
 * on no typed component, or has no STRIDE category, cannot be a catalog entry and is refused with
 * what to do. Only the model's text is used, as data; the ids are made of the model's ids. Pure.
 */
export function catalogProposalFile(
  model: ThreatModel,
  itemId: string,
  context: { catalog: Catalog; matrix: RiskMatrix },
): CatalogProposalOutcome {
  const catalogId = catalogEntryId(model.id, itemId);
  if (context.catalog.sources.has(catalogId)) {
    return refused(`${itemId} is already in the catalog as ${catalogId}.`);
  }
  if (itemId.startsWith('T-')) {
    const threat = model.threats.find((t) => t.id === itemId);
    return threat ? threatProposal(model, threat, catalogId, context) : refused(`${itemId} no longer exists.`);
  }
  const mitigation = model.mitigations.find((m) => m.id === itemId);
  if (!mitigation) return refused(`${itemId} no longer exists.`);
  const control = controlOf(model, mitigation, context.catalog);
  if (!control.ok) return control;
  return { ok: true, proposal: { catalogId, itemId, content: { controls: [control.control] } } };
}

function threatProposal(
  model: ThreatModel,
  threat: Threat,
  catalogId: string,
  { catalog, matrix }: { catalog: Catalog; matrix: RiskMatrix },
): CatalogProposalOutcome {
  if (threat.stride.length === 0) {
    return refused(`Give ${threat.id} at least one STRIDE category first: the catalog files threats by STRIDE.`);
  }
  const appliesTo = typesOf(model, [threat], catalog);
  if (appliesTo.length === 0) return refused(onNoType(threat.id));
  const origin = threat.origin.type === 'catalog' ? catalog.threats.get(threat.origin.catalogThreatId) : undefined;
  const mitigations = model.mitigations.filter((m) => m.threatIds.includes(threat.id) && isActiveMitigation(m));
  const known = new Set<string>(origin ? (catalog.controlsByThreat.get(origin.id) ?? []) : []);
  const proposedWith: Control[] = [];
  for (const mitigation of mitigations) {
    if (mitigation.baselineControlId && catalog.controls.has(mitigation.baselineControlId)) {
      known.add(mitigation.baselineControlId);
      continue;
    }
    // Proposed before and merged into the catalog since: linked, not proposed twice.
    const merged = catalogEntryId(model.id, mitigation.id);
    if (catalog.controls.has(merged)) {
      known.add(merged);
      continue;
    }
    const control = controlOf(model, mitigation, catalog);
    if (control.ok) proposedWith.push(control.control);
  }
  const controls = [...known, ...proposedWith.map((control) => control.id)];
  if (controls.length === 0) {
    return refused(
      `The catalog links every threat to a control, and ${threat.id} has no mitigation yet: add one (or adopt a baseline control) first.`,
    );
  }
  const assets = threat.impactedAssetIds.flatMap((id) => model.scope.assets.find((a) => a.id === id)?.name ?? []);
  const entry: CatalogThreat = {
    id: catalogId,
    title: title(threat.threatAction),
    threatSource: threat.threatSource,
    ...(threat.prerequisites && { prerequisites: threat.prerequisites }),
    threatAction: threat.threatAction,
    ...(threat.threatImpact && { threatImpact: threat.threatImpact }),
    impactedGoals:
      threat.impactedGoals.length > 0
        ? [...threat.impactedGoals]
        : [...new Set(sortStride(threat.stride).map((s) => GOAL_OF[s]))],
    impactedAssets: [...new Set(assets)],
    stride: sortStride(threat.stride),
    appliesTo,
    controls,
    severity: threat.risk.before ? scoreRisk(matrix, threat.risk.before).band : (origin?.severity ?? 'medium'),
    references: origin?.references ?? {},
  };
  return {
    ok: true,
    proposal: {
      catalogId,
      itemId: threat.id,
      content: { threats: [entry], ...(proposedWith.length > 0 && { controls: proposedWith }) },
    },
  };
}

/** A mitigation as a catalog control: what it does, its web references, where and against what it applies. */
function controlOf(
  model: ThreatModel,
  mitigation: Mitigation,
  catalog: Catalog,
): { ok: true; control: Control } | { ok: false; message: string } {
  const threats = model.threats.filter((t) => mitigation.threatIds.includes(t.id));
  const stride = sortStride(new Set(threats.flatMap((t) => t.stride)));
  if (stride.length === 0) {
    return refused(
      `The threats ${mitigation.id} addresses have no STRIDE category yet: give them one first (the catalog files controls by STRIDE).`,
    );
  }
  const appliesTo = typesOf(model, threats, catalog);
  if (appliesTo.length === 0) return refused(onNoType(mitigation.id));
  const mitigates = [
    ...new Set(
      threats.flatMap((t) =>
        t.origin.type === 'catalog' && catalog.threats.has(t.origin.catalogThreatId) ? [t.origin.catalogThreatId] : [],
      ),
    ),
  ];
  const links = mitigation.references.filter((reference) => WebUrlSchema.safeParse(reference).success);
  return {
    ok: true,
    control: {
      id: catalogEntryId(model.id, mitigation.id),
      title: title(mitigation.description.split('\n')[0] ?? mitigation.description),
      description: mitigation.description,
      stride,
      appliesTo,
      mitigates,
      references: links.length > 0 ? { links } : {},
    },
  };
}

/** The catalog types of the components these threats are on, directly or through entry points and data flows. */
function typesOf(model: ThreatModel, threats: readonly Threat[], catalog: Catalog): string[] {
  const { components, entryPoints, dataFlows } = model.scope;
  const componentIds = threats.flatMap((threat) =>
    threat.affectedElementIds.flatMap((id) => {
      if (id.startsWith('C-')) return [id];
      if (id.startsWith('EP-')) return entryPoints.filter((e) => e.id === id).map((e) => e.componentId);
      if (id.startsWith('DF-')) return dataFlows.filter((f) => f.id === id).flatMap((f) => [f.from, f.to]);
      return [];
    }),
  );
  const types = componentIds.flatMap((id) => components.find((c) => c.id === id)?.type ?? []);
  return [...new Set(types)].filter((type) => catalog.componentTypes.has(type)).sort();
}

function onNoType(itemId: string): string {
  return (
    `${itemId} is on no component with a catalog type, so the catalog could not tell where it applies: ` +
    'place it (or its threats) on a component, an entry point or a data flow first.'
  );
}

/** A title from the first words of a text: at most the catalog's title length, cut at a word. */
function title(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const capital = line.charAt(0).toUpperCase() + line.slice(1);
  if (capital.length <= LIMITS.nameMax) return capital;
  const cut = capital.slice(0, LIMITS.nameMax - 1);
  // Never split a surrogate pair; prefer ending at a space.
  const safe = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  const space = safe.lastIndexOf(' ');
  return `${(space > LIMITS.nameMax / 2 ? safe.slice(0, space) : safe).trimEnd()}…`;
}

function refused(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
