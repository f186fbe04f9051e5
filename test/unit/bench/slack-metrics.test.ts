import { cardFingerprint } from '../../../bench/card-fingerprint';
import { percentile } from '../../../bench/measure';
import {
  cardStaleness,
  clickToModalMs,
  type Measured,
  methodRows,
  modalOutcomes,
  perMinute,
  spread,
  targets,
} from '../../../bench/slack-metrics';
import type { CallRecord, ModalClick } from '../../../bench/slack-protocol';

const call = (method: string, at: number, fields: Partial<CallRecord> = {}): CallRecord => ({
  method,
  at,
  status: 200,
  ok: true,
  ...fields,
});

describe('bench:slack numbers', () => {
  describe('percentiles', () => {
    it('takes the value at rank floor(p% of n) of ascending values, and the largest for p99 of few', () => {
      const values = Array.from({ length: 100 }, (_, i) => i + 1);
      expect(percentile(values, 50)).toBe(51);
      expect(percentile(values, 99)).toBe(100);
      expect(percentile([3, 7], 99)).toBe(7);
      expect(percentile([], 50)).toBe(0);
    });

    it('spreads unsorted values, "never" (Infinity) included, and has nothing to say about none', () => {
      expect(spread([5, 1, Number.POSITIVE_INFINITY, 3])).toEqual({
        count: 4,
        p50: 5,
        p99: Number.POSITIVE_INFINITY,
        max: Number.POSITIVE_INFINITY,
      });
      expect(spread([])).toBeUndefined();
    });
  });

  describe('card staleness', () => {
    const stored = [
      { version: 1, at: 1000, fingerprint: 'a' },
      { version: 2, at: 2000, fingerprint: 'b' },
      { version: 3, at: 3000, fingerprint: 'b' }, // a change the card does not show
      { version: 4, at: 4000, fingerprint: 'c' },
      { version: 5, at: 5000, fingerprint: 'd' },
    ];

    it('measures each change the card shows until the card shows it or a later version', () => {
      const shown = [
        { at: 1010, fingerprint: 'a' },
        { at: 2500, fingerprint: 'b' },
        // version 4 is skipped: the card goes straight to 5, which shows 4's change too
        { at: 9000, fingerprint: 'd' },
      ];
      expect(cardStaleness(stored, shown, 0).map(({ at, seconds }) => [at, seconds])).toEqual([
        [1000, 0.01],
        [2000, 0.5],
        [4000, 5],
        [5000, 4],
      ]);
    });

    it('counts a change the card already shows as 0, one it never shows as Infinity, and skips those before `from`', () => {
      const shown = [
        { at: 500, fingerprint: 'a' },
        { at: 2500, fingerprint: 'b' },
      ];
      const changes = cardStaleness(stored.slice(0, 4), shown, 1500);
      expect(changes).toEqual([
        { at: 2000, seconds: 0.5 },
        { at: 4000, seconds: Number.POSITIVE_INFINITY },
      ]);
      expect(cardStaleness(stored.slice(0, 1), shown, 0)).toEqual([{ at: 1000, seconds: 0 }]);
    });

    it('matches a card whatever block ids Slack filled in', () => {
      const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'TM-1' } }];
      const stored = { text: 'TM-1 Refunds', blocks: blocks.map((block) => ({ ...block, block_id: 'x1Yz9' })) };
      expect(cardFingerprint(stored)).toBe(cardFingerprint({ text: 'TM-1 Refunds', blocks }));
      expect(cardFingerprint({ text: 'TM-1 Refunds, 20%', blocks })).not.toBe(cardFingerprint(stored));
    });
  });

  describe('modal opens', () => {
    const click = (triggerId: string, extra: Partial<ModalClick> = {}): ModalClick => ({
      task: 'threat.add',
      triggerId,
      issuedAt: 10_000,
      ...extra,
    });

    it('tells opened, failed (by the last views.open tried, or told Slack is busy), answered instead, and never opened apart', () => {
      const calls = [
        call('views.open', 10_040, { triggerId: 't1' }),
        call('views.open', 11_000, { triggerId: 't2', status: 429, ok: false, error: 'ratelimited' }),
        call('views.open', 13_500, { triggerId: 't2', ok: false, error: 'expired_trigger_id' }),
        call('views.open', 10_100, { triggerId: 't3', status: 429, ok: false, error: 'ratelimited' }),
        call('chat.update', 10_050),
      ];
      const clicks = [
        click('t1'),
        click('t2'),
        click('t3'),
        click('t4', { toldInstead: 'Finish step 1 (scope) of TM-1 first' }),
        click('t5'),
        click('t6', { toldInstead: 'Slack is busy right now: try again in 4 seconds.' }),
      ];
      const outcomes = modalOutcomes(clicks, calls);
      expect(outcomes).toEqual([
        { kind: 'opened', ms: 40 },
        { kind: 'failed', reason: 'expired_trigger_id', ms: 3500 },
        { kind: 'failed', reason: 'rate-limited (429)', ms: 100 },
        { kind: 'answered', text: 'Finish step 1 (scope) of TM-1 first' },
        { kind: 'failed', reason: 'never opened' },
        { kind: 'failed', reason: 'told Slack is busy' },
      ]);
      // Click-to-modal counts the failed ones too: as late as their views.open came, or never.
      expect(clickToModalMs(outcomes)).toEqual([40, 3500, 100, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
    });
  });

  describe('calls', () => {
    const calls = [
      call('chat.update', 0),
      call('chat.update', 20_000, { status: 429, ok: false }),
      call('chat.update', 30_000),
      call('auth.test', 30_000),
      call('chat.update', 90_000),
    ];

    it('counts calls and 429s by method, most called first', () => {
      expect(methodRows(calls)).toEqual([
        { method: 'chat.update', calls: 4, limited: 1 },
        { method: 'auth.test', calls: 1, limited: 0 },
      ]);
    });

    it('gives a method per minute over a window, sent and accepted', () => {
      expect(perMinute(calls, 'chat.update', 0, 30_000)).toEqual({ sent: 6, accepted: 4 });
    });
  });

  describe('targets', () => {
    const good: Measured = {
      teams: 30,
      interactiveLimited: 0,
      failedOpens: 0,
      clickToModalP99: 120,
      ackP99: 12,
      bareAckP99: 10,
      chatUpdatesPerMinute: 48,
      stalenessP99: 30,
    };
    const failing = (m: Measured) =>
      targets(m)
        .filter((target) => !target.pass)
        .map((target) => target.label);

    it('passes the issue 15 targets at K = 30 and fails each one crossed', () => {
      expect(failing(good)).toEqual([]);
      expect(
        failing({
          ...good,
          interactiveLimited: 1,
          failedOpens: 2,
          clickToModalP99: 500,
          ackP99: 13.1,
          chatUpdatesPerMinute: 50.5,
          stalenessP99: Number.POSITIVE_INFINITY,
        }),
      ).toEqual([
        'rate-limited interactive calls = 0',
        'failed modal opens = 0',
        'click-to-modal p99 < 500 ms',
        'ack p99 within 1.3x bare Bolt',
        'chat.update <= 50 per minute',
        'card staleness p99 < 60 s',
      ]);
    });

    it('holds one team to card staleness under 2 s', () => {
      expect(failing({ ...good, teams: 1, stalenessP99: 2.5 })).toEqual(['card staleness p99 < 2 s']);
      expect(failing({ ...good, teams: 1, stalenessP99: 1.5 })).toEqual([]);
    });
  });
});
