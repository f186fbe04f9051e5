import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CONFIG_VARIABLES } from '../../../src/config';
import { healthRoutes } from '../../../src/ops/health-routes';

const ROOT = path.resolve(__dirname, '../../..');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { disable?: boolean };
}
const compose = (file: string) =>
  parseYaml(readFileSync(path.join(ROOT, file), 'utf8'), { merge: true }) as { services: Record<string, Service> };

/**
 * docker-compose.yml (one app, one worker) and docker-compose.scale.yml (two app replicas behind
 * nginx, two workers): no Docker engine runs here, so this reads them as Docker would and checks
 * what they point at.
 */
describe('the compose files', () => {
  const known = new Set(CONFIG_VARIABLES.map((variable) => variable.name));

  it.each(['docker-compose.yml', 'docker-compose.scale.yml'])('%s sets only variables src/config.ts reads', (file) => {
    const { services } = compose(file);
    const set = Object.values(services).flatMap((service) => Object.keys(service.environment ?? {}));
    expect(set.length).toBeGreaterThan(0);
    expect(set.filter((name) => !known.has(name))).toEqual([]);
  });

  describe('the scale example (docker-compose.scale.yml)', () => {
    const { services } = compose('docker-compose.scale.yml');
    const { app, worker, proxy, redis } = services as Record<string, Service>;

    it('runs two app replicas and two workers on one Redis, the workers apart from the app', () => {
      expect(app?.deploy?.replicas).toBeGreaterThanOrEqual(2);
      expect(worker?.deploy?.replicas).toBeGreaterThanOrEqual(2);
      expect(worker?.command).toEqual(['node', 'dist/worker.js']);
      expect(app?.environment?.RUN_WORKERS).toBe('false');
      expect(redis?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
      for (const service of [app, worker]) {
        expect(service?.environment?.REDIS_URL).toBe('redis://redis:6379');
        expect(service?.healthcheck?.disable).toBeUndefined();
      }
    });

    it('publishes only the proxy; the app replicas are reached through it', () => {
      expect(app?.ports).toBeUndefined();
      expect(worker?.ports).toBeUndefined();
      expect(proxy?.ports).toEqual(['3000:8080']);
      expect(proxy?.depends_on).toEqual({ app: { condition: 'service_healthy' } });
    });

    it("the proxy's nginx config sends Slack's and the health routes to the app's port, and nothing else", () => {
      const mount = proxy?.volumes?.[0]?.split(':') ?? [];
      const conf = path.join(ROOT, mount[0] ?? '');
      expect(existsSync(conf)).toBe(true);
      const text = readFileSync(conf, 'utf8');
      expect(text).toMatch(/listen 8080;/);
      // The app listens on PORT, 3000 unless set (the scale file does not set it).
      expect(app?.environment?.PORT).toBeUndefined();
      expect(text).toMatch(/server app:3000 resolve/);
      const proxied = [...text.matchAll(/location = (\S+) \{\s*proxy_pass http:\/\/threadmodel_app;/g)].map(
        (m) => m[1],
      );
      expect(proxied.sort()).toEqual(
        ['/slack/events', ...healthRoutes(async () => true).map((route) => route.path)].sort(),
      );
      expect(text).toMatch(/location \/ \{\s*return 404;/);
    });
  });
});
