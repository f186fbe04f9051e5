import { allocateElementId, emptyCounters } from '../../../src/domain/element-ids';
import { ThreatModelSchema } from '../../../src/domain/model';
import { newThreatModel } from '../../../src/domain/new-model';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModel,
  buildModelWith,
  buildScopedModel,
  buildThreat,
  NOW,
} from '../../support/build-model';

const messagesOf = (input: unknown) => {
  const result = ThreatModelSchema.safeParse(input);
  if (result.success) throw new Error('expected the model to be refused');
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the threat model schema', () => {
  describe('a new model', () => {
    it('starts as a version 1 draft at the scope step with every role empty', () => {
      const model = newThreatModel(
        { id: 'TM-7', title: '  Refunds API ', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE },
        NOW,
      );
      expect(model).toMatchObject({
        id: 'TM-7',
        title: 'Refunds API',
        version: 1,
        status: 'draft',
        currentStep: 'scope',
        createdAt: '2026-11-25T10:00:00.000Z',
        updatedAt: '2026-11-25T10:00:00.000Z',
      });
      expect(model.roles).toEqual({ business: [], developer: [], adversary: [], defender: [], appsec_sme: [] });
      expect(model.scope.assets).toEqual([]);
    });

    it('refuses an empty or overlong title, and a malformed id', () => {
      const input = { id: 'TM-1', title: '', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE };
      expect(() => newThreatModel(input, NOW)).toThrow(/must not be empty/);
      expect(() => newThreatModel({ ...input, title: 'x'.repeat(121) }, NOW)).toThrow(/at most 120/);
      expect(() => newThreatModel({ ...input, title: 'ok', id: 'TM-0' }, NOW)).toThrow(/model id such as TM-42/);
      expect(() => newThreatModel({ ...input, title: 'ok', ownerId: '<!channel>' }, NOW)).toThrow(/Slack user id/);
    });
  });

  describe('a complete model', () => {
    it('round-trips through JSON unchanged', () => {
      const model = buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]);
      expect(ThreatModelSchema.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
    });
  });

  describe('refuses', () => {
    it('unknown keys anywhere', () => {
      expect(messagesOf({ ...buildModel(), extra: 1 })).toEqual([expect.stringMatching(/Unrecognized key/)]);
      const model = buildScopedModel();
      const assets = [{ ...model.scope.assets[0], secret: true }];
      expect(messagesOf({ ...model, scope: { ...model.scope, assets } })[0]).toMatch(
        /^scope.assets.0: Unrecognized key/,
      );
    });

    it('an entry point on a component that does not exist', () => {
      const model = buildScopedModel();
      const entryPoints = [{ ...model.scope.entryPoints[0], componentId: 'C-9' }];
      expect(messagesOf({ ...model, scope: { ...model.scope, entryPoints } })).toContain(
        'scope.entryPoints.0.componentId: refers to component C-9, which does not exist',
      );
    });

    it('data flows to unknown elements, to themselves, or carrying unknown assets', () => {
      const model = buildScopedModel();
      const dataFlows = [
        { ...model.scope.dataFlows[0], to: 'AC-1' },
        { ...model.scope.dataFlows[1], from: 'C-8', assetIds: ['AS-9'] },
      ];
      expect(messagesOf({ ...model, scope: { ...model.scope, dataFlows } })).toEqual([
        'scope.dataFlows.0.to: a data flow must connect two different elements',
        'scope.dataFlows.1.from: refers to actor or component C-8, which does not exist',
        'scope.dataFlows.1.assetIds.0: refers to asset AS-9, which does not exist',
      ]);
    });

    it('threats on unknown elements or assets, and mitigations of unknown threats', () => {
      const threat = buildThreat('T-1', { affectedElementIds: ['DF-7'], impactedAssetIds: ['AS-5'] });
      const input = {
        ...buildModelWith([buildThreat('T-1')]),
        threats: [threat],
        mitigations: [buildMitigation('M-1', ['T-2'])],
      };
      input.counters = { ...input.counters, mitigation: 1 };
      expect(messagesOf(input)).toEqual([
        'threats.0.impactedAssetIds.0: refers to asset AS-5, which does not exist',
        'threats.0.affectedElementIds.0: refers to element DF-7, which does not exist',
        'mitigations.0.threatIds.0: refers to threat T-2, which does not exist',
      ]);
    });

    it('duplicate ids and ids ahead of their counter', () => {
      const model = buildModelWith([buildThreat('T-1')]);
      expect(messagesOf({ ...model, threats: [buildThreat('T-1'), buildThreat('T-1')] })).toEqual([
        'threats.1.id: duplicate id T-1',
      ]);
      expect(messagesOf({ ...model, threats: [buildThreat('T-2')] })).toEqual([
        'threats.0.id: id T-2 is ahead of its counter (1)',
      ]);
    });

    it('accepting, transferring or avoiding a risk without a reason', () => {
      for (const type of ['accept', 'transfer', 'avoid'] as const) {
        const threat = buildThreat('T-1', {
          risk: { decision: { type, decidedBy: BOB, decidedAt: NOW.toISOString() } },
        });
        expect(messagesOf({ ...buildModelWith([buildThreat('T-1')]), threats: [threat] })).toEqual([
          `threats.0.risk.decision.reason: a reason is required to ${type} a risk`,
        ]);
      }
    });

    it('ratings outside 1 to 5', () => {
      const threat = buildThreat('T-1', { risk: { before: { likelihood: 6, impact: 0 } } });
      expect(messagesOf({ ...buildModelWith([buildThreat('T-1')]), threats: [threat] })).toHaveLength(2);
    });

    it('setting a baseline control aside without a written reason', () => {
      const mitigation = buildMitigation('M-1', ['T-1'], { status: 'not_applicable', baselineControlId: 'ctl-waf' });
      const model = buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]);
      expect(messagesOf({ ...model, mitigations: [mitigation] })).toEqual([
        'mitigations.0.deviation: setting a baseline control aside requires a written reason',
      ]);
      const justified = {
        ...mitigation,
        deviation: { reason: 'compensating_control' as const, explanation: 'Rate limits at the edge do the job' },
      };
      expect(buildModelWith([buildThreat('T-1')], [justified]).mitigations[0]?.deviation?.reason).toBe(
        'compensating_control',
      );
    });

    it('references that are neither http(s) URLs nor safe repository paths', () => {
      const references = [
        'javascript:alert(1)',
        '../../etc/passwd',
        '/abs/path',
        'infra/ok.tf',
        'https://git.example/x',
      ];
      const model = buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]);
      const mitigations = [{ ...model.mitigations[0], references }];
      expect(messagesOf({ ...model, mitigations }).map((m) => m.split(':')[0])).toEqual([
        'mitigations.0.references.0',
        'mitigations.0.references.1',
        'mitigations.0.references.2',
      ]);
    });

    it('the same user twice in one role', () => {
      expect(messagesOf({ ...buildModel(), roles: { ...buildModel().roles, adversary: [BOB, BOB] } })).toEqual([
        'roles.adversary: lists the same user twice',
      ]);
    });
  });
});

describe('element ids', () => {
  it('are allocated from a counter and never reused', () => {
    const first = allocateElementId(emptyCounters(), 'threat');
    const second = allocateElementId(first.counters, 'threat');
    const asset = allocateElementId(second.counters, 'asset');
    expect([first.id, second.id, asset.id]).toEqual(['T-1', 'T-2', 'AS-1']);
    expect(asset.counters).toMatchObject({ threat: 2, asset: 1, mitigation: 0 });
  });
});
