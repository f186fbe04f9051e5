import type { Flow } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';
import { openStep, promptsFor } from '../../domain/prompts';
import { ROLES, type Role } from '../../domain/roles';
import type { Step } from '../../domain/steps';
import type { SlackServices } from '../deps';
import type { Post } from '../thread-posts';
import { personaPromptsMessage, unheldRolesMessage } from '../views/persona-prompts';
import { roleGreeting } from '../views/thread-messages';
import { modelChannel } from './in-model-thread';

/**
 * Who gets a step's prompts, and when, so that nobody gets the same ones twice:
 * - when a step opens (the model started, or the previous step was finished), everyone holding a
 *   role then gets that role's prompts, and the roles nobody holds are called out once;
 * - someone given a role later, while a step is open, gets that step's prompts for the role with
 *   their greeting, addressed to them only (the others got them when the step opened).
 * Both read the same stored model version their change produced, so a role given while a step is
 * being finished lands in exactly one of the two.
 */
export async function postStepPrompts(post: Post, model: ThreatModel, flow: Flow, step: Step): Promise<void> {
  const inThread = { thread_ts: model.threadTs };
  for (const role of ROLES.filter((r) => model.roles[r].length > 0 && promptsFor(flow, step, r, model).length > 0)) {
    await post({ ...inThread, ...personaPromptsMessage(model, flow, step, role) }, 'later');
  }
  const unheld = unheldRolesMessage(model, flow, step);
  if (unheld) await post({ ...inThread, ...unheld }, 'later');
}

/**
 * Greet the people just given `role` in the thread, each with the role's brief, then (one message
 * for all of them) the open step's prompts for the role. Queued in the background lane, in order.
 */
export function greetRoleHolders(
  services: Pick<SlackServices, 'threadPosts' | 'flow'>,
  model: ThreatModel,
  role: Role,
  added: readonly string[],
): void {
  if (added.length === 0) return;
  const { flow } = services;
  const step = openStep(model);
  void services.threadPosts.send(modelChannel(model), async (post) => {
    const inThread = { thread_ts: model.threadTs };
    for (const userId of added) await post({ ...inThread, ...roleGreeting(userId, role, flow) }, 'later');
    if (step && promptsFor(flow, step, role, model).length > 0) {
      await post({ ...inThread, ...personaPromptsMessage(model, flow, step, role, 0, added) }, 'later');
    }
  });
}
