import { type Config, requireRedisTarget, requireSlackCredentials, requireWorkerSlack } from '../config';
import { ConfigError, type ConfigProblem } from '../errors';

/** `web` serves Slack (and runs the workers unless RUN_WORKERS=false); `worker` runs the workers only. */
export type ProcessRole = 'web' | 'worker';

/**
 * Everything this process cannot start without, checked before anything is started, and every
 * problem named at once: the Slack credentials (the bot token, or the OAuth keys, for a worker), and REDIS_URL
 * for a worker (it must share the web process's Redis) or in production.
 */
export function checkStartup(config: Config, role: ProcessRole, harness: boolean): void {
  const problems: ConfigProblem[] = [];
  const collect = (check: () => unknown) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  };
  if (role === 'worker') collect(() => requireWorkerSlack(config));
  else if (!harness) collect(() => requireSlackCredentials(config));
  if (role === 'worker') collect(() => requireRedisTarget(config, 'worker'));
  else if (config.production) collect(() => requireRedisTarget(config, 'production'));
  if (problems.length > 0) throw new ConfigError(problems);
}
