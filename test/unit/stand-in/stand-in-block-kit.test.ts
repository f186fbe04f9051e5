import type { View } from '@slack/web-api';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS, USERS } from '../../../dev/stand-in/workspace';
import { CASES } from './block-kit-cases';
import { clientFor } from './web-client';

describe('Slack stand-in: every kind of Block Kit violation is refused over HTTP', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  /** Sends the payload the way the app would for its surface; resolves to Slack's reply (error or ok). */
  async function send(surface: string, payload: unknown): Promise<Record<string, unknown>> {
    const client = clientFor(standIn);
    const view = payload as View;
    const call =
      surface === 'message'
        ? client.apiCall('chat.postMessage', { channel: CHANNELS.PAYMENTS.id, ...(payload as object) })
        : surface === 'modal'
          ? client.views.open({ trigger_id: standIn.issueTrigger(USERS.ALICE.id), view })
          : client.views.publish({ user_id: USERS.ALICE.id, view });
    return call.then(
      (ok) => ({ ...ok }),
      (error: { data?: Record<string, unknown> }) => error.data ?? {},
    );
  }

  it.each(CASES)('refuses %s', async (_name, surface, payload, problem) => {
    const reply = await send(surface, payload);
    expect(reply.ok).toBe(false);
    const expected =
      surface === 'message'
        ? /^(invalid_blocks|msg_blocks_too_long|msg_too_long|no_text)$/
        : /^(invalid_arguments|view_too_large)$/;
    expect(reply.error).toMatch(expected);
    if (reply.error !== 'no_text') {
      expect(reply.response_metadata).toEqual({ messages: expect.arrayContaining([expect.stringContaining(problem)]) });
      expect(standIn.blockKitViolations).toEqual([
        { method: expect.any(String), problems: expect.arrayContaining([expect.stringContaining(problem)]) },
      ]);
    }
    expect(standIn.messages(CHANNELS.PAYMENTS.id)).toEqual([]);
    expect(standIn.openViews(USERS.ALICE.id)).toEqual([]);
  });
});
