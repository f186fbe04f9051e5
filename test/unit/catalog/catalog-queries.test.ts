import { parse } from 'yaml';
import { buildCatalog } from '../../../src/catalog/catalog';
import { catalogStats, controlsForThreat, searchCatalog, suggestThreats } from '../../../src/catalog/catalog-queries';
import { CatalogFileSchema } from '../../../src/catalog/catalog-schema';
import { CONTROLS_YAML, THREATS_YAML, TYPES_YAML } from '../../support/catalog-fixtures';

function fixtureCatalog() {
  const sources = [TYPES_YAML, THREATS_YAML, CONTROLS_YAML].map((text, i) => ({
    file: `f${i}.yaml`,
    content: CatalogFileSchema.parse(parse(text)),
  }));
  const { catalog, problems } = buildCatalog(sources);
  expect(problems).toEqual([]);
  return catalog;
}

describe('catalog queries', () => {
  const catalog = fixtureCatalog();

  describe('suggesting threats for components', () => {
    it('suggests threats of a component type and of the generic types it implements, ranked', () => {
      const suggestions = suggestThreats(catalog, [
        { id: 'C-1', type: 'aws-s3' },
        { id: 'C-2', type: 'web-api' },
      ]);
      expect(suggestions.map((s) => [s.threat.id, s.score, s.componentIds])).toEqual([
        ['thr-sql-injection', 8, ['C-2']], // critical (4) x exact type (2)
        ['thr-public-bucket', 6, ['C-1']], // high (3) x exact type (2)
        ['thr-object-overwrite', 2, ['C-1']], // medium (2) x inherited from object-store (1)
      ]);
    });

    it('ranks a threat fitting several components above the same threat fitting one', () => {
      const one = suggestThreats(catalog, [{ id: 'C-1', type: 'object-store' }]);
      const two = suggestThreats(catalog, [
        { id: 'C-1', type: 'object-store' },
        { id: 'C-2', type: 'aws-s3' },
      ]);
      expect(one.find((s) => s.threat.id === 'thr-object-overwrite')?.score).toBe(4);
      expect(two.find((s) => s.threat.id === 'thr-object-overwrite')).toMatchObject({
        score: 6,
        componentIds: ['C-1', 'C-2'],
      });
    });

    it('leaves out threats already in the model, and honours a limit', () => {
      const components = [{ id: 'C-1', type: 'aws-s3' }];
      expect(
        suggestThreats(catalog, components, { exclude: new Set(['thr-public-bucket']) }).map((s) => s.threat.id),
      ).toEqual(['thr-object-overwrite']);
      expect(suggestThreats(catalog, components, { limit: 1 })).toHaveLength(1);
      expect(suggestThreats(catalog, [{ id: 'C-1', type: 'unknown-type' }])).toEqual([]);
    });
  });

  it('proposes the baseline controls linked to a threat', () => {
    expect(controlsForThreat(catalog, 'thr-public-bucket').map((c) => c.id)).toEqual(['ctl-block-public-access']);
    expect(controlsForThreat(catalog, 'thr-none')).toEqual([]);
  });

  describe('search', () => {
    it('finds threats and controls by words, title matches first, threats before controls on a tie', () => {
      const hits = searchCatalog(catalog, 'bucket');
      expect(hits.map((h) => [h.kind, h.entry.id])).toEqual([
        ['threat', 'thr-public-bucket'],
        ['control', 'ctl-block-public-access'],
      ]);
    });

    it('needs every word to match, and finds reference ids', () => {
      // "parameter" also matches "Parameterized" as a word prefix
      expect(searchCatalog(catalog, 'sql parameter').map((h) => h.entry.id)).toEqual([
        'thr-sql-injection',
        'ctl-parameterized-queries',
      ]);
      expect(searchCatalog(catalog, 'sql injection').map((h) => h.entry.id)).toEqual(['thr-sql-injection']);
      expect(searchCatalog(catalog, 'CWE-89').map((h) => h.entry.id)).toEqual(['thr-sql-injection']);
      expect(searchCatalog(catalog, 'S3.8').map((h) => h.entry.id)).toEqual(['ctl-block-public-access']);
      expect(searchCatalog(catalog, 'bucket sql')).toEqual([]);
      expect(searchCatalog(catalog, '  ')).toEqual([]);
    });
  });

  it('counts entries and gaps', () => {
    expect(catalogStats(catalog)).toEqual({
      threats: 3,
      controls: 3,
      componentTypes: 3,
      threatsWithoutControls: 0,
      controlsWithoutThreats: 0,
      threatsPerStride: { S: 0, T: 2, R: 0, I: 2, D: 0, E: 1 },
    });
  });
});
