import { WorkspaceIdSchema } from '../../domain/primitives';
import type { HomeWorkspace } from './edge-settings';

/** A field of an object that is the object's own (never one inherited, such as `__proto__`). */
function own(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
}

const isWorkspaceId = (value: unknown) => WorkspaceIdSchema.safeParse(value).success;

/**
 * Whether a payload comes from the app's own workspace: its team (`team.id`, else the user's
 * `team_id`, or `team_id` for commands and events) must be a well-formed workspace id and the
 * bot's workspace, or its Enterprise Grid organisation when the bot is installed org-wide. Every
 * `team_id` the payload names must be well formed; models are stored under the workspace id.
 */
export function fromHomeWorkspace(body: unknown, home: HomeWorkspace | undefined): boolean {
  const team = own(body, 'team');
  const userTeam = own(own(body, 'user'), 'team_id');
  const workspace = own(team, 'id') ?? userTeam ?? own(body, 'team_id');
  if (!isWorkspaceId(workspace) || (userTeam !== undefined && !isWorkspaceId(userTeam))) return false;
  if (!home || workspace === home.teamId) return true;
  const enterprise = own(own(body, 'enterprise'), 'id') ?? own(team, 'enterprise_id') ?? own(body, 'enterprise_id');
  return home.enterpriseId !== undefined && enterprise === home.enterpriseId;
}

/** Whether the payload's `response_url`, if any, points where Slack's response URLs live. */
export function respondsToSlack(body: unknown, origins: readonly string[]): boolean {
  const url = own(body, 'response_url');
  if (url === undefined) return true;
  if (typeof url !== 'string' || !URL.canParse(url)) return false;
  return origins.includes(new URL(url).origin);
}

/** The id a payload is routed by: action id, callback id, command or event type. */
export function routedId(body: unknown): string | undefined {
  const id =
    own(own(own(body, 'actions'), '0'), 'action_id') ??
    own(own(body, 'view'), 'callback_id') ??
    own(body, 'callback_id') ??
    own(body, 'command') ??
    own(own(body, 'event'), 'type');
  return typeof id === 'string' ? id : undefined;
}
