import type { App, MessageShortcut } from '@slack/bolt';
import type { SlackServices } from '../deps';
import { SHORTCUTS } from '../ids';
import { COMMAND } from '../views/command-responses';
import { registerActions } from './actions';
import { threatmodelCommand } from './commands/threatmodel-command';
import { appHomeOpened } from './events/app-home-opened';
import { appMention } from './events/app-mention';
import { captureThreat } from './shortcuts/capture-threat';
import { registerViewSubmissions } from './views';

/** Every listener, bound to its command, action id, callback id or event (each surface binds its own). */
export function registerListeners(app: App, services: SlackServices): void {
  app.command(COMMAND, threatmodelCommand(services));
  registerActions(app, services);
  registerViewSubmissions(app, services);
  app.shortcut<MessageShortcut>(SHORTCUTS.captureThreat, captureThreat(services));
  app.event('app_mention', appMention(services));
  app.event('app_home_opened', appHomeOpened(services));
}
