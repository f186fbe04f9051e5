import { catalogProposalBranch } from '../domain/catalog-proposals';
import { commitText } from './commit-text';
import { type CommitMade, publishToGit } from './git-publisher';
import type { GitHubClient, PullRequest } from './github-client';
import { type ExportTarget, httpHeader } from './publish-model';

export interface CatalogProposalToPublish {
  catalogId: string;
  itemId: string;
  modelId: string;
  /** The catalog file, checked as `catalog lint` would before it gets here. */
  yaml: string;
  /** Who proposed it, by name (as plain text in the commit and the pull request). */
  proposedBy: string;
}

export interface PublishedProposal {
  made: CommitMade;
  branch: string;
  /** The file's path in the repository. */
  path: string;
  commit: string;
  pull: PullRequest | undefined;
}

/** The organisation's catalog folder in the export repository: inside the folder the app owns. */
export function catalogFolder(target: Pick<ExportTarget, 'folder'>): string {
  return `${target.folder}/catalog`;
}

/**
 * Commit a proposed catalog entry as `<folder>/catalog/proposed/<id>.yaml` on
 * `threadmodel/catalog/<id>` (only that file is written: the folder's other entries stay), and
 * with GitHub open (or find) the pull request AppSec reviews it in. The same entry again makes no
 * new commit; a changed one is a new commit on the same branch and pull request.
 */
export async function publishCatalogProposal(
  target: ExportTarget,
  proposal: CatalogProposalToPublish,
  exportId: string,
  github: GitHubClient | undefined,
): Promise<PublishedProposal> {
  const branch = catalogProposalBranch(proposal.catalogId, target.workspaceSpace);
  const folder = `${catalogFolder(target)}/proposed`;
  const file = `${proposal.catalogId}.yaml`;
  const by = commitText(proposal.proposedBy, 100);
  const published = await publishToGit({
    repoUrl: target.gitUrl,
    baseBranch: target.baseBranch,
    branch,
    folder,
    files: [{ path: file, content: proposal.yaml }],
    replace: 'files',
    message: `Propose catalog entry ${proposal.catalogId} from ${proposal.modelId} ${proposal.itemId}, by ${by}`,
    author: target.author,
    exportId,
    ...httpHeader(target),
  });
  const pull = github
    ? await github.openPullRequest({
        head: branch,
        base: target.baseBranch,
        title: `Catalog: propose ${proposal.catalogId} (${proposal.modelId} ${proposal.itemId})`,
        body:
          `${proposal.itemId} of threat model ${proposal.modelId}, proposed for the organisation's catalog from the model's Slack thread (who proposed it is in the commit).\n\n` +
          `The entry is \`${folder}/${file}\`. Reword it for any team, check where it applies, its controls and severity, ` +
          `and run \`npx threadmodel catalog lint ${catalogFolder(target)}\` before merging.`,
      })
    : undefined;
  return { made: published.made, branch, path: `${folder}/${file}`, commit: published.commit, pull };
}
