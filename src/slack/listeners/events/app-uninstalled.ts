import type { AllMiddlewareArgs, Context, SlackEventMiddlewareArgs } from '@slack/bolt';
import { forgetInstallation } from '../../../use-cases/forget-installation';
import type { SlackServices } from '../../deps';

/** The installation an uninstall or revocation is about: Bolt's context (it does not authorise these events). */
function installationOf(context: Context) {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
  };
}

/**
 * `app_uninstalled`: the workspace's (or organisation's) tokens are deleted and its reminders
 * stopped; its models stay for a reinstall. Logged without any token.
 */
export function appUninstalled(services: SlackServices) {
  return async ({ context }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs) => {
    const where = installationOf(context);
    const forgotten = await forgetInstallation(services, where);
    services.logger.info({ ...where, ...forgotten, workspaces: forgotten.workspaces.length }, 'app uninstalled');
  };
}

/** `tokens_revoked`: when the bot's token is among them, the same as an uninstall (user tokens alone: nothing to do). */
export function tokensRevoked(services: SlackServices) {
  return async ({ event, context }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    const where = installationOf(context);
    const forgotten = await forgetInstallation(services, where);
    services.logger.info({ ...where, ...forgotten, workspaces: forgotten.workspaces.length }, 'bot token revoked');
  };
}
