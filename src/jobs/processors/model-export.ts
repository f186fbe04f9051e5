import { UnrecoverableError } from 'bullmq';
import type { ThreatModel } from '../../domain/model';
import { lastReviewDecision } from '../../domain/review-workflow';
import { ROLES } from '../../domain/roles';
import { plainLine } from '../../domain/safe-text';
import { exportFiles } from '../../export/export-files';
import { gitHubHttpHeader } from '../../export/git-command';
import { publishToGit } from '../../export/git-publisher';
import { GitHubClient } from '../../export/github-client';
import { exportBranch, modelSlug } from '../../export/slug';
import { ModelExportJobSchema } from '../../ports/job-payloads';
import { truncate } from '../../slack/views/text';
import { notice } from '../../slack/views/thread-messages';
import { type ExportSettings, type ProcessorDeps, parsePayload } from './processor-deps';

const BACKLOG_STATUSES = new Set(['proposed', 'planned']);

/**
 * Export a model to the team's repository: backlog issues for planned mitigations (when set up),
 * every export file into `<folder>/<slug>/` on `threadmodel/TM-n`, a pull request when GitHub is
 * configured, and the link in the model's thread. A failing push throws, so the job retries; the
 * draft is never touched by a failure.
 */
export async function processModelExport(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ModelExportJobSchema, data);
  const settings = deps.exportSettings;
  if (!settings) throw new UnrecoverableError('EXPORT_GIT_URL is not set: nowhere to export to');
  const ref = { workspaceId: job.workspaceId, modelId: job.modelId };
  let model = await deps.store.get(ref);
  if (!model) return;
  const github = settings.github ? new GitHubClient(settings.github) : undefined;
  if (github && settings.github?.backlogIssues) model = await openBacklogIssues(deps, model, github);

  const names = await displayNames(deps, model);
  const trail = await deps.store.auditTrail(ref, { limit: 1000 });
  const recent = trail.items.slice(-10).reverse();
  const files = await exportFiles(model, deps.flow, { names, audit: { total: trail.total, recent } });
  const branch = exportBranch(model.id);
  const folder = `${settings.folder}/${modelSlug(model.id, model.title)}`;
  const title = oneLine(model.title);
  const approval = lastReviewDecision(model);
  const approvedBy =
    model.status === 'approved' && approval?.type === 'approved' ? (names[approval.by] ?? approval.by) : undefined;
  const published = await publishToGit({
    repoUrl: settings.gitUrl,
    baseBranch: settings.baseBranch,
    branch,
    folder,
    files,
    message: `Threat model ${model.id} ${title}, version ${model.version}${approvedBy ? `, approved by ${oneLine(approvedBy)}` : ''}`,
    author: settings.author,
    ...httpHeader(settings),
  });
  const pull = github
    ? await github.openPullRequest({
        head: branch,
        base: settings.baseBranch,
        title: `Threat model ${model.id}: ${title}`,
        body: `Exported by Threadmodel from the model's Slack thread (version ${model.version}, ${model.status}).\n\nThe report is \`${folder}/README.md\`.`,
      })
    : undefined;

  if (!model.threadTs) return;
  const where = pull
    ? `<${pull.url}|pull request #${pull.number}>`
    : (browseLink(settings, branch, folder) ?? `branch \`${branch}\`, commit \`${published.commit.slice(0, 10)}\``);
  const text = published.changed
    ? `:package: Exported *${model.id}* version ${model.version} to the repository: ${where}.`
    : `*${model.id}* version ${model.version} is already in the repository, unchanged: ${where}.`;
  await deps.delivery.post(`${jobId}.done`, { channel: model.channelId, thread_ts: model.threadTs, ...notice(text) });
}

/** Planned mitigations without a backlog item get a GitHub issue, linked from the mitigation. */
async function openBacklogIssues(deps: ProcessorDeps, model: ThreatModel, github: GitHubClient): Promise<ThreatModel> {
  const ref = { workspaceId: model.workspaceId, modelId: model.id };
  let current = model;
  for (const mitigation of model.mitigations) {
    if (!BACKLOG_STATUSES.has(mitigation.status) || mitigation.backlogLink) continue;
    // At most once: an issue opened just before a crash is not opened again (its link may then be missing).
    const opened = await deps.idempotency.once(
      `backlog.${ref.workspaceId}.${ref.modelId}.${mitigation.id}`,
      30 * 86_400_000,
      () =>
        github.createIssue({
          title: `${model.id} ${mitigation.id}: ${oneLine(mitigation.description).slice(0, 200)}`,
          body: `A planned mitigation of threat model ${model.id} (${oneLine(model.title)}), addressing ${mitigation.threatIds.join(', ')}.\n\n${mitigation.description}`,
          labels: ['threat-model'],
        }),
    );
    if (!opened.ran) continue;
    const url = opened.result.url;
    current = (
      await deps.store.update(ref, { actor: 'system', action: 'mitigation.backlog' }, (m) => ({
        ...m,
        mitigations: m.mitigations.map((item) => (item.id === mitigation.id ? { ...item, backlogLink: url } : item)),
      }))
    ).model;
  }
  return current;
}

/** Display names of everyone the report mentions, from Slack; ids stay as they are when unknown. */
async function displayNames(deps: ProcessorDeps, model: ThreatModel): Promise<Record<string, string>> {
  const ids = new Set<string>([model.ownerId, ...ROLES.flatMap((role) => model.roles[role])]);
  if (model.review?.reviewerId) ids.add(model.review.reviewerId);
  for (const event of model.review?.history ?? []) if (event.by !== 'system') ids.add(event.by);
  for (const threat of model.threats) if (threat.risk.decision) ids.add(threat.risk.decision.decidedBy);
  for (const mitigation of model.mitigations) if (mitigation.owner) ids.add(mitigation.owner);
  const names: Record<string, string> = {};
  for (const id of [...ids].slice(0, 100)) {
    try {
      const user = (await deps.client.users.info({ user: id })).user;
      const name = user?.real_name || user?.profile?.display_name || user?.name;
      if (name) names[id] = name;
    } catch (error) {
      deps.logger.warn({ err: error, user: id }, 'no display name for the export');
    }
  }
  return names;
}

/** Git authentication for an HTTPS remote on GitHub, when a token is configured. */
export function httpHeader(settings: ExportSettings): { httpHeader?: string } {
  const header = gitHubHttpHeader(settings.gitUrl, settings.github?.token);
  return header ? { httpHeader: header } : {};
}

/** A GitHub web link to the folder on its branch, when the remote is a github.com HTTPS URL. */
function browseLink(settings: ExportSettings, branch: string, folder: string): string | undefined {
  const match = /^https:\/\/(?:[^@/]+@)?github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(settings.gitUrl);
  return match ? `<https://github.com/${match[1]}/tree/${branch}/${folder}|${folder}>` : undefined;
}

function oneLine(text: string): string {
  return truncate(plainLine(text), 200);
}
