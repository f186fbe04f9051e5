import { blockKitProblems } from '../../../dev/stand-in/block-kit-rules';
import { controlsForThreat, suggestThreats } from '../../../src/catalog/catalog-queries';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { OWASP_TOP10_2021 } from '../../../src/catalog/owasp-top10';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { baselineControlsModal } from '../../../src/slack/views/baseline-controls-modal';
import { catalogSuggestionsModal } from '../../../src/slack/views/catalog-suggestions-modal';
import { buildModelReadyForThreats, buildThreat } from '../../support/build-model';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);
const model = buildModelReadyForThreats();
const components = [
  { id: 'C-1', type: 'web-api' },
  { id: 'C-2', type: 'relational-db' },
  { id: 'C-3', type: 'aws-s3' },
];

interface Option {
  value: string;
  text: { text: string };
  description?: { text: string };
}
interface Block {
  type: string;
  label?: { text: string };
  element?: { type?: string; options?: Option[] };
  elements?: { text?: string }[];
}

const blocksOf = (view: { blocks: unknown }) => view.blocks as Block[];
const checkboxGroups = (view: { blocks: unknown }) =>
  blocksOf(view).filter((block) => block.element?.type === 'checkboxes');
const contextTexts = (view: { blocks: unknown }) =>
  blocksOf(view)
    .filter((block) => block.type === 'context')
    .flatMap((block) => (block.elements ?? []).map((element) => element.text ?? ''));

describe('compliance references where people decide', () => {
  describe('the suggestions modal', () => {
    it("shows each threat's CWE, CAPEC and OWASP Top 10 ids beside its STRIDE letters, within Slack's 75 characters", () => {
      const suggestions = suggestThreats(catalog, components);
      const view = catalogSuggestionsModal(model, suggestions, { modelId: model.id, page: 1, picked: [] });

      const options = checkboxGroups(view).flatMap((group) => group.element?.options ?? []);
      const sqlInjection = options.find((option) => option.value === 'thr-sql-injection');
      // One id of each kind, the rest counted: the modal is for deciding, the export has them all.
      expect(sqlInjection?.description?.text).toBe('TIE · critical · CWE-89 · CAPEC-66 · A03:2021 +2 · fits C-1');
      for (const option of options) expect(option.description?.text.length ?? 0).toBeLessThanOrEqual(75);
      expect(blockKitProblems('modal', view)).toEqual([]);
    });
  });

  describe('the baseline controls modal', () => {
    it("shows each control's references on a context line under it", () => {
      const threat = buildThreat('T-1', { origin: { type: 'catalog', catalogThreatId: 'thr-sql-injection' } });
      const view = baselineControlsModal(model, threat, controlsForThreat(catalog, 'thr-sql-injection'));

      expect(contextTexts(view)).toContain('CWE-89 · CWE-943 · ASVS v5.0.0-1.2.4');
      expect(blockKitProblems('modal', view)).toEqual([]);
    });
  });
});

describe('browsing catalog threats by OWASP Top 10 2021', () => {
  const suggestions = suggestThreats(catalog, components, { order: 'owaspTop10' });
  const view = catalogSuggestionsModal(model, suggestions, {
    modelId: model.id,
    page: 1,
    picked: [],
    order: 'owaspTop10',
  });

  it('groups the fitting threats under their category, A01 first, each group only threats of its category', () => {
    const groups = checkboxGroups(view);
    expect(groups[0]?.label?.text).toBe('A01:2021 Broken Access Control');
    const categoryOfLabel = (label: string) => label.slice(0, 8);
    const order = groups.map((group) => categoryOfLabel(group.label?.text ?? ''));
    expect(order).toEqual([...order].sort());
    for (const group of groups) {
      const category = categoryOfLabel(group.label?.text ?? '');
      for (const option of group.element?.options ?? []) {
        expect(catalog.threats.get(option.value)?.references.owaspTop10?.[0]).toBe(category);
      }
    }
    expect(blockKitProblems('modal', view)).toEqual([]);
  });

  it('names the categories the catalog has nothing more for, so the team still thinks about them', () => {
    const queueOnly = suggestThreats(catalog, [{ id: 'C-1', type: 'aws-sqs' }], { order: 'owaspTop10' });
    const shown = new Set(queueOnly.map((s) => s.threat.references.owaspTop10?.[0]));
    const missing = Object.entries(OWASP_TOP10_2021).filter(([id]) => !shown.has(id));
    expect(missing.length).toBeGreaterThan(0);
    const metadata = { modelId: model.id, page: 1, picked: [], order: 'owaspTop10' as const };
    const note = contextTexts(catalogSuggestionsModal(model, queueOnly, metadata)).find((text) =>
      text.startsWith('Nothing more in the catalog for'),
    );
    for (const [id, name] of missing) expect(note).toContain(`${id} ${name}`);
    expect(contextTexts(view).some((text) => text.startsWith('Nothing more'))).toBe(false);
  });

  it('leaves out threats without a Top 10 category, and says the modal is the Top 10 list', () => {
    expect(suggestions.every((s) => (s.threat.references.owaspTop10 ?? []).length > 0)).toBe(true);
    expect(view.title).toMatchObject({ type: 'plain_text', text: 'OWASP Top 10' });
  });
});
