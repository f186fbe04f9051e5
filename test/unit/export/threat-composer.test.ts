import { v5 as uuidv5 } from 'uuid';
import type { Mitigation } from '../../../src/domain/mitigation';
import { type ThreatModel, ThreatModelSchema } from '../../../src/domain/model';
import type { RiskDecisionType } from '../../../src/domain/risk-assessment';
import type { Threat } from '../../../src/domain/threat';
import {
  importableDiagramImage,
  THREAT_COMPOSER_UUID_NAMESPACE,
  type ThreatComposerExport,
  toThreatComposer,
} from '../../../src/export/threat-composer';
import {
  THREAT_COMPOSER_LIMITS as L,
  TC_MITIGATION_STATUSES,
  TC_THREAT_STATUSES,
  ThreatComposerExportSchema,
} from '../../../src/export/threat-composer-schema';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModelWith,
  buildScopedModel,
  buildThreat,
  CAROL,
  defaultFlow,
  NOW,
} from '../../support/build-model';

const flow = defaultFlow();
const at = NOW.toISOString();
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HOSTILE = '<script>alert(1)</script> <!channel> R&D a<b > ';

/** Text of exactly `length` characters, full of HTML and Slack markup. */
function hostile(length: number): string {
  return `${HOSTILE.repeat(Math.ceil(length / HOSTILE.length)).slice(0, length - 1)}x`;
}

const decided = (type: RiskDecisionType, reason = 'agreed with the payments lead') => ({
  type,
  reason,
  decidedBy: ALICE,
  decidedAt: at,
});

const LOW_RISK = { before: { likelihood: 2, impact: 2 }, after: { likelihood: 2, impact: 2 } } as const;
const HIGH_RISK = { before: { likelihood: 4, impact: 4 }, after: { likelihood: 4, impact: 4 } } as const;
const MITIGATED_RISK = { before: { likelihood: 4, impact: 4 }, after: { likelihood: 2, impact: 2 } } as const;

/** The Refunds API with three threats in different states and two mitigations. */
function refundsModel(): ThreatModel {
  return buildModelWith(
    [
      buildThreat('T-1', {
        stride: ['T', 'S'],
        affectedElementIds: ['EP-1', 'C-1', 'DF-1'],
        impactedAssetIds: ['AS-1', 'AS-2'],
        risk: {
          before: { likelihood: 4, impact: 5 },
          after: { likelihood: 2, impact: 3 },
          decision: decided('mitigate'),
        },
      }),
      buildThreat('T-3', {
        origin: { type: 'catalog', catalogThreatId: 'refund-replay' },
        risk: { before: { likelihood: 3, impact: 3 }, decision: decided('accept', 'refunds are capped at 50 EUR') },
      }),
      buildThreat('T-7', { origin: { type: 'persona_prompt', role: 'adversary', promptId: 'spoof-actor' } }),
    ],
    [
      buildMitigation('M-2', ['T-1', 'T-3'], {
        status: 'implemented',
        owner: CAROL,
        references: ['infra/refunds.tf', 'https://github.com/acme/refunds/pull/12'],
        backlogLink: 'https://jira.example.com/browse/PAY-7',
      }),
      buildMitigation('M-5', ['T-7'], {
        status: 'not_applicable',
        baselineControlId: 'waf-on-public-apis',
        deviation: { reason: 'compensating_control', explanation: 'API Gateway throttling and mTLS instead' },
      }),
    ],
  );
}

/** Every list at the size our model allows and Threat Composer must take: 150 threats, hostile text everywhere. */
function modelAtLimits(): ThreatModel {
  const n = 200;
  const ids = (prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  const named = (id: string) => ({ id, name: `${id} ${hostile(75 - id.length - 1)}`, description: hostile(1000) });
  const base = buildScopedModel();
  const threats: Threat[] = Array.from({ length: 150 }, (_, i) =>
    buildThreat(`T-${i + 1}`, {
      threatSource: hostile(200),
      prerequisites: hostile(200),
      threatAction: hostile(200),
      threatImpact: hostile(200),
      impactedGoals: Array.from({ length: 10 }, () => hostile(200)),
      impactedAssetIds: ids('AS').slice(0, 10),
      affectedElementIds: ['AC-1', 'EP-2', 'C-3', 'DF-4'],
      stride: ['E', 'D', 'I', 'R', 'T', 'S'],
      risk: {
        before: { likelihood: 5, impact: 5 },
        after: { likelihood: 1, impact: 1 },
        decision: decided('accept', hostile(1000)),
      },
    }),
  );
  const mitigations: Mitigation[] = threats.map((threat, i) =>
    buildMitigation(`M-${i + 1}`, [threat.id], {
      description: hostile(1000),
      status: 'not_applicable',
      baselineControlId: 'waf-on-public-apis',
      deviation: { reason: 'other', explanation: hostile(1000) },
      references: Array.from({ length: 20 }, (_, j) => `https://example.com/${j}?a=1&b=2`),
    }),
  );
  return ThreatModelSchema.parse({
    ...base,
    title: hostile(120),
    scope: {
      description: hostile(1000),
      assets: ids('AS').map((id) => ({ ...named(id), classification: 'restricted' })),
      actors: ids('AC').map((id) => ({
        ...named(id),
        kind: 'human',
        trustLevel: hostile(75),
        trustBoundaryId: 'TB-1',
      })),
      components: ids('C').map((id) => ({
        ...named(id),
        type: 'aws-lambda',
        kind: 'process',
        trustBoundaryId: 'TB-2',
      })),
      entryPoints: ids('EP').map((id, i) => ({
        ...named(id),
        componentId: `C-${i + 1}`,
        authentication: 'oauth2',
        authenticationNotes: hostile(1000),
      })),
      dataFlows: ids('DF').map((id, i) => ({
        id,
        from: `AC-${i + 1}`,
        to: `C-${i + 1}`,
        data: hostile(75),
        protocol: hostile(75),
        assetIds: ids('AS').slice(0, 20),
        crossesTrustBoundary: true,
      })),
      trustBoundaries: ids('TB').map((id) => ({ ...named(id), trustLevel: hostile(75) })),
      designLinks: ids('DL').map((id) => ({ id, title: hostile(75), url: `https://example.com/${id}?a=(1)&b=<2>` })),
    },
    threats,
    mitigations,
    counters: {
      ...base.counters,
      asset: n,
      actor: n,
      entryPoint: n,
      component: n,
      dataFlow: n,
      trustBoundary: n,
      designLink: n,
      threat: 150,
      mitigation: 150,
    },
  });
}

/** Every string in a value, with its path. */
function* stringsIn(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, `${path}.${key}`);
  }
}

/** The path (as keys) of every object in a value, the root included. */
function* objectPaths(value: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* objectPaths(item, [...path, i]);
  else if (value && typeof value === 'object') {
    yield path;
    for (const [key, item] of Object.entries(value)) yield* objectPaths(item, [...path, key]);
  }
}

function withExtraKey(file: ThreatComposerExport, path: (string | number)[]): unknown {
  const copy = structuredClone(file) as unknown as Record<string | number, unknown>;
  const target = path.reduce<Record<string | number, unknown>>(
    (node, key) => node[key] as Record<string | number, unknown>,
    copy,
  );
  target.threadmodelExtra = 'x';
  return copy;
}

const metadataOf = (entity: { metadata?: { key: string; value: string | string[] }[] }) =>
  Object.fromEntries((entity.metadata ?? []).map((item) => [item.key, item.value]));

describe('Threat Composer export', () => {
  const model = refundsModel();
  const file = toThreatComposer(model, flow);
  const threat = (n: number) => file.threats.find((t) => t.numericId === n);
  const mitigation = (n: number) => file.mitigations.find((m) => m.numericId === n);

  describe('the file', () => {
    it('declares schema 1 and carries no workspace', () => {
      expect(file.schema).toBe(1);
      expect(Object.keys(file)).not.toContain('workspace');
      expect(Object.keys(file)).toEqual([
        'schema',
        'applicationInfo',
        'architecture',
        'dataflow',
        'assumptions',
        'mitigations',
        'assumptionLinks',
        'mitigationLinks',
        'threats',
      ]);
    });

    it('passes the importer schema, which refuses an unknown key on every object in the file', () => {
      expect(ThreatComposerExportSchema.safeParse(file).error?.issues).toBeUndefined();
      const paths = [...objectPaths(file)];
      expect(paths.length).toBeGreaterThan(40);
      for (const path of paths) {
        expect([path.join('.'), ThreatComposerExportSchema.safeParse(withExtraKey(file, path)).success]).toEqual([
          path.join('.'),
          false,
        ]);
      }
    });

    it('lists every threat and mitigation, and no assumptions', () => {
      expect(file.threats).toHaveLength(3);
      expect(file.mitigations).toHaveLength(2);
      expect(file.assumptions).toEqual([]);
      expect(file.assumptionLinks).toEqual([]);
    });

    it('writes the statement our model renders', () => {
      expect(threat(3)?.statement).toBe(
        'An internet-based threat actor with a stolen customer session can replay a refund request, which leads to refunds paid twice, resulting in reduced integrity of Refund records',
      );
      expect(threat(1)?.impactedAssets).toEqual(['Card token', 'Refund records']);
      expect(threat(1)?.impactedGoal).toEqual(['integrity']);
    });
  });

  describe('ids', () => {
    it('gives every threat and mitigation a UUID', () => {
      const ids = [...file.threats, ...file.mitigations].map((entity) => entity.id);
      for (const id of ids) expect(id).toMatch(UUID_V5);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('exports the same model byte-identically twice', () => {
      const again = toThreatComposer(ThreatModelSchema.parse(structuredClone(model)), flow);
      expect(JSON.stringify(again)).toBe(JSON.stringify(file));
    });

    it('derives each id from the workspace, the model and the element', () => {
      expect(threat(1)?.id).toBe(uuidv5('T0WORKSPC/TM-1/T-1', THREAT_COMPOSER_UUID_NAMESPACE));
      const otherModel = toThreatComposer(ThreatModelSchema.parse({ ...model, id: 'TM-2' }), flow);
      const otherWorkspace = toThreatComposer(ThreatModelSchema.parse({ ...model, workspaceId: 'T0OTHER01' }), flow);
      expect(otherModel.threats[0]?.id).not.toBe(threat(1)?.id);
      expect(otherWorkspace.threats[0]?.id).not.toBe(threat(1)?.id);
    });

    it('takes numericId from the number of T-n and M-n', () => {
      expect(file.threats.map((t) => t.numericId)).toEqual([1, 3, 7]);
      expect(file.mitigations.map((m) => m.numericId)).toEqual([2, 5]);
    });
  });

  describe('at our limits', () => {
    const big = toThreatComposer(modelAtLimits(), flow);

    it('exports 150 threats that the importer schema accepts', () => {
      expect(big.threats).toHaveLength(150);
      expect(ThreatComposerExportSchema.safeParse(big).error?.issues.slice(0, 3)).toBeUndefined();
    });

    it('keeps grammar fields, impacted goals and assets within 200 characters', () => {
      for (const t of big.threats) {
        for (const field of [t.threatSource, t.prerequisites, t.threatAction, t.threatImpact]) {
          expect(field?.length).toBe(L.grammarFieldMax);
        }
        for (const item of [...(t.impactedGoal ?? []), ...(t.impactedAssets ?? [])]) {
          expect(item.length).toBeLessThanOrEqual(L.grammarFieldMax);
        }
      }
    });

    it('cuts a statement longer than 1,400 characters to 1,400, ending in an ellipsis', () => {
      const statement = big.threats[0]?.statement ?? '';
      expect(statement).toHaveLength(L.statementMax);
      expect(statement.endsWith('…')).toBe(true);
    });

    it('keeps 1,000-character mitigation contents and comments within 1,000', () => {
      for (const m of big.mitigations) {
        expect(m.content).toHaveLength(L.contentMax);
        expect(String(metadataOf(m).Comments).length).toBeLessThanOrEqual(L.commentsMax);
      }
      for (const t of big.threats) expect(String(metadataOf(t).Comments).length).toBeLessThanOrEqual(L.commentsMax);
    });

    it('keeps tags within 30 characters and metadata keys within 50', () => {
      for (const entity of [...big.threats, ...big.mitigations]) {
        for (const tag of entity.tags ?? []) expect(tag.length).toBeLessThanOrEqual(L.tagMax);
        for (const item of entity.metadata ?? []) expect(item.key.length).toBeLessThanOrEqual(L.metadataKeyMax);
      }
      expect(big.threats[0]?.tags?.length).toBe(4);
    });

    it('keeps the application name within 200 and every Markdown description within 100,000 characters', () => {
      expect(big.applicationInfo.name?.length).toBeLessThanOrEqual(L.applicationNameMax);
      for (const section of [big.applicationInfo, big.architecture, big.dataflow]) {
        expect(section.description?.length).toBeLessThanOrEqual(L.markdownMax);
      }
      expect(big.applicationInfo.description).toMatch(/_Shortened to fit Threat Composer; .*_$/);
    });

    it("leaves no <, > or & anywhere for the importer's HTML sanitiser to rewrite", () => {
      const rewritten = [...stringsIn(big)].filter(([, value]) => /[<>&]/.test(value));
      expect(rewritten.map(([path]) => path).slice(0, 5)).toEqual([]);
    });
  });

  describe('hostile text', () => {
    const hostileModel = buildModelWith([
      buildThreat('T-1', {
        threatSource: 'insider <script>alert(1)</script>',
        threatAction: 'post <!channel> & <@U0ALICE01> in\u202Eevil\u0007 text',
        risk: { before: { likelihood: 1, impact: 1 }, decision: decided('accept', 'R&D said <b>fine</b>') },
      }),
    ]);
    const out = toThreatComposer(hostileModel, flow);

    it('keeps <script> and <!channel> readable as text, in full-width brackets', () => {
      expect(out.threats[0]?.threatSource).toBe('insider ＜script＞alert(1)＜/script＞');
      expect(out.threats[0]?.statement).toContain('can post ＜!channel＞ ＆ ＜@U0ALICE01＞ inevil text');
      expect(metadataOf(out.threats[0] ?? {}).Comments).toContain('Reason: R＆D said ＜b＞fine＜/b＞');
    });

    it('removes control characters and bidi overrides', () => {
      const text = [...stringsIn(out)].map(([, value]) => value).join('');
      expect(text).not.toContain('\u202E');
      expect(text).not.toContain('\u0007');
    });

    it('cannot add a heading, a link or an image to the Markdown descriptions', () => {
      const sneaky = buildScopedModel({
        scope: {
          ...buildScopedModel().scope,
          description: '# Owned\n## Also\n[click](javascript:alert(1)) ![x](https://evil.example/x.png)\n---',
        },
      });
      const markdown = toThreatComposer(sneaky, flow).applicationInfo.description ?? '';
      const headings = markdown.split('\n').filter((l) => l.startsWith('#'));
      expect(headings).toEqual(['### Assets', '### Actors', '### Entry points', '### Components']);
      expect(markdown).toContain('\\# Owned \\#\\# Also \\[click\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[x\\]');
    });
  });

  describe('status', () => {
    it.each([
      ['no risk decision', 'threatIdentified', {}, []],
      ['an accepted risk', 'threatResolved', { ...LOW_RISK, decision: decided('accept') }, []],
      ['a transferred risk', 'threatResolved', { ...LOW_RISK, decision: decided('transfer') }, []],
      ['an avoided risk', 'threatResolved', { ...LOW_RISK, decision: decided('avoid') }, []],
      ['an accepted risk not rated', 'threatIdentified', { decision: decided('accept') }, []],
      [
        'a high risk whose acceptance waits for the Business role holder',
        'threatIdentified',
        { ...HIGH_RISK, decision: { ...decided('accept'), acceptance: { status: 'pending', awaiting: 'business' } } },
        [],
      ],
      [
        '"mitigate" and its mitigation only planned',
        'threatIdentified',
        { ...MITIGATED_RISK, decision: decided('mitigate') },
        ['planned'],
      ],
      [
        '"mitigate" and no active mitigation',
        'threatIdentified',
        { ...LOW_RISK, decision: decided('mitigate') },
        ['not_applicable'],
      ],
      [
        '"mitigate" and every active mitigation implemented or verified',
        'threatResolved',
        { ...MITIGATED_RISK, decision: decided('mitigate') },
        ['implemented', 'verified', 'not_applicable'],
      ],
      [
        '"mitigate", every mitigation implemented, but a residual risk above the appetite',
        'threatIdentified',
        { ...HIGH_RISK, decision: decided('mitigate') },
        ['implemented'],
      ],
    ] as const)('a threat with %s is %s', (_case, expected, risk, statuses) => {
      const mitigations = statuses.map((status, i) =>
        buildMitigation(`M-${i + 1}`, ['T-1'], {
          status,
          ...(status === 'not_applicable'
            ? { baselineControlId: 'waf', deviation: { reason: 'other', explanation: 'not needed' } }
            : {}),
        }),
      );
      const out = toThreatComposer(buildModelWith([buildThreat('T-1', { risk })], mitigations), flow);
      expect(out.threats[0]?.status).toBe(expected);
      expect(TC_THREAT_STATUSES).toContain(out.threats[0]?.status);
    });

    it.each([
      ['proposed', 'mitigationIdentified'],
      ['planned', 'mitigationInProgress'],
      ['implemented', 'mitigationResolved'],
      ['verified', 'mitigationResolved'],
      ['not_applicable', 'mitigationResolvedWillNotAction'],
    ] as const)('mitigation status %s becomes %s', (status, expected) => {
      const out = toThreatComposer(
        buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'], { status })]),
        flow,
      );
      expect(out.mitigations[0]?.status).toBe(expected);
      expect(TC_MITIGATION_STATUSES).toContain(expected);
      expect(metadataOf(out.mitigations[0] ?? {})['custom:status']).toBe(status);
    });
  });

  describe('metadata', () => {
    it('uses only the keys Threat Composer allows: STRIDE and Priority on threats only, Comments, custom:*', () => {
      const big = toThreatComposer(modelAtLimits(), flow);
      const custom = (key: string) => key.startsWith('custom:');
      for (const t of [...file.threats, ...big.threats]) {
        for (const { key } of t.metadata ?? [])
          expect(['STRIDE', 'Priority', 'Comments'].includes(key) || custom(key)).toBe(true);
      }
      for (const m of [...file.mitigations, ...big.mitigations]) {
        for (const { key } of m.metadata ?? []) expect(key === 'Comments' || custom(key)).toBe(true);
      }
    });

    it('gives custom keys only string or string-array values, never numbers', () => {
      for (const entity of [...file.threats, ...file.mitigations]) {
        for (const { key, value } of entity.metadata ?? []) {
          if (!key.startsWith('custom:')) continue;
          expect(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))).toBe(
            true,
          );
        }
      }
    });

    it('writes STRIDE as letters in canonical order', () => {
      expect(metadataOf(threat(1) ?? {}).STRIDE).toEqual(['S', 'T']);
    });

    it.each([
      [5, 5, 'High'],
      [3, 4, 'High'],
      [3, 3, 'Medium'],
      [1, 1, 'Low'],
    ] as const)('sets Priority from the residual risk: %i x %i is %s', (likelihood, impact, priority) => {
      const rated = buildThreat('T-1', {
        risk: { before: { likelihood: 5, impact: 5 }, after: { likelihood, impact } },
      });
      const out = toThreatComposer(buildModelWith([rated]), flow);
      expect(metadataOf(out.threats[0] ?? {}).Priority).toBe(priority);
    });

    it('sets no Priority on an unrated threat', () => {
      expect(metadataOf(threat(7) ?? {})).not.toHaveProperty('Priority');
    });

    it('carries likelihood, impact, score and band before and after in custom keys', () => {
      expect(metadataOf(threat(1) ?? {})).toMatchObject({
        'custom:threadmodelId': 'T-1',
        'custom:likelihoodBefore': '4',
        'custom:impactBefore': '5',
        'custom:riskScoreBefore': '20',
        'custom:riskBandBefore': 'critical',
        'custom:likelihoodAfter': '2',
        'custom:impactAfter': '3',
        'custom:riskScoreAfter': '6',
        'custom:riskBandAfter': 'medium',
        'custom:riskScore': '6',
        'custom:riskBand': 'medium',
      });
    });

    it('carries the risk decision, who took it and why', () => {
      expect(metadataOf(threat(3) ?? {})).toMatchObject({
        Comments: 'Risk decision: accept the risk, by U0ALICE01 on 2026-11-25. Reason: refunds are capped at 50 EUR',
        'custom:riskDecision': 'accept',
        'custom:decidedBy': ALICE,
        'custom:decidedAt': at,
      });
    });

    it('carries who proposed an acceptance and who accepted it, and what treats the threat', () => {
      const acceptance = { status: 'accepted', by: CAROL, at, asRole: 'business', needsConfirmation: true } as const;
      const proposed = buildThreat('T-1', { risk: { ...HIGH_RISK, decision: { ...decided('accept'), acceptance } } });
      const out = toThreatComposer(
        buildModelWith([proposed], [], { roles: { ...buildModelWith([]).roles, business: [CAROL] } }),
        flow,
      );
      expect(metadataOf(out.threats[0] ?? {})).toMatchObject({
        Comments:
          'Risk decision: accept the risk, by U0ALICE01 on 2026-11-25. Accepted by U0CAROL01 on 2026-11-25. Reason: agreed with the payments lead',
        'custom:decidedBy': ALICE,
        'custom:acceptanceStatus': 'accepted',
        'custom:acceptedBy': CAROL,
        'custom:acceptedAt': at,
        'custom:treatment': 'decided',
      });
      expect(out.threats[0]?.status).toBe('threatResolved');
      expect(metadataOf(threat(1) ?? {})['custom:treatment']).toBe('mitigated');
    });

    it('carries the origin and the names of the affected elements', () => {
      expect(metadataOf(threat(1) ?? {})).toMatchObject({
        'custom:origin': 'manual',
        'custom:affectedElements': ['EP-1 POST /refunds', 'C-1 Refunds API', 'DF-1 refund request'],
      });
      expect(threat(1)?.tags).toEqual(['POST /refunds', 'Refunds API', 'refund request']);
      expect(metadataOf(threat(3) ?? {})['custom:origin']).toBe('catalog refund-replay');
      expect(metadataOf(threat(7) ?? {})['custom:origin']).toBe('persona prompt adversary/spoof-actor');
    });

    it("carries a mitigation's owner, references, baseline control and deviation", () => {
      expect(metadataOf(mitigation(2) ?? {})).toEqual({
        'custom:threadmodelId': 'M-2',
        'custom:status': 'implemented',
        'custom:owner': CAROL,
        'custom:references': 'infra/refunds.tf, https://github.com/acme/refunds/pull/12',
        'custom:backlogLink': 'https://jira.example.com/browse/PAY-7',
      });
      expect(metadataOf(mitigation(5) ?? {})).toMatchObject({
        Comments:
          'Deviates from baseline control waf-on-public-apis (compensating control): API Gateway throttling and mTLS instead',
        'custom:baselineControlId': 'waf-on-public-apis',
        'custom:deviationReason': 'compensating_control',
        'custom:deviationExplanation': 'API Gateway throttling and mTLS instead',
      });
    });

    it('percent-encodes & in URLs so the sanitiser cannot rewrite them', () => {
      const permalink =
        'https://acme.slack.com/archives/C0PAYMENT/p1700000000000100?thread_ts=1700000000.000100&cid=C0PAYMENT';
      const out = toThreatComposer(
        buildModelWith([buildThreat('T-1', { origin: { type: 'slack_message', permalink }, createdBy: BOB })]),
        flow,
      );
      expect(metadataOf(out.threats[0] ?? {})['custom:origin']).toBe(
        'Slack message https://acme.slack.com/archives/C0PAYMENT/p1700000000000100?thread_ts=1700000000.000100%26cid=C0PAYMENT',
      );
    });
  });

  describe('links', () => {
    it('links each mitigation to the threats it addresses, by their UUIDs', () => {
      const ids = (entities: { id: string }[]) => new Set(entities.map((e) => e.id));
      const [threats, mitigations] = [ids(file.threats), ids(file.mitigations)];
      for (const link of file.mitigationLinks) {
        expect(mitigations.has(link.mitigationId)).toBe(true);
        expect(threats.has(link.linkedId)).toBe(true);
      }
      expect(file.mitigationLinks).toEqual([
        { mitigationId: mitigation(2)?.id, linkedId: threat(1)?.id },
        { mitigationId: mitigation(2)?.id, linkedId: threat(3)?.id },
        { mitigationId: mitigation(5)?.id, linkedId: threat(7)?.id },
      ]);
    });
  });

  describe('the diagram image', () => {
    const png = `data:image/png;base64,${'A'.repeat(400)}`;

    it('has none unless one is given', () => {
      expect(file.dataflow).not.toHaveProperty('image');
      expect(file.architecture).not.toHaveProperty('image');
    });

    it.each([
      ['a PNG data URL', png],
      ['a PNG data URL just within 1,000,000 characters', `data:image/png;base64,${'A'.repeat(999_976)}`],
      ['an https URL', 'https://diagrams.example.com/tm-1/data-flow.png'],
    ])('uses %s as the data-flow image', (_case, image) => {
      const out = toThreatComposer(model, flow, { diagramImage: image });
      expect(out.dataflow.image).toBe(image);
      expect(ThreatComposerExportSchema.safeParse(out).success).toBe(true);
    });

    it.each([
      ['a data URL over 1,000,000 characters', `data:image/png;base64,${'A'.repeat(1_000_000)}`],
      ['a URL over 2,048 characters', `https://example.com/${'a'.repeat(2048)}.png`],
      ['a URL with & (the sanitiser would rewrite it)', 'https://example.com/d.png?a=1&b=2'],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a data URL that is not an image', 'data:text/html;base64,PHNjcmlwdD4='],
      ['broken base64', 'data:image/png;base64,abc'],
    ])('drops %s', (_case, image) => {
      expect(importableDiagramImage(image)).toBeUndefined();
      expect(toThreatComposer(model, flow, { diagramImage: image }).dataflow).not.toHaveProperty('image');
    });
  });

  describe('the AppSec approval', () => {
    const approved = ThreatModelSchema.parse({
      ...model,
      status: 'approved',
      review: {
        requestedBy: ALICE,
        requestedAt: at,
        history: [
          { type: 'requested', by: ALICE, at },
          {
            type: 'approved',
            by: 'U0SEC0001',
            at,
            comment: `Good model. ${HOSTILE}`,
            followUps: ['Pen-test the refund API', `Rotate keys ${HOSTILE}`],
          },
        ],
      },
    });
    const exported = toThreatComposer(approved, flow, { names: { U0SEC0001: 'Sam Secure' } });
    const description = exported.applicationInfo.description ?? '';

    it('carries the approval, its comment and the follow-up actions in the application description', () => {
      expect(description).toContain('### AppSec approval\n\n- Approved by Sam Secure on ');
      expect(description).toContain('Good model.');
      expect(description).toContain('### Follow-up actions\n\n- Pen-test the refund API\n- Rotate keys');
      expect(description).not.toContain('<script>');
    });

    it('still passes the importer schema and its limits', () => {
      expect(ThreatComposerExportSchema.safeParse(exported).error?.issues).toBeUndefined();
      expect(description.length).toBeLessThanOrEqual(L.markdownMax);
    });

    it('says nothing of an approval while the model is not approved', () => {
      expect(toThreatComposer({ ...approved, status: 'in_review' }, flow).applicationInfo.description).not.toContain(
        'AppSec approval',
      );
    });
  });

  describe('application, architecture and data flow', () => {
    it('names the application after the model and summarises the scope in H3 sections', () => {
      expect(file.applicationInfo.name).toBe('Refunds API');
      expect(file.applicationInfo.description).toBe(
        [
          'Threat model TM-1, version 1, exported from Threadmodel.',
          '',
          'Customers ask for refunds; the API records them and queues the payout.',
          '',
          '### Assets',
          '',
          '- **Card token** (restricted)',
          '- **Refund records** (confidential)',
          '',
          '### Actors',
          '',
          '- **Customer** (human; trust: authenticated customer)',
          '',
          '### Entry points',
          '',
          '- **POST /refunds** on Refunds API, authentication: oauth2',
          '',
          '### Components',
          '',
          '- **Refunds API** (aws-lambda; process; in Payments VPC)',
          '- **Payments DB** (aws-rds; data store; in Payments VPC)',
          '- **Payout queue** (aws-sqs; data store; in Payments VPC)',
        ].join('\n'),
      );
    });

    it('lists the use cases, with their actors, in the application description', () => {
      const scoped = buildScopedModel();
      const withUseCases = ThreatModelSchema.parse({
        ...scoped,
        scope: {
          ...scoped.scope,
          useCases: [
            { id: 'UC-1', name: 'Ask for a refund', description: 'Within 30 days', actorIds: ['AC-1'] },
            { id: 'UC-2', name: 'Nightly payout', actorIds: [] },
          ],
        },
        counters: { ...scoped.counters, useCase: 2 },
      });

      expect(toThreatComposer(withUseCases, flow).applicationInfo.description).toContain(
        '### Use cases\n\n- **Ask for a refund** (by Customer): Within 30 days\n- **Nightly payout**',
      );
    });

    it('describes trust boundaries as the architecture and data flows as the data flow, in H3 sections', () => {
      expect(file.architecture.description).toContain(
        '### Trust boundaries\n\n- **Payments VPC** (trust level: internal): Refunds API, Payments DB, Payout queue',
      );
      expect(file.dataflow.description).toBe(
        [
          '### Data flows',
          '',
          '- **Customer** → **Refunds API**: refund request (HTTPS; crosses a trust boundary)',
          '- **Refunds API** → **Payments DB**: refund record (carries Refund records)',
        ].join('\n'),
      );
      for (const text of [file.applicationInfo.description, file.architecture.description, file.dataflow.description]) {
        expect(text).not.toMatch(/^#{1,2} /m);
      }
    });
  });
});
