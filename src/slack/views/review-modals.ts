import type { KnownBlock } from '@slack/types';
import { LIMITS } from '../../domain/limits';
import type { ThreatModel } from '../../domain/model';
import { STEP_NAMES, type Step } from '../../domain/steps';
import { linesInputMax, textInputMax } from '../forms/input-limits';
import { type ReviewModalMetadata, VIEWS } from '../ids';
import type { Modal } from './surfaces';
import { plain, section, truncate } from './text';

export const REVIEW_FIELDS = {
  incomplete: 'incomplete',
  note: 'note',
  comment: 'comment',
  followUps: 'follow_ups',
} as const;

/**
 * "Request AppSec review": a note for the reviewer and, while steps are still open, the explicit
 * choice to have an incomplete model reviewed (which the reviewer is shown).
 */
export function reviewRequestModal(model: ThreatModel, incomplete: readonly Step[]): Modal {
  const metadata: ReviewModalMetadata = { modelId: model.id };
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [plain(`${model.id} ${truncate(model.title, 100)}`, 2000)] },
  ];
  if (incomplete.length > 0) {
    blocks.push(
      section(
        `:warning: Not every step is complete yet: *${incomplete.map((step) => STEP_NAMES[step]).join(', ')}* still open. ` +
          'AppSec can review it anyway, and will see that it is incomplete.',
      ),
      {
        type: 'input',
        block_id: REVIEW_FIELDS.incomplete,
        label: plain('Incomplete model', 2000),
        element: {
          type: 'checkboxes',
          action_id: REVIEW_FIELDS.incomplete,
          options: [{ text: plain('Review an incomplete model', 75), value: 'yes' }],
        },
      },
    );
  }
  blocks.push({
    type: 'input',
    block_id: REVIEW_FIELDS.note,
    optional: true,
    label: plain('Note for the reviewer', 2000),
    element: {
      type: 'plain_text_input',
      action_id: REVIEW_FIELDS.note,
      multiline: true,
      max_length: textInputMax(LIMITS.commentMax),
      placeholder: plain('What should AppSec look at first?', 150),
    },
  });
  return {
    type: 'modal',
    callback_id: VIEWS.reviewRequest,
    private_metadata: JSON.stringify(metadata),
    title: plain('Request AppSec review', 24),
    submit: plain('Request review', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** "Request changes": the reviewer's comments, posted in the model's thread for the owner. */
export function requestChangesModal(model: ThreatModel): Modal {
  const metadata: ReviewModalMetadata = { modelId: model.id };
  return {
    type: 'modal',
    callback_id: VIEWS.reviewChanges,
    private_metadata: JSON.stringify(metadata),
    title: plain('Request changes', 24),
    submit: plain('Send to the team', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'context', elements: [plain(`${model.id} ${truncate(model.title, 100)}`, 2000)] },
      {
        type: 'input',
        block_id: REVIEW_FIELDS.comment,
        label: plain('What needs to change?', 2000),
        element: {
          type: 'plain_text_input',
          action_id: REVIEW_FIELDS.comment,
          multiline: true,
          max_length: textInputMax(LIMITS.commentMax),
        },
      },
    ],
  };
}

/**
 * "Approve": the reviewer's comment and the follow-up actions AppSec asks for beyond the model
 * (penetration-test scope, items for the next release), one per line. Both optional; the
 * approval is posted in the model's thread and kept in the review history and the exports.
 */
export function approveModal(model: ThreatModel): Modal {
  const metadata: ReviewModalMetadata = { modelId: model.id };
  return {
    type: 'modal',
    callback_id: VIEWS.reviewApprove,
    private_metadata: JSON.stringify(metadata),
    title: plain('Approve', 24),
    submit: plain('Approve', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'context', elements: [plain(`${model.id} ${truncate(model.title, 100)}`, 2000)] },
      {
        type: 'input',
        block_id: REVIEW_FIELDS.comment,
        optional: true,
        label: plain('Comment', 2000),
        element: {
          type: 'plain_text_input',
          action_id: REVIEW_FIELDS.comment,
          multiline: true,
          max_length: textInputMax(LIMITS.commentMax),
          placeholder: plain('What the team should know about this approval', 150),
        },
      },
      {
        type: 'input',
        block_id: REVIEW_FIELDS.followUps,
        optional: true,
        label: plain('Follow-up actions, one per line', 2000),
        hint: plain(
          `For example the penetration-test scope or items for the next release. At most ${LIMITS.followUpsMax}, of ${LIMITS.followUpMax} characters each.`,
          2000,
        ),
        element: {
          type: 'plain_text_input',
          action_id: REVIEW_FIELDS.followUps,
          multiline: true,
          max_length: linesInputMax(LIMITS.followUpsMax, LIMITS.followUpMax),
        },
      },
    ],
  };
}
