import type { ImportedModel } from '../domain/imported-model';
import { LIMITS } from '../domain/limits';
import { MITIGATION_STATUSES, type MitigationStatus } from '../domain/mitigation';
import { STRIDE, type Stride } from '../domain/stride';
import type { Threat } from '../domain/threat';
import { IMPORT_ACTOR, ModelBuilder } from './model-builder';
import { TC_KNOWN_KEYS, type TcFile, type TcFileEntity, type TcFileThreat } from './threat-composer-file';

const MITIGATION_STATUS: Readonly<Record<string, MitigationStatus>> = {
  mitigationIdentified: 'proposed',
  mitigationInProgress: 'planned',
  mitigationResolved: 'implemented',
  mitigationResolvedWillNotAction: 'not_applicable',
};

/** Metadata this reads: STRIDE and, on our own exports, our mitigation status. Others are listed. */
const READ_METADATA = new Set([
  'STRIDE',
  'custom:status',
  'custom:threadmodelId',
  'custom:likelihoodBefore',
  'custom:impactBefore',
  'custom:likelihoodAfter',
  'custom:impactAfter',
]);

const display = (prefix: string, entity: { numericId?: number | undefined; id: string }) =>
  entity.numericId ? `${prefix}-${String(entity.numericId).padStart(4, '0')}` : `${prefix} ${entity.id.slice(0, 8)}`;

/**
 * A Threat Composer file as a model: threats in the grammar (STRIDE from its metadata), their
 * impacted assets as assets, mitigations with their links and status, assumptions with their
 * links. Threat Composer has no scope elements, so none are made beyond the assets; the
 * priority, comments, tags, threat-pack provenance, brainstorm, diagrams and any other metadata
 * are listed as not imported.
 */
export function fromThreatComposer(file: TcFile, now: Date): ImportedModel {
  const b = new ModelBuilder('threat_composer', now);
  const at = now.toISOString();
  for (const key of Object.keys(file)) if (!TC_KNOWN_KEYS.has(key)) b.note(`Section "${key}" of the file`);
  const info = file.applicationInfo;
  const title = b.name(info?.name, 'Application name', 'Imported from Threat Composer').slice(0, LIMITS.titleMax);
  if (info?.description?.trim())
    b.scope.description = b.fit(info.description, LIMITS.descriptionMax, 'Application description');
  for (const part of ['architecture', 'dataflow'] as const) {
    if (file[part]?.description?.trim()) b.note(`The ${part} description`);
    if (file[part]?.image) b.note(`The ${part} diagram image`);
  }

  const assetIds = new Map<string, string>();
  const assetFor = (name: string) => {
    const key = name.trim().toLowerCase();
    const known = assetIds.get(key);
    if (known) return known;
    const id = b.id('asset');
    b.scope.assets.push({ id, name: b.name(name, `Asset "${name}"`, id), classification: 'internal' });
    assetIds.set(key, id);
    return id;
  };

  const threatIds = new Map<string, string>();
  for (const threat of file.threats ?? []) {
    const where = display('T', threat);
    if (threat.status === 'threatResolvedNotUseful') {
      b.note(`${where}: marked "Not useful" in Threat Composer, so not imported`);
      continue;
    }
    if (!threat.threatSource?.trim() || !threat.threatAction?.trim()) {
      b.note(`${where}: has no threat source or action, so not imported (${(threat.statement ?? '').slice(0, 100)})`);
      continue;
    }
    const id = b.id('threat');
    threatIds.set(threat.id, id);
    b.threats.push({
      id,
      threatSource: b.fit(threat.threatSource, LIMITS.grammarFieldMax, `${where} threat source`),
      ...(threat.prerequisites?.trim() && {
        prerequisites: b.fit(threat.prerequisites, LIMITS.grammarFieldMax, `${where} prerequisites`),
      }),
      threatAction: b.fit(threat.threatAction, LIMITS.grammarFieldMax, `${where} threat action`),
      ...(threat.threatImpact?.trim() && {
        threatImpact: b.fit(threat.threatImpact, LIMITS.grammarFieldMax, `${where} threat impact`),
      }),
      impactedGoals: (threat.impactedGoal ?? []).filter((goal) => goal.trim()).slice(0, 10),
      impactedAssetIds: [...new Set((threat.impactedAssets ?? []).filter((a) => a.trim()).map(assetFor))],
      stride: strideOf(threat),
      affectedElementIds: [],
      origin: { type: 'manual' },
      // Our own export keeps the ratings as custom metadata; decisions are made again here.
      risk: ratingsOf(threat),
      createdBy: IMPORT_ACTOR,
      createdAt: at,
    });
    unreadMetadata(b, 'Threat', threat);
    if (threat.customTemplate) b.count('Threat custom templates');
    if (threat.status === 'threatResolved')
      b.count('Threat status "Resolved" (worked out again here from mitigations and risk decisions)');
  }
  if (assetIds.size)
    b.note(`Assets made from impacted assets (${assetIds.size}) are classified "internal": check them`);

  const linked = new Map<string, string[]>();
  for (const link of file.mitigationLinks ?? []) {
    const threatId = threatIds.get(link.linkedId);
    if (threatId) linked.set(link.mitigationId, [...(linked.get(link.mitigationId) ?? []), threatId]);
  }
  const mitigationIds = new Map<string, string>();
  for (const mitigation of file.mitigations ?? []) {
    const where = display('M', mitigation);
    const threats = [...new Set(linked.get(mitigation.id) ?? [])];
    if (!threats.length) {
      b.note(`${where}: addresses no imported threat, so not imported (${mitigation.content.slice(0, 100)})`);
      continue;
    }
    if (!mitigation.content.trim()) {
      b.note(`${where}: has no text, so not imported`);
      continue;
    }
    const id = b.id('mitigation');
    mitigationIds.set(mitigation.id, id);
    b.mitigations.push({
      id,
      description: b.fit(mitigation.content, LIMITS.descriptionMax, where),
      threatIds: threats,
      status: mitigationStatus(mitigation),
      references: [],
      createdBy: IMPORT_ACTOR,
      createdAt: at,
    });
    unreadMetadata(b, 'Mitigation', mitigation);
  }

  for (const assumption of file.assumptions ?? []) {
    const where = display('A', assumption);
    if (!assumption.content.trim()) {
      b.note(`${where}: has no text, so not imported`);
      continue;
    }
    const links = (file.assumptionLinks ?? []).filter((link) => link.assumptionId === assumption.id);
    const ids = (type: string, known: Map<string, string>) => [
      ...new Set(links.filter((l) => l.type === type).flatMap((l) => known.get(l.linkedId) ?? [])),
    ];
    b.assumption(
      b.fit(assumption.content, LIMITS.descriptionMax, where),
      ids('Threat', threatIds),
      ids('Mitigation', mitigationIds),
    );
    unreadMetadata(b, 'Assumption', assumption);
  }
  return b.result(title);
}

function strideOf(threat: TcFileThreat): Stride[] {
  const value = threat.metadata?.find((m) => m.key === 'STRIDE')?.value;
  const letters = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return STRIDE.filter((letter) => letters.includes(letter));
}

/** Likelihood and impact before and after mitigation, from our export's `custom:` metadata. */
function ratingsOf(threat: TcFileThreat): Threat['risk'] {
  const level = (key: string) => {
    const value = Number(threat.metadata?.find((m) => m.key === `custom:${key}`)?.value);
    return Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
  };
  const rating = (when: 'Before' | 'After') => {
    const likelihood = level(`likelihood${when}`);
    const impact = level(`impact${when}`);
    return likelihood && impact ? { likelihood, impact } : undefined;
  };
  const before = rating('Before');
  const after = rating('After');
  return { ...(before && { before }), ...(after && { after }) };
}

function mitigationStatus(mitigation: TcFileEntity): MitigationStatus {
  const ours = mitigation.metadata?.find((m) => m.key === 'custom:status')?.value;
  const known = MITIGATION_STATUSES.find((status) => status === ours);
  return known ?? MITIGATION_STATUS[mitigation.status ?? ''] ?? 'proposed';
}

/** Priority, comments, tags, pack provenance and custom metadata: counted per key. */
function unreadMetadata(b: ModelBuilder, kind: string, entity: TcFileEntity | TcFileThreat): void {
  for (const item of entity.metadata ?? []) {
    if (READ_METADATA.has(item.key)) continue;
    b.count(`${kind} metadata "${item.key.slice(0, 50)}"`);
  }
  if (entity.tags?.length) b.count(`${kind} tags`);
}
