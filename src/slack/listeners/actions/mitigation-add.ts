import { openMitigationForm } from '../../../use-cases/open-mitigation-form';
import type { SlackServices } from '../../deps';
import { mitigationModal } from '../../views/mitigation-modal';
import { openModelModal } from '../open-model-modal';

/** "Add mitigation": open the mitigation modal once the model has threats to address. */
export function mitigationAdd(services: SlackServices) {
  return openModelModal(
    services,
    (model) => mitigationModal({ model, catalog: services.catalog }),
    (deps, workspaceId, modelId, by) => openMitigationForm(deps, { ref: { workspaceId, modelId }, by }),
  );
}
