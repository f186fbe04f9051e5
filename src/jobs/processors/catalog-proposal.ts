import { NotConfiguredError } from '../../errors';
import { GitHubClient } from '../../export/github-client';
import { type PublishedProposal, publishCatalogProposal } from '../../export/publish-catalog-proposal';
import { CatalogProposalJobSchema } from '../../ports/job-payloads';
import { displayNames } from '../../slack/display-names';
import { mention, userLine } from '../../slack/views/text';
import { notice } from '../../slack/views/thread-messages';
import { checkedProposal } from '../../use-cases/propose-for-catalog';
import { exportSettingsFor, type ProcessorDeps, parsePayload } from './processor-deps';

/**
 * "Propose for the catalog": write the threat or mitigation, as it is now, as a catalog entry on
 * its own branch of the export repository (a pull request with GitHub), and tell the thread where
 * AppSec reviews it. The entry is built and checked again here, from the current model, with the
 * same function the click used. A failing push throws, so the job retries.
 */
export async function processCatalogProposal(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(CatalogProposalJobSchema, data);
  const settings = await exportSettingsFor(deps, job.workspaceId);
  if (!settings) throw new NotConfiguredError('EXPORT_GIT_URL', 'nowhere to propose catalog entries to');
  const model = await deps.store.get({ workspaceId: job.workspaceId, modelId: job.modelId });
  if (!model) return;
  const built = checkedProposal(deps, model, job.itemId);
  let text: string;
  if (built.ok) {
    const names = await displayNames(deps.client, deps.logger, [job.requestedBy]);
    const github = settings.github ? new GitHubClient(settings.github) : undefined;
    const published = await publishCatalogProposal(
      settings,
      {
        catalogId: built.proposal.catalogId,
        itemId: job.itemId,
        modelId: model.id,
        yaml: built.yaml,
        proposedBy: names[job.requestedBy] ?? job.requestedBy,
      },
      jobId,
      github,
    );
    text =
      published.made === 'already-there'
        ? `${mention(job.requestedBy)} proposed ${job.itemId} for the catalog again: \`${built.proposal.catalogId}\` is already proposed, unchanged, in ${where(published)}.`
        : `:books: ${mention(job.requestedBy)} proposed ${job.itemId} for the catalog as \`${built.proposal.catalogId}\`: AppSec reviews it in ${where(published)}.`;
  } else {
    text = `${mention(job.requestedBy)}, I could not propose ${job.itemId} for the catalog: ${userLine(built.message, 500)}`;
  }
  if (!model.threadTs) return;
  await deps.delivery.post(`${jobId}.done`, { channel: model.channelId, thread_ts: model.threadTs, ...notice(text) });
}

/** The pull request, else the branch and commit. */
function where({ pull, branch, path, commit }: PublishedProposal): string {
  if (pull) return `<${pull.url}|pull request #${pull.number}>`;
  return `\`${path}\` on branch \`${branch}\` (commit \`${commit.slice(0, 10)}\`)`;
}
