import { catalogProposalFile } from '../../../src/catalog/catalog-proposal';
import { CatalogFileSchema } from '../../../src/catalog/catalog-schema';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { proposalProblems, proposalYaml } from '../../../src/catalog/proposal-yaml';
import { parseDataFile } from '../../../src/data-files/read-data-file';
import { catalogEntryId } from '../../../src/domain/catalog-proposals';
import type { ThreatModel } from '../../../src/domain/model';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { buildMitigation, buildModelWith, buildThreat, defaultFlow } from '../../support/build-model';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);
const context = () => ({ catalog, matrix: defaultFlow().risk });
const propose = (model: ThreatModel, itemId: string) => catalogProposalFile(model, itemId, context());

describe('proposing a model item for the catalog', () => {
  describe('catalog ids', () => {
    it('are made of the model and item ids only: safe as file names and git refs', () => {
      expect(catalogEntryId('TM-12', 'T-3')).toBe('thr-tm12-t3');
      expect(catalogEntryId('TM-12', 'M-20')).toBe('ctl-tm12-m20');
      expect(() => catalogEntryId('TM-1', '../T-1')).toThrow(RangeError);
    });
  });

  describe('a threat', () => {
    it('keeps its grammar and STRIDE, applies where its components are, and links the controls of its mitigations', () => {
      const model = buildModelWith(
        [buildThreat('T-1', { affectedElementIds: ['EP-1', 'DF-2'], risk: { before: { likelihood: 5, impact: 5 } } })],
        [
          buildMitigation('M-1', ['T-1'], { baselineControlId: 'ctl-parameterized-queries' }),
          buildMitigation('M-2', ['T-1'], { description: 'Idempotency keys on refunds' }),
          buildMitigation('M-3', ['T-1'], { status: 'not_applicable' }),
        ],
      );
      const outcome = propose(model, 'T-1');
      expect(outcome).toEqual({
        ok: true,
        proposal: {
          catalogId: 'thr-tm1-t1',
          itemId: 'T-1',
          content: {
            threats: [
              {
                id: 'thr-tm1-t1',
                title: 'Replay a refund request',
                threatSource: 'internet-based threat actor',
                prerequisites: 'with a stolen customer session',
                threatAction: 'replay a refund request',
                threatImpact: 'refunds paid twice',
                impactedGoals: ['integrity'],
                impactedAssets: ['Refund records'],
                stride: ['T'],
                // EP-1 is on C-1 (aws-lambda); DF-2 runs from C-1 to C-2 (aws-rds).
                appliesTo: ['aws-lambda', 'aws-rds'],
                controls: ['ctl-parameterized-queries', 'ctl-tm1-m2'],
                severity: 'critical',
                references: {},
              },
            ],
            controls: [
              {
                id: 'ctl-tm1-m2',
                title: 'Idempotency keys on refunds',
                description: 'Idempotency keys on refunds',
                stride: ['T'],
                appliesTo: ['aws-lambda', 'aws-rds'],
                mitigates: [],
                references: {},
              },
            ],
          },
        },
      });
    });

    it('a catalog threat keeps its references and severity; goals come from STRIDE when it names none', () => {
      const model = buildModelWith(
        [
          buildThreat('T-1', {
            origin: { type: 'catalog', catalogThreatId: 'thr-sql-injection' },
            impactedGoals: [],
            stride: ['I', 'T'],
            affectedElementIds: ['C-2'],
          }),
        ],
        [],
      );
      const outcome = propose(model, 'T-1');
      if (!outcome.ok) throw new Error(outcome.message);
      const [entry] = outcome.proposal.content.threats ?? [];
      const origin = catalog.threats.get('thr-sql-injection');
      expect(entry).toMatchObject({
        impactedGoals: ['integrity', 'confidentiality'],
        stride: ['T', 'I'],
        severity: origin?.severity,
        references: origin?.references,
        controls: catalog.controlsByThreat.get('thr-sql-injection'),
      });
    });

    it.each([
      ['has no STRIDE category', { stride: [] }, 'Give T-1 at least one STRIDE category first'],
      ['is only on an actor', { affectedElementIds: ['AC-1'] }, 'T-1 is on no component with a catalog type'],
    ])('is refused when it %s', (_, overrides, message) => {
      const model = buildModelWith([buildThreat('T-1', overrides)], [buildMitigation('M-1', ['T-1'])]);
      expect(propose(model, 'T-1')).toEqual({ ok: false, message: expect.stringContaining(message) });
    });

    it('is refused without any mitigation: the catalog links every threat to a control', () => {
      const model = buildModelWith([buildThreat('T-1')], []);
      expect(propose(model, 'T-1')).toEqual({ ok: false, message: expect.stringContaining('has no mitigation yet') });
    });

    it('is refused once the catalog holds its entry', () => {
      const merged = { ...catalog, sources: new Map([...catalog.sources, ['thr-tm1-t1', 'proposed/thr-tm1-t1.yaml']]) };
      const model = buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]);
      expect(catalogProposalFile(model, 'T-1', { ...context(), catalog: merged })).toEqual({
        ok: false,
        message: 'T-1 is already in the catalog as thr-tm1-t1.',
      });
    });

    it('links a mitigation proposed earlier and merged into the catalog since, instead of proposing it again', () => {
      const model = buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]);
      const control = propose(model, 'M-1');
      if (!control.ok) throw new Error(control.message);
      const [entry] = control.proposal.content.controls ?? [];
      if (!entry) throw new Error('no control');
      const merged = {
        ...catalog,
        controls: new Map([...catalog.controls, [entry.id, entry]]),
        sources: new Map([...catalog.sources, [entry.id, 'proposed/ctl-tm1-m1.yaml']]),
      };
      const outcome = catalogProposalFile(model, 'T-1', { ...context(), catalog: merged });
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.proposal.content).toEqual({ threats: [expect.objectContaining({ controls: ['ctl-tm1-m1'] })] });
      const yaml = proposalYaml(outcome.proposal, model.id);
      expect(proposalProblems(merged, outcome.proposal, yaml)).toEqual([]);
    });

    it('a long action makes a title cut at a word, within the catalog limit', () => {
      const action = `${'tamper with the refund ledger '.repeat(6)}quietly`.trim();
      const model = buildModelWith([buildThreat('T-1', { threatAction: action })], [buildMitigation('M-1', ['T-1'])]);
      const outcome = propose(model, 'T-1');
      if (!outcome.ok) throw new Error(outcome.message);
      const title = outcome.proposal.content.threats?.[0]?.title ?? '';
      expect(title.length).toBeLessThanOrEqual(75);
      // Cut after a whole word, never inside one.
      expect(title).toBe('Tamper with the refund ledger tamper with the refund ledger tamper with…');
    });
  });

  describe('a mitigation', () => {
    it('becomes a control for where its threats are, against the catalog threats among them, with its web links', () => {
      const model = buildModelWith(
        [
          buildThreat('T-1', { stride: ['T'], affectedElementIds: ['C-3'] }),
          buildThreat('T-2', {
            stride: ['I'],
            affectedElementIds: ['C-2'],
            origin: { type: 'catalog', catalogThreatId: 'thr-sql-injection' },
          }),
        ],
        [
          buildMitigation('M-1', ['T-1', 'T-2'], {
            description: 'Validate every refund message\nand reject unknown fields',
            references: ['https://github.example/acme/payments/blob/main/src/refunds.ts', 'src/refunds.ts#L10-L20'],
          }),
        ],
      );
      expect(propose(model, 'M-1')).toEqual({
        ok: true,
        proposal: {
          catalogId: 'ctl-tm1-m1',
          itemId: 'M-1',
          content: {
            controls: [
              {
                id: 'ctl-tm1-m1',
                title: 'Validate every refund message',
                description: 'Validate every refund message\nand reject unknown fields',
                stride: ['T', 'I'],
                appliesTo: ['aws-rds', 'aws-sqs'],
                mitigates: ['thr-sql-injection'],
                references: { links: ['https://github.example/acme/payments/blob/main/src/refunds.ts'] },
              },
            ],
          },
        },
      });
    });

    it('is refused when its threats have no STRIDE category', () => {
      const model = buildModelWith([buildThreat('T-1', { stride: [] })], [buildMitigation('M-1', ['T-1'])]);
      expect(propose(model, 'M-1')).toEqual({ ok: false, message: expect.stringContaining('no STRIDE category') });
    });
  });

  describe('the YAML file', () => {
    const hostile = [
      'x: y # not a comment --- ... *alias &anchor !!python/object \'"` | > {a: [b]} %TAG',
      '../../.git/hooks/pre-commit <@U0ALICE01> <!channel> <https://evil.example|click>',
      '- key: value\n? complex\n---\nthreats: []',
    ];

    it('holds hostile text exactly as data, reads back as written, and passes what catalog lint checks', () => {
      const model = buildModelWith(
        [
          buildThreat('T-1', {
            threatSource: hostile[0] ?? '',
            threatAction: hostile[1] ?? '',
            threatImpact: '@here null true 0x10 1e3 ~',
            impactedGoals: ['yes', 'no'],
          }),
        ],
        [buildMitigation('M-1', ['T-1'], { description: hostile[2] ?? '' })],
      );
      for (const item of ['T-1', 'M-1']) {
        const outcome = propose(model, item);
        if (!outcome.ok) throw new Error(outcome.message);
        const yaml = proposalYaml(outcome.proposal, model.id);
        expect(proposalProblems(catalog, outcome.proposal, yaml)).toEqual([]);
        const read = parseDataFile('proposal.yaml', yaml, CatalogFileSchema);
        expect(read).toEqual({ ok: true, value: outcome.proposal.content });
      }
      const threat = model.threats[0];
      const outcome = propose(model, 'T-1');
      if (!outcome.ok) throw new Error(outcome.message);
      const read = parseDataFile('t.yaml', proposalYaml(outcome.proposal, model.id), CatalogFileSchema);
      expect(read.ok && read.value.threats?.[0]).toMatchObject({
        threatSource: threat?.threatSource,
        threatAction: threat?.threatAction,
        threatImpact: '@here null true 0x10 1e3 ~',
        impactedGoals: ['yes', 'no'],
      });
      expect(read.ok && read.value.controls?.[0]?.description).toBe(model.mitigations[0]?.description);
    });
  });
});
