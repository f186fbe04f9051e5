import { blockKitProblems } from '../../../dev/stand-in/block-kit-rules';
import type { AuditEntry } from '../../../src/ports/model-store';
import { changeInWords } from '../../../src/slack/views/change-words';
import { historyModal } from '../../../src/slack/views/history-modal';
import { buildModel } from '../../support/build-model';

const BOB = 'U0BOB0001';

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `${1_700_000_000_000 + n}-0`,
    actor: BOB,
    action: 'threat.add',
    version: n,
    paths: [`threats[T-${n}]`, 'counters.threat'],
    at: '2026-12-04T10:00:00.000Z',
    ...overrides,
  };
}

describe('changes in words', () => {
  it.each([
    [{ action: 'model.create', paths: [] }, `<@${BOB}> started the model`],
    [{ action: 'threat.add', paths: ['threats[T-3]', 'counters.threat'] }, `<@${BOB}> added threat T-3`],
    [{ action: 'threat.edit', paths: ['threats[T-3].threatAction'] }, `<@${BOB}> edited threat T-3`],
    [
      { action: 'threat.add_from_catalog', paths: ['threats[T-4]', 'threats[T-5]'] },
      `<@${BOB}> added threats T-4, T-5 from the catalog`,
    ],
    [{ action: 'mitigation.remove', paths: ['mitigations[M-2]'] }, `<@${BOB}> removed mitigation M-2`],
    [{ action: 'scope.entryPoint.add', paths: ['scope.entryPoints[EP-1]'] }, `<@${BOB}> added entry point EP-1`],
    [{ action: 'scope.trustBoundary.edit', paths: [] }, `<@${BOB}> edited a trust boundary`],
    [{ action: 'roles.appsec_sme', paths: ['roles.appsec_sme'] }, `<@${BOB}> changed who holds the AppSec SME role`],
    [{ action: 'step.threats.complete', paths: [] }, `<@${BOB}> finished step 2 (threats)`],
    [{ action: 'risk.accept.proposed', paths: ['threats[T-2].risk'] }, `<@${BOB}> proposed accepting the risk of T-2`],
    [{ action: 'risk.rate', paths: ['threats[T-2].risk'] }, `<@${BOB}> rated the risk of T-2`],
    [{ action: 'review.approve', paths: [] }, `<@${BOB}> approved the model`],
    [{ action: 'catalog.propose', paths: ['catalogProposals[T-3]'] }, `<@${BOB}> proposed T-3 for the catalog`],
    [
      { action: 'catalog.propose', paths: ['catalogProposals[M-2].proposedAt', 'catalogProposals[M-2].times'] },
      `<@${BOB}> proposed M-2 for the catalog`,
    ],
    [{ action: 'model.archive_idle', actor: 'system', paths: [] }, 'Threadmodel archived the idle draft'],
    [{ action: 'some.new_thing', paths: [] }, `<@${BOB}> made a change (\`some.new_thing\`)`],
    [{ action: 'x`<!channel>', paths: [] }, `<@${BOB}> made a change (\`xchannel\`)`],
  ])('%o', (change, words) => {
    expect(changeInWords({ actor: BOB, ...change })).toBe(words);
  });
});

describe('the History modal', () => {
  const model = buildModel({ title: 'T'.repeat(120) });

  it('a full page with both page turns stays within Slack limits', () => {
    const entries = Array.from({ length: 20 }, (_, i) => entry(40 - i));
    const view = historyModal({ model, page: 2, entries, total: 60, more: true });
    expect(blockKitProblems('modal', view)).toEqual([]);
    const json = JSON.stringify(view);
    expect(json).toContain('changes 21 to 40 of 60, newest first');
    expect(json).toContain(`"value":"${model.id}|1:${entries[0]?.id}"`);
    expect(json).toContain(`"value":"${model.id}|3:${entries[19]?.id}"`);
  });

  it('the only page has no page turns', () => {
    const view = historyModal({ model, page: 1, entries: [entry(1)], total: 1, more: false });
    expect(blockKitProblems('modal', view)).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('history.page');
  });
});
