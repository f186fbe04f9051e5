import { listOpenReviews } from '../../../use-cases/list-open-reviews';
import { helpMessage } from '../../views/command-responses';
import { OPEN_REVIEWS_SHOWN, openReviewsMessage } from '../../views/open-reviews';
import type { Subcommand } from './subcommand';

/** `/threatmodel reviews`: the open reviews, for AppSec reviewers. */
export const listReviewsCommand: Subcommand = async (services, { ack, command, respond }) => {
  await ack();
  await services.afterAck.run(async () => {
    const outcome = await listOpenReviews(services, {
      workspaceId: command.team_id,
      userId: command.user_id,
      limit: OPEN_REVIEWS_SHOWN,
    });
    if (!outcome.ok) {
      await respond(helpMessage(outcome.message));
      return;
    }
    await respond(openReviewsMessage(outcome.models, outcome.total, outcome.now));
  });
};
