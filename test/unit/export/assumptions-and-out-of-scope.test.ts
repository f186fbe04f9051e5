import { v5 as uuidv5 } from 'uuid';
import { strideCoverage } from '../../../src/domain/coverage';
import { removeMitigation } from '../../../src/domain/mitigation-edits';
import { type ThreatModel, ThreatModelSchema } from '../../../src/domain/model';
import { checkStep } from '../../../src/domain/step-engine';
import { dataFlowDiagramDot } from '../../../src/export/dfd-dot';
import { markdownReport } from '../../../src/export/markdown-report';
import { THREAT_COMPOSER_UUID_NAMESPACE, toThreatComposer } from '../../../src/export/threat-composer';
import { ThreatComposerExportSchema } from '../../../src/export/threat-composer-schema';
import { toThreatDragon } from '../../../src/export/threat-dragon';
import { buildMitigation, buildModelWith, buildThreat, defaultFlow } from '../../support/build-model';
import { asImported } from '../../support/threat-composer-import';

const flow = defaultFlow();
const uuid = (id: string) => uuidv5(`T0WORKSPC/TM-1/${id}`, THREAT_COMPOSER_UUID_NAMESPACE);

/** The scoped Refunds API with two threats, a mitigation, two assumptions and the queue set aside. */
function buildModel(): ThreatModel {
  const base = buildModelWith([buildThreat('T-1'), buildThreat('T-2')], [buildMitigation('M-1', ['T-1'])]);
  return ThreatModelSchema.parse({
    ...base,
    scope: {
      ...base.scope,
      components: base.scope.components.map((c) =>
        c.id === 'C-3' ? { ...c, outOfScopeReason: 'Run by the payouts team; <b>their</b> model TM-9' } : c,
      ),
      assumptions: [
        { id: 'A-1', description: 'The VPC has no internet gateway & no peering', threatIds: ['T-1', 'T-2'] },
        { id: 'A-2', description: 'Keys rotate every 90 days', mitigationIds: ['M-1'] },
      ],
    },
    counters: { ...base.counters, assumption: 2 },
  });
}

describe('assumptions', () => {
  it('export to Threat Composer as assumptions with one typed link per threat and mitigation', () => {
    const file = toThreatComposer(buildModel(), flow);
    expect(file.assumptions).toEqual([
      expect.objectContaining({
        id: uuid('A-1'),
        numericId: 1,
        content: 'The VPC has no internet gateway ＆ no peering',
      }),
      expect.objectContaining({ id: uuid('A-2'), numericId: 2, content: 'Keys rotate every 90 days' }),
    ]);
    expect(file.assumptionLinks).toEqual([
      { type: 'Threat', assumptionId: uuid('A-1'), linkedId: uuid('T-1') },
      { type: 'Threat', assumptionId: uuid('A-1'), linkedId: uuid('T-2') },
      { type: 'Mitigation', assumptionId: uuid('A-2'), linkedId: uuid('M-1') },
    ]);
    // Valid as written and as Threat Composer's importer sees it after sanitising.
    expect(ThreatComposerExportSchema.safeParse(file).success).toBe(true);
    expect(asImported(file)).toEqual(file);
  });

  it('lose the link, not themselves, when a linked mitigation goes', () => {
    const next = removeMitigation(buildModel(), 'M-1');
    expect(next?.scope.assumptions[1]).toEqual({
      id: 'A-2',
      description: 'Keys rotate every 90 days',
      threatIds: [],
      mitigationIds: [],
    });
    expect(ThreatModelSchema.safeParse(next).success).toBe(true);
  });

  it('may not link to a threat the model does not have', () => {
    const model = buildModel();
    const broken = {
      ...model,
      scope: { ...model.scope, assumptions: [{ ...model.scope.assumptions[0], threatIds: ['T-9'] }] },
    };
    expect(ThreatModelSchema.safeParse(broken).error?.issues[0]?.message).toBe(
      'refers to threat T-9, which does not exist',
    );
  });

  it('are listed in the Markdown report with their links, escaped', () => {
    const report = markdownReport({ model: buildModel(), flow });
    expect(report).toContain('## Assumptions (2)');
    expect(report).toContain('| A-1 | The VPC has no internet gateway &amp; no peering | T-1, T-2 |   |');
    expect(report).toContain('| A-2 | Keys rotate every 90 days |   | M-1 |');
  });
});

describe('out of scope', () => {
  it('leaves the element out of STRIDE coverage', () => {
    const ids = strideCoverage(buildModel()).elements.map((e) => e.elementId);
    expect(ids).toContain('C-2');
    expect(ids).not.toContain('C-3');
  });

  it('does not count for the step rules', () => {
    const model = buildModel();
    const twoOut = {
      ...model,
      scope: { ...model.scope, components: model.scope.components.map((c) => ({ ...c, outOfScopeReason: 'later' })) },
    };
    expect(checkStep(flow, model, 'scope').complete).toBe(true);
    expect(checkStep(flow, twoOut, 'scope').missing.map((m) => m.message)).toContain(
      'Add at least 2 components (0 so far).',
    );
  });

  it('exports to Threat Dragon as outOfScope with the reason, drawn grey and dashed', () => {
    const cells = toThreatDragon(buildModel(), flow).detail.diagrams[0]?.cells ?? [];
    const data = (name: string) => cells.find((cell) => (cell.data as { name?: string }).name === name);
    expect(data('Payout queue')?.data).toMatchObject({
      outOfScope: true,
      reasonOutOfScope: 'Run by the payouts team; <b>their</b> model TM-9',
    });
    expect(JSON.stringify(data('Payout queue')?.attrs)).toContain('"strokeDasharray":"4 3"');
    expect(data('Payments DB')?.data).toMatchObject({ outOfScope: false, reasonOutOfScope: '' });
  });

  it('is said beside the element in the Threat Composer descriptions, which have no flag for it', () => {
    const file = toThreatComposer(buildModel(), flow);
    expect(file.applicationInfo.description).toMatch(
      /\*\*Payout queue\*\* \(.*\) _\(out of scope: Run by the payouts team; .*their.* model TM-9\)_/,
    );
    expect(ThreatComposerExportSchema.safeParse(file).success).toBe(true);
    expect(asImported(file)).toEqual(file);
  });

  it('stays in the data-flow diagram, dashed and marked', () => {
    const dot = dataFlowDiagramDot(buildModel());
    const line = dot.split('\n').find((l) => l.includes('"C-3" ['));
    expect(line).toContain('style="filled,dashed"');
    expect(line).toContain('out of scope');
  });

  it('is listed in the Markdown report with its reason, escaped', () => {
    const report = markdownReport({ model: buildModel(), flow });
    expect(report).toContain('### Out of scope');
    expect(report).toMatch(/- C-3 Payout queue: Run by the payouts team; .*their.* model TM-9/);
    expect(report).not.toContain('<b>');
  });
});
