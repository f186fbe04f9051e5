import type { SlackServices } from '../../deps';
import { riskModal } from '../../views/risk-modal';
import { openModelModal } from '../open-model-modal';

/** "Review a risk": open the risk modal for the model's threats. */
export function riskReview(services: SlackServices) {
  return openModelModal(services, (model) =>
    model.threats.length === 0
      ? `${model.id} has no threats to review.`
      : riskModal({ model, catalog: services.catalog, flow: services.flow }),
  );
}
