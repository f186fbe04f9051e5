import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';

const defaults = { cwd: '/srv/app', flowFile: '/opt/threadmodel/flows/default.yaml' };

describe('configuration', () => {
  it('has working defaults for everything', () => {
    expect(loadConfig({}, defaults)).toEqual({
      logLevel: 'info',
      flowFile: '/opt/threadmodel/flows/default.yaml',
      extraCatalogDirs: [],
      redis: { url: undefined, keyPrefix: 'threadmodel:' },
      draftRetentionDays: 180,
    });
  });

  it('reads the Redis settings and the retention period', () => {
    const config = loadConfig(
      { REDIS_URL: 'rediss://:pw@cache.internal:6380/2', REDIS_KEY_PREFIX: 'tm:', DRAFT_RETENTION_DAYS: '90' },
      defaults,
    );
    expect(config.redis).toEqual({ url: 'rediss://:pw@cache.internal:6380/2', keyPrefix: 'tm:' });
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
