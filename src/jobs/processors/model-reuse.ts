import { UnrecoverableError } from 'bullmq';
import { type InheritOutcome, inheritFrom } from '../../domain/dependency-import';
import { readExportedModel } from '../../export/git-reader';
import { ModelReuseJobSchema } from '../../ports/job-payloads';
import { mention, userLine } from '../../slack/views/text';
import { notice } from '../../slack/views/thread-messages';
import { httpHeader } from './model-export';
import { type ProcessorDeps, parsePayload } from './processor-deps';

/**
 * `/threatmodel reuse TM-3 in TM-7`: read TM-3 as it was exported to the repository and bring its
 * components, threats and mitigations into TM-7 as inherited elements; the thread is told what
 * came in, or why nothing did.
 */
export async function processModelReuse(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ModelReuseJobSchema, data);
  const settings = deps.exportSettings;
  if (!settings) throw new UnrecoverableError('EXPORT_GIT_URL is not set: no exported models to reuse');
  const ref = { workspaceId: job.workspaceId, modelId: job.modelId };
  const target = await deps.store.get(ref);
  if (!target?.threadTs) return;
  const read = await readExportedModel(
    { repoUrl: settings.gitUrl, baseBranch: settings.baseBranch, folder: settings.folder, ...httpHeader(settings) },
    job.dependencyId,
  );
  let outcome: InheritOutcome | undefined;
  let text: string;
  if (!read.ok) {
    text = `${mention(job.requestedBy)}, I could not reuse ${job.dependencyId} in *${target.id}*: ${userLine(read.message, 500)}`;
  } else {
    const { model } = await deps.store.update(ref, { actor: job.requestedBy, action: 'model.reuse' }, (current) => {
      outcome = inheritFrom(current, read.model);
      return outcome.ok ? outcome.model : current;
    });
    const done = outcome;
    text = done?.ok
      ? `${mention(job.requestedBy)} reused *${read.model.id}* ${userLine(read.model.title, 120)} (version ${read.model.version}) in *${model.id}*: ` +
        `${done.added.components.length} components, ${done.added.threats.length} threats and ${done.added.mitigations.length} mitigations, ` +
        'inherited and read-only here. Model only what is new.'
      : `${mention(job.requestedBy)}, I could not reuse ${job.dependencyId} in *${target.id}*: ${userLine(done?.message ?? 'no change', 500)}`;
    deps.refresh(ref);
  }
  await deps.delivery.post(`${jobId}.done`, { channel: target.channelId, thread_ts: target.threadTs, ...notice(text) });
}
