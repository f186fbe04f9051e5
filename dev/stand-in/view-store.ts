/** Modal stacks and Home tabs per user, with Slack's view ids, hashes and state. */
import { randomBytes } from 'node:crypto';
import { withBlockIds } from './block-ids';
import { isObject, type JsonObject } from './json';
import type { SlackView, StateValues } from './stand-in-types';

export const MAX_STACK = 3;

interface AppIds {
  teamId: string;
  appId: string;
  botId: string;
}

function keepStateOfSurvivingBlocks(state: StateValues, blocks: unknown[]): StateValues {
  const blockIds = new Set(blocks.filter(isObject).map((block) => block.block_id));
  return Object.fromEntries(Object.entries(state).filter(([blockId]) => blockIds.has(blockId)));
}

export class ViewStore {
  private readonly views = new Map<string, SlackView>();
  private readonly owners = new Map<string, string>();
  private readonly stacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();
  private counter = 0;

  /**
   * The workspace of the token making the current call, when oauth.v2.access issued it: Slack
   * marks the views it opens as that installation's (`app_installed_team_id`).
   */
  callerTeam: string | undefined;

  constructor(private readonly ids: AppIds) {}

  byId(id: string): SlackView | undefined {
    return this.views.get(id);
  }

  byExternalId(externalId: string): SlackView | undefined {
    return [...this.views.values()].find((view) => view.external_id !== '' && view.external_id === externalId);
  }

  ownerOf(viewId: string): string | undefined {
    return this.owners.get(viewId);
  }

  /** The user's modal stack, root first, top last. */
  stack(userId: string): SlackView[] {
    return (this.stacks.get(userId) ?? []).flatMap((id) => this.views.get(id) ?? []);
  }

  home(userId: string): SlackView | undefined {
    const id = this.homes.get(userId);
    return id === undefined ? undefined : this.views.get(id);
  }

  /** True when another live view already uses this external_id. */
  externalIdTaken(source: JsonObject, exceptViewId?: string): boolean {
    const externalId = typeof source.external_id === 'string' ? source.external_id : '';
    const holder = externalId === '' ? undefined : this.byExternalId(externalId);
    return holder !== undefined && holder.id !== exceptViewId;
  }

  /** views.open: a new modal stack with this view as root (an open modal is replaced). */
  open(userId: string, source: JsonObject): SlackView {
    this.clear(userId);
    const view = this.create(userId, source, null, null);
    this.stacks.set(userId, [view.id]);
    return view;
  }

  /** views.push: undefined when the user has no modal open; 'push_limit_reached' at three views. */
  push(userId: string, source: JsonObject): SlackView | 'push_limit_reached' | undefined {
    const stack = this.stacks.get(userId);
    const top = stack?.at(-1);
    if (!stack || top === undefined) return undefined;
    if (stack.length >= MAX_STACK) return 'push_limit_reached';
    const view = this.create(userId, source, stack[0] ?? top, top);
    stack.push(view.id);
    return view;
  }

  /** views.update / response_action update: new content, same id, new hash, input state kept where blocks survive. */
  update(view: SlackView, source: JsonObject): SlackView {
    const replaced = this.build(source, {
      id: view.id,
      root_view_id: view.root_view_id,
      previous_view_id: view.previous_view_id,
      state: {
        values: keepStateOfSurvivingBlocks(view.state.values, Array.isArray(source.blocks) ? source.blocks : []),
      },
    });
    this.views.set(view.id, replaced);
    return replaced;
  }

  /** views.publish: the user's Home tab (same id across publishes). */
  publish(userId: string, source: JsonObject): SlackView {
    const existing = this.home(userId);
    if (existing) return this.update(existing, source);
    const view = this.create(userId, source, null, null);
    this.homes.set(userId, view.id);
    return view;
  }

  /** Removes the top view of the user's modal stack and returns it. */
  pop(userId: string): SlackView | undefined {
    const stack = this.stacks.get(userId);
    const id = stack?.pop();
    if (id === undefined) return undefined;
    const view = this.views.get(id);
    this.forget(id);
    if (stack && stack.length === 0) this.stacks.delete(userId);
    return view;
  }

  /** Closes the user's whole modal stack. */
  clear(userId: string): void {
    for (const id of this.stacks.get(userId) ?? []) this.forget(id);
    this.stacks.delete(userId);
  }

  reset(): void {
    this.views.clear();
    this.owners.clear();
    this.stacks.clear();
    this.homes.clear();
  }

  private forget(id: string): void {
    this.views.delete(id);
    this.owners.delete(id);
  }

  private create(userId: string, source: JsonObject, rootId: string | null, previousId: string | null): SlackView {
    this.counter += 1;
    const id = `V${String(this.counter).padStart(10, '0')}`;
    const view = this.build(source, {
      id,
      root_view_id: rootId ?? id,
      previous_view_id: previousId,
      state: { values: {} },
    });
    this.views.set(id, view);
    this.owners.set(id, userId);
    return view;
  }

  private build(
    source: JsonObject,
    fixed: Pick<SlackView, 'id' | 'root_view_id' | 'previous_view_id' | 'state'>,
  ): SlackView {
    const text = (key: string): string => (typeof source[key] === 'string' ? String(source[key]) : '');
    return {
      ...source,
      ...fixed,
      team_id: this.callerTeam ?? this.ids.teamId,
      type: source.type === 'home' ? 'home' : 'modal',
      blocks: withBlockIds(Array.isArray(source.blocks) ? source.blocks : []),
      private_metadata: text('private_metadata'),
      callback_id: text('callback_id'),
      external_id: text('external_id'),
      hash: `${Date.now().toString().slice(0, 10)}.${randomBytes(4).toString('hex')}`,
      clear_on_close: source.clear_on_close === true,
      notify_on_close: source.notify_on_close === true,
      app_id: this.ids.appId,
      app_installed_team_id: this.callerTeam ?? this.ids.teamId,
      bot_id: this.ids.botId,
    };
  }
}
