import type { WorkspaceSettingsSource } from '../../src/ports/workspace-settings';
import type { Installations } from '../../src/slack/installations';
import { installThroughBrowser } from '../stand-in/browser-install';
import type { SlackStandIn } from '../stand-in/stand-in-server';
import type { PlaygroundWorkspace } from './playground-setup';

/**
 * The playground's installs at start-up. The stand-in is new on every start, so tokens an earlier
 * session kept in Redis are dead (sealed with that session's key, too): they are forgotten, as an
 * uninstall would, and their workspaces' models stay. Then the workspaces meant to be ready are
 * installed through the app's real OAuth pages (install page, the stand-in's authorize page,
 * the redirect), as their first person would in a browser.
 */
export async function installAtStart(
  appPort: number,
  standIn: SlackStandIn,
  installations: Installations,
  workspaces: readonly PlaygroundWorkspace[],
): Promise<void> {
  standIn.oauth.redirectUrl = `http://127.0.0.1:${appPort}/slack/oauth_redirect`;
  for (const workspace of workspaces) {
    await installations.remove({ teamId: workspace.teamId, isEnterpriseInstall: false });
  }
  for (const workspace of workspaces.filter((candidate) => candidate.installedAtStart)) {
    const answer = await installThroughBrowser(appPort, standIn, installerOf(workspace));
    if (answer.status !== 200) throw new Error(`the playground could not install the app in ${workspace.name}`);
  }
}

/** Who the stand-in's authorize page installs as: a person of that workspace, signed in to Slack in the browser. */
export function installerOf(workspace: PlaygroundWorkspace, userId = workspace.installer) {
  return { teamId: workspace.teamId, teamName: workspace.name, userId };
}

/** Whether the app is installed in the workspace (its installation is in Redis). */
export async function isInstalled(installations: Installations, teamId: string): Promise<boolean> {
  return (await installations.find({ teamId, isEnterpriseInstall: false })) !== undefined;
}

/**
 * Each playground workspace reviews in its own #appsec with its own AppSec group: its settings
 * say so, unless someone already edited them (the playground's Redis may outlive a session).
 */
export async function settleWorkspaceSettings(
  settings: WorkspaceSettingsSource,
  workspaces: readonly PlaygroundWorkspace[],
): Promise<void> {
  for (const workspace of workspaces) {
    if (await settings.own(workspace.teamId)) continue;
    const appsec = { appsecChannelId: workspace.appsec.channelId, appsecUsergroupId: workspace.appsec.usergroupId };
    await settings.save(workspace.teamId, appsec, workspace.installer);
  }
}
