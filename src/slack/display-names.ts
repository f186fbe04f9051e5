import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger';

/**
 * Display names of Slack users, as Slack knows them (real name, else display name, else handle);
 * a user Slack cannot tell about is left out (the caller shows the id instead).
 */
export async function displayNames(
  client: WebClient,
  logger: Logger,
  userIds: readonly string[],
): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const id of userIds) {
    try {
      const user = (await client.users.info({ user: id })).user;
      const name = user?.real_name || user?.profile?.display_name || user?.name;
      if (name) names[id] = name;
    } catch (error) {
      logger.warn({ err: error, user: id }, 'no display name for the export');
    }
  }
  return names;
}
