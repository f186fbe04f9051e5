import { inheritedOrigin, inheritFrom } from '../../../src/domain/dependency-import';
import { removeMitigation, updateMitigation } from '../../../src/domain/mitigation-edits';
import { type ThreatModel, ThreatModelSchema } from '../../../src/domain/model';
import { removeScopeElement, updateScopeElement } from '../../../src/domain/scope-edits';
import { assessThreat, removeThreat, updateThreat } from '../../../src/domain/threat-edits';
import { buildModel } from '../../support/build-model';
import { buildApprovedModel } from '../../support/realistic-model';

/** TM-3, the exported Refunds API, as the dependency; TM-7 the new model that uses the same components. */
function dependency(): ThreatModel {
  return ThreatModelSchema.parse({ ...buildApprovedModel(), id: 'TM-3', version: 12 });
}
function newModel(): ThreatModel {
  return buildModel({
    id: 'TM-7',
    title: 'Refund reports',
    scope: {
      assets: [{ id: 'AS-1', name: 'Refund records', classification: 'confidential' }],
      components: [{ id: 'C-1', name: 'Reports UI', type: 'web-app', kind: 'process' }],
    },
    counters: {
      asset: 1,
      actor: 0,
      entryPoint: 0,
      component: 1,
      dataFlow: 0,
      trustBoundary: 0,
      useCase: 0,
      designLink: 0,
      threat: 0,
      mitigation: 0,
    },
  });
}
function imported(): ThreatModel {
  const outcome = inheritFrom(newModel(), dependency());
  if (!outcome.ok) throw new Error(outcome.message);
  return ThreatModelSchema.parse(outcome.model);
}

describe('reusing an exported model as a dependency', () => {
  it('brings its components, the threats on them and their mitigations, marked inherited', () => {
    const outcome = inheritFrom(newModel(), dependency());
    expect(outcome.ok && outcome.added).toEqual({
      components: ['C-2', 'C-3', 'C-4'],
      threats: ['T-1', 'T-2'],
      mitigations: ['M-1'],
    });
    const model = imported();
    expect(model.scope.components.map((c) => [c.id, c.name, c.inherited?.elementId])).toEqual([
      ['C-1', 'Reports UI', undefined],
      ['C-2', 'Refunds API', 'C-1'],
      ['C-3', 'Payments DB', 'C-2'],
      ['C-4', 'Payout queue', 'C-3'],
    ]);
    // T-1 sat on EP-1 and C-1 there: here it sits on the component behind the entry point.
    expect(model.threats[0]).toMatchObject({
      id: 'T-1',
      affectedElementIds: ['C-2'],
      impactedAssetIds: ['AS-1'], // "Refund records" matched by name
      inherited: { modelId: 'TM-3', title: 'Refunds API', version: 12, elementId: 'T-1' },
    });
    // T-3 was only on a data flow of the other feature: not brought.
    expect(model.threats.map((t) => t.inherited?.elementId)).toEqual(['T-1', 'T-2']);
    expect(model.mitigations[0]).toMatchObject({ id: 'M-1', threatIds: ['T-1'], inherited: { elementId: 'M-1' } });
    expect(model.counters).toMatchObject({ component: 4, threat: 2, mitigation: 1 });
    expect(inheritedOrigin(model, 'C-3')?.modelId).toBe('TM-3');
    expect(inheritedOrigin(model, 'C-1')).toBeUndefined();
  });

  it('importing a newer version updates the inherited elements in place, keeping their ids', () => {
    const first = imported();
    const newer = ThreatModelSchema.parse({
      ...dependency(),
      version: 13,
      scope: {
        ...dependency().scope,
        components: dependency().scope.components.map((c) => ({ ...c, name: `${c.name} v2` })),
      },
    });
    const outcome = inheritFrom(first, newer);
    expect(outcome.ok).toBe(true);
    const again = ThreatModelSchema.parse(outcome.ok ? outcome.model : undefined);
    expect(again.scope.components.map((c) => c.id)).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
    expect(again.scope.components[1]).toMatchObject({ name: 'Refunds API v2', inherited: { version: 13 } });
    expect(again.threats).toHaveLength(2);
  });

  it('keeps inherited elements read-only', () => {
    const model = imported();
    expect(
      updateScopeElement(model, 'component', 'C-2', { name: 'x', type: 'aws-lambda', kind: 'process' }),
    ).toBeUndefined();
    expect(removeScopeElement(model, 'component', 'C-4')).toEqual({ ok: false, reason: 'inherited', usedBy: [] });
    expect(
      updateThreat(model, 'T-1', {
        threatSource: 'x',
        threatAction: 'y',
        impactedGoals: [],
        impactedAssetIds: [],
        stride: [],
        affectedElementIds: [],
      }),
    ).toBeUndefined();
    expect(removeThreat(model, 'T-2')).toEqual({ ok: false, reason: 'inherited', usedBy: [] });
    expect(assessThreat(model, 'T-1', {})).toBeUndefined();
    expect(
      updateMitigation(model, 'M-1', { description: 'x', threatIds: ['T-1'], status: 'planned', references: [] }),
    ).toBeUndefined();
    expect(removeMitigation(model, 'M-1')).toBeUndefined();
    // The team's own component stays editable.
    expect(
      updateScopeElement(model, 'component', 'C-1', { name: 'Reports UI 2', type: 'web-app', kind: 'process' }),
    ).toBeDefined();
  });

  it('refuses a model depending on itself, and one that cannot change now', () => {
    expect(inheritFrom(newModel(), { ...newModel() })).toEqual({ ok: false, message: 'TM-7 cannot depend on itself.' });
    expect(inheritFrom({ ...newModel(), status: 'approved' }, dependency())).toEqual({
      ok: false,
      message: 'TM-7 cannot be changed now.',
    });
  });
});
