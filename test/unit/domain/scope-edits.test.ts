import { ThreatModelSchema } from '../../../src/domain/model';
import { assignRole, emptyRoles } from '../../../src/domain/roles';
import {
  addScopeElement,
  findScopeElement,
  removeScopeElement,
  scopeKindOf,
  updateScopeElement,
  usersOf,
} from '../../../src/domain/scope-edits';
import { BOB, buildModel, buildModelWith, buildScopedModel, buildThreat, CAROL } from '../../support/build-model';

describe('editing the scope', () => {
  it('adds elements with the next id of their kind, producing a valid model', () => {
    const first = addScopeElement(buildModel(), 'asset', { name: 'Card token', classification: 'restricted' });
    const second = addScopeElement(first.model, 'asset', { name: 'Refunds', classification: 'internal' });
    expect([first.id, second.id]).toEqual(['AS-1', 'AS-2']);
    expect(second.model.counters.asset).toBe(2);
    expect(() => ThreatModelSchema.parse(second.model)).not.toThrow();
  });

  it('updates an element in place and keeps its id', () => {
    const model = buildScopedModel();
    const next = updateScopeElement(model, 'component', 'C-2', {
      name: 'Ledger DB',
      type: 'aws-dynamodb',
      kind: 'data_store',
    });
    expect(findScopeElement(next ?? model, 'component', 'C-2')).toEqual({
      id: 'C-2',
      name: 'Ledger DB',
      type: 'aws-dynamodb',
      kind: 'data_store',
    });
    expect(next?.scope.components.map((c) => c.id)).toEqual(['C-1', 'C-2', 'C-3']);
    expect(updateScopeElement(model, 'component', 'C-9', { name: 'x', type: 'cdn', kind: 'process' })).toBeUndefined();
  });

  it('refuses to remove an element something still refers to, naming what', () => {
    const model = buildModelWith([buildThreat('T-1', { affectedElementIds: ['C-2'], impactedAssetIds: [] })]);
    expect(usersOf(model, 'C-1')).toEqual(['EP-1', 'DF-1', 'DF-2']);
    expect(removeScopeElement(model, 'component', 'C-2')).toEqual({
      ok: false,
      reason: 'in_use',
      usedBy: ['DF-2', 'T-1'],
    });
    expect(removeScopeElement(model, 'trustBoundary', 'TB-1')).toMatchObject({
      ok: false,
      usedBy: ['C-1', 'C-2', 'C-3'],
    });
    expect(removeScopeElement(model, 'asset', 'AS-9')).toEqual({ ok: false, reason: 'not_found', usedBy: [] });
  });

  it('removes an unused element, and its id is never given out again', () => {
    const removed = removeScopeElement(buildScopedModel(), 'component', 'C-3');
    if (!removed.ok) throw new Error('expected removal');
    expect(removed.model.scope.components.map((c) => c.id)).toEqual(['C-1', 'C-2']);
    expect(addScopeElement(removed.model, 'component', { name: 'Queue', type: 'queue', kind: 'data_store' }).id).toBe(
      'C-4',
    );
  });

  it('tells the kind of an element from its id', () => {
    expect(['AS-1', 'AC-2', 'EP-3', 'C-4', 'DF-5', 'TB-6', 'UC-7', 'DL-8', 'T-1', 'X-1'].map(scopeKindOf)).toEqual([
      'asset',
      'actor',
      'entryPoint',
      'component',
      'dataFlow',
      'trustBoundary',
      'useCase',
      'designLink',
      undefined,
      undefined,
    ]);
  });
});

describe('assigning roles', () => {
  it('sets the holders and reports who is new', () => {
    const first = assignRole(emptyRoles(), 'adversary', [BOB, BOB]);
    expect(first).toEqual({ roles: { ...emptyRoles(), adversary: [BOB] }, added: [BOB] });
    const second = assignRole(first.roles, 'adversary', [BOB, CAROL]);
    expect(second.added).toEqual([CAROL]);
    expect(assignRole(second.roles, 'adversary', []).roles.adversary).toEqual([]);
  });
});
