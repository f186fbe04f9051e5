import type { SlackServices } from '../../deps';
import { mitigationModal } from '../../views/mitigation-modal';
import { openModelModal } from '../open-model-modal';

/** "Add mitigation": open the mitigation modal once the model has threats to address. */
export function mitigationAdd(services: SlackServices) {
  return openModelModal(services, (model) =>
    model.threats.length === 0
      ? `${model.id} has no threats yet: a mitigation addresses threats.`
      : mitigationModal({ model, catalog: services.catalog }),
  );
}
