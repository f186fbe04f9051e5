import type { RequestKind } from '../../ports/metrics';

const BY_TYPE: Readonly<Record<string, RequestKind>> = {
  block_actions: 'action',
  interactive_message: 'action',
  view_submission: 'view_submission',
  view_closed: 'view_closed',
  shortcut: 'shortcut',
  message_action: 'shortcut',
  block_suggestion: 'options',
  event_callback: 'event',
};

/** What kind of request Slack sent, from the body Bolt parsed (a slash command has `command`, the others a `type`). */
export function requestKind(body: unknown): RequestKind {
  const b = (body ?? {}) as { command?: unknown; type?: unknown };
  if (typeof b.command === 'string') return 'command';
  return (typeof b.type === 'string' && BY_TYPE[b.type]) || 'other';
}
