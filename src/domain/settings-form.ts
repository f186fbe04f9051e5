import type { z } from 'zod';
import { BaseBranchSchema, GitHubRepositorySchema, safeFolder } from './repository-paths';
import {
  REVIEW_SLA_DAYS,
  repositoryUrlProblem,
  SECRET_SETTINGS,
  SETTINGS_LIMITS,
  type SecretSetting,
  SettingsTokenSchema,
  UsergroupIdSchema,
  type WorkspaceSettings,
  WorkspaceSettingsSchema,
} from './workspace-settings';

/**
 * What an admin submitted on the settings form, as text (blank: the deployment's default). A
 * token left blank keeps the one saved; `forget` names tokens to remove.
 */
export interface SettingsFormInput {
  appsecChannelId?: string | undefined;
  appsecUsergroupId?: string | undefined;
  reviewSlaDays?: string | undefined;
  /** Dates separated by commas or spaces. */
  reviewHolidays?: string | undefined;
  exportGitUrl?: string | undefined;
  exportBaseBranch?: string | undefined;
  exportFolder?: string | undefined;
  githubRepository?: string | undefined;
  /** 'on', 'off', or unset for the deployment's default. */
  backlogIssues?: string | undefined;
  admins?: readonly string[] | undefined;
  gitToken?: string | undefined;
  githubToken?: string | undefined;
  forget?: readonly string[] | undefined;
}

export type SettingsField = Exclude<keyof SettingsFormInput, 'forget'>;

/** What the server allows: local repositories (a developer machine), and keeping tokens (an encryption key). */
export interface SettingsPolicy {
  localRepositories: boolean;
  sealsSecrets: boolean;
}

export type SettingsFormOutcome =
  | { ok: true; settings: WorkspaceSettings }
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** The message each field answers bad input with. None repeats what was typed (a token or URL may be secret). */
export const SETTINGS_ERRORS = {
  appsecChannelId: 'Pick a channel (not a direct message).',
  appsecUsergroupId: 'A user group id starts with S, such as S012ABC (the group’s page in Slack, ⋯, Copy group ID).',
  reviewSlaDays: `A whole number of working days from ${REVIEW_SLA_DAYS.min} to ${REVIEW_SLA_DAYS.max}.`,
  reviewHolidays: `Dates such as 2026-12-25, separated by commas; at most ${SETTINGS_LIMITS.holidays}.`,
  exportBaseBranch: 'A branch name such as main: letters, digits and . _ / -, no `..`.',
  exportFolder: 'A folder inside the repository, such as threat-models or docs/security: no `..`, not starting with /.',
  githubRepository: 'owner/name of a GitHub repository, such as acme/threat-models.',
  admins: `At most ${SETTINGS_LIMITS.admins} people.`,
  token: `A token is one word of printable characters, at most ${SETTINGS_LIMITS.tokenMax}.`,
  noKey:
    'Tokens are kept only when the server has an encryption key: ask whoever runs Threadmodel to set INSTALLATION_ENCRYPTION_KEYS.',
} as const;

const blank = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * The settings a submitted form asks for, checked field by field (every problem at once, on its
 * field), or the errors. `current` supplies the tokens a blank token field keeps.
 */
export function parseSettingsForm(
  input: SettingsFormInput,
  current: WorkspaceSettings | undefined,
  policy: SettingsPolicy,
): SettingsFormOutcome {
  const errors: Partial<Record<SettingsField, string>> = {};
  const out: WorkspaceSettings = {};
  const check = <T>(field: SettingsField, schema: z.ZodType<T>, raw: unknown, message: string): T | undefined => {
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    errors[field] = message;
    return undefined;
  };

  const channel = blank(input.appsecChannelId);
  if (channel !== undefined) {
    if (/^[CG][A-Z0-9]{2,30}$/.test(channel)) out.appsecChannelId = channel;
    else errors.appsecChannelId = SETTINGS_ERRORS.appsecChannelId;
  }
  const usergroup = check(
    'appsecUsergroupId',
    UsergroupIdSchema,
    blank(input.appsecUsergroupId),
    SETTINGS_ERRORS.appsecUsergroupId,
  );
  if (usergroup) out.appsecUsergroupId = usergroup;
  const sla = blank(input.reviewSlaDays);
  if (sla !== undefined) {
    const days = /^\d{1,2}$/.test(sla) ? Number(sla) : Number.NaN;
    if (days >= REVIEW_SLA_DAYS.min && days <= REVIEW_SLA_DAYS.max) out.reviewSlaDays = days;
    else errors.reviewSlaDays = SETTINGS_ERRORS.reviewSlaDays;
  }
  const holidays = blank(input.reviewHolidays);
  if (holidays !== undefined) {
    const dates = [...new Set(holidays.split(/[\s,;]+/).filter(Boolean))].sort();
    const parsed = WorkspaceSettingsSchema.shape.reviewHolidays.safeParse(dates);
    if (parsed.success && parsed.data) out.reviewHolidays = parsed.data;
    else errors.reviewHolidays = SETTINGS_ERRORS.reviewHolidays;
  }

  const gitUrl = blank(input.exportGitUrl);
  if (gitUrl !== undefined) {
    const problem = repositoryUrlProblem(gitUrl, policy.localRepositories);
    if (problem) errors.exportGitUrl = `The repository ${problem}.`;
    else out.exportGitUrl = gitUrl;
  }
  const branch = check(
    'exportBaseBranch',
    BaseBranchSchema,
    blank(input.exportBaseBranch),
    SETTINGS_ERRORS.exportBaseBranch,
  );
  if (branch) out.exportBaseBranch = branch;
  const folder = blank(input.exportFolder);
  if (folder !== undefined) {
    const safe = folder.startsWith('/') ? undefined : safeFolder(folder);
    if (safe) out.exportFolder = safe;
    else errors.exportFolder = SETTINGS_ERRORS.exportFolder;
  }
  const repository = check(
    'githubRepository',
    GitHubRepositorySchema,
    blank(input.githubRepository),
    SETTINGS_ERRORS.githubRepository,
  );
  if (repository) out.githubRepository = repository;
  if (input.backlogIssues === 'on' || input.backlogIssues === 'off') out.backlogIssues = input.backlogIssues === 'on';

  const admins = [...new Set(input.admins ?? [])];
  if (admins.length > SETTINGS_LIMITS.admins) errors.admins = SETTINGS_ERRORS.admins;
  else if (admins.length > 0) {
    const parsed = WorkspaceSettingsSchema.shape.admins.safeParse(admins);
    if (parsed.success && parsed.data) out.admins = parsed.data;
    else errors.admins = SETTINGS_ERRORS.admins;
  }

  for (const secret of SECRET_SETTINGS) {
    const given = blank(input[secret]);
    const kept = input.forget?.includes(secret) ? undefined : current?.[secret];
    if (given === undefined) {
      if (kept) out[secret] = kept;
      continue;
    }
    if (!policy.sealsSecrets) errors[secret] = SETTINGS_ERRORS.noKey;
    else if (!SettingsTokenSchema.safeParse(given).success) errors[secret] = SETTINGS_ERRORS.token;
    else out[secret] = given;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings: out };
}

/** Whether a secret is saved, for the form (which never shows one). */
export function savedSecrets(settings: WorkspaceSettings | undefined): Record<SecretSetting, boolean> {
  return { gitToken: Boolean(settings?.gitToken), githubToken: Boolean(settings?.githubToken) };
}
