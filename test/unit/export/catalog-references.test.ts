import { loadCatalog } from '../../../src/catalog/load-catalog';
import { catalogReferences } from '../../../src/catalog/model-references';
import { EXPORT_FILES, exportFiles } from '../../../src/export/export-files';
import { markdownReport } from '../../../src/export/markdown-report';
import { toThreatComposer } from '../../../src/export/threat-composer';
import { THREAT_COMPOSER_LIMITS as L, ThreatComposerExportSchema } from '../../../src/export/threat-composer-schema';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { buildMitigation, buildModelWith, buildThreat, defaultFlow } from '../../support/build-model';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);
const flow = defaultFlow();
const fromCatalog = (catalogThreatId: string) => ({ origin: { type: 'catalog' as const, catalogThreatId } });

/** T-1 from the catalog, T-2 written by the team, T-3 from a catalog entry since removed; M-1 a baseline control. */
const model = buildModelWith(
  [
    buildThreat('T-1', fromCatalog('thr-sql-injection')),
    buildThreat('T-2'),
    buildThreat('T-3', fromCatalog('thr-gone')),
  ],
  [
    buildMitigation('M-1', ['T-1'], { baselineControlId: 'ctl-parameterized-queries' }),
    buildMitigation('M-2', ['T-2']),
  ],
);
const references = catalogReferences(catalog, model);

describe("a model's references come from its catalog entries", () => {
  it('looks up threats by their catalog origin and mitigations by their baseline control', () => {
    expect(references.get('T-1')).toMatchObject({ cwe: ['CWE-89', 'CWE-943'], owaspTop10: ['A03:2021'] });
    expect(references.get('M-1')).toMatchObject({ asvs: ['v5.0.0-1.2.4'] });
    expect([...references.keys()]).toEqual(['T-1', 'M-1']);
  });
});

describe('compliance references in the Markdown report', () => {
  const report = markdownReport({ model, flow, references });
  const threatLine = (id: string) =>
    report
      .split('\n- ')
      .find((item) => item.startsWith(`**${id}**`))
      ?.split('\n\n')[0] ?? '';

  it("lists a catalog threat's public ids on its line", () => {
    // The report's raw Markdown: md() escapes ':' so GFM shows 'A03:2021' and links nothing.
    expect(threatLine('T-1')).toContain(
      'From the catalog: `thr-sql-injection` · References: CWE-89 · CWE-943 · CAPEC-66 · CAPEC-676 · A03\\:2021',
    );
    expect(threatLine('T-2')).not.toContain('References');
    expect(threatLine('T-3')).not.toContain('References');
  });

  it("lists a baseline mitigation's control ids in its row", () => {
    const row = report.split('\n').find((line) => line.startsWith('| M-1 |')) ?? '';
    expect(row).toContain('(baseline `ctl-parameterized-queries`: CWE-89 · CWE-943 · ASVS v5.0.0-1.2.4)');
  });
});

describe('compliance references in the Threat Composer file', () => {
  const file = toThreatComposer(model, flow, { references });
  const [t1, t2] = file.threats;
  const m1 = file.mitigations[0];

  it('keeps them as custom metadata, one list per kind, and the CWE and Top 10 ids as tags', () => {
    expect(t1?.metadata).toEqual(
      expect.arrayContaining([
        { key: 'custom:cwe', value: ['CWE-89', 'CWE-943'] },
        { key: 'custom:capec', value: ['CAPEC-66', 'CAPEC-676'] },
        { key: 'custom:owaspTop10', value: ['A03:2021'] },
      ]),
    );
    expect(t1?.tags).toEqual(expect.arrayContaining(['A03:2021', 'CWE-89', 'CWE-943']));
    expect(m1?.metadata).toEqual(
      expect.arrayContaining([
        { key: 'custom:cwe', value: ['CWE-89', 'CWE-943'] },
        { key: 'custom:asvs', value: ['v5.0.0-1.2.4'] },
      ]),
    );
    expect(t2?.metadata?.some((item) => item.key === 'custom:cwe')).toBe(false);
  });

  it('stays within the importer schema: keys, values and tags within their limits', () => {
    expect(ThreatComposerExportSchema.safeParse(file).success).toBe(true);
    for (const entity of [...file.threats, ...file.mitigations]) {
      for (const tag of entity.tags ?? []) expect(tag.length).toBeLessThanOrEqual(L.tagMax);
      for (const item of entity.metadata ?? []) expect(item.key.length).toBeLessThanOrEqual(L.metadataKeyMax);
    }
  });
});

describe('the export files carry the references when given the catalog', () => {
  it('writes them into the report and the Threat Composer file', async () => {
    const files = await exportFiles(model, flow, { catalog });
    const content = (path: string) => String(files.find((f) => f.path === path)?.content ?? '');
    expect(content(EXPORT_FILES.report)).toContain('References: CWE-89 · CWE-943');
    expect(JSON.parse(content(EXPORT_FILES.threatComposer)).threats[0].metadata).toContainEqual({
      key: 'custom:owaspTop10',
      value: ['A03:2021'],
    });
  });
});
