import { NotConfiguredError } from '../../errors';
import { GitHubClient } from '../../export/github-client';
import { backlogIssue, type PublishedModel, publishModel, reportPeople } from '../../export/publish-model';
import { ModelExportJobSchema } from '../../ports/job-payloads';
import { displayNames } from '../../slack/display-names';
import { notice } from '../../slack/views/thread-messages';
import { linkBacklogIssues } from '../../use-cases/link-backlog-issues';
import { changesSinceApproval } from '../../use-cases/read-changes';
import { exportSettingsFor, type ProcessorDeps, parsePayload } from './processor-deps';

/**
 * Export a model to the team's repository: backlog issues for planned mitigations (when set up),
 * every export file into `<folder>/<slug>/` on `threadmodel/TM-n`, a pull request when GitHub is
 * configured, and the link in the model's thread. A failing push throws, so the job retries; a
 * branch holding a link where the export goes throws an ExportPathError, which no retry can fix.
 * The draft is never touched by a failure.
 */
export async function processModelExport(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ModelExportJobSchema, data);
  const settings = await exportSettingsFor(deps, job.workspaceId);
  if (!settings) throw new NotConfiguredError('EXPORT_GIT_URL', 'nowhere to export to');
  const ref = { workspaceId: job.workspaceId, modelId: job.modelId };
  let model = await deps.store.get(ref);
  if (!model) return;
  const github = settings.github ? new GitHubClient(settings.github) : undefined;
  if (github && settings.github?.backlogIssues) {
    const about = model;
    model = await linkBacklogIssues(deps, { model }, (mitigation) =>
      github.createIssue(backlogIssue(about, mitigation)),
    );
  }
  const names = await displayNames(deps.client, deps.logger, reportPeople(model));
  const latest = await deps.store.recentChanges(ref, { limit: 10 });
  const audit = { total: latest.total, recent: latest.items };
  const changes = await changesSinceApproval(deps.store, model);
  // A revision updates the folder v1 was exported to, even when the model was retitled since.
  const first = model.revision ? await deps.store.approvedVersion(ref, 1) : undefined;
  const published = await publishModel(
    settings,
    model,
    deps.flow,
    {
      names,
      audit,
      catalog: deps.catalog,
      exportId: jobId,
      ...(changes && { changes }),
      ...(first && { folderTitle: first.title }),
    },
    github,
  );

  if (!model.threadTs) return;
  // A commit an earlier attempt of this job made (it pushed, then failed before the thread heard)
  // is this export's: the thread hears "Exported", not "already there".
  const text =
    published.made === 'already-there'
      ? `*${model.id}* version ${model.version} is already in the repository, unchanged: ${where(published)}.`
      : `:package: Exported *${model.id}* version ${model.version} to the repository: ${where(published)}.`;
  await deps.delivery.post(`${jobId}.done`, { channel: model.channelId, thread_ts: model.threadTs, ...notice(text) });
}

/** The pull request, else the folder on GitHub, else the branch and commit. */
function where({ pull, browseUrl, folder, branch, commit }: PublishedModel): string {
  if (pull) return `<${pull.url}|pull request #${pull.number}>`;
  if (browseUrl) return `<${browseUrl}|${folder}>`;
  return `branch \`${branch}\`, commit \`${commit.slice(0, 10)}\``;
}
