import type { RequestKind } from '../../ports/metrics';

const BY_TYPE: ReadonlyMap<string, RequestKind> = new Map(
  Object.entries({
    block_actions: 'action',
    interactive_message: 'action',
    view_submission: 'view_submission',
    view_closed: 'view_closed',
    shortcut: 'shortcut',
    message_action: 'shortcut',
    block_suggestion: 'options',
    event_callback: 'event',
  } satisfies Record<string, RequestKind>),
);

/** What kind of request Slack sent, from the body Bolt parsed (a slash command has `command`, the others a `type`). */
export function requestKind(body: unknown): RequestKind {
  const b = (body ?? {}) as { command?: unknown; type?: unknown };
  if (typeof b.command === 'string') return 'command';
  // A Map, not an object: a `type` of "constructor" must not find Object's prototype.
  return (typeof b.type === 'string' && BY_TYPE.get(b.type)) || 'other';
}
