import { indexChanges, indexKeysOf } from '../../../src/store/model-indexes';
import { RedisKeys } from '../../../src/store/redis-keys';
import { BOB, buildModel, CAROL } from '../../support/build-model';

describe('the Redis key layout', () => {
  const keys = new RedisKeys('tm:');

  it('puts every key of a workspace under one hash tag, so one transaction is one cluster slot', () => {
    const all = [
      keys.sequence('T1'),
      keys.model('T1', 'TM-1'),
      keys.audit('T1', 'TM-1'),
      keys.approvedVersion('T1', 'TM-1', 1),
      keys.lease('T1', 'TM-1'),
      keys.applied('T1', 'write-1'),
      keys.messages('T1', 'TM-1'),
      keys.reminders('T1', 'TM-1'),
      keys.refreshTurn('T1', 'TM-1'),
      keys.reviewRotation('T1'),
      keys.channelIndex('T1', 'C1'),
      keys.participantIndex('T1', 'U1'),
      keys.reviewerIndex('T1', 'U1'),
      keys.statusIndex('T1', 'draft'),
      keys.allIndex('T1'),
    ];
    for (const key of all) expect(key).toMatch(/^tm:\{T1\}:/);
  });

  it('keeps the keys one script touches together outside a workspace too: a channel pace, a workspace budget', () => {
    for (const key of [keys.pace('C1'), keys.paceLast('C1'), keys.paceSlot('C1', 'd-1')])
      expect(key).toMatch(/^tm:\{pace:C1\}/);
    for (const key of [keys.budget('T1', 'chat.update'), keys.budgetPause('T1', 'chat.update')])
      expect(key).toMatch(/^tm:\{budget:T1\}:/);
  });

  it('refuses prefixes and workspace ids that could break the layout', () => {
    expect(() => new RedisKeys('a{b}')).toThrow(/braces/);
    expect(() => keys.model('T1}:x{', 'TM-1')).toThrow(/not a workspace id/);
    expect(() => keys.approvedVersion('T1', 'TM-1', 0)).toThrow(/not a version number/);
  });

  it('indexes a model under all, channel, each participant once, reviewer and status', () => {
    const model = buildModel({
      roles: { business: [BOB], developer: [BOB], adversary: [], defender: [], appsec_sme: [] },
      review: {
        requestedBy: BOB,
        requestedAt: '2026-11-25T10:00:00.000Z',
        incomplete: false,
        reviewerId: CAROL,
        history: [],
      },
    });
    expect(indexKeysOf(keys, model)).toEqual([
      'tm:{T0WORKSPC}:idx:all',
      'tm:{T0WORKSPC}:idx:channel:C0PAYMENT',
      'tm:{T0WORKSPC}:idx:participant:U0ALICE01',
      'tm:{T0WORKSPC}:idx:participant:U0BOB0001',
      'tm:{T0WORKSPC}:idx:reviewer:U0CAROL01',
      'tm:{T0WORKSPC}:idx:status:draft',
    ]);
    expect(indexChanges(keys, model, { ...model, status: 'in_review' }).remove).toEqual([
      'tm:{T0WORKSPC}:idx:status:draft',
    ]);
  });
});
