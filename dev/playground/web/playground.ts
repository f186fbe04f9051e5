import type { EnteredValue } from '../render/context';
import { valueKey } from '../render/context';
import { namesOf } from '../render/messages';
import { escapeForSlack } from '../render/mrkdwn';
import type { MainView } from '../render/page';
import type { PlaygroundState, Result } from '../render/playground-state';
import * as api from './api';
import { confirmDialog } from './confirm-dialog';
import { collectValues, missingRequired, readControl, setMultiSelected } from './controls';
import { draw, liveScopes, type Regions } from './draw';
import { EnteredValues } from './entered-values';
import { invalidate } from './patch';
import { showToast } from './toasts';

const POLL_MS = 700;
const SURFACES = ['message', 'ephemeral', 'modal', 'home'] as const;

/** Which kinds of choice an action carries: a button's value, one value, or several. */
export type Choice = { buttonValue?: string } | { value: string } | { values: string[] };

/**
 * The playground page: who is looking at which channel, the last state from the server, and the
 * actions that change it. Every action posts to the API and then fetches the state again; polls
 * that were already under way when an action started are dropped, so the page never steps back.
 */
export class Playground {
  private user: string | undefined;
  private channel: string | undefined;
  private thread: string | undefined;
  private view: MainView = 'channel';
  private state: PlaygroundState | undefined;
  private readonly entered = new EnteredValues();
  private localErrors: { viewId: string; errors: Record<string, string> } | undefined;
  private generation = 0;
  private polling = false;
  /** An install under way in a window of its own, closed once the workspace has the app. */
  private installing: { popup: Window; teamId: string } | undefined;

  constructor(private readonly regions: Regions) {
    const params = new URLSearchParams(window.location.search);
    this.user = params.get('user') ?? undefined;
    this.channel = params.get('channel') ?? undefined;
    this.thread = params.get('thread') ?? undefined;
    this.view = params.get('view') === 'home' ? 'home' : 'channel';
  }

  /** The thread open in the right pane, if any. */
  get threadTs(): string | undefined {
    return this.thread;
  }

  start(): void {
    if (this.view === 'home' && this.user) void this.perform(() => api.openHome(this.user ?? ''));
    else void this.refresh();
    window.setInterval(() => {
      if (!this.polling) void this.refresh();
    }, POLL_MS);
  }

  async refresh(): Promise<void> {
    const generation = this.generation;
    this.polling = true;
    try {
      const state = await api.getState({ user: this.user, channel: this.channel, thread: this.thread });
      if (generation === this.generation) this.apply(state);
    } catch (error) {
      showToast(this.regions.toasts, error instanceof Error ? error.message : String(error), 'error');
    } finally {
      this.polling = false;
    }
  }

  private apply(state: PlaygroundState): void {
    this.state = state;
    this.user = state.user;
    this.noticeInstalled(state);
    const current = state.channels.find((channel) => channel.id === state.channel);
    if (current?.isMember) {
      this.channel = current.id;
    } else {
      // As in Slack, a user only reads the channels they are in: move to the first one.
      const first = state.channels.find((channel) => channel.isMember)?.id;
      if (first && first !== this.channel) {
        this.channel = first;
        this.thread = undefined;
        this.generation += 1;
        void this.refresh();
      }
    }
    const top = state.modals.at(-1);
    if (this.localErrors && this.localErrors.viewId !== top?.id) this.localErrors = undefined;
    this.entered.observe(liveScopes(state));
    this.writeUrl();
    this.render();
  }

  /**
   * "Add to Slack": the browser, signed in to Slack as the current person, goes through the app's
   * install page, Slack's (the stand-in's) authorize page and back to the app's redirect, in a
   * window of its own; once the app is installed the page closes it and shows the workspace.
   */
  async addToSlack(href: string): Promise<void> {
    const { user, state } = this;
    if (!user || !state || href === '') return;
    // Opened at the click, so no popup blocker stops it; it goes to the install page once signed in.
    const popup = window.open('', 'threadmodel-install', 'popup,width=640,height=720');
    const signedIn = await this.perform(() => api.signIn(user));
    if (!signedIn?.ok) {
      popup?.close();
      return;
    }
    if (!popup) {
      window.location.assign(href);
      return;
    }
    this.installing = { popup, teamId: state.workspace };
    popup.location.href = href;
  }

  private noticeInstalled(state: PlaygroundState): void {
    const installing = this.installing;
    const workspace = installing && state.workspaces.find((w) => w.teamId === installing.teamId);
    if (!installing || !workspace?.installed) return;
    this.installing = undefined;
    installing.popup.close();
    showToast(this.regions.toasts, `Threadmodel is installed in ${workspace.name}.`);
    if (this.view === 'home' && this.user) void this.perform(() => api.openHome(this.user ?? ''));
  }

  private writeUrl(): void {
    const params = new URLSearchParams();
    if (this.user) params.set('user', this.user);
    if (this.channel) params.set('channel', this.channel);
    if (this.thread) params.set('thread', this.thread);
    if (this.view === 'home') params.set('view', 'home');
    const next = `${window.location.pathname}?${params}`;
    if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', next);
  }

  /** Draws the last state. `alreadyShown`: only the user's own input changed, which the DOM already shows. */
  render(alreadyShown = false): void {
    if (!this.state) return;
    const top = this.state.modals.at(-1);
    draw(
      this.regions,
      {
        state: { ...this.state, channel: this.channel ?? null },
        view: this.view,
        thread: this.thread,
        values: this.entered.all(),
        errors: top && this.localErrors?.viewId === top.id ? this.localErrors.errors : {},
      },
      alreadyShown,
    );
  }

  /** Runs one API call, tells its error if any, and fetches the state fresh. */
  private async perform(call: () => Promise<Result>): Promise<Result | undefined> {
    this.generation += 1;
    let result: Result | undefined;
    try {
      result = await call();
      if (!result.ok) showToast(this.regions.toasts, result.error ?? 'The app did not accept that.', 'error');
    } catch (error) {
      showToast(this.regions.toasts, error instanceof Error ? error.message : String(error), 'error');
    }
    this.generation += 1;
    await this.refresh();
    return result;
  }

  private navigate(change: () => void): void {
    change();
    this.generation += 1;
    this.writeUrl();
    this.render();
    void this.refresh();
  }

  switchUser(user: string): void {
    this.localErrors = undefined;
    this.navigate(() => {
      this.user = user;
      this.thread = undefined;
    });
    if (this.view === 'home') void this.perform(() => api.openHome(user));
  }

  openChannel(channel: string): void {
    this.navigate(() => {
      this.channel = channel;
      this.thread = undefined;
      this.view = 'channel';
    });
  }

  openHome(): void {
    this.navigate(() => {
      this.view = 'home';
    });
    if (this.user) void this.perform(() => api.openHome(this.user ?? ''));
  }

  openThread(ts: string): void {
    this.navigate(() => {
      this.thread = ts;
    });
  }

  closeThread(): void {
    this.navigate(() => {
      this.thread = undefined;
    });
  }

  /**
   * What a composer sends: `/threatmodel …` goes to the app as a slash command (from the thread
   * composer too: Slack runs commands in the channel); other text is posted as the user's own
   * message, which the app does not read but its "Capture as threat" shortcut can. True when sent.
   */
  async send(text: string, threadTs?: string): Promise<boolean> {
    const trimmed = text.trim();
    const { user, channel } = this;
    if (trimmed === '' || !user || !channel) return false;
    const slash = /^\/(\S+)/.exec(trimmed)?.[1];
    if (slash !== undefined && slash.toLowerCase() !== 'threatmodel') {
      this.notice(`/${slash} is not a command in this workspace. Only /threatmodel reaches the app.`);
      return false;
    }
    this.notice(undefined);
    const result = await this.perform(() =>
      slash === undefined
        ? api.postMessage(user, channel, escapeForSlack(trimmed), threadTs)
        : api.command(user, channel, trimmed),
    );
    return result?.ok === true;
  }

  notice(text: string | undefined): void {
    this.regions.notice.hidden = text === undefined;
    this.regions.notice.textContent = text ?? '';
  }

  private slot(control: HTMLElement): { scope: string; key: string } | undefined {
    const scope = control.closest<HTMLElement>('[data-scope]')?.dataset.scope;
    const { blockId, actionId } = control.dataset;
    return scope && blockId !== undefined && actionId !== undefined
      ? { scope, key: valueKey(blockId, actionId) }
      : undefined;
  }

  /** Keeps what the user entered in a control, so re-renders restore it. */
  remember(control: HTMLElement, value: EnteredValue | undefined = readControl(control)): void {
    const slot = this.slot(control);
    if (slot) this.entered.set(slot.scope, slot.key, value);
  }

  /** The user typed in a text field: keep it; the DOM already shows it. */
  typed(control: HTMLElement): void {
    this.remember(control);
    this.render(true);
  }

  /**
   * A control changed: keep the value, and outside input blocks act on it at once (after its
   * confirm dialog; a denied confirm puts the old value back).
   */
  async changed(control: HTMLElement, value: EnteredValue | undefined = readControl(control)): Promise<void> {
    const slot = this.slot(control);
    if (!slot || value === undefined) return;
    const previous = this.entered.get(slot.scope, slot.key);
    this.entered.set(slot.scope, slot.key, value);
    const kind = control.dataset.kind ?? '';
    // Chips of a multi select are drawn from the entered values; other controls show the change already.
    this.render(!kind.startsWith('multi_'));
    if (control.dataset.dispatch === undefined) return;
    const acted = await this.act(control, Array.isArray(value) ? { values: value } : { value });
    if (!acted) {
      this.entered.set(slot.scope, slot.key, previous);
      this.redraw();
    }
  }

  /** Adds or removes a choice of a multi select. */
  changeMulti(control: HTMLElement, change: (values: string[]) => string[]): void {
    const current = readControl(control);
    const next = change(Array.isArray(current) ? current : []);
    setMultiSelected(control, next);
    void this.changed(control, next);
  }

  /** Draws everything again, even what looks unchanged (the DOM was changed under the renderer). */
  redraw(): void {
    for (const region of Object.values(this.regions)) invalidate(region);
    this.render();
  }

  /** A block action: the confirm dialog first when the element has one, then the API. False when denied. */
  async act(control: HTMLElement, choice: Choice): Promise<boolean> {
    const { user } = this;
    if (!user) return false;
    const confirm = control.dataset.confirm;
    if (confirm && this.state && !(await confirmDialog(this.regions.dialog, confirm, namesOf(this.state)))) {
      return false;
    }
    const url = control.dataset.url;
    if (url) window.open(url, '_blank', 'noopener,noreferrer');
    const surface = control.closest<HTMLElement>('[data-surface]');
    const where: api.Where = { in: SURFACES.find((name) => name === surface?.dataset.surface) ?? 'message' };
    if (surface?.dataset.ts) Object.assign(where, { channel: surface.dataset.channel, ts: surface.dataset.ts });
    const modal = where.in === 'modal' ? control.closest<HTMLElement>('[data-view-id]') : null;
    const request = {
      user,
      actionId: control.dataset.actionId ?? '',
      kind: control.dataset.kind ?? '',
      where,
      // Slack sends a modal's entered values with every action in it (ticks survive paging).
      ...(modal && { state: collectValues(modal) }),
    };
    await this.perform(() => api.act({ ...request, ...choice }));
    return true;
  }

  async submitModal(modal: HTMLElement): Promise<void> {
    const { user } = this;
    const viewId = modal.dataset.viewId;
    if (!user || !viewId) return;
    const missing = missingRequired(modal);
    if (Object.keys(missing).length > 0) {
      this.localErrors = { viewId, errors: missing };
      this.render();
      return;
    }
    const values = collectValues(modal);
    this.generation += 1;
    try {
      const result = await api.submit(user, values);
      this.localErrors =
        result.errors && Object.keys(result.errors).length > 0 ? { viewId, errors: result.errors } : undefined;
      if (!result.ok && !this.localErrors)
        showToast(this.regions.toasts, result.error ?? 'The app refused the form.', 'error');
    } catch (error) {
      showToast(this.regions.toasts, error instanceof Error ? error.message : String(error), 'error');
    }
    this.generation += 1;
    this.render();
    await this.refresh();
  }

  closeModal(): void {
    const { user } = this;
    if (user && this.state && this.state.modals.length > 0) void this.perform(() => api.closeModal(user));
  }

  captureThreat(message: HTMLElement): void {
    const { user } = this;
    const { channel, ts } = message.dataset;
    if (user && channel && ts) void this.perform(() => api.shortcut(user, channel, ts));
  }

  async runJobs(): Promise<void> {
    try {
      const { promoted } = await api.runJobs();
      showToast(
        this.regions.toasts,
        promoted === 0
          ? 'No scheduled jobs were waiting.'
          : `Ran ${promoted} scheduled job${promoted === 1 ? '' : 's'} now.`,
      );
    } catch (error) {
      showToast(this.regions.toasts, error instanceof Error ? error.message : String(error), 'error');
    }
    this.generation += 1;
    await this.refresh();
  }
}
