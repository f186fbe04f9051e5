import { adoptBaselineControl } from '../../../src/domain/mitigation-edits';
import { ThreatModelSchema } from '../../../src/domain/model';
import { addThreat, removeThreat, updateThreat } from '../../../src/domain/threat-edits';
import { BOB, buildMitigation, buildModelWith, buildScopedModel, buildThreat, NOW } from '../../support/build-model';

const input = {
  threatSource: 'malicious insider',
  threatAction: 'read card tokens from the database',
  impactedGoals: ['confidentiality'],
  impactedAssetIds: ['AS-1'],
  stride: ['I' as const],
  affectedElementIds: ['C-2'],
};

describe('editing threats', () => {
  it('adds a threat with the next id, its author, time and origin, and no risk review yet', () => {
    const { model, id } = addThreat(buildScopedModel(), input, BOB, NOW, { type: 'catalog', catalogThreatId: 'thr-x' });
    expect(id).toBe('T-1');
    expect(model.threats[0]).toEqual({
      ...input,
      id: 'T-1',
      origin: { type: 'catalog', catalogThreatId: 'thr-x' },
      risk: {},
      createdBy: BOB,
      createdAt: NOW.toISOString(),
    });
    expect(() => ThreatModelSchema.parse(model)).not.toThrow();
  });

  it('updates the statement but keeps id, origin, author and risk review', () => {
    const model = buildModelWith([buildThreat('T-1', { risk: { before: { likelihood: 2, impact: 3 } } })]);
    const next = updateThreat(model, 'T-1', input);
    expect(next?.threats[0]).toMatchObject({ ...input, id: 'T-1', risk: { before: { likelihood: 2, impact: 3 } } });
    expect(updateThreat(model, 'T-9', input)).toBeUndefined();
  });

  it('removes a threat only when no mitigation addresses it', () => {
    const model = buildModelWith([buildThreat('T-1'), buildThreat('T-2')], [buildMitigation('M-1', ['T-1'])]);
    expect(removeThreat(model, 'T-1')).toEqual({ ok: false, reason: 'in_use', usedBy: ['M-1'] });
    const removed = removeThreat(model, 'T-2');
    expect(removed.ok && removed.model.threats.map((t) => t.id)).toEqual(['T-1']);
    expect(removeThreat(model, 'T-7')).toMatchObject({ ok: false, reason: 'not_found' });
  });
});

describe('adopting a baseline control', () => {
  const control = { id: 'ctl-idempotency', title: 'Idempotency keys', description: 'Reject repeated requests.' };

  it('adds a proposed mitigation implementing it, then links further threats to that mitigation', () => {
    const model = buildModelWith([buildThreat('T-1'), buildThreat('T-2')]);
    const first = adoptBaselineControl(model, 'T-1', control, BOB, NOW);
    expect(first).toMatchObject({ mitigationId: 'M-1', linked: false });
    expect(first.model.mitigations[0]).toMatchObject({
      status: 'proposed',
      baselineControlId: 'ctl-idempotency',
      threatIds: ['T-1'],
    });
    const second = adoptBaselineControl(first.model, 'T-2', control, BOB, NOW);
    expect(second).toMatchObject({ mitigationId: 'M-1', linked: true });
    expect(second.model.mitigations).toHaveLength(1);
    expect(second.model.mitigations[0]?.threatIds).toEqual(['T-1', 'T-2']);
    expect(() => ThreatModelSchema.parse(second.model)).not.toThrow();
  });
});
