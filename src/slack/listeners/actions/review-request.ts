import { incompleteSteps } from '../../../domain/review-workflow';
import { reviewRequestAccess } from '../../../use-cases/request-review';
import type { SlackServices } from '../../deps';
import { reviewRequestModal } from '../../views/review-modals';
import { openModelModal } from '../open-model-modal';

/** "Request AppSec review" on the card: the modal, which asks for an explicit choice while steps are open. */
export function reviewRequestAction(services: SlackServices) {
  return openModelModal(services, (model) => reviewRequestModal(model, incompleteSteps(model)), reviewRequestAccess);
}
