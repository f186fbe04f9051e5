import { checkStartup } from '../../../src/app/startup-checks';
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/errors';

const defaults = { cwd: '/srv/app', flowFile: '/opt/threadmodel/flows/default.yaml' };
const config = (env: Record<string, string>) => loadConfig(env, defaults);
const problems = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.name);
    throw error;
  }
  return [];
};

describe('what a process cannot start without', () => {
  it('a web process needs the Slack credentials, unless it opens the playground', () => {
    expect(problems(() => checkStartup(config({}), 'web', false))).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
    expect(problems(() => checkStartup(config({}), 'web', true))).toEqual([]);
  });

  it('a worker needs the bot token and the Redis the web process uses, named at once', () => {
    expect(problems(() => checkStartup(config({}), 'worker', false))).toEqual(['SLACK_BOT_TOKEN', 'REDIS_URL']);
    expect(
      problems(() => checkStartup(config({ SLACK_BOT_TOKEN: 'xoxb-1', REDIS_URL: 'redis://r:6379' }), 'worker', false)),
    ).toEqual([]);
  });

  it('in production REDIS_URL is required too: no private redis-server is started there', () => {
    const production = { NODE_ENV: 'production', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'a'.repeat(32) };
    expect(problems(() => checkStartup(config(production), 'web', false))).toEqual(['REDIS_URL']);
    expect(problems(() => checkStartup(config({ ...production, REDIS_URL: 'redis://r:6379' }), 'web', false))).toEqual(
      [],
    );
  });
});
