import type { KnownBlock } from '@slack/types';
import type { Flow } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';
import { changesSummary, type ModelDiff } from '../../domain/model-diff';
import { approvalMissingSteps, lastReviewDecision } from '../../domain/review-workflow';
import { acceptanceOf, countedResidual, untreatedThreats } from '../../domain/risk';
import { summarize } from '../../domain/summary';
import { versionLabel } from '../../domain/versions';
import { ACTIONS, encodeValue } from '../ids';
import { residualLine } from './model-card';
import { slackDate } from './slack-dates';
import type { SlackMessage } from './surfaces';
import { actions, button, context, mention, plain, section, truncate, userLine, userText } from './text';
import { approvalLines, changeLine } from './version-changes';

const LISTED = 10;

/**
 * The review request card in the AppSec channel: what the model is, what is still risky, who
 * reviews it and by when, and the reviewer's buttons while it is in review. A pure function of
 * the model; `permalink` is the model thread's link from Slack. A revision of an approved model
 * (`changes`: its diff against the last approved version) shows what changed first, so the
 * reviewer starts there, and the approvals of the earlier versions.
 */
export function reviewCard(
  model: ThreatModel,
  flow: Flow,
  permalink: string | undefined,
  changes?: ModelDiff,
): SlackMessage {
  const review = model.review;
  const open = untreatedThreats(flow, model);
  const untreatedIds = new Set(open.map((item) => item.threat.id));
  // Accepted, transferred or avoided by someone allowed to (pending proposals are listed as untreated).
  const accepted = model.threats.filter(
    (threat) => acceptanceOf(threat.risk.decision)?.status === 'accepted' && !untreatedIds.has(threat.id),
  );
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
    ...(changes ? changesFirst(model, changes) : []),
    {
      type: 'section',
      fields: [
        `*Threats*\n${model.threats.length}`,
        `*Mitigations*\n${model.mitigations.length}`,
        `*Residual risk*\n${residualLine(summarize(flow, model))}`,
        `*Not adequately treated*\n${open.length}`,
        `*Accepted risks*\n${accepted.length}`,
      ].map((text) => ({ type: 'mrkdwn', text })),
    },
  ];
  // In words, never step ids: what keeps the model from being approved until its steps are done.
  const missing = approvalMissingSteps(model);
  if (review?.incomplete || (missing && inReview)) {
    const heading = review?.incomplete ? '*Requested as an incomplete model*' : '*Not complete any more*';
    blocks.push(section(`:warning: ${heading}${missing && inReview ? `. ${userLine(missing, 600)}` : '.'}`));
  }
  if (open.length > 0) {
    const lines = open
      .slice(0, LISTED)
      .map((item) => `• ${item.reason} — _${userLine(item.threat.threatAction, 100)}_`);
    if (open.length > LISTED) lines.push(`…and ${open.length - LISTED} more`);
    blocks.push(
      section(
        truncate(
          `*Risks not adequately treated* (approval waits for these; appetite: ${flow.risk.appetite} after mitigation)\n${lines.join('\n')}`,
          3000,
        ),
      ),
    );
  }
  if (accepted.length > 0) {
    const lines = accepted.slice(0, LISTED).map((threat) => {
      const decision = threat.risk.decision;
      const acceptance = acceptanceOf(decision);
      const risk = countedResidual(flow.risk, threat, model.mitigations);
      const why = decision?.reason ? `: ${userLine(decision.reason, 150)}` : '';
      const accepter = acceptance?.status === 'accepted' ? acceptance.by : (decision?.decidedBy ?? '');
      const proposer =
        decision && decision.decidedBy !== accepter ? `, proposed by ${mention(decision.decidedBy)}` : '';
      const confirm =
        acceptance?.status === 'accepted' && acceptance.needsConfirmation
          ? acceptance.confirmedBy
            ? ` · confirmed by ${mention(acceptance.confirmedBy)}`
            : ' · to be confirmed by AppSec at approval'
          : '';
      const verb = decision?.type === 'transfer' ? 'transferred' : decision?.type === 'avoid' ? 'avoided' : 'accepted';
      return `• *${threat.id}* ${risk ? `${risk.band} ` : ''}${verb} by ${mention(accepter)}${proposer}${why}${confirm}`;
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

/** The revision's changes at the top of the card: what the reviewer looks at first. */
function changesFirst(model: ThreatModel, changes: ModelDiff): KnownBlock[] {
  const lines = changes.changes.slice(0, LISTED).map((change) => truncate(changeLine(change), 280));
  if (changes.changes.length > LISTED) {
    lines.push(
      `…and ${changes.changes.length - LISTED} more: the team's "What changed" and the exported report list them all`,
    );
  }
  return [
    section(
      truncate(
        `:arrows_counterclockwise: *${versionLabel(model)}: look at what changed first.* ${changesSummary(changes)}` +
          (lines.length > 0 ? `\n${lines.join('\n')}` : ''),
        3000,
      ),
    ),
    context(truncate(approvalLines(model).join(' · ') || 'No earlier approval recorded', 3000)),
  ];
}
