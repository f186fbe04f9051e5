import type { Delivery, Transport } from '../../../dev/stand-in/driver-transport';
import { SlackDriver } from '../../../dev/stand-in/slack-driver';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS, USERS } from '../../../dev/stand-in/workspace';

/** A transport that keeps what it was given and answers an empty ack. */
class Recording implements Transport {
  readonly deliveries: Delivery[] = [];

  async deliver(delivery: Delivery) {
    this.deliveries.push(delivery);
    return { status: 200, body: '' };
  }

  replayLast(): never {
    throw new Error('not used');
  }
}

describe('SlackDriver with a transport of its own (the benchmarks)', () => {
  const clock = 1_700_000_000_000;
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn({ now: () => clock });
  });
  afterAll(() => standIn.close());

  it('delivers through it, with a trigger whose issue time the stand-in tells', async () => {
    const transport = new Recording();
    const driver = new SlackDriver({ transport, standIn });

    const result = await driver.command(USERS.ALICE.id, CHANNELS.PAYMENTS.id, 'start Refunds');

    expect(transport.deliveries).toEqual([
      { kind: 'command', fields: expect.objectContaining({ text: 'start Refunds', trigger_id: result.triggerId }) },
    ]);
    expect(standIn.triggerIssuedAt(result.triggerId)).toBe(clock);
    expect(standIn.triggerIssuedAt('never.issued')).toBeUndefined();
  });
});
