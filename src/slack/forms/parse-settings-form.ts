import type { SettingsFormInput } from '../../domain/settings-form';
import type { ViewState } from './form-values';
import { SETTINGS_FIELDS } from './settings-fields';

/** What one input of the settings form holds, as Slack sends it (a text, a channel, users or options). */
function entry(state: ViewState, field: string): Record<string, unknown> | undefined {
  return state[field]?.[field];
}

const text = (state: ViewState, field: string): string | undefined => {
  const value = entry(state, field)?.value;
  return typeof value === 'string' ? value : undefined;
};

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;

/**
 * The settings form's state as the domain's form input (src/domain/settings-form.ts checks every
 * field): texts as typed, the channel picked, the users picked, the options ticked.
 */
export function settingsFormInput(state: ViewState): SettingsFormInput {
  const channel = entry(state, SETTINGS_FIELDS.appsecChannelId)?.selected_conversation;
  const backlog = entry(state, SETTINGS_FIELDS.backlogIssues)?.selected_option;
  const forget = entry(state, SETTINGS_FIELDS.forget)?.selected_options;
  return {
    appsecChannelId: typeof channel === 'string' ? channel : undefined,
    appsecUsergroupId: text(state, SETTINGS_FIELDS.appsecUsergroupId),
    reviewSlaDays: text(state, SETTINGS_FIELDS.reviewSlaDays),
    reviewHolidays: text(state, SETTINGS_FIELDS.reviewHolidays),
    exportGitUrl: text(state, SETTINGS_FIELDS.exportGitUrl),
    exportBaseBranch: text(state, SETTINGS_FIELDS.exportBaseBranch),
    exportFolder: text(state, SETTINGS_FIELDS.exportFolder),
    githubRepository: text(state, SETTINGS_FIELDS.githubRepository),
    backlogIssues:
      backlog && typeof backlog === 'object' && 'value' in backlog && typeof backlog.value === 'string'
        ? backlog.value
        : undefined,
    admins: strings(entry(state, SETTINGS_FIELDS.admins)?.selected_users),
    gitToken: text(state, SETTINGS_FIELDS.gitToken),
    githubToken: text(state, SETTINGS_FIELDS.githubToken),
    forget: Array.isArray(forget)
      ? forget.map((option: { value?: unknown }) => option.value).filter((v): v is string => typeof v === 'string')
      : undefined,
  };
}
