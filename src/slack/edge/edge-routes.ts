import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  MessageShortcut,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { z } from 'zod';
import type { EdgeSettings } from './edge-settings';
import { FOREIGN_WORKSPACE, issueSummary, refusalOf, type Surface, UNREADABLE } from './refusals';
import { refuseAction, refuseCommand, refuseShortcut, refuseView } from './refuse';
import { fromHomeWorkspace, respondsToSlack, routedId } from './sender-checks';

/** An id the app answers, or a pattern of ids with every id it stands for (for the fuzz test and the catch-all). */
export type RouteId = string | { pattern: RegExp; ids: readonly string[] };

/** One registered id of one surface, with the schema its payloads must pass. */
export interface EdgeRoute {
  surface: Surface;
  matches: (id: string) => boolean;
  /** The concrete ids this route answers. */
  ids: readonly string[];
  schema: z.ZodType<unknown>;
}

type Checked<Args> = Middleware<Args>;

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
/** A route's check and listeners, run as Bolt runs one listener's middleware. */
type Run<Args> = (args: Args) => Promise<void>;

/** Any id: each surface has one Bolt listener, which picks the route by the payload's id. */
const ANY = /^[\s\S]*$/;

/** Runs `chain` in order: each middleware's `next` runs the rest (the last one's does nothing). */
async function runChain<Args>(chain: readonly Middleware<Args>[], args: Args & AllMiddlewareArgs, from = 0) {
  const middleware = chain[from];
  if (middleware) await middleware({ ...args, next: () => runChain(chain, args, from + 1) });
}

/**
 * The registry of everything the app answers: each action id, callback id, command, shortcut and
 * event is registered here with the schema of exactly the fields its listener reads, and Bolt gets
 * the listener behind a check. A payload that fails the schema, comes from another workspace, or
 * names a response URL outside Slack never reaches the listener: it is acknowledged, the person is
 * told precisely (privately, or inline on a form), and it is logged as a warning without a stack.
 * The same list tells the catch-all (./catch-all) which ids are unknown, and the fuzz test what to send.
 *
 * Bolt runs every registered listener's middleware for every request (a copy of the arguments
 * each), so one Bolt listener per surface dispatches to the route by id: a request costs the
 * same before its ack whether the app answers five ids or fifty.
 */
export class EdgeRoutes {
  private readonly routes: EdgeRoute[] = [];
  private readonly actions = new Map<EdgeRoute, Run<ActionArgs>>();
  private readonly views = new Map<EdgeRoute, Run<ViewArgs>>();
  private readonly commands = new Map<EdgeRoute, Run<CommandArgs>>();
  private readonly shortcuts = new Map<EdgeRoute, Run<ShortcutArgs>>();

  constructor(
    private readonly app: App,
    private readonly settings: EdgeSettings,
  ) {
    app.action<BlockAction>(ANY, (args) => this.dispatch('action', this.actions, args));
    app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: ANY }, (args) =>
      this.dispatch('view', this.views, args),
    );
    app.command(ANY, (args) => this.dispatch('command', this.commands, args));
    app.shortcut<MessageShortcut>(ANY, (args) => this.dispatch('shortcut', this.shortcuts, args));
  }

  /** Every route, in registration order. */
  get all(): readonly EdgeRoute[] {
    return this.routes;
  }

  /** The routes of a surface that answer `id` (more than one would mean two listeners, two acks). */
  find(surface: Surface, id: string): EdgeRoute[] {
    return this.routes.filter((route) => route.surface === surface && route.matches(id));
  }

  action<A extends BlockAction>(
    id: RouteId,
    schema: z.ZodType<unknown>,
    ...listeners: Middleware<SlackActionMiddlewareArgs<A>>[]
  ): void {
    const route = this.add('action', id, schema);
    const check: Checked<SlackActionMiddlewareArgs<A>> = this.check(route, (args, text) =>
      refuseAction(this.settings, args, text),
    );
    // The listener names the action type it is bound to (a button, a menu), as with Bolt's app.action<A>.
    this.actions.set(route, (args) =>
      runChain([check, ...listeners], args as SlackActionMiddlewareArgs<A> & AllMiddlewareArgs),
    );
  }

  view(
    callbackId: string,
    schema: z.ZodType<unknown>,
    ...listeners: Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>[]
  ): void {
    const route = this.add('view', callbackId, schema);
    this.views.set(route, (args) => runChain([this.check(route, refuseView), ...listeners], args));
  }

  command(name: string, schema: z.ZodType<unknown>, ...listeners: Middleware<SlackCommandMiddlewareArgs>[]): void {
    const route = this.add('command', name, schema);
    this.commands.set(route, (args) => runChain([this.check(route, refuseCommand), ...listeners], args));
  }

  shortcut(
    callbackId: string,
    schema: z.ZodType<unknown>,
    ...listeners: Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>>[]
  ): void {
    const route = this.add('shortcut', callbackId, schema);
    const check: Checked<SlackShortcutMiddlewareArgs<MessageShortcut>> = this.check(route, (args, text) =>
      refuseShortcut(this.settings, args, text),
    );
    this.shortcuts.set(route, (args) => runChain([check, ...listeners], args));
  }

  /** Events are acknowledged by Bolt before any listener: a refused one is only logged. */
  event<E extends 'app_mention' | 'app_home_opened' | 'app_uninstalled' | 'tokens_revoked' | 'message'>(
    type: E,
    schema: z.ZodType<unknown>,
    ...listeners: Middleware<SlackEventMiddlewareArgs<E>>[]
  ): void {
    const route = this.add('event', type, schema);
    this.app.event(
      type,
      this.check(route, async () => {}),
      ...listeners,
    );
  }

  /** The one route of `surface` answering the payload's id runs; none: the catch-all answers. */
  private async dispatch<Args extends { body: unknown }>(
    surface: Surface,
    runs: ReadonlyMap<EdgeRoute, Run<Args>>,
    args: Args,
  ): Promise<void> {
    const [route] = this.find(surface, routedId(args.body) ?? '');
    const run = route && runs.get(route);
    if (run) await run(args);
  }

  private add(surface: Surface, id: RouteId, schema: z.ZodType<unknown>): EdgeRoute {
    const route: EdgeRoute =
      typeof id === 'string'
        ? { surface, matches: (candidate) => candidate === id, ids: [id], schema }
        : { surface, matches: (candidate) => id.pattern.test(candidate), ids: id.ids, schema };
    this.routes.push(route);
    return route;
  }

  /** Bolt listener middleware: the listener runs only when the payload passes every check. */
  private check<Args extends { body: unknown }>(
    route: EdgeRoute,
    refuse: (args: Parameters<Middleware<Args>>[0], text: string) => Promise<void>,
  ): Middleware<Args> {
    return async (args) => {
      const { body } = args;
      const parsed = route.schema.safeParse(body);
      const problem = !fromHomeWorkspace(body, this.settings.home(args.context))
        ? { text: FOREIGN_WORKSPACE[route.surface], issues: ['workspace: not this app’s'] }
        : !parsed.success
          ? { text: refusalOf(parsed.error, route.surface), issues: issueSummary(parsed.error) }
          : !respondsToSlack(body, this.settings.responseOrigins)
            ? { text: UNREADABLE[route.surface], issues: ['response_url: not Slack’s'] }
            : undefined;
      if (!problem) return args.next();
      this.settings.logger.warn(
        { surface: route.surface, [ID_FIELD[route.surface]]: routedId(body)?.slice(0, 100), issues: problem.issues },
        'refused a Slack payload at the edge',
      );
      await refuse(args, problem.text);
    };
  }
}

/** The log field naming the id, as in the app's request log (src/slack/slack-app.ts). */
export const ID_FIELD: Record<Surface, string> = {
  action: 'actionId',
  view: 'callbackId',
  command: 'command',
  shortcut: 'callbackId',
  event: 'eventType',
};
