import type { App } from '@slack/bolt';
import type { SlackServices } from '../deps';
import { registerCatchAll } from '../edge/catch-all';
import { EdgeRoutes } from '../edge/edge-routes';
import type { EdgeSettings } from '../edge/edge-settings';
import {
  AppMentionPayload,
  AppUninstalledPayload,
  CaptureShortcutPayload,
  CommandPayload,
  HomeOpenedPayload,
  MessagePayload,
  TokensRevokedPayload,
} from '../edge/other-schemas';
import { SHORTCUTS } from '../ids';
import { COMMAND } from '../views/command-responses';
import { registerActions } from './actions';
import { threatmodelCommand } from './commands/threatmodel-command';
import { appHomeOpened } from './events/app-home-opened';
import { appMention } from './events/app-mention';
import { appUninstalled, tokensRevoked } from './events/app-uninstalled';
import { fileShared } from './events/file-shared';
import { captureThreat } from './shortcuts/capture-threat';
import { registerViewSubmissions } from './views';

/**
 * Every listener, bound to its command, action id, callback id or event (each surface binds its
 * own) behind the edge's check of its payload, then the catch-all for ids no listener answers.
 * Returns the registry, so tests can send something to every id the app answers.
 */
export function registerListeners(app: App, services: SlackServices, edge: EdgeSettings): EdgeRoutes {
  const routes = new EdgeRoutes(app, edge);
  routes.command(COMMAND, CommandPayload, threatmodelCommand(services));
  registerActions(routes, services);
  registerViewSubmissions(routes, services);
  routes.shortcut(SHORTCUTS.captureThreat, CaptureShortcutPayload, captureThreat(services));
  routes.event('app_mention', AppMentionPayload, appMention(services));
  routes.event('app_home_opened', HomeOpenedPayload, appHomeOpened(services));
  routes.event('app_uninstalled', AppUninstalledPayload, appUninstalled(services));
  routes.event('tokens_revoked', TokensRevokedPayload, tokensRevoked(services));
  routes.event('message', MessagePayload, fileShared(services, edge.fileOrigins));
  registerCatchAll(app, routes, edge);
  return routes;
}
