import { parseSettingsForm, type SettingsField, type SettingsFormInput, savedSecrets } from '../domain/settings-form';
import {
  mayEditSettings,
  type SecretSetting,
  type ShownSettings,
  shownSettings,
  type WorkspaceSettings,
} from '../domain/workspace-settings';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type SettingsDeps = Pick<UseCaseDeps, 'settings' | 'admins' | 'logger'>;

/** What the settings form shows: the workspace's own values (tokens only as saved or not), and what is in force (nothing secret). */
export interface SettingsFormData {
  own: Omit<WorkspaceSettings, SecretSetting>;
  saved: Record<SecretSetting, boolean>;
  inForce: ShownSettings;
  sealsSecrets: boolean;
  localRepositories: boolean;
}

/** What a settings section of the Home tab shows an admin. */
export interface SettingsOverview {
  inForce: ShownSettings;
  /** Whether exports go to a repository the workspace set (else the deployment's, if any). */
  ownRepository: boolean;
}

const NOT_ADMIN =
  'Only a workspace admin or owner, or someone listed as a Threadmodel admin, can change these settings.';

/** Whether the person may edit the workspace's settings: a Slack admin or owner there, or listed in its admins. */
export async function isSettingsAdmin(deps: SettingsDeps, workspaceId: string, userId: string): Promise<boolean> {
  const [inForce, slackAdmin] = await Promise.all([
    deps.settings.forWorkspace(workspaceId),
    deps.admins.isSlackAdmin(workspaceId, userId),
  ]);
  return mayEditSettings(inForce, userId, slackAdmin);
}

/** The Home tab's settings section: for admins only (undefined for anyone else, who sees nothing of it). */
export async function settingsOverview(
  deps: SettingsDeps,
  { workspaceId, userId }: { workspaceId: string; userId: string },
): Promise<SettingsOverview | undefined> {
  if (!(await isSettingsAdmin(deps, workspaceId, userId).catch(() => false))) return undefined;
  const [inForce, own] = await Promise.all([deps.settings.forWorkspace(workspaceId), deps.settings.own(workspaceId)]);
  return { inForce: shownSettings(inForce), ownRepository: own?.exportGitUrl !== undefined };
}

/** "Edit settings": the form's values, for an admin. The tokens never leave here, only whether they are saved. */
export async function openSettings(
  deps: SettingsDeps,
  { workspaceId, by }: { workspaceId: string; by: string },
): Promise<UseCaseOutcome<{ form: SettingsFormData }>> {
  if (!(await isSettingsAdmin(deps, workspaceId, by))) return refuse(NOT_ADMIN);
  const own = (await deps.settings.own(workspaceId)) ?? {};
  const { gitToken: _git, githubToken: _github, ...shown } = own;
  return {
    ok: true,
    form: {
      own: shown,
      saved: savedSecrets(own),
      inForce: shownSettings(await deps.settings.forWorkspace(workspaceId)),
      sealsSecrets: deps.settings.sealsSecrets,
      localRepositories: deps.settings.localRepositories,
    },
  };
}

export type SaveSettingsOutcome =
  | { ok: true }
  | { ok: false; message: string }
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

/**
 * The settings form was submitted: who submits is checked again here, in the write (a forged
 * submission of someone who never saw the form is refused); then every field is checked, and
 * the workspace's settings are replaced. A blank token keeps the saved one.
 */
export async function saveSettings(
  deps: SettingsDeps,
  { workspaceId, by, input }: { workspaceId: string; by: string; input: SettingsFormInput },
): Promise<SaveSettingsOutcome> {
  if (!(await isSettingsAdmin(deps, workspaceId, by))) return refuse(NOT_ADMIN);
  const current = await deps.settings.own(workspaceId);
  const parsed = parseSettingsForm(input, current, deps.settings);
  if (!parsed.ok) return parsed;
  await deps.settings.save(workspaceId, parsed.settings, by);
  // Which settings the workspace now sets, never their values (tokens among them).
  deps.logger.info(
    { workspace: workspaceId, by, set: Object.keys(parsed.settings).sort() },
    'workspace settings saved',
  );
  return { ok: true };
}
