import { loadConfig, requireRedisTarget } from '../../src/config';
import { ConfigError } from '../../src/errors';

const defaults = { cwd: '/srv/app', flowFile: '/opt/threadmodel/flows/default.yaml' };

/** The configuration's problems, as `NAME: problem` lines; none when it loads. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, defaults);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => `${problem.name}: ${problem.problem}`);
  }
}

/** The whole message a bad configuration stops start-up with. */
function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env, defaults);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration loaded');
}

describe('configuration of Redis', () => {
  describe('a Redis Cluster (REDIS_CLUSTER_NODES)', () => {
    it('reads the nodes, the credentials and TLS', () => {
      const config = loadConfig(
        {
          REDIS_CLUSTER_NODES: ' clustercfg.tm.cache.amazonaws.com:6379, 10.0.0.7:7001 ,[fd00::7]:7002',
          REDIS_USERNAME: 'threadmodel',
          REDIS_PASSWORD: 'n0t-shown',
          REDIS_TLS: 'true',
        },
        defaults,
      );
      expect(config.redis.target).toEqual({
        mode: 'cluster',
        nodes: [
          { host: 'clustercfg.tm.cache.amazonaws.com', port: 6379 },
          { host: '10.0.0.7', port: 7001 },
          { host: 'fd00::7', port: 7002 },
        ],
        username: 'threadmodel',
        password: 'n0t-shown',
        tls: true,
      });
    });

    it('refuses a node that is not host:port, naming the variable', () => {
      expect(problemsOf({ REDIS_CLUSTER_NODES: '10.0.0.7:7001,10.0.0.8' })).toEqual([
        'REDIS_CLUSTER_NODES: is "10.0.0.7:7001,10.0.0.8"',
      ]);
      expect(problemsOf({ REDIS_CLUSTER_NODES: 'redis://10.0.0.7:7001' })).toHaveLength(1);
      expect(problemsOf({ REDIS_CLUSTER_NODES: '10.0.0.7:70000' })).toHaveLength(1);
    });
  });

  describe('Sentinel (REDIS_SENTINELS)', () => {
    it('reads the sentinels, the primary name and both passwords', () => {
      const config = loadConfig(
        {
          REDIS_SENTINELS: 'sentinel-0:26379,sentinel-1:26379,sentinel-2:26379',
          REDIS_SENTINEL_NAME: 'threadmodel',
          REDIS_SENTINEL_PASSWORD: 's3ntinel-secret',
          REDIS_PASSWORD: 'data-secret',
        },
        defaults,
      );
      expect(config.redis.target).toEqual({
        mode: 'sentinel',
        sentinels: [
          { host: 'sentinel-0', port: 26379 },
          { host: 'sentinel-1', port: 26379 },
          { host: 'sentinel-2', port: 26379 },
        ],
        name: 'threadmodel',
        sentinelPassword: 's3ntinel-secret',
        username: undefined,
        password: 'data-secret',
        tls: false,
      });
    });

    it('needs the name the sentinels know the primary by', () => {
      expect(messageOf({ REDIS_SENTINELS: 'sentinel-0:26379' })).toMatch(
        /REDIS_SENTINEL_NAME: is missing; expected the name the sentinels know the primary by .*REDIS_SENTINELS needs it/,
      );
    });

    it('refuses a sentinel name or password without sentinels', () => {
      expect(problemsOf({ REDIS_URL: 'redis://cache:6379', REDIS_SENTINEL_NAME: 'mymaster' })).toEqual([
        'REDIS_SENTINEL_NAME: is set without REDIS_SENTINELS',
      ]);
      expect(problemsOf({ REDIS_SENTINEL_PASSWORD: 'x' })).toEqual([
        'REDIS_SENTINEL_PASSWORD: is set without REDIS_SENTINELS',
      ]);
    });
  });

  describe('combinations that cannot be meant', () => {
    it('refuses more than one way to Redis, naming each extra one', () => {
      expect(
        problemsOf({
          REDIS_URL: 'redis://cache:6379',
          REDIS_CLUSTER_NODES: 'node-0:7000',
          REDIS_SENTINELS: 'sentinel-0:26379',
          REDIS_SENTINEL_NAME: 'mymaster',
        }),
      ).toEqual([
        'REDIS_CLUSTER_NODES: is set together with REDIS_URL',
        'REDIS_SENTINELS: is set together with REDIS_URL',
      ]);
      expect(
        problemsOf({ REDIS_CLUSTER_NODES: 'node-0:7000', REDIS_SENTINELS: 's:26379', REDIS_SENTINEL_NAME: 'm' }),
      ).toEqual(['REDIS_SENTINELS: is set together with REDIS_CLUSTER_NODES']);
    });

    it('refuses separate credentials or TLS beside a URL, which carries its own', () => {
      expect(
        problemsOf({ REDIS_URL: 'redis://cache:6379', REDIS_PASSWORD: 'pw', REDIS_USERNAME: 'u', REDIS_TLS: 'true' }),
      ).toEqual([
        'REDIS_USERNAME: is set without REDIS_CLUSTER_NODES or REDIS_SENTINELS',
        'REDIS_PASSWORD: is set without REDIS_CLUSTER_NODES or REDIS_SENTINELS',
        'REDIS_TLS: is true without REDIS_CLUSTER_NODES or REDIS_SENTINELS',
      ]);
    });

    it('never shows a password, wherever it is refused', () => {
      const message = messageOf({
        REDIS_URL: 'redis://:url-secret@cache:6379',
        REDIS_PASSWORD: 'pw-secret',
        REDIS_SENTINEL_PASSWORD: 'sentinel-secret',
      });
      expect(message).toMatch(/REDIS_PASSWORD/);
      expect(message).not.toMatch(/secret/);
      expect(messageOf({ REDIS_CLUSTER_NODES: 'n:1', REDIS_PASSWORD: ''.padEnd(600, 'x') })).toMatch(
        /REDIS_PASSWORD: is not valid \(value not shown\)/,
      );
    });
  });

  describe('replica confirmation (REDIS_WAIT_REPLICAS)', () => {
    it('is off by default, and waits 1 s for the replicas asked for', () => {
      expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }, defaults).redis.waitReplicas).toBeUndefined();
      expect(
        loadConfig({ REDIS_URL: 'redis://cache:6379', REDIS_WAIT_REPLICAS: '0' }, defaults).redis.waitReplicas,
      ).toBeUndefined();
      expect(
        loadConfig({ REDIS_CLUSTER_NODES: 'node-0:7000', REDIS_WAIT_REPLICAS: '1' }, defaults).redis.waitReplicas,
      ).toEqual({ replicas: 1, timeoutMs: 1000 });
      expect(
        loadConfig(
          {
            REDIS_SENTINELS: 's:26379',
            REDIS_SENTINEL_NAME: 'm',
            REDIS_WAIT_REPLICAS: '2',
            REDIS_WAIT_TIMEOUT_MS: '250',
          },
          defaults,
        ).redis.waitReplicas,
      ).toEqual({ replicas: 2, timeoutMs: 250 });
    });

    it('refuses to wait for replicas of the private redis-server, which has none', () => {
      expect(messageOf({ REDIS_WAIT_REPLICAS: '1' })).toMatch(
        /REDIS_WAIT_REPLICAS: is 1 without a Redis of yours; expected REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS .*the private redis-server has none/,
      );
    });

    it('refuses a timeout without replicas to wait for, and counts it cannot take', () => {
      expect(problemsOf({ REDIS_URL: 'redis://cache:6379', REDIS_WAIT_TIMEOUT_MS: '500' })).toEqual([
        'REDIS_WAIT_TIMEOUT_MS: is set without REDIS_WAIT_REPLICAS',
      ]);
      expect(problemsOf({ REDIS_URL: 'redis://cache:6379', REDIS_WAIT_REPLICAS: 'one' })).toEqual([
        'REDIS_WAIT_REPLICAS: is "one"',
      ]);
      expect(
        problemsOf({ REDIS_URL: 'redis://cache:6379', REDIS_WAIT_REPLICAS: '1', REDIS_WAIT_TIMEOUT_MS: '0' }),
      ).toEqual(['REDIS_WAIT_TIMEOUT_MS: is "0"']);
    });
  });

  describe('in production', () => {
    it('accepts a cluster or Sentinel in place of REDIS_URL', () => {
      const production = { NODE_ENV: 'production' };
      expect(
        requireRedisTarget(loadConfig({ ...production, REDIS_CLUSTER_NODES: 'n:7000' }, defaults), 'production'),
      ).toMatchObject({
        mode: 'cluster',
      });
      expect(
        requireRedisTarget(
          loadConfig({ ...production, REDIS_SENTINELS: 's:26379', REDIS_SENTINEL_NAME: 'm' }, defaults),
          'production',
        ),
      ).toMatchObject({ mode: 'sentinel', name: 'm' });
    });
  });
});
