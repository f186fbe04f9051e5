import type { KnownBlock } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import { humanDuration, type ModelTimings } from '../../domain/model-timings';
import { STEP_NAMES, STEPS } from '../../domain/steps';
import { age, slackDate } from './slack-dates';
import type { EphemeralMessage } from './surfaces';
import { context, mention, section, truncate, userLine } from './text';

/** Open reviews listed at most; more are counted. */
export const OPEN_REVIEWS_SHOWN = 20;

/** One line per open review: model, reviewer, due date (overdue flagged) and age. */
export function openReviewBlocks(models: readonly ThreatModel[], total: number, now: Date): KnownBlock[] {
  if (models.length === 0) return [context('No reviews are open. :tada:')];
  const lines = models.slice(0, OPEN_REVIEWS_SHOWN).map((model) => {
    const review = model.review;
    const reviewer = review?.reviewerId ? mention(review.reviewerId) : '_unassigned_';
    const overdue = review?.dueAt && Date.parse(review.dueAt) < now.getTime() ? ' :red_circle: overdue' : '';
    const due = review?.dueAt ? `due ${slackDate(review.dueAt)}${overdue}` : 'no due date yet';
    const since = review ? `open ${age(review.requestedAt, now)}` : '';
    return `• *${model.id}* ${userLine(model.title, 80)} in <#${model.channelId}> · ${reviewer} · ${due} · ${since}`;
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += 10) blocks.push(section(truncate(lines.slice(i, i + 10).join('\n'), 3000)));
  if (total > OPEN_REVIEWS_SHOWN)
    blocks.push(context(`Showing the ${OPEN_REVIEWS_SHOWN} most recently updated of ${total}.`));
  return blocks;
}

/** How long models took: median per step and to approval, so teams can estimate the next one. */
export function timingBlocks(timings: ModelTimings): KnownBlock[] {
  const show = (stats: { medianMs: number | undefined; samples: number }) =>
    stats.medianMs === undefined ? 'not enough data yet' : `${humanDuration(stats.medianMs)} (${stats.samples} models)`;
  const lines = STEPS.map((step) => {
    const stats = timings.steps.find((candidate) => candidate.step === step) ?? { medianMs: undefined, samples: 0 };
    const name = STEP_NAMES[step];
    return `• ${name.charAt(0).toUpperCase()}${name.slice(1)}: ${show(stats)}`;
  });
  lines.push(`• *From start to approval: ${show(timings.toApproval)}*`);
  return [section(`*How long models take* (medians of past models)\n${lines.join('\n')}`)];
}

/** `/threatmodel reviews`: the open reviews, for AppSec. */
export function openReviewsMessage(models: readonly ThreatModel[], total: number, now: Date): EphemeralMessage {
  return {
    response_type: 'ephemeral',
    text: `${total} open review${total === 1 ? '' : 's'}`,
    blocks: [section(`*Open AppSec reviews* (${total})`), ...openReviewBlocks(models, total, now)],
  };
}
