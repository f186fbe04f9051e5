import { renderBlocks } from './blocks';
import type { RenderContext } from './context';
import { type Html, html, trusted } from './html';
import { namesOf, scopeOf, type ValuesByScope } from './messages';
import { isHttpUrl } from './mrkdwn';
import type { Channel, PlaygroundState, View, Violation, Workspace } from './playground-state';

/** Which main pane is open: a channel, or the app's Home tab. */
export type MainView = 'channel' | 'home';

/** The app's direct message with the user: Slack ids of DMs start with D. */
export function isDirectMessage(channelId: string | null | undefined): boolean {
  return channelId?.startsWith('D') === true;
}

function channelLink(channel: Channel, active: boolean): Html {
  const dm = isDirectMessage(channel.id);
  const classes = `sidebar-item channel-link${active ? ' active' : ''}${channel.isMember ? '' : ' not-member'}`;
  const icon = dm
    ? html`<span class="app-icon" aria-hidden="true">🧵</span>`
    : html`<span class="channel-icon" aria-hidden="true">${channel.isPrivate ? '🔒' : '#'}</span>`;
  return html`<button type="button" class="${classes}" data-testid="channel-${channel.name}" data-channel-id="${channel.id}"${
    channel.isMember ? '' : html` disabled aria-disabled="true" title="You are not a member of this channel"`
  }>${icon}${channel.name}</button>`;
}

/** The sidebar: who you are, the channels (those you are not in greyed out), the app's Home and DM, the playground tools. */
export function renderSidebar(state: PlaygroundState, view: MainView): string {
  const users = state.users.map(
    (user) =>
      html`<option value="${user.id}"${user.id === state.user ? html` selected` : ''}>${user.realName}${user.isAppSec ? ' (AppSec)' : ''}</option>`,
  );
  const active = (channel: Channel) => view === 'channel' && channel.isMember && channel.id === state.channel;
  const channels = state.channels.filter((channel) => !isDirectMessage(channel.id));
  const directs = state.channels.filter((channel) => isDirectMessage(channel.id));
  const exports = state.exports.filter((link) => isHttpUrl(link.url) || /^\/(?!\/)/.test(link.url));
  return html`<div class="workspace">
<div class="workspace-name">${currentWorkspace(state)?.name ?? 'Threadmodel Playground'}</div>
<label class="switcher"><span class="switcher-label">Signed in as</span><select data-testid="user-switcher" class="user-switcher">${users}</select></label>
</div>
<nav class="sidebar-nav">
<div class="sidebar-section">Channels</div>
${channels.map((channel) => channelLink(channel, active(channel)))}
<div class="sidebar-section">Apps</div>
<button type="button" class="sidebar-item${view === 'home' ? ' active' : ''}" data-testid="home" data-nav-home><span class="app-icon" aria-hidden="true">🧵</span>Threadmodel <span class="sidebar-hint">Home</span></button>
${directs.length > 0 ? html`<div class="sidebar-section">Direct messages</div>${directs.map((channel) => channelLink(channel, active(channel)))}` : ''}
<div class="sidebar-section">Playground</div>
<button type="button" class="sidebar-item" data-testid="run-jobs" data-run-jobs>⏰ Run scheduled jobs now${state.pendingJobs > 0 ? html` <span class="badge">${state.pendingJobs}</span>` : ''}</button>
<details class="exports"><summary class="sidebar-item" data-testid="exports">📦 Exports${exports.length > 0 ? html` <span class="badge muted-badge">${exports.length}</span>` : ''}</summary>
${
  exports.length === 0
    ? html`<p class="sidebar-note">No exports yet. Approve a model or run <code>/threatmodel export</code>.</p>`
    : exports.map(
        (link) =>
          html`<a class="sidebar-item export-link" data-testid="export-${link.modelId}" href="${link.url}" target="_blank" rel="noopener noreferrer"><strong>${link.modelId}</strong> ${link.title}</a>`,
      )
}
</details>
</nav>`.value;
}

/** The signed-in person's workspace. */
export function currentWorkspace(state: PlaygroundState): Workspace | undefined {
  return state.workspaces.find((workspace) => workspace.teamId === state.workspace);
}

/** The app's install page, which goes through Slack's authorize page and back to the app. */
export const INSTALL_PATH = '/slack/install';

function addToSlack(): Html {
  return html`<a class="add-to-slack" data-testid="add-to-slack" data-add-to-slack href="${INSTALL_PATH}" target="_blank">Add to Slack</a>`;
}

/** The header's workspace switcher: one tab per workspace, and "Add to Slack" while the current one lacks the app. */
export function renderWorkspaces(state: PlaygroundState): string {
  const current = currentWorkspace(state);
  const tabs = state.workspaces.map((workspace) => {
    const active = workspace.teamId === state.workspace;
    return html`<button type="button" class="workspace-tab${active ? ' active' : ''}" data-testid="workspace-${workspace.name}" data-workspace-user="${workspace.firstUser}" aria-pressed="${active ? 'true' : 'false'}">${workspace.name}${
      workspace.installed ? '' : html` <span class="workspace-hint">not installed</span>`
    }</button>`;
  });
  return html`${tabs}${current && !current.installed ? addToSlack() : ''}`.value;
}

/** The Home pane of a workspace without the app: Slack would not list it; the playground offers the install. */
export function renderNotInstalled(workspace: Workspace): string {
  return html`<div class="channel-empty" data-testid="not-installed"><p class="channel-empty-title">Threadmodel is not installed in ${workspace.name} yet</p><p class="muted">Install it as a person of ${workspace.name} would: the app's install page, Slack's authorize page, and back.</p><p>${addToSlack()}</p></div>`
    .value;
}

/** The bar above the messages: the channel's name, or the app's name with its Home and Messages tabs. */
export function renderMainHeader(state: PlaygroundState, view: MainView): string {
  const dm = state.channels.find((c) => isDirectMessage(c.id) && c.isMember);
  if (view === 'home' || isDirectMessage(state.channel)) {
    const home = view === 'home';
    const messagesTab = dm
      ? html`<button type="button" class="tab${home ? '' : ' active'}" data-channel-id="${dm.id}">Messages</button>`
      : html`<span class="tab" aria-disabled="true">Messages</span>`;
    return html`<div class="main-title"><span class="app-icon" aria-hidden="true">🧵</span>Threadmodel</div><div class="tabs"><button type="button" class="tab${home ? ' active' : ''}" data-nav-home>Home</button>${messagesTab}</div>`
      .value;
  }
  const channel = state.channels.find((c) => c.id === state.channel);
  if (!channel) return html`<div class="main-title">No channel</div>`.value;
  return html`<div class="main-title"><span class="channel-icon" aria-hidden="true">${channel.isPrivate ? '🔒' : '#'}</span>${channel.name}</div>`
    .value;
}

/** What the centre shows in a channel the user is not in (as in Slack, its messages stay hidden). */
export function renderNotMember(state: PlaygroundState): string {
  const name = state.channels.find((c) => c.id === state.channel)?.name ?? '';
  return html`<div class="channel-empty"><p class="channel-empty-title">You are not a member of #${name}</p><p class="muted">Channels you are not in are greyed out in the sidebar. Switch to someone who is in one.</p></div>`
    .value;
}

/** The App Home tab's blocks, or a note while the app has not published one. */
export function renderHome(state: PlaygroundState, values: ValuesByScope): string {
  if (!state.home)
    return html`<div class="home-empty muted">The app has not published a Home tab for you yet…</div>`.value;
  const scope = scopeOf('home', state.home.id);
  const ctx: RenderContext = { names: namesOf(state), surface: 'home', scope, values: values[scope] ?? {} };
  return html`<div class="home" data-surface="home" data-scope="${scope}">${trusted(renderBlocks(state.home.blocks, ctx))}</div>`
    .value;
}

/** The red banner: calls whose payload Slack would have rejected for breaking a Block Kit limit. */
export function renderViolations(violations: readonly Violation[]): string {
  if (violations.length === 0) return '';
  return html`<div class="violations" data-testid="violations" role="alert">
<strong>Slack would reject ${violations.length === 1 ? 'this call' : `these ${violations.length} calls`}: a Block Kit limit is broken</strong>
<ul>${violations.map((v) => html`<li><code>${v.method}</code>: ${v.problems.join('; ')}</li>`)}</ul>
</div>`.value;
}

/** Modals: the top one live, the ones below it as cards peeking out behind (Slack keeps up to three). */
export function renderModals(
  state: PlaygroundState,
  values: ValuesByScope,
  localErrors: Record<string, string>,
): string {
  const top: View | undefined = state.modals.at(-1);
  if (!top) return '';
  const below = state.modals.slice(0, -1);
  const scope = scopeOf('modal', top.id);
  const ctx: RenderContext = {
    names: namesOf(state),
    surface: 'modal',
    scope,
    values: values[scope] ?? {},
    errors: { ...top.errors, ...localErrors },
  };
  const closeText = top.close?.text ?? 'Cancel';
  return html`<div class="modal-layer">
<div class="modal-backdrop"></div>
<div class="modal-stack">
${below.map((view, i) => html`<div class="modal-card-behind depth-${below.length - i}" aria-hidden="true">${view.title?.text ?? ''}</div>`)}
<div class="modal" data-testid="modal" data-surface="modal" data-scope="${scope}" data-view-id="${top.id}" data-stack-depth="${state.modals.length}" role="dialog" aria-modal="true" aria-label="${top.title?.text ?? ''}">
<header class="modal-header">${below.length > 0 ? html`<span class="modal-back" aria-hidden="true">‹</span>` : ''}<h2 class="modal-title">${top.title?.text ?? ''}</h2><button type="button" class="icon-button modal-x" data-modal-close aria-label="Close">×</button></header>
<div class="modal-body">${trusted(renderBlocks(top.blocks, ctx))}</div>
<footer class="modal-footer"><button type="button" class="btn" data-testid="modal-close" data-modal-close>${closeText}</button>${
    top.submit
      ? html`<button type="button" class="btn btn-primary" data-testid="modal-submit" data-modal-submit>${top.submit.text}</button>`
      : ''
  }</footer>
</div>
</div>
</div>`.value;
}
