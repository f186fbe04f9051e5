import type { ImportedModel } from '../domain/imported-model';
import { type ThreatModel, ThreatModelSchema } from '../domain/model';
import { newThreatModel } from '../domain/new-model';
import type { ImportRequest, ImportRequests } from '../ports/import-requests';
import { scheduleIdle } from './idle-reminder';
import { type Refused, refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/** How long an import thread waits for its file. */
export const IMPORT_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

/** A file imported from the export repository rather than shared in the thread. */
export interface RepositorySource {
  path: string;
  branch: string;
  /** Set for a file of a model's export folder: the model it was exported from, and its channel. */
  exportedFrom?: { modelId: string; channelId: string } | undefined;
}

/** Where an import is asked for and its model shown: the prompt becomes the model's card. */
export interface ImportThread {
  /**
   * Post the prompt in the channel: asking for a file, or (with `source`) saying which file of the
   * export repository is being imported. Its ts, or undefined when the app may not post there.
   */
  postPrompt(request: Omit<ImportRequest, 'threadTs'>, source?: RepositorySource): Promise<string | undefined>;
  /** Post the new model's thread openings under its card (the prompt), as a started model's. */
  openThread(model: ThreatModel): void;
}

type ImportDeps = Pick<
  UseCaseDeps,
  'store' | 'messageRefs' | 'flow' | 'jobs' | 'timeZones' | 'logger' | 'settings' | 'cards' | 'clock'
> & { importRequests: ImportRequests };

type RepositoryImportDeps = ImportDeps & Pick<UseCaseDeps, 'members'>;

/** `/threatmodel import`: ask for the file in a new thread of the channel, and wait a day for it. */
export async function startImport(
  deps: Pick<ImportDeps, 'importRequests'>,
  request: Omit<ImportRequest, 'threadTs'>,
  thread: ImportThread,
): Promise<UseCaseOutcome> {
  const outside = importOutsideChannel(request.channelId);
  if (outside) return outside;
  const threadTs = await thread.postPrompt(request);
  if (!threadTs) return NOT_A_MEMBER;
  await deps.importRequests.open({ ...request, threadTs }, IMPORT_REQUEST_TTL_MS);
  return { ok: true };
}

const NOT_A_MEMBER = refuse(
  'I am not a member of this channel yet. Invite me with `/invite @Threadmodel`, then import again.',
);

/** Imports happen in a channel (where the team can join in): the refusal anywhere else. */
export function importOutsideChannel(channelId: string): Refused | undefined {
  return /^[CG]/.test(channelId) ? undefined : refuse('Import a model in a channel, where the team can join in.');
}

/**
 * `/threatmodel import <path>`, once the file was read from the export repository and made sense
 * of: the prompt names the file and becomes the card, and the model is made as a shared file's is.
 * A file exported from a model comes only to members of that model's channel (as with reuse: a
 * private channel's model must not reach other channels), answered like a missing model otherwise.
 * Should the store refuse the content after all (`inThread`), the prompt's thread is opened for a
 * shared file instead, as after any refused file; nothing else is left behind.
 */
export async function importRepositoryFile(
  deps: RepositoryImportDeps,
  request: Omit<ImportRequest, 'threadTs'>,
  source: RepositorySource,
  imported: ImportedModel,
  thread: ImportThread,
): Promise<UseCaseOutcome<{ model: ThreatModel; threadTs: string }> | (Refused & { inThread: string })> {
  const outside = importOutsideChannel(request.channelId);
  if (outside) return outside;
  const from = source.exportedFrom;
  if (from && !(await deps.members.isMember(from.channelId, request.userId))) {
    return refuse(`There is no threat model ${from.modelId} in your channels.`);
  }
  const threadTs = await thread.postPrompt(request, source);
  if (!threadTs) return NOT_A_MEMBER;
  const made = await importModel(deps, { ...request, threadTs }, imported, thread);
  if (made.ok) return { ...made, threadTs };
  await deps.importRequests.open({ ...request, threadTs }, IMPORT_REQUEST_TTL_MS);
  return { ...made, inThread: threadTs };
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
