import { strideCoverage } from '../../../src/domain/coverage';
import { buildModelWith, buildScopedModel, buildThreat } from '../../support/build-model';

describe('STRIDE coverage', () => {
  it('applies STRIDE-per-element to every actor, component and data flow', () => {
    const coverage = strideCoverage(buildScopedModel());
    expect(coverage.elements.map((e) => [e.elementId, e.kind, e.applicable.join('')])).toEqual([
      ['AC-1', 'external_entity', 'SR'],
      ['C-1', 'process', 'STRIDE'],
      ['C-2', 'data_store', 'TRID'],
      ['C-3', 'data_store', 'TRID'],
      ['DF-1', 'data_flow', 'TID'],
      ['DF-2', 'data_flow', 'TID'],
    ]);
    expect(coverage.elements.every((e) => e.missing.length === e.applicable.length)).toBe(true);
    expect(coverage).toMatchObject({ applicablePairs: 2 + 6 + 4 + 4 + 3 + 3, coveredPairs: 0 });
  });

  it('counts a threat for the categories it names, where they apply, on the elements it affects', () => {
    const model = buildModelWith([
      buildThreat('T-1', { stride: ['S', 'T'], affectedElementIds: ['EP-1'] }), // entry point of C-1
      buildThreat('T-2', { stride: ['I', 'E'], affectedElementIds: ['C-2', 'DF-2'] }), // E does not apply to either
    ]);
    const byId = new Map(strideCoverage(model).elements.map((e) => [e.elementId, e]));
    expect(byId.get('C-1')).toMatchObject({ covered: ['S', 'T'], missing: ['R', 'I', 'D', 'E'], threatIds: ['T-1'] });
    expect(byId.get('C-2')).toMatchObject({ covered: ['I'], missing: ['T', 'R', 'D'] });
    expect(byId.get('DF-2')).toMatchObject({
      covered: ['I'],
      missing: ['T', 'D'],
      name: 'refund record (Refunds API → Payments DB)',
    });
    expect(byId.get('AC-1')?.covered).toEqual([]);
    expect(strideCoverage(model).coveredPairs).toBe(4);
  });
});
