import { requestKind } from '../../../src/slack/edge/request-kind';

describe('the kind of a Slack request (the ack latency label)', () => {
  it.each([
    [{ command: '/threatmodel', text: 'help' }, 'command'],
    [{ type: 'block_actions', actions: [] }, 'action'],
    [{ type: 'view_submission' }, 'view_submission'],
    [{ type: 'view_closed' }, 'view_closed'],
    [{ type: 'message_action' }, 'shortcut'],
    [{ type: 'shortcut' }, 'shortcut'],
    [{ type: 'block_suggestion' }, 'options'],
    [{ type: 'event_callback', event: { type: 'app_mention' } }, 'event'],
  ])('%j is %s', (body, kind) => {
    expect(requestKind(body)).toBe(kind);
  });

  it('anything else is "other", never the text it carries', () => {
    expect(requestKind({ type: 'DROP TABLE models' })).toBe('other');
    expect(requestKind({ type: 'constructor' })).toBe('other');
    expect(requestKind(undefined)).toBe('other');
    expect(requestKind({ command: 42 })).toBe('other');
  });
});
