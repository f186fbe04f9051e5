import type { App, BlockAction, MessageShortcut, Middleware, ViewSubmitAction } from '@slack/bolt';
import { type EdgeRoutes, ID_FIELD } from './edge-routes';
import type { EdgeSettings } from './edge-settings';
import { RETIRED, type Surface } from './refusals';
import { refuseAction, refuseCommand, refuseShortcut, refuseView } from './refuse';
import { routedId } from './sender-checks';

/** Any id at all: the catch-all's listeners go on only for ids no route answers. */
const ANY = /^[\s\S]*$/;

/**
 * The catch-all, registered after every route: an action, form, command or shortcut whose id no
 * route answers (a button from an older version of the app, a form opened before an upgrade) is
 * acknowledged and the person told that it is from an older message, instead of Slack's warning
 * after 3 seconds. Bolt runs every listener whose constraint matches, so each of these first asks
 * the registry and stands aside for a known id: one payload, one ack. Closed modals and option
 * lookups, which the app never asks for, are acknowledged with nothing.
 */
export function registerCatchAll(app: App, routes: EdgeRoutes, settings: EdgeSettings): void {
  const unknown = <Args extends { body: unknown }>(surface: Surface): Middleware<Args> => {
    return async ({ body, next }) => {
      const id = routedId(body) ?? '';
      if (routes.find(surface, id).length > 0) return;
      settings.logger.warn(
        { surface, [ID_FIELD[surface]]: id.slice(0, 100) },
        'answered a Slack payload for an id this version does not have',
      );
      await next();
    };
  };
  app.action<BlockAction>(ANY, unknown('action'), (args) => refuseAction(settings, args, RETIRED.action));
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: ANY }, unknown('view'), (args) =>
    refuseView(args, RETIRED.view),
  );
  app.view({ type: 'view_closed', callback_id: ANY }, async ({ ack }) => ack());
  app.command(ANY, unknown('command'), (args) => refuseCommand(args, RETIRED.command));
  app.shortcut<MessageShortcut>(ANY, unknown('shortcut'), (args) => refuseShortcut(settings, args, RETIRED.shortcut));
  app.options(ANY, async ({ ack }) => ack({ options: [] }));
}
