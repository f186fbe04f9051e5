import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Registry } from 'prom-client';
import { createAppMetrics, METRIC_NAMES } from '../../../src/ops/app-metrics';

const DASHBOARD = path.resolve(__dirname, '../../../deploy/grafana/threadmodel-dashboard.json');

interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
}
interface Dashboard {
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; query?: string | { query: string } }[] };
}

const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
]);

/** The metric names a PromQL expression reads: label matchers, ranges, strings, grouping and functions taken out. */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  const names: string[] = [];
  for (const match of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = bare.slice((match.index ?? 0) + match[0].length).trimStart();
    if (after.startsWith('(') || PROMQL_WORDS.has(match[0])) continue;
    names.push(match[0]);
  }
  return names;
}

/** Every series name the registry exports: a histogram as its _bucket, _sum and _count. */
async function exportedNames(registry: Registry): Promise<Set<string>> {
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    const type = String(metric.type);
    if (type === 'histogram' || type === 'summary') {
      for (const suffix of type === 'histogram' ? ['_bucket', '_sum', '_count'] : ['', '_sum', '_count']) {
        names.add(`${metric.name}${suffix}`);
      }
    } else names.add(metric.name);
  }
  return names;
}

describe('the Grafana dashboard (deploy/grafana)', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
  const queries = [
    ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
    ...dashboard.templating.list.flatMap((variable) =>
      typeof variable.query === 'object' ? [variable.query.query.replace(/^label_values\(([^,]+),.*$/, '$1')] : [],
    ),
  ];

  it('reads metric names out of PromQL (the check below can fail)', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (le, kind) (rate(a_bucket{x="y{z}",le="1"}[$__rate_interval]))) / on (pod) b_total - 1',
      ),
    ).toEqual(['a_bucket', 'b_total']);
  });

  it('queries only metrics a process exports, and shows every metric of the app', async () => {
    const exported = await exportedNames(createAppMetrics(new Registry()).registry);
    const queried = new Set(queries.flatMap(metricNamesIn));
    expect(queried.size).toBeGreaterThan(10);
    expect([...queried].filter((name) => !exported.has(name))).toEqual([]);
    for (const name of Object.values(METRIC_NAMES)) {
      expect([name, [...queried].some((queriedName) => queriedName.startsWith(name))]).toEqual([name, true]);
    }
  });

  it('has a panel per query target and unique panel ids, titled', () => {
    const panels = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(panels.every((panel) => panel.title.length > 0 && (panel.targets ?? []).length > 0)).toBe(true);
    const ids = dashboard.panels.map((panel) => (panel as Panel & { id: number }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.uid).toBe('threadmodel');
  });
});
