import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportedModel } from '../../../src/domain/imported-model';
import { ThreatModelSchema } from '../../../src/domain/model';
import { threatStatement } from '../../../src/domain/statement';
import { toThreatComposer } from '../../../src/export/threat-composer';
import { toThreatDragon } from '../../../src/export/threat-dragon';
import { IMPORT_LIMITS } from '../../../src/import/import-limits';
import { readImportFile } from '../../../src/import/read-import-file';
import { buildMitigation, buildModelWith, buildThreat, defaultFlow, NOW } from '../../support/build-model';

const flow = defaultFlow();
const FILES = join(__dirname, '../../support/import-files');
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const fixture = (name: string) => readFileSync(join(FILES, name));

function imported(name: string, data: Uint8Array): ImportedModel {
  const outcome = readImportFile(name, data, NOW);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.imported;
}

/** Threats, mitigations, links and assumptions by their words, not their ids (an import renumbers). */
function meaning(model: Pick<ImportedModel['content'], 'scope' | 'threats' | 'mitigations'>) {
  const statement = (id: string) => {
    const threat = model.threats.find((t) => t.id === id);
    return threat ? threatStatement(threat, model.scope.assets) : id;
  };
  const mitigation = (id: string) => model.mitigations.find((m) => m.id === id)?.description ?? id;
  return {
    threats: model.threats.map((t) => ({ statement: statement(t.id), stride: t.stride })),
    mitigations: model.mitigations.map((m) => ({
      description: m.description,
      status: m.status,
      threats: m.threatIds.map(statement),
    })),
    assumptions: model.scope.assumptions.map((a) => ({
      description: a.description,
      threats: a.threatIds.map(statement),
      mitigations: a.mitigationIds.map(mitigation),
    })),
  };
}

function buildExported() {
  const base = buildModelWith(
    [
      buildThreat('T-1', {
        stride: ['T', 'R'],
        risk: { before: { likelihood: 4, impact: 4 }, after: { likelihood: 2, impact: 3 } },
      }),
      buildThreat('T-2', {
        threatSource: 'malicious insider',
        prerequisites: undefined,
        threatAction: 'read card tokens from the database',
        threatImpact: undefined,
        impactedGoals: ['confidentiality'],
        impactedAssetIds: ['AS-1'],
        stride: ['I'],
        affectedElementIds: ['C-2'],
      }),
    ],
    [
      buildMitigation('M-1', ['T-1']),
      buildMitigation('M-2', ['T-1', 'T-2'], { description: 'Audit every read', status: 'verified' }),
    ],
  );
  return ThreatModelSchema.parse({
    ...base,
    scope: {
      ...base.scope,
      assumptions: [
        { id: 'A-1', description: 'The VPC has no internet gateway', threatIds: ['T-2'], mitigationIds: ['M-2'] },
        { id: 'A-2', description: 'Tokens are never logged' },
      ],
      components: base.scope.components.map((c) => (c.id === 'C-3' ? { ...c, outOfScopeReason: 'Payouts team' } : c)),
    },
    counters: { ...base.counters, assumption: 2 },
  });
}

describe('importing a file', () => {
  describe('round trips', () => {
    it('our Threat Composer export comes back with the same threats, mitigations, links and assumptions', () => {
      const model = buildExported();
      const back = imported('refunds.tc.json', bytes(toThreatComposer(model, flow)));
      expect(back.format).toBe('threat_composer');
      expect(back.title).toBe('Refunds API');
      expect(meaning(back.content)).toEqual(meaning(model));
      // The ratings come back too (decisions are made again); same numbering, as the export keeps the file order.
      expect(back.content.threats[0]?.risk).toEqual({
        before: { likelihood: 4, impact: 4 },
        after: { likelihood: 2, impact: 3 },
      });
      expect(back.content.threats.map((t) => t.id)).toEqual(['T-1', 'T-2']);
      expect(back.content.scope.assumptions.map((a) => a.id)).toEqual(['A-1', 'A-2']);
    });

    it('our Threat Dragon export comes back with the same threats, mitigations and links, and the scope', () => {
      const model = buildExported();
      const back = imported('refunds.json', bytes(toThreatDragon(model, flow)));
      expect(back.format).toBe('threat_dragon');
      const { assumptions: _none, ...rest } = meaning(model);
      const { assumptions, ...got } = meaning(back.content);
      expect(got).toEqual(rest);
      // Threat Dragon has no assumptions to carry.
      expect(assumptions).toEqual([]);
      const { scope } = back.content;
      expect(scope.actors.map((a) => a.name)).toEqual(['Customer']);
      expect(scope.components.map((c) => [c.name, c.kind, c.outOfScopeReason])).toEqual(
        expect.arrayContaining([
          ['Refunds API', 'process', undefined],
          ['Payments DB', 'data_store', undefined],
          ['Payout queue', 'data_store', 'Payouts team'],
        ]),
      );
      expect(scope.dataFlows.map((f) => f.data).sort()).toEqual(['refund record', 'refund request']);
      expect(scope.trustBoundaries.map((b) => b.name)).toEqual(['Payments VPC']);
      const vpc = scope.trustBoundaries[0]?.id;
      expect(scope.components.every((c) => c.trustBoundaryId === vpc)).toBe(true);
    });
  });

  describe('files the real tools write', () => {
    it('Threat Composer with brainstorm data, packs, custom metadata: maps what fits and lists the rest', () => {
      const { title, content, unmapped } = imported('photos.tc.json', fixture('composer-with-brainstorm.tc.json'));
      expect(title).toBe('Photo sharing');
      expect(content.scope.description).toBe('Users upload photos and share albums.');
      expect(content.threats).toEqual([
        expect.objectContaining({
          id: 'T-1',
          threatSource: 'external threat actor',
          prerequisites: 'who holds a leaked presigned URL',
          threatAction: "download another user's private photos",
          threatImpact: 'exposure of private photos',
          impactedGoals: ['confidentiality'],
          impactedAssetIds: ['AS-1'],
          stride: ['S', 'I'],
        }),
      ]);
      expect(content.scope.assets).toEqual([{ id: 'AS-1', name: 'user photos', classification: 'internal' }]);
      expect(content.mitigations).toEqual([
        expect.objectContaining({
          id: 'M-1',
          description: 'Presigned URLs expire after 5 minutes',
          status: 'planned',
          threatIds: ['T-1'],
        }),
      ]);
      expect(content.scope.assumptions).toEqual([
        { id: 'A-1', description: 'Uploads are virus-scanned upstream', threatIds: ['T-1'], mitigationIds: ['M-1'] },
      ]);
      expect(unmapped).toEqual(
        expect.arrayContaining([
          'Section "brainstorm" of the file',
          'The architecture description',
          'The architecture diagram image',
          'T-0002: marked "Not useful" in Threat Composer, so not imported',
          expect.stringMatching(/^T-0003: has no threat source or action, so not imported \(Only a statement/),
          expect.stringMatching(/^M-0002: addresses no imported threat, so not imported/),
          'Threat metadata "Priority" (1×)',
          'Threat metadata "source" (1×)',
          'Threat metadata "threatPackId" (1×)',
          'Threat metadata "threatPackThreatId" (1×)',
          'Threat metadata "custom:jira" (1×)',
          'Mitigation metadata "mitigationPackId" (1×)',
          'Assumption metadata "Comments" (1×)',
          'Threat tags (1×)',
        ]),
      );
    });

    it('a legacy Threat Composer file (a bare array of threats) imports as threats', () => {
      const { content, unmapped } = imported('old.json', fixture('composer-legacy-array.json'));
      expect(content.threats.map((t) => [t.threatAction, t.stride])).toEqual([
        ['read audit logs', ['I']],
        ['flood the upload endpoint', ['D']],
      ]);
      expect(unmapped[0]).toMatch(/legacy Threat Composer file/);
    });

    it('Threat Dragon with two diagrams, a curved boundary, v1-era fields and threats on a flow', () => {
      const { title, content, unmapped } = imported('shop.json', fixture('dragon-two-diagrams.json'));
      const { scope } = content;
      expect(title).toBe('Online shop');
      expect(scope.trustBoundaries.map((b) => b.name)).toEqual(['Shop VPC', 'Supplier network']);
      expect(scope.actors.map((a) => [a.name, a.trustBoundaryId])).toEqual([
        ['Shopper', undefined],
        ['Supplier', undefined],
      ]);
      expect(scope.components.map((c) => [c.name, c.kind, c.trustBoundaryId, c.outOfScopeReason])).toEqual([
        ['Checkout service', 'process', 'TB-1', undefined],
        ['Orders DB', 'data_store', 'TB-1', 'Run by the data team'],
        ['Stock API', 'process', undefined, undefined],
      ]);
      expect(scope.dataFlows.map((f) => [f.data, f.from, f.to, f.protocol, f.crossesTrustBoundary])).toEqual([
        ['order', 'AC-1', 'C-1', 'HTTPS', true],
        ['stock update', 'AC-2', 'C-3', undefined, false],
      ]);
      expect(content.threats.map((t) => [t.threatAction, t.stride, t.affectedElementIds])).toEqual([
        ['shopper account takeover', ['S'], ['AC-1']],
        ['order tampered in transit', ['T'], ['DF-1']],
        ['stock flooded', ['D'], ['C-3']],
        ['linkability of suppliers', [], ['C-3']],
      ]);
      expect(content.mitigations.map((m) => [m.description, m.status, m.threatIds])).toEqual([
        ['Rate-limit logins and offer MFA', 'proposed', ['T-1']],
        ['TLS 1.2 or later everywhere', 'implemented', ['T-2']],
      ]);
      expect(unmapped).toEqual(
        expect.arrayContaining([
          '2 diagrams were merged into one scope',
          'Flow "dangling": does not connect two elements, so not imported',
          'A "td-text-block" cell ("Draft, ask Sam")',
          'Threat descriptions not in the grammar (1×)',
          'Threat Dragon property "isEncrypted" (2×)',
          'Threat Dragon property "handlesCardPayment" (1×)',
          'The owner "Shop team" (the model\'s owner is whoever imported it)',
          'Contributors (1): pick roles instead',
        ]),
      );
      expect(ThreatModelSchema.shape).toBeDefined();
    });
  });

  describe('bad files, each named for its problem', () => {
    it.each([
      ['not JSON', 'a.json', new TextEncoder().encode('{"threats": [ oops'), /is not valid JSON/],
      ['not a .json file', 'a.pdf', bytes({ threats: [] }), /is not a `\.json` file/],
      ['neither format', 'a.json', bytes({ hello: 'world' }), /neither a Threat Composer nor a Threat Dragon v2 file/],
      [
        'the wrong Threat Composer schema',
        'a.tc.json',
        bytes({ schema: 1, threats: 'many' }),
        /does not match Threat Composer's file schema: threats: /,
      ],
      [
        'the wrong Threat Dragon schema',
        'a.json',
        bytes({ summary: { title: 'x' }, detail: { diagrams: {} } }),
        /does not match Threat Dragon's file schema: detail\.diagrams: /,
      ],
      [
        'a Threat Dragon 1.x file',
        'a.json',
        bytes({ summary: { title: 'x' }, detail: { diagrams: [{ diagramJson: { cells: [] } }] } }),
        /is a Threat Dragon 1\.x file/,
      ],
      [
        'over the model limits',
        'a.tc.json',
        bytes({
          threats: Array.from({ length: 501 }, (_, i) => ({ id: `t${i}`, threatSource: 'x', threatAction: 'y' })),
        }),
        /has 501 threats; a model holds at most 500/,
      ],
      [
        'content the model refuses',
        'a.tc.json',
        bytes({ threats: [{ id: 't', threatSource: 'x', threatAction: 'y', impactedGoal: ['z'.repeat(201)] }] }),
        /has content a model cannot hold: threats\.0\.impactedGoals\.0: must be at most 200 characters/,
      ],
    ])('%s', (_what, name, data, message) => {
      const outcome = readImportFile(name, data, NOW);
      expect(outcome).toEqual({ ok: false, problem: expect.stringMatching(message) });
    });

    it('too large, before reading it', () => {
      const outcome = readImportFile('big.json', new Uint8Array(IMPORT_LIMITS.fileBytesMax + 1), NOW);
      expect(outcome).toEqual({ ok: false, problem: '`big.json` is 2.0 MB; I import files of up to 2.0 MB.' });
    });
  });
});
