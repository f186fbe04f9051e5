import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { Config } from '../../config';
import type { ThreatModel } from '../../domain/model';
import { JobPayloadError } from '../../errors';
import { threadPermalink } from '../../slack/thread-link';
import type { UseCaseDeps } from '../../use-cases/use-case-deps';
import type { SlackDelivery } from '../deliver-once';
import { rateLimitedFor } from '../slack-failures';

/**
 * What the job processors need, wired by the composition root: the use cases' deps (processors
 * call the same use cases as the listeners), and the jobs' own Slack side.
 */
export interface ProcessorDeps extends UseCaseDeps {
  /** The job client: 429s are thrown (the worker pauses), not retried inside the call. */
  client: WebClient;
  delivery: SlackDelivery;
  appsecChannelId: string | undefined;
  /** Where exports go; undefined when EXPORT_GIT_URL is not set. */
  exportSettings: ExportSettings | undefined;
}

export type ExportSettings = NonNullable<Config['export']>;

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
