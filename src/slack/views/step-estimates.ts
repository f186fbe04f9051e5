import type { KnownBlock } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import { openStep } from '../../domain/prompts';
import { roughDuration, type StepEstimates, stepEstimateLine } from '../../domain/step-estimates';
import { STEP_NAMES, STEPS } from '../../domain/steps';
import type { SlackMessage } from './surfaces';
import { context } from './text';

/** On the card of a step in progress: what teams usually spend on it; nothing without an estimate. */
export function stepInProgressEstimate(model: ThreatModel, estimates: StepEstimates): KnownBlock[] {
  const step = openStep(model);
  const median = step && estimates.medians[step];
  return step && median !== undefined ? [context(`:hourglass_flowing_sand: ${stepEstimateLine(step, median)}`)] : [];
}

/**
 * At a model's start, under step 1's message: how long each step of past models took, so the team
 * can plan; the message unchanged when there are too few past models.
 */
export function withStepEstimates(message: SlackMessage, estimates: StepEstimates): SlackMessage {
  const parts = STEPS.flatMap((step) => {
    const median = estimates.medians[step];
    return median === undefined ? [] : [`${STEP_NAMES[step]} ${roughDuration(median)}`];
  });
  if (parts.length === 0) return message;
  const line = `:hourglass_flowing_sand: How long past models took (medians of ${estimates.samples}): ${parts.join(' · ')}`;
  return { ...message, blocks: [...message.blocks, context(line)] };
}
