import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import type { UseCaseDeps } from './use-case-deps';

/**
 * The model a message in a channel is about, if it exists and lives in that channel: a read for
 * buttons that only show more of the model (such as the next prompts), never for changes.
 */
export async function modelInChannel(
  deps: Pick<UseCaseDeps, 'store'>,
  { ref, channelId }: { ref: ModelRef; channelId: string },
): Promise<ThreatModel | undefined> {
  const model = await deps.store.get(ref);
  return model?.channelId === channelId ? model : undefined;
}
