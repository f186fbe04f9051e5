import type { ThreatModel } from '../domain/model';
import type { UseCaseDeps } from './use-case-deps';

export interface ListChannelModelsInput {
  workspaceId: string;
  channelId: string;
  /** How many to return, most recently updated first. */
  limit: number;
}

/** The models of a channel (`/threatmodel list`), most recently updated first, and how many there are. */
export async function listChannelModels(
  deps: Pick<UseCaseDeps, 'store'>,
  { workspaceId, channelId, limit }: ListChannelModelsInput,
): Promise<{ models: ThreatModel[]; total: number }> {
  const page = await deps.store.list(workspaceId, { by: 'channel', channelId }, { limit });
  return { models: page.items, total: page.total };
}
