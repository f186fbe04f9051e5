import { NotConfiguredError } from '../../errors';
import { readExportedModel } from '../../export/git-reader';
import { httpHeader } from '../../export/publish-model';
import { ModelReuseJobSchema } from '../../ports/job-payloads';
import { mention, userLine } from '../../slack/views/text';
import { notice, stepsReopenedMessage } from '../../slack/views/thread-messages';
import { reuseExportedModel } from '../../use-cases/reuse-exported-model';
import { exportSettingsFor, type ProcessorDeps, parsePayload } from './processor-deps';

/**
 * `/threatmodel reuse TM-3 in TM-7`: read TM-3 as it was exported to the repository; the use case
 * brings its components, threats and mitigations into TM-7 as inherited elements; the thread is
 * told what came in, or why nothing did.
 */
export async function processModelReuse(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ModelReuseJobSchema, data);
  const settings = await exportSettingsFor(deps, job.workspaceId);
  if (!settings) throw new NotConfiguredError('EXPORT_GIT_URL', 'no exported models to reuse');
  const ref = { workspaceId: job.workspaceId, modelId: job.modelId };
  const target = await deps.store.get(ref);
  if (!target?.threadTs) return;
  const read = await readExportedModel(
    {
      repoUrl: settings.gitUrl,
      baseBranch: settings.baseBranch,
      folder: settings.folder,
      ...(settings.workspaceSpace && { workspaceSpace: settings.workspaceSpace }),
      ...httpHeader(settings),
    },
    job.dependencyId,
  );
  const couldNot = (why: string) =>
    `${mention(job.requestedBy)}, I could not reuse ${job.dependencyId} in *${target.id}*: ${userLine(why, 500)}`;
  let text: string;
  let reopened: ReturnType<typeof stepsReopenedMessage> | undefined;
  if (!read.ok) {
    text = couldNot(read.message);
  } else {
    const outcome = await reuseExportedModel(deps, { ref, by: job.requestedBy, dependency: read.model });
    text = outcome.ok
      ? `${mention(job.requestedBy)} reused *${read.model.id}* ${userLine(read.model.title, 120)} (version ${read.model.version}) in *${outcome.model.id}*: ` +
        `${outcome.added.components.length} components, ${outcome.added.threats.length} threats and ${outcome.added.mitigations.length} mitigations, ` +
        'inherited and read-only here. Model only what is new.'
      : couldNot(outcome.message);
    if (outcome.ok && outcome.reopened) reopened = stepsReopenedMessage(outcome.model, outcome.reopened);
  }
  await deps.delivery.post(`${jobId}.done`, { channel: target.channelId, thread_ts: target.threadTs, ...notice(text) });
  if (reopened) {
    await deps.delivery.post(`${jobId}.reopened`, {
      channel: target.channelId,
      thread_ts: target.threadTs,
      ...reopened,
    });
  }
}
