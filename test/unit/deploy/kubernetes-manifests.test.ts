import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { CONFIG_VARIABLES } from '../../../src/config';
import { healthRoutes } from '../../../src/ops/health-routes';
import { THREAD_POST_CLOSE_GRACE_MS } from '../../../src/slack/thread-posts';

const ROOT = path.resolve(__dirname, '../../..');
const FOLDER = path.join(ROOT, 'deploy/kubernetes');
const SECRET_NAME = 'threadmodel-secrets';

type Labels = Record<string, string>;
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Container {
  name: string;
  args?: string[];
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: EnvVar[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
}
interface PodTemplate {
  metadata: { labels: Labels; annotations?: Labels };
  spec: { containers: Container[]; terminationGracePeriodSeconds?: number };
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels };
  // biome-ignore lint/suspicious/noExplicitAny: each kind's spec is read by the checks below
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

const manifestFiles = readdirSync(FOLDER)
  .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
  .sort();
const objects: { file: string; object: K8sObject }[] = manifestFiles.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(FOLDER, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    return { file, object: document.toJS() as K8sObject };
  }),
);
const all = (kind: string) => objects.filter(({ object }) => object.kind === kind).map(({ object }) => object);
const named = (kind: string, name: string): K8sObject => {
  const found = all(kind).find((object) => object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const template = (deployment: K8sObject): PodTemplate => deployment.spec.template as PodTemplate;
const container = (deployment: K8sObject): Container => {
  const [only, ...more] = template(deployment).spec.containers;
  if (!only || more.length > 0) throw new Error(`${deployment.metadata.name} should have one container`);
  return only;
};
/** Whether a selector's labels pick these pod labels. */
const selects = (selector: Labels, labels: Labels) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

const config = named('ConfigMap', 'threadmodel-config').data ?? {};
const web = named('Deployment', 'threadmodel-web');
const worker = named('Deployment', 'threadmodel-worker');
const deployments = [web, worker];
/** The routes every process serves on PORT (src/ops/health-routes.ts); /metrics is on METRICS_PORT here. */
const servedPaths = healthRoutes(async () => true).map((route) => route.path);

describe('the Kubernetes manifests (deploy/kubernetes)', () => {
  it('are valid against the Kubernetes object schemas (kubernetes-models)', () => {
    const answer = execFileSync(process.execPath, [path.join(ROOT, 'test/support/validate-kubernetes.mjs')], {
      cwd: ROOT,
      input: JSON.stringify(objects.map(({ object }) => object)),
      encoding: 'utf8',
    });
    const problems = (JSON.parse(answer) as string[][]).flatMap((errors, index) => {
      const { file, object } = objects[index] as { file: string; object: K8sObject };
      return errors.map((error) => `${file} ${object.kind}/${object.metadata.name}: ${error}`);
    });
    expect(problems).toEqual([]);
    expect(objects.map(({ object }) => `${object.kind}/${object.metadata.name}`).sort()).toEqual([
      'ConfigMap/threadmodel-config',
      'Deployment/threadmodel-web',
      'Deployment/threadmodel-worker',
      'HorizontalPodAutoscaler/threadmodel-web',
      'HorizontalPodAutoscaler/threadmodel-worker',
      'NetworkPolicy/threadmodel',
      'PodDisruptionBudget/threadmodel-web',
      'PodDisruptionBudget/threadmodel-worker',
      'Service/threadmodel-web',
    ]);
  });

  it('the validation catches a wrong object (it is not a check that cannot fail)', () => {
    const broken = { ...web, spec: { ...web.spec, replicas: 'two' } };
    const answer = execFileSync(process.execPath, [path.join(ROOT, 'test/support/validate-kubernetes.mjs')], {
      cwd: ROOT,
      input: JSON.stringify([broken]),
      encoding: 'utf8',
    });
    expect(JSON.parse(answer)).toEqual([['/spec/replicas must be integer']]);
  });

  it('are all listed in kustomization.yaml', () => {
    const kustomization = parseYaml(readFileSync(path.join(FOLDER, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
    };
    expect([...kustomization.resources].sort()).toEqual(manifestFiles);
  });

  describe('each Deployment', () => {
    it.each(deployments.map((d) => [d.metadata.name, d]))('%s: its selector picks its own pods only', (_, d) => {
      expect(selects(d.spec.selector.matchLabels, template(d).metadata.labels)).toBe(true);
      const others = deployments.filter((other) => other !== d);
      for (const other of others)
        expect(selects(d.spec.selector.matchLabels, template(other).metadata.labels)).toBe(false);
    });

    it.each(deployments.map((d) => [d.metadata.name, d]))(
      '%s: probes ask routes the app serves, on ports the container declares',
      (_, d) => {
        const c = container(d);
        const portNames = (c.ports ?? []).map((port) => port.name);
        expect(c.readinessProbe?.httpGet?.path).toBe('/readyz');
        expect(c.livenessProbe?.httpGet?.path).toBe('/healthz');
        for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe].filter((p) => p !== undefined)) {
          expect(servedPaths).toContain(probe.httpGet?.path);
          expect(portNames).toContain(probe.httpGet?.port);
          // The probed port is PORT, where the health routes are.
          const probed = c.ports?.find((port) => port.name === probe.httpGet?.port);
          expect(probed?.containerPort).toBe(Number(config.PORT));
        }
      },
    );

    it.each(deployments.map((d) => [d.metadata.name, d]))(
      '%s: Prometheus scrapes METRICS_PORT, a port the container declares',
      (_, d) => {
        const annotations = template(d).metadata.annotations ?? {};
        expect(annotations['prometheus.io/port']).toBe(config.METRICS_PORT);
        expect(annotations['prometheus.io/path']).toBe('/metrics');
        expect(container(d).ports).toContainEqual({ name: 'metrics', containerPort: Number(config.METRICS_PORT) });
      },
    );

    it.each(deployments.map((d) => [d.metadata.name, d]))(
      '%s: every variable it sets is one src/config.ts reads, and secrets come from the Secret only',
      (_, d) => {
        const known = new Map(CONFIG_VARIABLES.map((variable) => [variable.name, variable.sensitive]));
        const c = container(d);
        expect(c.envFrom).toEqual([{ configMapRef: { name: 'threadmodel-config' } }]);
        for (const variable of c.env ?? []) {
          expect([variable.name, known.has(variable.name)]).toEqual([variable.name, true]);
          expect(variable.value).toBeUndefined();
          expect(variable.valueFrom?.secretKeyRef).toMatchObject({ name: SECRET_NAME, key: variable.name });
          expect([variable.name, known.get(variable.name)]).toEqual([variable.name, true]);
        }
        for (const required of ['SLACK_BOT_TOKEN', 'REDIS_URL']) {
          expect(
            c.env?.find((variable) => variable.name === required)?.valueFrom?.secretKeyRef?.optional,
          ).toBeUndefined();
        }
      },
    );
  });

  it('the ConfigMap holds only variables src/config.ts reads, none of them a secret, and no Secret is committed', () => {
    const known = new Map(CONFIG_VARIABLES.map((variable) => [variable.name, variable.sensitive]));
    for (const name of Object.keys(config)) expect([name, known.get(name)]).toEqual([name, false]);
    expect(config.NODE_ENV).toBe('production');
    expect(all('Secret')).toEqual([]);
  });

  describe('the web Deployment', () => {
    const c = container(web);

    it('runs the web entry point, at least two replicas, never fewer while rolling out', () => {
      expect(c.args).toEqual(['node', 'dist/main.js']);
      expect(web.spec.replicas).toBeGreaterThanOrEqual(2);
      expect(web.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      expect(config.RUN_WORKERS).toBe('false');
    });

    it('waits for the load balancer before SIGTERM, and the drain fits in the grace period', () => {
      const preStop = c.lifecycle?.preStop?.exec?.command;
      expect(preStop?.[0]).toBe('sleep');
      const preStopSeconds = Number(preStop?.[1]);
      expect(preStopSeconds).toBeGreaterThanOrEqual(3);
      // After SIGTERM: queued posts in threads get THREAD_POST_CLOSE_GRACE_MS, a listener after its
      // ack at most a few seconds of Slack calls (a trigger lives 3 s), then Redis closes.
      const drainSeconds = THREAD_POST_CLOSE_GRACE_MS / 1000 + 10;
      expect(template(web).spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStopSeconds + drainSeconds);
    });

    it('is reached through the Service on its http port, and only the web pods are behind it', () => {
      const service = named('Service', 'threadmodel-web');
      expect(selects(service.spec.selector, template(web).metadata.labels)).toBe(true);
      expect(selects(service.spec.selector, template(worker).metadata.labels)).toBe(false);
      const ports = service.spec.ports as { targetPort: string }[];
      expect(ports.map((port) => port.targetPort)).toEqual(['http']);
      expect(c.ports?.find((port) => port.name === 'http')).toBeDefined();
    });
  });

  describe('the worker Deployment', () => {
    it('runs the worker entry point, with time for running jobs to finish on SIGTERM', () => {
      expect(container(worker).args).toEqual(['node', 'dist/worker.js']);
      expect(template(worker).spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(60);
    });
  });

  it('each PodDisruptionBudget and NetworkPolicy picks the pods of a Deployment', () => {
    const web = named('PodDisruptionBudget', 'threadmodel-web');
    expect(
      selects(web.spec.selector.matchLabels, template(named('Deployment', 'threadmodel-web')).metadata.labels),
    ).toBe(true);
    expect(web.spec.minAvailable).toBeGreaterThanOrEqual(1);
    const workerBudget = named('PodDisruptionBudget', 'threadmodel-worker');
    expect(selects(workerBudget.spec.selector.matchLabels, template(worker).metadata.labels)).toBe(true);
    expect(
      selects(workerBudget.spec.selector.matchLabels, template(named('Deployment', 'threadmodel-web')).metadata.labels),
    ).toBe(false);
    const policy = named('NetworkPolicy', 'threadmodel');
    for (const d of deployments)
      expect(selects(policy.spec.podSelector.matchLabels, template(d).metadata.labels)).toBe(true);
    const policyPorts = (policy.spec.ingress as { ports: { port: string }[] }[]).flatMap((rule) =>
      rule.ports.map((port) => port.port),
    );
    for (const port of policyPorts) {
      expect(deployments.some((d) => container(d).ports?.some((declared) => declared.name === port))).toBe(true);
    }
  });

  it('each HorizontalPodAutoscaler scales a Deployment of this folder, the web one never below two', () => {
    for (const hpa of all('HorizontalPodAutoscaler')) {
      const target = hpa.spec.scaleTargetRef as { apiVersion: string; kind: string; name: string };
      expect(target).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
      const d = named('Deployment', target.name);
      expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(d === web ? 2 : 1);
    }
    expect(
      all('HorizontalPodAutoscaler')
        .map((hpa) => hpa.spec.scaleTargetRef.name)
        .sort(),
    ).toEqual(['threadmodel-web', 'threadmodel-worker']);
  });
});
