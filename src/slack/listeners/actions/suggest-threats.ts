import { modelReadyForThreats } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { suggestionsFor } from '../../forms/suggestion-picks';
import { catalogSuggestionsModal } from '../../views/catalog-suggestions-modal';
import { openModelModal } from '../open-model-modal';

/** "Suggest from catalog": open the ranked suggestions for the model's components. */
export function suggestThreatsAction(services: SlackServices) {
  return openModelModal(
    services,
    (model) =>
      catalogSuggestionsModal(model, suggestionsFor(model, services.catalog), {
        modelId: model.id,
        page: 1,
        picked: [],
      }),
    modelReadyForThreats,
  );
}
