import { isValidSlackRequest } from '@slack/bolt';
import { formBody, signRequest } from '../../../dev/stand-in/signed-requests';

describe('signed requests', () => {
  it('signs v0:{timestamp}:{body} the way Bolt verifies it', () => {
    const body = formBody({ command: '/threatmodel', text: 'start Refunds API' });
    const timestamp = 1_700_000_000;
    const headers = signRequest('test-secret', body, timestamp);
    expect(headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    const verify = (secret: string, signed: string) =>
      isValidSlackRequest({
        signingSecret: secret,
        body: signed,
        headers: { 'x-slack-signature': headers['x-slack-signature'], 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: timestamp * 1000,
      });
    expect(verify('test-secret', body)).toBe(true);
    expect(verify('other-secret', body)).toBe(false);
    expect(verify('test-secret', `${body}&x=1`)).toBe(false);
  });

  it('encodes forms like Slack: spaces as +, reserved characters escaped', () => {
    expect(formBody({ text: 'start Refunds & Payouts', payload: '{"a":1}' })).toBe(
      'text=start+Refunds+%26+Payouts&payload=%7B%22a%22%3A1%7D',
    );
  });
});
