import type { ThreatModel } from '../../../src/domain/model';
import { diffCounts, diffModels, touchedSteps } from '../../../src/domain/model-diff';
import { buildMitigation, buildModelWith, buildThreat } from '../../support/build-model';

/** The item at i, which the test knows is there. */
function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

const V = { from: 1, to: 2 };
const HIGH = { likelihood: 4, impact: 4 } as const;
const LOW = { likelihood: 2, impact: 2 } as const;

function approvedV1(): ThreatModel {
  return buildModelWith(
    [
      buildThreat('T-1', { risk: { before: HIGH, after: LOW } }),
      buildThreat('T-2', { threatAction: 'read refunds of others' }),
    ],
    [buildMitigation('M-1', ['T-1'])],
  );
}

describe('the diff of two model versions', () => {
  it('finds nothing between a version and itself', () => {
    const model = approvedV1();
    const diff = diffModels(model, structuredClone(model), V);
    expect(diff).toEqual({ from: 1, to: 2, changes: [] });
    expect(touchedSteps(diff)).toEqual([]);
  });

  it('lists scope elements added, removed and changed, field by field', () => {
    const before = approvedV1();
    const after: ThreatModel = {
      ...before,
      scope: {
        ...before.scope,
        description: 'Customers ask for refunds in the app.',
        components: [
          { ...nth(before.scope.components, 0), name: 'Refunds service', trustBoundaryId: undefined },
          nth(before.scope.components, 1),
          { id: 'C-4', name: 'Fraud check', type: 'aws-lambda', kind: 'process' },
        ],
        assets: before.scope.assets.slice(0, 1),
      },
    };
    // An absent optional field and an undefined one say the same.
    delete (after.scope.components[0] as { trustBoundaryId?: string }).trustBoundaryId;
    const diff = diffModels(before, after, V);
    expect(diff.changes).toEqual([
      {
        section: 'scope',
        kind: 'changed',
        what: 'scope',
        id: 'scope',
        label: 'what the feature does',
        fields: [
          {
            field: 'description',
            before: 'Customers ask for refunds; the API records them and queues the payout.',
            after: 'Customers ask for refunds in the app.',
          },
        ],
      },
      { section: 'scope', kind: 'removed', what: 'asset', id: 'AS-2', label: 'Refund records', fields: [] },
      {
        section: 'scope',
        kind: 'changed',
        what: 'component',
        id: 'C-1',
        label: 'Refunds service',
        fields: [
          { field: 'name', before: 'Refunds API', after: 'Refunds service' },
          { field: 'trust boundary', before: 'TB-1' },
        ],
      },
      { section: 'scope', kind: 'added', what: 'component', id: 'C-4', label: 'Fraud check', fields: [] },
      { section: 'scope', kind: 'removed', what: 'component', id: 'C-3', label: 'Payout queue', fields: [] },
    ]);
    expect(touchedSteps(diff)).toEqual(['scope']);
  });

  it('lists assumptions and elements set out of scope like any other scope element', () => {
    const before = approvedV1();
    const component = nth(before.scope.components, 0);
    const after: ThreatModel = {
      ...before,
      scope: {
        ...before.scope,
        components: [
          { ...component, outOfScopeReason: 'Run by the payments team' },
          ...before.scope.components.slice(1),
        ],
        assumptions: [
          { id: 'A-1', description: 'Refunds are capped at 500 EUR', threatIds: ['T-1'], mitigationIds: [] },
        ],
      },
    };
    const diff = diffModels(before, after, V);
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'added', what: 'assumption', id: 'A-1' }),
        expect.objectContaining({
          kind: 'changed',
          id: component.id,
          fields: [expect.objectContaining({ field: 'out of scope because' })],
        }),
      ]),
    );
  });

  it('lists threats and mitigations changed, with lists compared as lists and bookkeeping ignored', () => {
    const before = approvedV1();
    const after: ThreatModel = {
      ...before,
      threats: [
        { ...nth(before.threats, 0), stride: ['T', 'R'], createdAt: '2026-12-01T00:00:00.000Z' },
        nth(before.threats, 1),
        buildThreat('T-3', { threatAction: 'flood the payout queue' }),
      ],
      mitigations: [{ ...nth(before.mitigations, 0), status: 'implemented', threatIds: ['T-1', 'T-3'] }],
    };
    const diff = diffModels(before, after, V);
    expect(diff.changes).toEqual([
      {
        section: 'threats',
        kind: 'changed',
        what: 'threat',
        id: 'T-1',
        label: 'replay a refund request',
        fields: [{ field: 'stride', before: 'T', after: 'T, R' }],
      },
      { section: 'threats', kind: 'added', what: 'threat', id: 'T-3', label: 'flood the payout queue', fields: [] },
      {
        section: 'mitigations',
        kind: 'changed',
        what: 'mitigation',
        id: 'M-1',
        label: 'Require an idempotency key on POST /refunds',
        fields: [
          { field: 'threats addressed', before: 'T-1', after: 'T-1, T-3' },
          { field: 'status', before: 'planned', after: 'implemented' },
        ],
      },
    ]);
    expect(diffCounts(diff)).toEqual({ added: 1, removed: 0, changed: 2 });
    expect(touchedSteps(diff)).toEqual(['threats', 'mitigations']);
  });

  it('lists risk ratings and decisions changed on threats of both versions, not on new ones', () => {
    const before = approvedV1();
    const after: ThreatModel = {
      ...before,
      threats: [
        {
          ...nth(before.threats, 0),
          risk: {
            before: HIGH,
            after: HIGH,
            decision: {
              type: 'accept',
              reason: 'Capped',
              decidedBy: 'U0BOB0001',
              decidedAt: '2026-12-01T00:00:00.000Z',
            },
          },
        },
        { ...nth(before.threats, 1), risk: { after: LOW } },
        buildThreat('T-3', { risk: { after: HIGH } }),
      ],
    };
    const risks = diffModels(before, after, V).changes.filter((change) => change.section === 'risk');
    expect(risks).toEqual([
      {
        section: 'risk',
        kind: 'changed',
        what: 'risk of',
        id: 'T-1',
        label: 'replay a refund request',
        fields: [
          { field: 'residual risk', before: 'likelihood 2 × impact 2', after: 'likelihood 4 × impact 4' },
          { field: 'decision', after: 'accept' },
          { field: 'decision reason', after: 'Capped' },
        ],
      },
      {
        section: 'risk',
        kind: 'changed',
        what: 'risk of',
        id: 'T-2',
        label: 'read refunds of others',
        fields: [{ field: 'residual risk', after: 'likelihood 2 × impact 2' }],
      },
    ]);
  });
});
