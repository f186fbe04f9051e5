import { z } from 'zod';
import { ChannelIdSchema, SlackUserIdSchema } from './primitives';
import { BaseBranchSchema, GitHubRepositorySchema, safeFolder } from './repository-paths';

/**
 * A workspace's own settings (OAuth mode serves many workspaces, each set up by its admins from
 * the App Home): where AppSec reviews go and how they are timed, and where exports go. Every
 * field is optional: a field left unset takes the deployment's default (the environment
 * variables), so a workspace with no settings works exactly as a single-workspace install.
 */

/** Review SLA bounds, in working days (REVIEW_SLA_DAYS has the same). */
export const REVIEW_SLA_DAYS = { min: 1, max: 30 } as const;
export const SETTINGS_LIMITS = { holidays: 100, admins: 20, tokenMax: 500, urlMax: 2048 } as const;

export const UsergroupIdSchema = z.string().regex(/^S[A-Z0-9]{2,30}$/);
export const ReviewSlaDaysSchema = z.number().int().min(REVIEW_SLA_DAYS.min).max(REVIEW_SLA_DAYS.max);
export const ExportFolderSchema = z.string().transform((folder, ctx) => {
  const safe = safeFolder(folder);
  if (!safe) ctx.addIssue({ code: 'custom', message: 'not a safe folder' });
  return safe ?? '';
});
/** A token (Git over HTTPS, GitHub's API): printable, no white space. Never shown back, never logged. */
export const SettingsTokenSchema = z
  .string()
  .min(1)
  .max(SETTINGS_LIMITS.tokenMax)
  .regex(/^[!-~]+$/);

/**
 * Where a workspace's exports go: an https:// URL without a user or password in it (the token
 * has a field of its own and travels as a header), or, on a developer machine only
 * (`localRepositories`), a local path or file:// URL. A local path in production would let a
 * workspace's admin read or write the server's disk, and SSH would use the server's own keys.
 */
export function repositoryUrlProblem(url: string, localRepositories: boolean): string | undefined {
  const https =
    'must be an https:// address of a repository, such as https://github.com/acme/threat-models.git, without a user or token in it (the token has its own field)';
  if (url.length > SETTINGS_LIMITS.urlMax || /[\s\p{Cc}]/u.test(url)) return https;
  if (localRepositories && (url.startsWith('/') || url.startsWith('file:///'))) {
    return url.split('/').includes('..') ? 'must not go up a folder (`..`)' : undefined;
  }
  if (!URL.canParse(url)) return https;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.hostname === '')
    return https;
  return undefined;
}

/** The settings a workspace may hold, each optional (unset: the deployment's default). */
export const WorkspaceSettingsSchema = z.strictObject({
  appsecChannelId: ChannelIdSchema.optional(),
  appsecUsergroupId: UsergroupIdSchema.optional(),
  reviewSlaDays: ReviewSlaDaysSchema.optional(),
  reviewHolidays: z.array(z.iso.date()).max(SETTINGS_LIMITS.holidays).optional(),
  exportGitUrl: z
    .string()
    .refine((url) => repositoryUrlProblem(url, true) === undefined)
    .optional(),
  exportBaseBranch: BaseBranchSchema.optional(),
  exportFolder: z
    .string()
    .refine((folder) => safeFolder(folder) === folder)
    .optional(),
  githubRepository: GitHubRepositorySchema.optional(),
  backlogIssues: z.boolean().optional(),
  /** People who may edit these settings besides the workspace's Slack admins and owners. */
  admins: z.array(SlackUserIdSchema).max(SETTINGS_LIMITS.admins).optional(),
  /** Authenticates git over HTTPS (sent as a header); without it, the GitHub token does. */
  gitToken: SettingsTokenSchema.optional(),
  /** Opens pull requests (and backlog issues) in `githubRepository`. */
  githubToken: SettingsTokenSchema.optional(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

/** The fields holding secrets: kept sealed at rest, never shown back or logged. */
export const SECRET_SETTINGS = ['gitToken', 'githubToken'] as const;
export type SecretSetting = (typeof SECRET_SETTINGS)[number];

/** Where AppSec reviews go and who AppSec is. */
export interface AppSecSettings {
  /** The channel review requests are posted in; unset: reviews are not set up. */
  channelId: string | undefined;
  /** The user group of the reviewers; without it, AppSec is the channel's members. */
  usergroupId: string | undefined;
}

/** How reviews are timed: the SLA in working days and the holidays skipped. */
export interface ReviewSettings {
  slaWorkingDays: number;
  holidays: readonly string[];
}

/** Where exports go: a repository, its base branch and folder, and GitHub for pull requests. */
export interface ExportSettings {
  gitUrl: string;
  baseBranch: string;
  folder: string;
  author: { name: string; email: string };
  /** Authenticates git over HTTPS; unset: the GitHub token does (as GITHUB_TOKEN always has). */
  gitToken?: string | undefined;
  /** Set when a GitHub repository and token are: pull requests (and backlog issues). */
  github: { apiUrl: string; token: string; repository: string; backlogIssues: boolean } | undefined;
  /**
   * Set when this repository is the deployment's, shared by the workspaces of an OAuth
   * deployment: the workspace's own part of it (its id in lowercase). Its models' folders are
   * under `<folder>/<space>/` (already in `folder`) and their branches `threadmodel/<space>/TM-n`,
   * so one workspace's TM-1 never overwrites another's.
   */
  workspaceSpace?: string | undefined;
}

/** What is in force in one workspace. */
export interface WorkspaceConfig {
  appsec: AppSecSettings;
  review: ReviewSettings;
  /** Undefined: exports are not set up there. */
  export: ExportSettings | undefined;
  /** Who may edit the settings besides Slack's admins and owners. */
  admins: readonly string[];
}

/** The deployment's defaults (the environment), for what a workspace leaves unset. */
export interface SettingsDefaults {
  appsec: AppSecSettings;
  review: ReviewSettings;
  /** The deployment's export repository; undefined when EXPORT_GIT_URL is not set. */
  export: ExportSettings | undefined;
  /**
   * Several workspaces use this deployment (OAuth mode): each one's exports to the deployment's
   * repository go to a part of it of their own (`workspaceSpace`).
   */
  sharedByWorkspaces?: boolean;
  /** What a workspace's own repository starts from when the deployment has none. */
  exportBase: {
    baseBranch: string;
    folder: string;
    author: { name: string; email: string };
    githubApiUrl: string;
    backlogIssues: boolean;
  };
}

/**
 * The settings in force: each of the workspace's own, else the default. The deployment's
 * credentials go only where the deployment sends them: a workspace with a repository of its own
 * uses its own tokens (and GitHub repository) or none, and one naming another GitHub repository
 * brings its own GitHub token, so no admin can point the platform's token somewhere else.
 */
export function resolveSettings(
  own: WorkspaceSettings | undefined,
  defaults: SettingsDefaults,
  workspaceId?: string,
): WorkspaceConfig {
  const mine = own ?? {};
  return {
    appsec: {
      channelId: mine.appsecChannelId ?? defaults.appsec.channelId,
      usergroupId: mine.appsecUsergroupId ?? defaults.appsec.usergroupId,
    },
    review: {
      slaWorkingDays: mine.reviewSlaDays ?? defaults.review.slaWorkingDays,
      holidays: mine.reviewHolidays ?? defaults.review.holidays,
    },
    export: resolveExport(mine, defaults, workspaceId),
    admins: mine.admins ?? [],
  };
}

function resolveExport(
  mine: WorkspaceSettings,
  defaults: SettingsDefaults,
  workspaceId: string | undefined,
): ExportSettings | undefined {
  const shared = defaults.export;
  const gitUrl = mine.exportGitUrl ?? shared?.gitUrl;
  if (!gitUrl) return undefined;
  const sharedRepo = shared !== undefined && gitUrl === shared.gitUrl;
  const sharedGitHub = sharedRepo && (mine.githubRepository ?? shared.github?.repository) === shared.github?.repository;
  const repository = mine.githubRepository ?? (sharedRepo ? shared.github?.repository : undefined);
  const githubToken = mine.githubToken ?? (sharedGitHub ? shared.github?.token : undefined);
  const gitToken = mine.gitToken ?? (sharedRepo ? shared.gitToken : undefined);
  const space = sharedRepo && defaults.sharedByWorkspaces && workspaceId ? workspaceSpace(workspaceId) : undefined;
  const folder = mine.exportFolder ?? shared?.folder ?? defaults.exportBase.folder;
  return {
    gitUrl,
    baseBranch: mine.exportBaseBranch ?? shared?.baseBranch ?? defaults.exportBase.baseBranch,
    folder: space ? `${folder}/${space}` : folder,
    ...(space && { workspaceSpace: space }),
    author: shared?.author ?? defaults.exportBase.author,
    ...(gitToken && { gitToken }),
    github:
      repository && githubToken
        ? {
            apiUrl: shared?.github?.apiUrl ?? defaults.exportBase.githubApiUrl,
            token: githubToken,
            repository,
            backlogIssues: mine.backlogIssues ?? shared?.github?.backlogIssues ?? defaults.exportBase.backlogIssues,
          }
        : undefined,
  };
}

/** A workspace's part of a shared repository: its id (`T…`/`E…`, letters and digits), lowercase. */
function workspaceSpace(workspaceId: string): string {
  if (!/^[A-Z][A-Z0-9]{1,30}$/.test(workspaceId)) throw new Error(`not a workspace id: ${JSON.stringify(workspaceId)}`);
  return workspaceId.toLowerCase();
}

/** What may be shown of the settings in force (to the workspace's admins): nothing secret, no repository address. */
export interface ShownSettings {
  appsec: AppSecSettings;
  review: ReviewSettings;
  exports: { configured: boolean; pullRequests: boolean };
}

/** The settings in force without their tokens or repository address (the deployment's may carry credentials). */
export function shownSettings(inForce: WorkspaceConfig): ShownSettings {
  return {
    appsec: { ...inForce.appsec },
    review: { slaWorkingDays: inForce.review.slaWorkingDays, holidays: [...inForce.review.holidays] },
    exports: { configured: inForce.export !== undefined, pullRequests: inForce.export?.github !== undefined },
  };
}

/** Whether a person may edit a workspace's settings: a Slack admin or owner there, or listed in its admins. */
export function mayEditSettings(
  settings: Pick<WorkspaceConfig, 'admins'>,
  userId: string,
  slackAdmin: boolean,
): boolean {
  return slackAdmin || settings.admins.includes(userId);
}
