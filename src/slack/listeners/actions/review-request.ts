import { incompleteSteps } from '../../../domain/review-workflow';
import type { SlackServices } from '../../deps';
import { reviewRequestModal } from '../../views/review-modals';
import { openModelModal } from '../open-model-modal';

/** "Request AppSec review" on the card: the modal, which asks for an explicit choice while steps are open. */
export function reviewRequestAction(services: SlackServices) {
  return openModelModal(services, (model) =>
    services.appsec.configured
      ? reviewRequestModal(model, incompleteSteps(model))
      : 'AppSec reviews are not set up in this workspace yet: ask whoever runs Threadmodel to set APPSEC_CHANNEL_ID.',
  );
}
