import { openThreatForm } from '../../../use-cases/open-threat-form';
import type { SlackServices } from '../../deps';
import { threatModal } from '../../views/threat-modal';
import { openModelModal } from '../open-model-modal';

/** "Add threat": open the threat modal, once the scope (step 1) is done. */
export function threatAdd(services: SlackServices) {
  return openModelModal(
    services,
    (model) => threatModal({ model, catalog: services.catalog }),
    (deps, workspaceId, modelId, by) => openThreatForm(deps, { ref: { workspaceId, modelId }, by }),
  );
}
