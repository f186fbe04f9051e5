import { catalogStats, suggestThreats } from '../../../src/catalog/catalog-queries';
import { inspectCatalog } from '../../../src/catalog/load-catalog';
import { LIMITS } from '../../../src/domain/limits';
import { composeStatement } from '../../../src/domain/statement';
import { STRIDE } from '../../../src/domain/stride';
import { ThreatGrammarSchema } from '../../../src/domain/threat';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';

const GENERIC_TYPES = [
  'browser',
  'mobile-app',
  'web-api',
  'function',
  'container-service',
  'virtual-machine',
  'relational-db',
  'key-value-db',
  'object-store',
  'queue',
  'topic',
  'identity-provider',
  'key-management',
  'cdn',
  'third-party-saas',
];
const AWS_TYPES = {
  'aws-api-gateway': 'web-api',
  'aws-lambda': 'function',
  'aws-ecs': 'container-service',
  'aws-eks': 'container-service',
  'aws-ec2': 'virtual-machine',
  'aws-rds': 'relational-db',
  'aws-dynamodb': 'key-value-db',
  'aws-s3': 'object-store',
  'aws-sqs': 'queue',
  'aws-sns': 'topic',
  'aws-cognito': 'identity-provider',
  'aws-kms': 'key-management',
  'aws-cloudfront': 'cdn',
};

describe('the shipped catalog', () => {
  const { catalog, problems } = inspectCatalog([SHIPPED_CATALOG_DIR]);

  it('has no problem: ids unique across files, no dangling link, every file valid', () => {
    expect(problems).toEqual([]);
  });

  it('holds at least 60 threats and 50 controls, and every threat links a control', () => {
    const stats = catalogStats(catalog);
    expect(stats.threats).toBeGreaterThanOrEqual(60);
    expect(stats.controls).toBeGreaterThanOrEqual(50);
    expect(stats.threatsWithoutControls).toBe(0);
    expect(stats.controlsWithoutThreats).toBe(0);
  });

  it('types the generic building blocks and the AWS services implementing them', () => {
    for (const id of GENERIC_TYPES) expect(catalog.componentTypes.get(id)).toMatchObject({ category: 'generic' });
    for (const [id, generic] of Object.entries(AWS_TYPES)) {
      expect(catalog.componentTypes.get(id)).toMatchObject({ category: 'aws', implements: [generic] });
    }
  });

  it.each([...GENERIC_TYPES, ...Object.keys(AWS_TYPES)])('suggests at least three threats for a %s', (type) => {
    expect(suggestThreats(catalog, [{ id: 'C-1', type }]).length).toBeGreaterThanOrEqual(3);
  });

  it("lists each service's native entry-point kinds: S3 its API only, with exposure; EC2 its API, SSH, RDP and ports", () => {
    const kinds = (id: string) => catalog.componentTypes.get(id)?.entryPointKinds.map((k) => k.id);
    for (const type of catalog.componentTypes.values()) expect(type.entryPointKinds.length).toBeGreaterThan(0);
    expect(catalog.componentTypes.get('aws-s3')?.entryPointKinds).toEqual([
      { id: 's3-api', name: 'S3 API (bucket and object requests)', exposure: true },
    ]);
    expect(kinds('aws-ec2')).toEqual(expect.arrayContaining(['ec2-api', 'ssh', 'rdp', 'app-port']));
    expect(kinds('aws-api-gateway')).toEqual(['rest-api', 'http-api', 'websocket-api']);
    expect(kinds('aws-lambda')).toEqual(expect.arrayContaining(['invoke-api', 'event-source']));
  });

  it('covers every STRIDE category with several threats', () => {
    const perStride = catalogStats(catalog).threatsPerStride;
    for (const letter of STRIDE) expect(perStride[letter]).toBeGreaterThanOrEqual(5);
  });

  it('writes every threat in the grammar a model threat uses, within Threat Composer limits', () => {
    for (const threat of catalog.threats.values()) {
      const { threatSource, prerequisites, threatAction, threatImpact, impactedGoals } = threat;
      const grammar = ThreatGrammarSchema.parse({
        threatSource,
        prerequisites,
        threatAction,
        threatImpact,
        impactedGoals,
      });
      const statement = composeStatement(grammar, threat.impactedAssets);
      expect(statement.length).toBeLessThanOrEqual(LIMITS.statementMax);
      expect(statement).toMatch(/^(A|An|The) .+ can [a-z]/);
    }
  });
});
