import path from 'node:path';
import { loadConfig, requireBotToken, requireRedisTarget, requireSlackCredentials } from '../../src/config';
import { ConfigError } from '../../src/errors';

const defaults = { cwd: '/srv/app', flowFile: '/opt/threadmodel/flows/default.yaml' };

describe('configuration', () => {
  it('has working defaults for everything', () => {
    expect(loadConfig({}, defaults)).toEqual({
      production: false,
      logLevel: 'info',
      flowFile: '/opt/threadmodel/flows/default.yaml',
      extraCatalogDirs: [],
      slack: { botToken: undefined, signingSecret: undefined, appToken: undefined, apiUrl: undefined },
      port: 3000,
      metrics: { token: undefined, port: undefined },
      redis: { target: undefined, keyPrefix: 'threadmodel:', waitReplicas: undefined },
      draftRetentionDays: 180,
      encryptionKeys: [],
      exportDefaults: {
        baseBranch: 'main',
        folder: 'threat-models',
        author: { name: 'Threadmodel', email: 'threadmodel@localhost.localdomain' },
        githubApiUrl: 'https://api.github.com',
        backlogIssues: false,
      },
      review: { appsecChannelId: undefined, appsecUsergroupId: undefined, slaWorkingDays: 3, holidays: [] },
      export: undefined,
      jobs: { runWorkers: true, concurrency: 10 },
    });
  });

  describe('reviews and workers', () => {
    it('reads the AppSec channel and group, the SLA, holidays and the worker settings', () => {
      const config = loadConfig(
        {
          APPSEC_CHANNEL_ID: 'C0APPSEC0',
          APPSEC_USERGROUP_ID: 'S0APPSEC0',
          REVIEW_SLA_DAYS: '5',
          REVIEW_HOLIDAYS: '2026-12-25, 2027-01-01',
          RUN_WORKERS: 'false',
          WORKER_CONCURRENCY: '4',
        },
        defaults,
      );
      expect(config.review).toEqual({
        appsecChannelId: 'C0APPSEC0',
        appsecUsergroupId: 'S0APPSEC0',
        slaWorkingDays: 5,
        holidays: ['2026-12-25', '2027-01-01'],
      });
      expect(config.jobs).toEqual({ runWorkers: false, concurrency: 4 });
    });

    it('refuses a channel name for an id, a bad holiday and a fractional SLA, all at once', () => {
      expect(() =>
        loadConfig(
          { APPSEC_CHANNEL_ID: '#appsec', REVIEW_HOLIDAYS: '2026-12-25,25/12/2026', REVIEW_SLA_DAYS: '2.5' },
          defaults,
        ),
      ).toThrow(
        /APPSEC_CHANNEL_ID: is "#appsec"[\s\S]*REVIEW_SLA_DAYS: is "2\.5"[\s\S]*REVIEW_HOLIDAYS: is "2026-12-25,25\/12\/2026"/,
      );
    });

    it('reads where exports go, and GitHub only with both a token and a repository', () => {
      const config = loadConfig(
        {
          EXPORT_GIT_URL: 'https://github.com/acme/payments.git',
          EXPORT_FOLDER: '/docs/threat-models/',
          GITHUB_TOKEN: 'ghp_abc',
          GITHUB_REPOSITORY: 'acme/payments',
          EXPORT_BACKLOG_ISSUES: 'true',
        },
        defaults,
      );
      expect(config.export).toEqual({
        gitUrl: 'https://github.com/acme/payments.git',
        baseBranch: 'main',
        folder: 'docs/threat-models',
        author: { name: 'Threadmodel', email: 'threadmodel@localhost.localdomain' },
        github: {
          apiUrl: 'https://api.github.com',
          token: 'ghp_abc',
          repository: 'acme/payments',
          backlogIssues: true,
        },
      });
      expect(loadConfig({ EXPORT_GIT_URL: '/srv/repo.git', GITHUB_TOKEN: 'ghp_abc' }, defaults).export?.github).toBe(
        undefined,
      );
    });

    it('refuses an export folder outside the repository and a bad branch, never echoing the git URL', () => {
      expect(() =>
        loadConfig(
          {
            EXPORT_GIT_URL: 'https://user:secret@git.example/x.git',
            EXPORT_FOLDER: '../up',
            EXPORT_BASE_BRANCH: 'a..b',
          },
          defaults,
        ),
      ).toThrow(/EXPORT_BASE_BRANCH: is "a\.\.b"[\s\S]*EXPORT_FOLDER: is "\.\.\/up"/);
      expect(() => loadConfig({ EXPORT_GIT_URL: ' ', EXPORT_FOLDER: '../up' }, defaults)).not.toThrow(/secret/);
    });

    it('a worker process needs only the bot token', () => {
      expect(requireBotToken(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, defaults))).toBe('xoxb-1');
      expect(() => requireBotToken(loadConfig({}, defaults))).toThrow(/SLACK_BOT_TOKEN: is missing/);
    });
  });

  describe('Slack credentials', () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef', PORT: '8080' };

    it('HTTP mode needs the bot token and the signing secret', () => {
      const config = loadConfig(env, defaults);
      expect(config.port).toBe(8080);
      expect(requireSlackCredentials(config)).toEqual({
        mode: 'http',
        botToken: 'xoxb-1-2-abc',
        signingSecret: 'abcdef0123456789abcdef',
        apiUrl: undefined,
      });
    });

    it('an app token switches to Socket Mode, where no signing secret is needed', () => {
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-2' }, defaults);
      expect(requireSlackCredentials(config)).toMatchObject({ mode: 'socket', appToken: 'xapp-1-A1-2' });
    });

    it('missing credentials name every variable and where to get it', () => {
      expect(() => requireSlackCredentials(loadConfig({}, defaults))).toThrow(
        /SLACK_BOT_TOKEN: is missing; expected the bot token .*manifest\.json[\s\S]*SLACK_SIGNING_SECRET: is missing; expected the signing secret .*or SLACK_APP_TOKEN.*Socket Mode/,
      );
    });

    it("has no playground switch: what runs without credentials is the launcher's business (scripts/start.js)", () => {
      const config = loadConfig({ PLAYGROUND: 'auto' }, defaults);
      expect(config).not.toHaveProperty('playground');
      expect(() => requireSlackCredentials(config)).toThrow(/SLACK_BOT_TOKEN: is missing/);
    });

    it('a malformed token is refused without being echoed', () => {
      expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token-123' }, defaults)).toThrow(
        /SLACK_BOT_TOKEN: is not valid \(value not shown\)/,
      );
      expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token-123' }, defaults)).not.toThrow(/xoxp/);
    });
  });

  it('reads the metrics settings; a short METRICS_TOKEN is refused without being echoed', () => {
    const token = 'a-long-random-metrics-token-0123';
    expect(loadConfig({ METRICS_TOKEN: token, METRICS_PORT: '9464' }, defaults).metrics).toEqual({ token, port: 9464 });
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' }, defaults)).toThrow(
      /METRICS_TOKEN: is not valid \(value not shown\); expected a random token of 24 to 256/,
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' }, defaults)).not.toThrow(/short-secret/);
    expect(() => loadConfig({ METRICS_PORT: 'metrics' }, defaults)).toThrow(/METRICS_PORT: is "metrics"/);
    expect(() => loadConfig({ METRICS_PORT: '3000' }, defaults)).toThrow(/METRICS_PORT: is 3000, the same as PORT/);
  });

  it('reads the Redis settings and the retention period', () => {
    const config = loadConfig(
      { REDIS_URL: 'rediss://:pw@cache.internal:6380/2', REDIS_KEY_PREFIX: 'tm:', DRAFT_RETENTION_DAYS: '90' },
      defaults,
    );
    expect(config.redis).toEqual({
      target: { mode: 'standalone', url: 'rediss://:pw@cache.internal:6380/2' },
      keyPrefix: 'tm:',
      waitReplicas: undefined,
    });
    expect(config.draftRetentionDays).toBe(90);
  });

  it('refuses a non-Redis URL (without echoing its password), a prefix with braces and a retention that is not a whole number of days', () => {
    expect(() =>
      loadConfig(
        { REDIS_URL: 'http://u:s3cret@cache:6379', REDIS_KEY_PREFIX: 'a{b}', DRAFT_RETENTION_DAYS: '1.5' },
        defaults,
      ),
    ).toThrow(
      /REDIS_URL: is not valid \(value not shown\); expected a redis:\/\/ .*\n.*REDIS_KEY_PREFIX: is "a\{b\}"; .*no braces.*\n.*DRAFT_RETENTION_DAYS: is "1\.5"; expected a whole number/,
    );
  });

  describe('in production (NODE_ENV=production)', () => {
    it('is production only when NODE_ENV says exactly that', () => {
      expect(loadConfig({ NODE_ENV: 'production' }, defaults).production).toBe(true);
      expect(loadConfig({ NODE_ENV: 'development' }, defaults).production).toBe(false);
      expect(loadConfig({ NODE_ENV: 'test' }, defaults).production).toBe(false);
    });

    it('a missing Redis names the variables and why no private Redis is started', () => {
      const config = loadConfig({ NODE_ENV: 'production' }, defaults);
      expect(() => requireRedisTarget(config, 'production')).toThrow(ConfigError);
      expect(() => requireRedisTarget(config, 'production')).toThrow(
        /REDIS_URL: is missing \(and so are REDIS_CLUSTER_NODES and REDIS_SENTINELS\); expected a redis:\/\/ or rediss:\/\/ URL.*NODE_ENV=production no private redis-server/,
      );
      expect(requireRedisTarget(loadConfig({ REDIS_URL: 'redis://cache:6379' }, defaults), 'production')).toEqual({
        mode: 'standalone',
        url: 'redis://cache:6379',
      });
    });
  });

  it('resolves paths against the working directory', () => {
    const config = loadConfig({ FLOW_FILE: 'ours/flow.yaml', CATALOG_DIRS: ' org-catalog , /abs/more,' }, defaults);
    expect(config.flowFile).toBe(path.resolve('/srv/app/ours/flow.yaml'));
    expect(config.extraCatalogDirs).toEqual(['/srv/app/org-catalog', '/abs/more']);
  });

  it('lists every bad variable at once, with what was wrong and what is expected', () => {
    let error: unknown;
    try {
      loadConfig({ LOG_LEVEL: 'loud', FLOW_FILE: '   ' }, defaults);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.name)).toEqual(['LOG_LEVEL', 'FLOW_FILE']);
    expect((error as ConfigError).message).toMatch(
      /^Configuration is invalid \(2 problems\):\n {2}- LOG_LEVEL: is "loud"; expected one of fatal, error, warn, info, debug, trace, silent\n {2}- FLOW_FILE: is " {3}"; expected a path to a flow YAML file$/,
    );
  });
});
