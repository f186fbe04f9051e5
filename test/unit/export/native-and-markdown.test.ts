import { ThreatModelSchema } from '../../../src/domain/model';
import { markdownReport } from '../../../src/export/markdown-report';
import { fromNativeJson, toNativeJson } from '../../../src/export/native-json';
import { exportBranch, modelSlug, safeFolder } from '../../../src/export/slug';
import { toThreatComposer } from '../../../src/export/threat-composer';
import { toThreatDragon } from '../../../src/export/threat-dragon';
import { ALICE, BOB, CAROL, defaultFlow } from '../../support/build-model';
import { hiddenCharactersIn } from '../../support/hidden-characters';
import { buildApprovedModel, REVIEWER } from '../../support/realistic-model';

const flow = defaultFlow();

describe('native JSON export', () => {
  it('imports back to an identical model', () => {
    const model = buildApprovedModel();
    const imported = fromNativeJson(toNativeJson(model));
    expect(imported).toEqual({ ok: true, model });
  });

  it('is the same text for the same model', () => {
    expect(toNativeJson(buildApprovedModel())).toBe(toNativeJson(buildApprovedModel()));
  });

  it('names what is wrong with a file it cannot import, by path', () => {
    const broken = JSON.parse(toNativeJson(buildApprovedModel()));
    broken.model.mitigations[0].threatIds = ['T-99'];
    const result = fromNativeJson(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(/^model\.mitigations\.0\.threatIds/m);
    expect(fromNativeJson('{"format":"other"}')).toMatchObject({ ok: false });
    expect(fromNativeJson('not json')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^not JSON/)] });
    const future = { format: 'threadmodel', formatVersion: 1, model: { schemaVersion: 2 } };
    expect(fromNativeJson(JSON.stringify(future))).toEqual({
      ok: false,
      problems: ['model.schemaVersion is 2; this Threadmodel reads 1'],
    });
  });
});

describe('a model file from the repository with hidden characters (edited by hand, or by another tool)', () => {
  /** The exported file of the realistic model, with a bidi override, a NUL and a BOM typed into it. */
  function dirtyFile(designLinkUrl?: string) {
    const file = JSON.parse(toNativeJson(buildApprovedModel()));
    file.model.title = '\uFEFFRefunds \u202Edevorppa\u202C\u0000';
    file.model.scope.assets[0].name = 'Card\u2067 token\u0000';
    file.model.scope.description = 'One\u0000 line\r\nand \u202Eanother\u2028and a third';
    file.model.threats[0].threatAction = 'replay\u200B a refund\u0007 request';
    if (designLinkUrl) {
      file.model.scope.designLinks = [{ id: 'DL-1', title: 'Design', url: designLinkUrl }];
      file.model.counters.designLink = 1;
    }
    return JSON.stringify(file);
  }

  it('is read back cleaned, as the Slack edge would have stored it', () => {
    const imported = fromNativeJson(dirtyFile());
    if (!imported.ok) throw new Error(imported.problems.join('\n'));
    expect(imported.model.title).toBe('Refunds devorppa');
    expect(imported.model.scope.assets[0]?.name).toBe('Card token');
    expect(imported.model.scope.description).toBe('One line\nand another\nand a third');
    expect(imported.model.threats[0]?.threatAction).toBe('replay a refund request');
    expect(hiddenCharactersIn(imported.model)).toEqual([]);
  });

  it('gives exports without them: native JSON, the Markdown report, Threat Composer and Threat Dragon', () => {
    const imported = fromNativeJson(dirtyFile());
    if (!imported.ok) throw new Error(imported.problems.join('\n'));
    const { model } = imported;
    expect(
      hiddenCharactersIn({
        native: toNativeJson(model),
        report: markdownReport({ model, flow }),
        composer: toThreatComposer(model, flow),
        dragon: toThreatDragon(model, flow),
      }),
    ).toEqual([]);
    expect(markdownReport({ model, flow }).split('\n')[0]).toBe('# TM-1: Refunds devorppa');
  });

  it('refuses a link with a hidden character rather than silently pointing it elsewhere', () => {
    const result = fromNativeJson(dirtyFile('https://example.com/\u202Efdp.exe'));
    expect(result).toEqual({
      ok: false,
      problems: ['model.scope.designLinks.0.url: must not contain spaces or invisible characters'],
    });
  });
});

describe('folder names and branches', () => {
  it.each([
    ['Refunds API', 'tm-7-refunds-api'],
    ['../../etc/passwd', 'tm-7-etc-passwd'],
    ['Zahlungsströme für Kunden', 'tm-7-zahlungsstrome-fur-kunden'],
    ['refs/heads/main.lock', 'tm-7-refs-heads-main-lock'],
    ['🧵🧵🧵', 'tm-7'],
    ['a'.repeat(200), `tm-7-${'a'.repeat(55)}`],
    ['-- leading and trailing --', 'tm-7-leading-and-trailing'],
  ])('%j becomes %j', (title, slug) => {
    expect(modelSlug('TM-7', title)).toBe(slug);
    expect(modelSlug('TM-7', title)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('branches are threadmodel/<id>, and nothing else is accepted', () => {
    expect(exportBranch('TM-12')).toBe('threadmodel/TM-12');
    expect(() => exportBranch('TM-1/../x' as never)).toThrow();
    expect(exportBranch('TM-12', 't0acme001')).toBe('threadmodel/t0acme001/TM-12');
    expect(() => exportBranch('TM-12', '../x')).toThrow('not a workspace space');
  });

  it('export folders must be relative and stay inside the repository', () => {
    expect(safeFolder('threat-models')).toBe('threat-models');
    expect(safeFolder('/docs/threat-models/')).toBe('docs/threat-models');
    expect(safeFolder('../outside')).toBeUndefined();
    expect(safeFolder('a/./b')).toBeUndefined();
    expect(safeFolder('a b')).toBeUndefined();
    expect(safeFolder('')).toBeUndefined();
  });
});

describe('the Markdown report', () => {
  const names = { [ALICE]: 'Alice Martin', [BOB]: 'Bob Smith', [CAROL]: 'Carol Tanaka', [REVIEWER]: 'Sam Secure' };

  it('reads as the realistic model it reports', () => {
    const report = markdownReport({
      model: buildApprovedModel(),
      flow,
      names,
      images: { dataFlowDiagram: 'data-flow.svg', riskMatrix: 'risk-matrix.svg' },
      audit: {
        total: 42,
        recent: [
          { actor: REVIEWER, action: 'review.approve', at: '2026-11-25T10:00:00.000Z' },
          { actor: 'system', action: 'review.assigned', at: '2026-11-25T09:00:00.000Z' },
        ],
      },
    });
    expect(report).toMatchSnapshot();
  });

  it('shows the approval with its comment and the follow-up actions AppSec asked for', () => {
    const report = markdownReport({ model: buildApprovedModel(), flow, names });
    expect(report).toContain('**Approval:** Approved by Sam Secure on ');
    expect(report).toContain(': Good model; pen-test the refund flow.');
    expect(report).toContain(
      '**Follow-up actions AppSec asked for:**\n\n- Pen-test the refund flow before launch\n- Review the payout rate limits next release',
    );
    const inReview = ThreatModelSchema.parse({ ...buildApprovedModel(), status: 'in_review' });
    expect(markdownReport({ model: inReview, flow, names })).not.toContain('Follow-up actions');
  });

  it('keeps hostile text inert: no headings, links, images, table cells or HTML from user text', () => {
    const model = buildApprovedModel();
    const hostile = '# Heading | cell ![img](http://x) [link](http://x) <script>alert(1)</script>\n## two';
    const report = markdownReport({
      model: ThreatModelSchema.parse({
        ...model,
        title: hostile.slice(0, 120),
        scope: { ...model.scope, assets: model.scope.assets.map((a) => ({ ...a, name: hostile.slice(0, 75) })) },
      }),
      flow,
    });
    expect(report).not.toContain('<script>');
    expect(report).not.toMatch(/^## two/m);
    expect(report).not.toContain('![img]');
    expect(report).not.toContain('[link](');
    expect(report.split('\n')[0]).toMatch(/^# TM-1: \\# Heading \\\| cell/);
    for (const line of report.split('\n').filter((l) => l.startsWith('| AS-'))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(6); // 4 columns: nothing added a cell
    }
  });

  it('shows residual risk as what counts, planned mitigations as planned, and a pending acceptance as open', () => {
    const model = buildApprovedModel();
    const at = model.createdAt;
    const report = markdownReport({
      model: ThreatModelSchema.parse({
        ...model,
        status: 'draft',
        threats: model.threats.map((threat) =>
          threat.id === 'T-2'
            ? {
                ...threat,
                risk: {
                  ...threat.risk,
                  decision: {
                    type: 'accept',
                    reason: 'Tokens are useless outside our PSP',
                    decidedBy: CAROL,
                    decidedAt: at,
                    acceptance: { status: 'pending', awaiting: 'business' },
                  },
                },
              }
            : threat,
        ),
      }),
      flow,
      names,
    });
    expect(report).toContain('Residual risk: 15 high, not adequately treated (acceptance pending)');
    expect(report).toContain('Residual risk: 3 low (inherent 9 medium), mitigations planned, not in place yet');
    expect(report).toContain('| T-2 | accept | 15 high | Carol Tanaka | _waiting for the Business role holder_ |');
    expect(report).toContain('- **T-2**: not adequately treated (high, acceptance pending)');
    expect(report).toContain('- **M-2**: planned, not in place yet (addresses T-3)');
    expect(report).not.toMatch(/T-3[^\n]*· Residual risk[^\n]*, mitigated/);
  });
});
