import { z } from 'zod';
import type { Installations } from '../../src/slack/installations';
import type { SlackStandIn } from '../stand-in/stand-in-server';
import type { SlackView, StoredMessage } from '../stand-in/stand-in-types';
import { BOT } from '../stand-in/workspace';
import type { ExportBrowser } from './export-browser';
import { isInstalled } from './playground-installs';
import type { PlaygroundWorkspace, PlaygroundWorkspaces } from './playground-setup';

export const UserSchema = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

export interface PageStateDeps {
  standIn: SlackStandIn;
  workspaces: PlaygroundWorkspaces;
  installations: () => Installations;
  exports: ExportBrowser;
  pendingJobs: () => Promise<number>;
  /** The last inline errors of each view, as the app answered its submission. */
  viewErrors: ReadonlyMap<string, Record<string, string>>;
}

/** The workspace a person is in (each person of the stand-in is in one; an unknown id: the first). */
export function workspaceOfUser(
  standIn: SlackStandIn,
  workspaces: PlaygroundWorkspaces,
  user: string,
): PlaygroundWorkspace {
  const { teamId } = standIn.workspaceOfUser(user);
  return workspaces.find((workspace) => workspace.teamId === teamId) ?? workspaces[0];
}

/**
 * What the page shows one person (`?user=`, default the first workspace's installer): their
 * workspace and the others (installed or not), its people and channels, the channel, thread,
 * ephemerals, modals and Home tab they see, Block Kit violations, exports and waiting jobs.
 */
export async function pageState(deps: PageStateDeps, url: URL) {
  const { standIn, viewErrors } = deps;
  const asked = UserSchema.safeParse(url.searchParams.get('user')).data;
  const user = asked && standIn.user(asked) ? asked : deps.workspaces[0].installer;
  const people = standIn.workspaceOfUser(user);
  const workspace = workspaceOfUser(standIn, deps.workspaces, user);
  const thread = url.searchParams.get('thread');
  const visible = people.channels.filter((c) => !c.is_im || c.user === user);
  // Only the person's own workspace's channels: another workspace's are not there for them.
  const askedChannel = url.searchParams.get('channel');
  const channel = visible.find((c) => c.id === askedChannel)?.id ?? visible.find((c) => !c.is_im)?.id ?? '';
  const message = (m: StoredMessage) => ({
    ts: m.ts,
    user: m.user,
    text: m.text,
    blocks: m.blocks,
    ...(m.thread_ts === undefined ? {} : { threadTs: m.thread_ts }),
    replyCount: m.thread_ts === undefined ? standIn.thread(m.channel, m.ts).length : 0,
  });
  const isMember = standIn.isMember(channel, user);
  const view = (v: SlackView) => ({
    id: v.id,
    title: v.title,
    submit: v.submit,
    close: v.close,
    blocks: v.blocks,
    errors: viewErrors.get(v.id) ?? {},
  });
  const home = standIn.views.home(user);
  const parent = thread && isMember ? standIn.message(channel, thread) : undefined;
  return {
    workspace: workspace.teamId,
    workspaces: await Promise.all(
      deps.workspaces.map(async (w) => ({
        teamId: w.teamId,
        name: w.name,
        installed: await isInstalled(deps.installations(), w.teamId),
        firstUser: w.installer,
      })),
    ),
    users: people.users
      .filter((u) => !u.is_bot)
      .map((u) => ({
        id: u.id,
        name: u.name,
        realName: u.real_name,
        isAppSec: workspace.appsecUsers.includes(u.id),
      })),
    user,
    channels: visible.map((c) => ({
      id: c.id,
      name: c.is_im ? 'Threadmodel' : c.name,
      isPrivate: c.is_private,
      isMember: c.members.includes(user),
    })),
    channel,
    messages: isMember ? standIn.messages(channel).map(message) : [],
    thread: parent ? [message(parent), ...standIn.thread(channel, parent.ts).map(message)] : null,
    ephemerals: standIn
      .ephemeralsFor(user)
      .filter((e) => e.channel === channel)
      .map((e) => ({
        ts: e.ts,
        user: BOT.userId,
        text: e.text,
        blocks: e.blocks,
        ...(e.thread_ts && { threadTs: e.thread_ts }),
        replyCount: 0,
      })),
    modals: standIn.views.stack(user).map(view),
    home: home ? view(home) : null,
    violations: standIn.blockKitViolations.map((v) => ({ method: v.method, problems: v.problems })),
    exports: (await deps.exports.models(workspace.teamId.toLowerCase())).map((m) => ({
      modelId: m.modelId,
      title: m.folder.split('/').at(-1) ?? m.modelId,
      url: `/playground/exports/${workspace.teamId.toLowerCase()}/${m.modelId}/`,
    })),
    pendingJobs: await deps.pendingJobs(),
  };
}
