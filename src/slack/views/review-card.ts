import type { KnownBlock } from '@slack/types';
import type { Flow } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';
import { incompleteSteps, lastReviewDecision } from '../../domain/review-workflow';
import { openHighRisks, residualRisk } from '../../domain/risk';
import { ACTIONS, encodeValue } from '../ids';
import { slackDate } from './slack-dates';
import type { SlackMessage } from './surfaces';
import { actions, button, context, mention, plain, section, truncate, userLine, userText } from './text';

const LISTED = 10;

/**
 * The review request card in the AppSec channel: what the model is, what is still risky, who
 * reviews it and by when, and the reviewer's buttons while it is in review. A pure function of
 * the model; `permalink` is the model thread's link from Slack.
 */
export function reviewCard(model: ThreatModel, flow: Flow, permalink: string | undefined): SlackMessage {
  const review = model.review;
  const open = openHighRisks(flow.risk, model.threats, model.mitigations);
  const accepted = model.threats.filter((threat) => threat.risk.decision?.type === 'accept');
  const decision = lastReviewDecision(model);
  const inReview = model.status === 'in_review';
  const status = inReview
    ? review?.reviewerId
      ? `In review by ${mention(review.reviewerId)}`
      : 'Waiting for a reviewer: claim it'
    : model.status === 'approved'
      ? `:white_check_mark: Approved by ${mention(decision?.by ?? '')}`
      : model.status === 'changes_requested'
        ? `:leftwards_arrow_with_hook: Changes requested by ${mention(decision?.by ?? '')}`
        : 'Withdrawn by the team';
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(`Review: ${model.id} ${model.title}`, 150) },
    section(
      `*${userLine(model.title, 200)}* in <#${model.channelId}> · owner ${mention(model.ownerId)}\n${status}` +
        (review?.dueAt && inReview ? ` · due ${slackDate(review.dueAt)}` : '') +
        (permalink ? `\n<${permalink}|Open the model's thread>` : ''),
    ),
    {
      type: 'section',
      fields: [
        `*Threats*\n${model.threats.length}`,
        `*Mitigations*\n${model.mitigations.length}`,
        `*Open high/critical*\n${open.length}`,
        `*Accepted risks*\n${accepted.length}`,
      ].map((text) => ({ type: 'mrkdwn', text })),
    },
  ];
  if (review?.incomplete) {
    const missing = incompleteSteps(model);
    blocks.push(
      section(
        `:warning: *Requested as an incomplete model*${missing.length ? `: ${missing.join(', ')} still open` : ''}.`,
      ),
    );
  }
  if (open.length > 0) {
    const lines = open
      .slice(0, LISTED)
      .map((risk) => `• *${risk.threat.id}* ${risk.band} (${risk.score}): ${userLine(risk.threat.threatAction, 150)}`);
    if (open.length > LISTED) lines.push(`…and ${open.length - LISTED} more`);
    blocks.push(
      section(truncate(`*Open high and critical risks* (approval waits for these)\n${lines.join('\n')}`, 3000)),
    );
  }
  if (accepted.length > 0) {
    const lines = accepted.slice(0, LISTED).map((threat) => {
      const risk = residualRisk(flow.risk, threat);
      const why = threat.risk.decision?.reason ? `: ${userLine(threat.risk.decision.reason, 150)}` : '';
      return `• *${threat.id}* ${risk ? `${risk.band} ` : ''}accepted by ${mention(threat.risk.decision?.decidedBy ?? '')}${why}`;
    });
    if (accepted.length > LISTED) lines.push(`…and ${accepted.length - LISTED} more`);
    blocks.push(section(truncate(`*Accepted risks*\n${lines.join('\n')}`, 3000)));
  }
  const note = review?.history.filter((event) => event.type === 'requested').at(-1)?.comment;
  if (note && inReview) blocks.push(section(`*Note from the team*\n${userText(note, 1500)}`));
  if (inReview) {
    const value = encodeValue(model.id);
    blocks.push(
      actions(encodeValue(model.id, 'review'), [
        button('Approve', ACTIONS.reviewApprove, value, 'primary'),
        button('Request changes', ACTIONS.reviewRequestChanges, value),
        button('Claim', ACTIONS.reviewClaim, value),
        {
          type: 'users_select',
          action_id: ACTIONS.reviewReassign,
          placeholder: plain('Reassign to…', 150),
        },
      ]),
    );
  }
  blocks.push(
    context(`Requested by ${mention(review?.requestedBy ?? '')}${review ? ` ${slackDate(review.requestedAt)}` : ''}`),
  );
  return { text: truncate(`Review request: ${model.id} ${userLine(model.title)}`, 3000), blocks };
}
