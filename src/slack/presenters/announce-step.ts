import type { ThreatModel } from '../../domain/model';
import { promptsFor } from '../../domain/prompts';
import { ROLES } from '../../domain/roles';
import type { Step } from '../../domain/steps';
import type { StepFinished } from '../../use-cases/finish-step';
import type { SlackServices } from '../deps';
import { mitigationSummaryMessage } from '../views/mitigation-summary';
import { personaPromptsMessage, unheldRolesMessage } from '../views/persona-prompts';
import { riskMatrixMessage } from '../views/risk-matrix-summary';
import { stepCompletedMessage, stepOpenedMessage } from '../views/thread-messages';
import { threatSummaryMessage } from '../views/threat-summary';

/**
 * A step has opened: post its intro and buttons in the thread, then each role holder's prompts
 * (roles nobody holds are called out once), then, for step 2, the threats list and, for step 4,
 * the risk matrix.
 */
export async function announceStep(
  services: Pick<SlackServices, 'client' | 'flow' | 'messageRefs'>,
  model: ThreatModel,
  step: Step,
): Promise<void> {
  const { client, flow, messageRefs } = services;
  const inThread = { channel: model.channelId, thread_ts: model.threadTs };
  await client.chat.postMessage({ ...inThread, ...stepOpenedMessage(model, flow, step) });
  for (const role of ROLES.filter((r) => model.roles[r].length > 0 && promptsFor(flow, step, r, model).length > 0)) {
    await client.chat.postMessage({ ...inThread, ...personaPromptsMessage(model, flow, step, role) });
  }
  const unheld = unheldRolesMessage(model, flow, step);
  if (unheld) await client.chat.postMessage({ ...inThread, ...unheld });

  const ref = { workspaceId: model.workspaceId, modelId: model.id };
  if (step === 'mitigations' && !(await messageRefs.get(ref)).mitigationSummary) {
    const posted = await client.chat.postMessage({ ...inThread, ...mitigationSummaryMessage(model) });
    await messageRefs.set(ref, { mitigationSummary: posted.ts as string });
  }
  if (step === 'risk' && !(await messageRefs.get(ref)).riskSummary) {
    const posted = await client.chat.postMessage({ ...inThread, ...riskMatrixMessage(model, flow) });
    await messageRefs.set(ref, { riskSummary: posted.ts as string });
  }
  if (step === 'threats' && !(await messageRefs.get(ref)).threatSummary) {
    const { page: _page, ...summary } = threatSummaryMessage(model);
    const posted = await client.chat.postMessage({ ...inThread, ...summary });
    await messageRefs.set(ref, { threatSummary: posted.ts as string, threatPage: 1 });
  }
}

/** A step was finished by `by`: say so in the thread, then announce the step it opened. */
export async function announceFinishedStep(
  services: Pick<SlackServices, 'client' | 'flow' | 'messageRefs'>,
  by: string,
  { model, opened, message }: StepFinished,
): Promise<void> {
  const inThread = { channel: model.channelId, thread_ts: model.threadTs };
  await services.client.chat.postMessage({ ...inThread, ...stepCompletedMessage(by, message) });
  if (opened) await announceStep(services, model, opened);
}
