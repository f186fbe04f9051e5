import { type ThreatModel, ThreatModelSchema } from '../domain/model';
import { scheduleIdle } from './idle-reminder';
import { type Refused, refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/** Where a new model is shown: its card in the channel, then the opening of its thread. */
export interface ModelThread {
  /** Post the model's card in its channel: its ts, or undefined when the app may not post there. */
  postCard(model: ThreatModel): Promise<string | undefined>;
  /**
   * Queue the thread's opening messages under the card; returns at once. They go at the channel's
   * pace, and whoever posts them keeps where the long-lived ones are (the message refs).
   */
  openThread(model: ThreatModel): void;
}

export interface StartModelInput {
  workspaceId: string;
  /** The workspace's Enterprise Grid organisation, when the request names one. */
  enterpriseId?: string | undefined;
  channelId: string;
  /** Who starts it: the model's owner. */
  userId: string;
  title: string;
}

/** Why a model cannot be started so: the title (in the words of the schema the store enforces), or the place. */
export type StartProblem = Refused & { about: 'title' | 'channel' };

/**
 * Checked before anything is stored, so the command can answer at once: a model needs a valid
 * title, and lives in a channel (public or private), where the team can join in, never in a DM.
 */
export function startProblem({
  title,
  channelId,
}: Pick<StartModelInput, 'title' | 'channelId'>): StartProblem | undefined {
  if (!title) return { ...refuse('Give the feature a title.'), about: 'title' };
  const result = ThreatModelSchema.shape.title.safeParse(title);
  if (!result.success) {
    return { ...refuse(`That title ${result.error.issues[0]?.message ?? 'is not valid'}.`), about: 'title' };
  }
  if (!/^[CG]/.test(channelId)) {
    return { ...refuse('Start a model in a channel, where the team can join in.'), about: 'channel' };
  }
  return undefined;
}

/**
 * Start a model: create the draft, show its card in the channel, remember it and queue the
 * opening of its thread (roles, the scope step, the scope summary), and start the stalled-draft
 * reminder. If the app cannot post in the channel, the draft is archived and the user is told how
 * to invite the app; if posting the card fails otherwise, the draft is archived and the error goes
 * on to the listener's handler (which tells the person).
 */
export async function startModel(
  deps: Pick<UseCaseDeps, 'store' | 'messageRefs' | 'flow' | 'jobs' | 'timeZones' | 'logger' | 'settings'>,
  input: StartModelInput,
  thread: ModelThread,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const { store, messageRefs } = deps;
  const { workspaceId, enterpriseId, channelId, userId, title } = input;
  const model = await store.create(
    { title, workspaceId, ...(enterpriseId && { enterpriseId }), channelId, ownerId: userId },
    userId,
  );
  const ref = { workspaceId: model.workspaceId, modelId: model.id };
  const abandon = () =>
    store.update(ref, { actor: 'system', action: 'model.abandon' }, (m) => ({ ...m, status: 'archived' }));
  let cardTs: string | undefined;
  try {
    cardTs = await thread.postCard(model);
  } catch (error) {
    // No card, no thread: nobody could find or finish this draft, so it is not left as one.
    await abandon();
    throw error;
  }
  if (!cardTs) {
    await abandon();
    return refuse(
      'I am not a member of this channel yet. Invite me with `/invite @Threadmodel`, then start the model again.',
    );
  }
  const { model: withThread } = await store.update(ref, { actor: userId, action: 'model.thread' }, (m) => ({
    ...m,
    threadTs: cardTs,
  }));
  await messageRefs.set(ref, { card: cardTs });
  thread.openThread(withThread);
  await scheduleIdle(deps, withThread);
  return { ok: true, model: withThread };
}
