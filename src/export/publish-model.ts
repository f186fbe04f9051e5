import type { Flow } from '../domain/flow';
import type { Mitigation } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import { lastReviewDecision } from '../domain/review-workflow';
import { ROLES } from '../domain/roles';
import { versionNumber } from '../domain/versions';
import { commitText } from './commit-text';
import { type ExportContext, exportFiles } from './export-files';
import { gitHubHttpHeader } from './git-command';
import { type CommitMade, publishToGit } from './git-publisher';
import type { GitHubClient, GitHubSettings, PullRequest } from './github-client';
import { pullRequestChanges } from './report-versions';
import { exportBranch, modelSlug } from './slug';

/** Where exports go (EXPORT_GIT_URL and friends). */
export interface ExportTarget {
  gitUrl: string;
  baseBranch: string;
  /** The folder in the repository holding one folder per model. */
  folder: string;
  author: { name: string; email: string };
  /** Authenticates git over HTTPS (a workspace's own token); unset: the GitHub token does. */
  gitToken?: string | undefined;
  /** Set when GitHub is: pull requests (and backlog issues). */
  github: (GitHubSettings & { backlogIssues: boolean }) | undefined;
  /** The workspace's part of a repository several workspaces share (see ExportSettings). */
  workspaceSpace?: string | undefined;
}

export interface PublishedModel {
  /** Whether this export made the commit (now, or in an earlier attempt), or found it already there. */
  made: CommitMade;
  branch: string;
  folder: string;
  commit: string;
  /** The pull request for the branch, when GitHub is set up. */
  pull: PullRequest | undefined;
  /** The folder on its branch on github.com, when the remote is a github.com HTTPS URL. */
  browseUrl: string | undefined;
}

/**
 * Write a model's export into `<folder>/<slug>/` on `threadmodel/TM-n` (the commit says who
 * approved it, if anyone did, and records `exportId`) and, with GitHub, open (or find) the pull
 * request for the branch. Titles and names reach the repository as `commitText`.
 */
export async function publishModel(
  target: ExportTarget,
  model: ThreatModel,
  flow: Flow,
  context: ExportContext & { names: Readonly<Record<string, string>>; exportId?: string },
  github: GitHubClient | undefined,
): Promise<PublishedModel> {
  const files = await exportFiles(model, flow, context);
  const branch = exportBranch(model.id, target.workspaceSpace);
  const folder = `${target.folder}/${modelSlug(model.id, context.folderTitle ?? model.title)}`;
  const title = commitText(model.title);
  const approval = lastReviewDecision(model);
  const approvedBy =
    model.status === 'approved' && approval?.type === 'approved'
      ? (context.names[approval.by] ?? approval.by)
      : undefined;
  const published = await publishToGit({
    repoUrl: target.gitUrl,
    baseBranch: target.baseBranch,
    branch,
    folder,
    files,
    message: `Threat model ${model.id} ${title}${model.revision ? ` v${versionNumber(model)}` : ''}, version ${model.version}${approvedBy ? `, approved by ${commitText(approvedBy, 100)}` : ''}`,
    author: target.author,
    ...(context.exportId && { exportId: context.exportId }),
    ...httpHeader(target),
  });
  const pull = github ? await pullRequest(github, target, model, branch, folder, title, context.changes) : undefined;
  return {
    made: published.made,
    branch,
    folder,
    commit: published.commit,
    pull,
    browseUrl: browseUrl(target, branch, folder),
  };
}

/**
 * Open (or find) the branch's pull request. It says which version it is and, for a revision, what
 * changed since the last approved version; one already open (a later export of the same branch)
 * gets the current title and body.
 */
async function pullRequest(
  github: GitHubClient,
  target: ExportTarget,
  model: ThreatModel,
  branch: string,
  folder: string,
  title: string,
  changes: ExportContext['changes'],
): Promise<PullRequest> {
  const version = model.revision ? ` v${versionNumber(model)}` : '';
  const text = {
    title: `Threat model ${model.id}: ${title}${version}`,
    body:
      `Exported by Threadmodel from the model's Slack thread (version ${model.version}, ${model.status}).\n\nThe report is \`${folder}/README.md\`.` +
      (changes ? `\n\n${pullRequestChanges(model, changes)}` : ''),
  };
  const pull = await github.openPullRequest({ head: branch, base: target.baseBranch, ...text });
  if (!pull.created) await github.updatePullRequest(pull.number, text);
  return pull;
}

/** Everyone the report mentions (owner, role holders, reviewers, risk deciders, mitigation owners): their names are looked up. */
export function reportPeople(model: ThreatModel): string[] {
  const ids = new Set<string>([model.ownerId, ...ROLES.flatMap((role) => model.roles[role])]);
  if (model.review?.reviewerId) ids.add(model.review.reviewerId);
  for (const approval of model.revision?.approved ?? [])
    if (approval.approvedBy !== 'system') ids.add(approval.approvedBy);
  for (const event of model.review?.history ?? []) if (event.by !== 'system') ids.add(event.by);
  for (const threat of model.threats) if (threat.risk.decision) ids.add(threat.risk.decision.decidedBy);
  for (const mitigation of model.mitigations) if (mitigation.owner) ids.add(mitigation.owner);
  return [...ids].slice(0, 100);
}

/** The GitHub issue for a planned mitigation: what it is, and which model and threats it belongs to. */
export function backlogIssue(model: ThreatModel, mitigation: Mitigation) {
  return {
    title: `${model.id} ${mitigation.id}: ${commitText(mitigation.description)}`,
    body: `A planned mitigation of threat model ${model.id} (${commitText(model.title)}), addressing ${mitigation.threatIds.join(', ')}.\n\n${mitigation.description}`,
    labels: ['threat-model'],
  };
}

/** Git authentication for an HTTPS remote, when a token is configured: the Git token, else the GitHub one. */
export function httpHeader(target: Pick<ExportTarget, 'gitUrl' | 'github' | 'gitToken'>): { httpHeader?: string } {
  const header = gitHubHttpHeader(target.gitUrl, target.gitToken ?? target.github?.token);
  return header ? { httpHeader: header } : {};
}

function browseUrl(target: ExportTarget, branch: string, folder: string): string | undefined {
  const match = /^https:\/\/(?:[^@/]+@)?github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(target.gitUrl);
  return match ? `https://github.com/${match[1]}/tree/${branch}/${folder}` : undefined;
}
