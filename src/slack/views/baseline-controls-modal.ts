import type { KnownBlock } from '@slack/types';
import type { Control } from '../../catalog/catalog-schema';
import { referenceLine } from '../../catalog/reference-labels';
import type { ThreatModel } from '../../domain/model';
import type { Threat } from '../../domain/threat';
import { ACTIONS, encodeValue } from '../ids';
import type { Modal } from './surfaces';
import { button, context, plain, section, truncate } from './text';

const SHOWN = 30;

/**
 * The baseline controls the catalog proposes for one threat, each with "Add as mitigation" (or
 * the mitigation that already implements it for this threat) and its public ids (CWE, ASVS, AWS
 * FSBP ...) on a context line, for teams that map their work to those standards.
 */
export function baselineControlsModal(model: ThreatModel, threat: Threat, controls: readonly Control[]): Modal {
  const blocks: KnownBlock[] = [section(`Baseline controls the catalog proposes for *${threat.id}*:`)];
  if (controls.length === 0) {
    blocks.push(
      context(
        'This threat did not come from the catalog, so no baseline control is proposed. Add a mitigation in step 3.',
      ),
    );
  }
  for (const control of controls.slice(0, SHOWN)) {
    const linked = model.mitigations.find((m) => m.baselineControlId === control.id && m.threatIds.includes(threat.id));
    const text = `*${control.title}*\n${truncate(control.description, 500)}`;
    blocks.push(
      section(
        linked ? `${text}\n✅ Implemented for ${threat.id} by ${linked.id} (${linked.status.replace('_', ' ')})` : text,
        linked
          ? undefined
          : button('Add as mitigation', ACTIONS.baselineAdd, encodeValue(model.id, `${threat.id}:${control.id}`)),
      ),
    );
    const references = referenceLine(control.references, 3000);
    if (references) blocks.push(context(references));
  }
  return { type: 'modal', title: plain('Baseline controls', 24), close: plain('Close', 24), blocks };
}
