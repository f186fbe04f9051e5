import type { InputBlock, KnownBlock, PlainTextInput } from '@slack/types';
import { SETTINGS_LIMITS } from '../../domain/workspace-settings';
import type { SettingsFormData } from '../../use-cases/workspace-settings';
import { SETTINGS_FIELDS } from '../forms/settings-fields';
import { type SettingsModalMetadata, VIEWS } from '../ids';
import type { Modal } from './surfaces';
import { inputText, option, plain, section } from './text';

const DEFAULT = 'Blank: the deployment’s default';

function textInput(
  name: string,
  label: string,
  initial: string | undefined,
  hint: string,
  extra: Partial<PlainTextInput> = {},
): InputBlock {
  return {
    type: 'input',
    block_id: name,
    optional: true,
    label: plain(label, 2000),
    hint: plain(hint, 2000),
    element: {
      type: 'plain_text_input',
      action_id: name,
      ...(initial && { initial_value: inputText(initial) }),
      ...extra,
    },
  };
}

/** A token field: never filled in (a saved token is never sent back to Slack), only said to be set. */
function tokenInput(name: string, label: string, saved: boolean, sealsSecrets: boolean, use: string): InputBlock {
  const state = !sealsSecrets
    ? 'Tokens need an encryption key on the server (INSTALLATION_ENCRYPTION_KEYS); ask whoever runs Threadmodel.'
    : saved
      ? 'Set — leave blank to keep it.'
      : 'Not set.';
  return textInput(name, label, undefined, `${use} ${state}`, {
    max_length: SETTINGS_LIMITS.tokenMax,
    placeholder: plain(saved ? 'Set — leave blank to keep' : 'Paste a token', 150),
  });
}

/**
 * The workspace's settings form (admins only): AppSec, review timing, exports and who else may
 * edit. Each field shows the workspace's own value, blank where it takes the deployment's default
 * (shown in the hint, except the deployment's repository, which may carry credentials). Tokens
 * are never shown: the hint says whether one is saved.
 */
export function settingsModal(form: SettingsFormData): Modal {
  const { own, saved, inForce } = form;
  const metadata: SettingsModalMetadata = { form: 'workspace-settings' };
  const backlog = [
    option('The deployment’s default', 'default'),
    option('Open an issue per planned mitigation', 'on'),
    option('No issues', 'off'),
  ];
  const backlogChoice = own.backlogIssues === undefined ? 'default' : own.backlogIssues ? 'on' : 'off';
  const savedTokens = (['gitToken', 'githubToken'] as const).filter((token) => saved[token]);
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [plain('Settings of this workspace only. A blank field takes the deployment’s default.', 2000)],
    },
    section('*AppSec reviews*'),
    {
      type: 'input',
      block_id: SETTINGS_FIELDS.appsecChannelId,
      optional: true,
      label: plain('AppSec channel (review requests are posted there)', 2000),
      hint: plain(`${DEFAULT}${inForce.appsec.channelId ? '' : ' (none: reviews are not set up)'}.`, 2000),
      element: {
        type: 'conversations_select',
        action_id: SETTINGS_FIELDS.appsecChannelId,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(own.appsecChannelId && { initial_conversation: own.appsecChannelId }),
      },
    },
    textInput(
      SETTINGS_FIELDS.appsecUsergroupId,
      'AppSec user group id (its members review and approve)',
      own.appsecUsergroupId,
      `Such as S012ABC. ${DEFAULT}; with none, AppSec is the AppSec channel’s members.`,
      { max_length: 40 },
    ),
    textInput(
      SETTINGS_FIELDS.reviewSlaDays,
      'Review SLA, in working days',
      own.reviewSlaDays?.toString(),
      `1 to 30. ${DEFAULT} (${inForce.review.slaWorkingDays} now).`,
      { max_length: 2 },
    ),
    textInput(
      SETTINGS_FIELDS.reviewHolidays,
      'Holidays (skipped like weekends)',
      own.reviewHolidays?.join(', '),
      `Dates such as 2026-12-25, 2027-01-01. ${DEFAULT}.`,
      { max_length: 1200 },
    ),
    section('*Exports*'),
    textInput(
      SETTINGS_FIELDS.exportGitUrl,
      'Export repository',
      own.exportGitUrl,
      `An https:// address, without a user or token in it. ${DEFAULT}${inForce.exports.configured ? '' : ' (none: exports are not set up)'}.`,
      { max_length: SETTINGS_LIMITS.urlMax, placeholder: plain('https://github.com/acme/threat-models.git', 150) },
    ),
    textInput(SETTINGS_FIELDS.exportBaseBranch, 'Base branch', own.exportBaseBranch, `Such as main. ${DEFAULT}.`, {
      max_length: 100,
    }),
    textInput(
      SETTINGS_FIELDS.exportFolder,
      'Folder in the repository',
      own.exportFolder,
      `Such as threat-models or docs/security. ${DEFAULT}.`,
      { max_length: 200 },
    ),
    tokenInput(
      SETTINGS_FIELDS.gitToken,
      'Git token',
      saved.gitToken,
      form.sealsSecrets,
      'Lets git push over HTTPS (without one, the GitHub token does).',
    ),
    textInput(
      SETTINGS_FIELDS.githubRepository,
      'GitHub repository (owner/name), for pull requests',
      own.githubRepository,
      `Such as acme/threat-models. ${DEFAULT}; a repository of your own needs a GitHub token of your own.`,
      { max_length: 201 },
    ),
    tokenInput(
      SETTINGS_FIELDS.githubToken,
      'GitHub token',
      saved.githubToken,
      form.sealsSecrets,
      'Opens pull requests (and backlog issues).',
    ),
    {
      type: 'input',
      block_id: SETTINGS_FIELDS.backlogIssues,
      optional: true,
      label: plain('Backlog issues on export', 2000),
      element: {
        type: 'static_select',
        action_id: SETTINGS_FIELDS.backlogIssues,
        options: backlog,
        initial_option: backlog.find((choice) => choice.value === backlogChoice) ?? backlog[0],
      },
    },
  ];
  if (savedTokens.length > 0) {
    blocks.push({
      type: 'input',
      block_id: SETTINGS_FIELDS.forget,
      optional: true,
      label: plain('Remove saved tokens', 2000),
      element: {
        type: 'checkboxes',
        action_id: SETTINGS_FIELDS.forget,
        options: savedTokens.map((token) =>
          option(token === 'gitToken' ? 'Remove the Git token' : 'Remove the GitHub token', token),
        ),
      },
    });
  }
  blocks.push(section('*Who may edit these settings*'), {
    type: 'input',
    block_id: SETTINGS_FIELDS.admins,
    optional: true,
    label: plain('Threadmodel admins', 2000),
    hint: plain('Besides the workspace’s admins and owners, who always may.', 2000),
    element: {
      type: 'multi_users_select',
      action_id: SETTINGS_FIELDS.admins,
      max_selected_items: SETTINGS_LIMITS.admins,
      ...(own.admins && own.admins.length > 0 && { initial_users: [...own.admins] }),
    },
  });
  return {
    type: 'modal',
    callback_id: VIEWS.workspaceSettings,
    private_metadata: JSON.stringify(metadata),
    title: plain('Threadmodel settings', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}
