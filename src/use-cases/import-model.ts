import type { ImportedModel } from '../domain/imported-model';
import { type ThreatModel, ThreatModelSchema } from '../domain/model';
import { newThreatModel } from '../domain/new-model';
import type { ImportRequest, ImportRequests } from '../ports/import-requests';
import { scheduleIdle } from './idle-reminder';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/** How long an import thread waits for its file. */
export const IMPORT_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

/** Where an import is asked for and its model shown: the prompt becomes the model's card. */
export interface ImportThread {
  /** Post the prompt asking for a file in the channel: its ts, or undefined when the app may not post there. */
  postPrompt(request: Omit<ImportRequest, 'threadTs'>): Promise<string | undefined>;
  /** Post the new model's thread openings under its card (the prompt), as a started model's. */
  openThread(model: ThreatModel): void;
}

type ImportDeps = Pick<
  UseCaseDeps,
  'store' | 'messageRefs' | 'flow' | 'jobs' | 'timeZones' | 'logger' | 'settings' | 'cards' | 'clock'
> & { importRequests: ImportRequests };

/** `/threatmodel import`: ask for the file in a new thread of the channel, and wait a day for it. */
export async function startImport(
  deps: Pick<ImportDeps, 'importRequests'>,
  request: Omit<ImportRequest, 'threadTs'>,
  thread: ImportThread,
): Promise<UseCaseOutcome> {
  if (!/^[CG]/.test(request.channelId)) return refuse('Import a model in a channel, where the team can join in.');
  const threadTs = await thread.postPrompt(request);
  if (!threadTs) {
    return refuse('I am not a member of this channel yet. Invite me with `/invite @Threadmodel`, then import again.');
  }
  await deps.importRequests.open({ ...request, threadTs }, IMPORT_REQUEST_TTL_MS);
  return { ok: true };
}

/**
 * Make the model of an imported file: a draft at step 1 owned by who asked, its thread the import
 * thread, its card the prompt. The content is checked whole before an id is taken, then goes in
 * with the first update after the id is allocated (the store validates it again); should that
 * ever refuse it, the empty draft is archived at once rather than left half made.
 */
export async function importModel(
  deps: ImportDeps,
  request: ImportRequest,
  imported: ImportedModel,
  thread: ImportThread,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const { store, messageRefs } = deps;
  const { workspaceId, channelId, userId, threadTs } = request;
  const identity = { title: imported.title, workspaceId, channelId, ownerId: userId };
  // Checked whole before an id is taken: a file whose content a model cannot hold makes nothing.
  const candidate = ThreatModelSchema.safeParse({
    ...newThreatModel({ ...identity, id: 'TM-1', threadTs }, deps.clock()),
    ...imported.content,
  });
  if (!candidate.success) {
    const issue = candidate.error.issues[0];
    return refuse(
      `That file cannot be a model: ${issue?.path.join('.') ?? 'the file'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const created = await store.create(identity, userId);
  const ref = { workspaceId, modelId: created.id };
  let model: ThreatModel;
  try {
    const result = await store.update(ref, { actor: userId, action: `model.import.${imported.format}` }, (m) => ({
      ...m,
      ...imported.content,
      threadTs,
    }));
    model = result.model;
  } catch (error) {
    await store.update(ref, { actor: 'system', action: 'model.abandon' }, (m) => ({ ...m, status: 'archived' }));
    deps.logger.warn({ model: created.id, error }, 'imported content refused by the store');
    return refuse('That file could not be made into a model: nothing was created. Please tell the Threadmodel admins.');
  }
  await messageRefs.set(ref, { card: threadTs });
  thread.openThread(model);
  deps.cards.refresh(ref);
  await scheduleIdle(deps, model);
  return { ok: true, model };
}
