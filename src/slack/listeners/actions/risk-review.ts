import { openRiskReview } from '../../../use-cases/open-risk-review';
import type { SlackServices } from '../../deps';
import { riskModal } from '../../views/risk-modal';
import { openModelModal } from '../open-model-modal';

/** "Review a risk": open the risk modal for the model's threats. */
export function riskReview(services: SlackServices) {
  return openModelModal(
    services,
    (model) => riskModal({ model, catalog: services.catalog, flow: services.flow }),
    (deps, workspaceId, modelId, by) => openRiskReview(deps, { ref: { workspaceId, modelId }, by }),
  );
}
