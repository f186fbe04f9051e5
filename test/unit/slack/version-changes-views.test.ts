import type { ModelDiff } from '../../../src/domain/model-diff';
import { changesSummary } from '../../../src/domain/model-diff';
import { changeItem, changesSection, pullRequestChanges } from '../../../src/export/report-versions';
import { changeLine, changeSections } from '../../../src/slack/views/version-changes';
import { buildModel } from '../../support/build-model';

const HOSTILE = '<!channel> *bold* <https://evil.example|click> # heading';

const diff: ModelDiff = {
  from: 1,
  to: 2,
  changes: [
    {
      section: 'threats',
      kind: 'changed',
      what: 'threat',
      id: 'T-1',
      label: HOSTILE,
      fields: [{ field: 'threat impact', before: 'refunds paid twice', after: HOSTILE }],
    },
    { section: 'mitigations', kind: 'removed', what: 'mitigation', id: 'M-2', label: 'Rate limit', fields: [] },
  ],
};

describe('the changes of a revision, as people read them', () => {
  it('in Slack: user text is escaped, so a label cannot mention the channel, link or format', () => {
    const line = changeLine(diff.changes[0] as ModelDiff['changes'][number]);
    expect(line).toMatch(/^• \*Changed\* threat \*T-1\* _/);
    expect(line).not.toContain('<!channel>');
    expect(line).not.toContain('<https://evil.example|click>');
    expect(line).toContain('threat impact “refunds paid twice” → “');
    expect(changesSummary(diff)).toBe(
      '2 changes since v1: 0 added, 1 removed, 1 changed; steps touched: threats, mitigations.',
    );
  });

  it('in Slack: a long diff is cut into sections within Block Kit limits, saying how many more there are', () => {
    const many: ModelDiff = {
      from: 1,
      to: 2,
      changes: Array.from({ length: 400 }, (_, i) => ({
        section: 'threats' as const,
        kind: 'added' as const,
        what: 'threat',
        id: `T-${i + 1}`,
        label: 'x'.repeat(150),
        fields: [],
      })),
    };
    const blocks = changeSections(many, 5);
    expect(blocks).toHaveLength(5);
    for (const block of blocks) expect(JSON.stringify(block).length).toBeLessThan(3200);
    const listed = blocks
      .slice(0, 4)
      .reduce((sum, block) => sum + (JSON.stringify(block).match(/• \*Added\*/g) ?? []).length, 0);
    expect(JSON.stringify(blocks.at(-1))).toContain(
      `…and ${400 - listed} more changes: the exported report lists them all.`,
    );
  });

  it('in the report and the pull request: Markdown is escaped, each field on its own line', () => {
    const item = changeItem(diff.changes[0] as ModelDiff['changes'][number]);
    expect(item.split('\n')).toHaveLength(2);
    expect(item).toContain('\\<\\!channel\\> \\*bold\\*');
    expect(item).not.toMatch(/(^|\n)#/);
    expect(item).toContain('  - threat impact: refunds paid twice → ');
    expect(changesSection(diff)).toMatch(
      /^## What changed since v1\n\n2 changes since v1: 0 added, 1 removed, 1 changed; steps touched: threats, mitigations\./,
    );
    const model = buildModel({
      revision: {
        number: 2,
        openedBy: 'U0ALICE01',
        openedAt: '2026-12-01T00:00:00.000Z',
        approved: [{ number: 1, modelVersion: 9, approvedBy: 'U0SEC0001', approvedAt: '2026-11-30T00:00:00.000Z' }],
      },
    });
    const body = pullRequestChanges(model, diff, 1);
    expect(body).toContain('This is v2 (revising approved v1) of the model.');
    expect(body).toContain('- **Changed** threat **T-1**');
    expect(body).not.toContain('M-2');
    expect(body).toContain('- …and 1 more (see the report)');
  });
});
