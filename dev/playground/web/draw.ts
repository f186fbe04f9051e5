import { renderChannelMessages, renderThread, scopeOf, type ValuesByScope } from '../render/messages';
import {
  currentWorkspace,
  type MainView,
  renderHome,
  renderMainHeader,
  renderModals,
  renderNotInstalled,
  renderNotMember,
  renderSidebar,
  renderViolations,
  renderWorkspaces,
} from '../render/page';
import type { PlaygroundState } from '../render/playground-state';
import { patch } from './patch';

/** The page's fixed parts, found once in index.html. */
export interface Regions {
  workspaces: HTMLElement;
  sidebar: HTMLElement;
  violations: HTMLElement;
  mainHeader: HTMLElement;
  messages: HTMLElement;
  home: HTMLElement;
  composerArea: HTMLElement;
  composer: HTMLTextAreaElement;
  notice: HTMLElement;
  thread: HTMLElement;
  threadContent: HTMLElement;
  threadComposer: HTMLTextAreaElement;
  modals: HTMLElement;
  dialog: HTMLElement;
  toasts: HTMLElement;
}

/** What the page shows: the server's state with the channel the page is on, and what is local to the page. */
export interface DrawInput {
  state: PlaygroundState;
  view: MainView;
  thread: string | undefined;
  values: ValuesByScope;
  /** Inline errors of the top modal found before or after its submission. */
  errors: Record<string, string>;
}

/** Every scope on the page with its fingerprint (see EnteredValues). */
export function liveScopes(state: PlaygroundState): Map<string, string> {
  const live = new Map<string, string>();
  for (const message of [...state.messages, ...(state.thread ?? [])]) {
    live.set(scopeOf('message', message.ts), JSON.stringify(message.blocks));
  }
  for (const message of state.ephemerals) live.set(scopeOf('ephemeral', message.ts), JSON.stringify(message.blocks));
  for (const view of state.modals) live.set(scopeOf('modal', view.id), view.id);
  if (state.home) live.set(scopeOf('home', state.home.id), JSON.stringify(state.home.blocks));
  return live;
}

/**
 * Draws every region from the renderers' markup; a region whose markup did not change is left
 * alone. `alreadyShown`: the change is the user's own input, which the DOM already shows.
 */
export function draw(r: Regions, input: DrawInput, alreadyShown: boolean): void {
  const { state, view, thread, values } = input;
  const channel = state.channels.find((c) => c.id === state.channel);
  const member = channel?.isMember === true;
  const home = view === 'home';
  const workspace = currentWorkspace(state);
  patch(r.workspaces, renderWorkspaces(state));
  patch(r.sidebar, renderSidebar(state, view));
  patch(r.violations, renderViolations(state.violations));
  patch(r.mainHeader, renderMainHeader(state, view));
  r.messages.hidden = home;
  r.composerArea.hidden = home || !member;
  r.home.hidden = !home;
  if (home && workspace && !workspace.installed) patch(r.home, renderNotInstalled(workspace));
  else if (home) patch(r.home, renderHome(state, values), { alreadyShown });
  else if (member)
    patch(r.messages, renderChannelMessages(state, values, thread), { stickToBottom: true, alreadyShown });
  else patch(r.messages, renderNotMember(state));
  r.composer.placeholder = `Message #${channel?.name ?? ''}`;
  r.thread.hidden = home || !thread;
  if (thread && !home)
    patch(r.threadContent, renderThread(state, values, thread), { stickToBottom: true, alreadyShown });
  patch(r.modals, renderModals(state, values, input.errors), { alreadyShown });
  document.body.classList.toggle('modal-open', state.modals.length > 0);
}
