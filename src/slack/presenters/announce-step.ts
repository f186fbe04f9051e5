import type { ThreatModel } from '../../domain/model';
import type { Step } from '../../domain/steps';
import type { StepFinished } from '../../use-cases/finish-step';
import type { SlackServices } from '../deps';
import type { Post } from '../thread-posts';
import { mitigationSummaryMessage } from '../views/mitigation-summary';
import { riskMatrixMessage } from '../views/risk-matrix-summary';
import { stepCompletedMessage, stepOpenedMessage } from '../views/thread-messages';
import { threatSummaryMessage } from '../views/threat-summary';
import { modelChannel } from './in-model-thread';
import { postStepPrompts } from './step-prompts';

type AnnounceServices = Pick<SlackServices, 'threadPosts' | 'flow' | 'messageRefs' | 'cards'>;

/**
 * A step has opened: post its intro and buttons in the thread, then its prompts (postStepPrompts),
 * then, for step 2, the threats list and, for step 4, the risk matrix (each list's ts kept, so the
 * card refresher keeps it in step). A list is drawn from the model as the step was finished, and
 * waits its turn in the channel: a change saved meanwhile (a threat added right away) found no
 * list to refresh, so the list is refreshed once it is there.
 */
async function postStepOpened(services: AnnounceServices, post: Post, model: ThreatModel, step: Step): Promise<void> {
  const { flow, messageRefs } = services;
  const inThread = { thread_ts: model.threadTs };
  await post({ ...inThread, ...stepOpenedMessage(model, flow, step) });
  await postStepPrompts(post, model, flow, step);

  const ref = { workspaceId: model.workspaceId, modelId: model.id };
  if (step === 'mitigations' && !(await messageRefs.get(ref)).mitigationSummary) {
    const posted = await post({ ...inThread, ...mitigationSummaryMessage(model) });
    await messageRefs.set(ref, { mitigationSummary: posted.ts });
    services.cards.refresh(ref);
  }
  if (step === 'risk' && !(await messageRefs.get(ref)).riskSummary) {
    const posted = await post({ ...inThread, ...riskMatrixMessage(model, flow) });
    await messageRefs.set(ref, { riskSummary: posted.ts });
    services.cards.refresh(ref);
  }
  if (step === 'threats' && !(await messageRefs.get(ref)).threatSummary) {
    const { page: _page, ...summary } = threatSummaryMessage(model);
    const posted = await post({ ...inThread, ...summary });
    await messageRefs.set(ref, { threatSummary: posted.ts, threatPage: 1 });
    services.cards.refresh(ref);
  }
}

/**
 * A step was finished by `by`: say so in the thread, then announce the step it opened, then run
 * `afterwards` (the use case queues the step's picture there, so it follows the announcement).
 * Queued in the background lane: this returns at once, and the posts go at the channel's pace.
 */
export function announceFinishedStep(
  services: AnnounceServices,
  by: string,
  { model, opened, message }: StepFinished,
  afterwards: () => Promise<void>,
): void {
  void services.threadPosts.send(modelChannel(model), async (post) => {
    try {
      await post({ thread_ts: model.threadTs, ...stepCompletedMessage(by, message) });
      if (opened) await postStepOpened(services, post, model, opened);
    } finally {
      await afterwards();
    }
  });
}
