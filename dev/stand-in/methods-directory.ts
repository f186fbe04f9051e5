/** auth.test, users.*, conversations.* and usergroups.* methods of the stand-in. */
import type { JsonObject } from './json';
import { arg, fail, type MethodCall, type MethodHandler } from './method-types';
import type { StandInStore } from './stand-in-store';
import { BOT, type WorkspaceChannel, type WorkspaceUser } from './workspace';

const DEFAULT_PAGE = 100;

function authTest({ store }: MethodCall): JsonObject {
  const { teamId, domain, name } = store.workspace;
  return {
    ok: true,
    url: `https://${domain}.slack.com/`,
    team: name,
    user: BOT.name,
    team_id: teamId,
    user_id: BOT.userId,
    bot_id: BOT.botId,
    is_enterprise_install: false,
  };
}

function userJson(user: WorkspaceUser, teamId: string): JsonObject {
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    real_name: user.real_name,
    deleted: false,
    tz: user.tz,
    tz_label: user.tz_label,
    tz_offset: user.tz_offset,
    is_bot: user.is_bot,
    is_app_user: false,
    is_admin: user.is_admin === true,
    is_owner: false,
    is_primary_owner: false,
    profile: { display_name: user.name, real_name: user.real_name },
  };
}

const BOT_USER: WorkspaceUser = {
  id: BOT.userId,
  name: BOT.name,
  real_name: 'Threadmodel',
  tz: 'America/Los_Angeles',
  tz_label: 'Pacific Standard Time',
  tz_offset: -28800,
  is_bot: true,
};

function usersInfo({ store, args }: MethodCall): JsonObject {
  const id = arg(args, 'user');
  const user = id === BOT.userId ? BOT_USER : store.user(id);
  return user ? { ok: true, user: userJson(user, store.workspaceOfUser(user.id).teamId) } : fail('user_not_found');
}

/** A channel the bot may see: public ones, and private ones it is a member of. */
function visibleChannel(store: StandInStore, id: string): WorkspaceChannel | undefined {
  const channel = store.channel(id);
  return channel && (!channel.is_private || channel.members.includes(BOT.userId)) ? channel : undefined;
}

function decodeCursor(cursor: string): number | undefined {
  if (cursor === '') return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function conversationsMembers({ store, args }: MethodCall): JsonObject {
  const channel = visibleChannel(store, arg(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const offset = decodeCursor(arg(args, 'cursor'));
  if (offset === undefined) return fail('invalid_cursor');
  const limit = Math.min(Math.max(Number(arg(args, 'limit')) || DEFAULT_PAGE, 1), 1000);
  const members = channel.members.slice(offset, offset + limit);
  const more = offset + limit < channel.members.length;
  const nextCursor = more ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return { ok: true, members, response_metadata: { next_cursor: nextCursor } };
}

function conversationsInfo({ store, args }: MethodCall): JsonObject {
  const channel = visibleChannel(store, arg(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  return {
    ok: true,
    channel: {
      id: channel.id,
      name: channel.name,
      is_channel: !channel.is_im && !channel.is_private,
      is_group: channel.is_private && !channel.is_im,
      is_im: channel.is_im,
      is_private: channel.is_private,
      is_archived: false,
      is_member: channel.members.includes(BOT.userId),
      ...(channel.user === undefined ? {} : { user: channel.user }),
    },
  };
}

function conversationsOpen({ store, args }: MethodCall): JsonObject {
  const users = arg(args, 'users')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.some((id) => !store.user(id))) return fail('user_not_found');
  const [first] = users;
  if (users.length > 1 || first === undefined) return fail('not_supported_by_stand_in', { hint: 'one user per DM' });
  return { ok: true, channel: { id: store.directMessageWith(first).id } };
}

function usergroupUsers({ store, args }: MethodCall): JsonObject {
  const group = store.usergroup(arg(args, 'usergroup'));
  return group ? { ok: true, users: [...group.users] } : fail('no_such_subteam');
}

export const directoryMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'conversations.members': conversationsMembers,
  'conversations.info': conversationsInfo,
  'conversations.open': conversationsOpen,
  'usergroups.users.list': usergroupUsers,
};
