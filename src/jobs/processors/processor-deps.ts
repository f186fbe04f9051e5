import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { ThreatModel } from '../../domain/model';
import type { ExportSettings } from '../../domain/workspace-settings';
import { JobPayloadError } from '../../errors';
import { threadPermalink } from '../../slack/thread-link';
import type { UseCaseDeps } from '../../use-cases/use-case-deps';
import type { SlackDelivery } from '../deliver-once';
import { rateLimitedFor } from '../slack-failures';

/**
 * What the job processors need, wired by the composition root: the use cases' deps (processors
 * call the same use cases as the listeners, and read each workspace's settings through them),
 * and the jobs' own Slack side.
 */
export interface ProcessorDeps extends UseCaseDeps {
  /** The job client: 429s are thrown (the worker pauses), not retried inside the call. */
  client: WebClient;
  delivery: SlackDelivery;
}

export type { ExportSettings };

/**
 * Where the workspace's exports go, read when the job runs (an admin may have changed it since
 * the job was queued): its own repository, else the deployment's; undefined when neither is set.
 */
export async function exportSettingsFor(
  deps: Pick<ProcessorDeps, 'settings'>,
  workspaceId: string,
): Promise<ExportSettings | undefined> {
  return (await deps.settings.forWorkspace(workspaceId)).export;
}

/** The workspace's AppSec channel, read when the job runs; undefined when reviews are not set up there. */
export async function appsecChannelFor(
  deps: Pick<ProcessorDeps, 'settings'>,
  workspaceId: string,
): Promise<string | undefined> {
  return (await deps.settings.forWorkspace(workspaceId)).appsec.channelId;
}

/** A job's payload, parsed; a payload that does not parse can never succeed (the job fails at once). */
export function parsePayload<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new JobPayloadError(parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

/** The link to a model's thread, or undefined when Slack cannot give one. */
export async function threadLink(deps: ProcessorDeps, model: ThreatModel): Promise<string | undefined> {
  try {
    return await threadPermalink(deps.client, deps.messageRefs, model);
  } catch (error) {
    // A rate limit is waited out (the worker pauses and retries); anything else costs only the link.
    if (rateLimitedFor(error) !== undefined) throw error;
    deps.logger.warn({ err: error, model: model.id }, 'no permalink for the model thread');
    return undefined;
  }
}
