/** The settings form's fields: each one's block id and action id (the modal's and the parser's). */
export const SETTINGS_FIELDS = {
  appsecChannelId: 'appsecChannelId',
  appsecUsergroupId: 'appsecUsergroupId',
  reviewSlaDays: 'reviewSlaDays',
  reviewHolidays: 'reviewHolidays',
  exportGitUrl: 'exportGitUrl',
  exportBaseBranch: 'exportBaseBranch',
  exportFolder: 'exportFolder',
  githubRepository: 'githubRepository',
  backlogIssues: 'backlogIssues',
  gitToken: 'gitToken',
  githubToken: 'githubToken',
  forget: 'forget',
  admins: 'admins',
} as const;
