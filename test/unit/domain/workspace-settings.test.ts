import { parseSettingsForm, SETTINGS_ERRORS } from '../../../src/domain/settings-form';
import { repositoryUrlProblem, resolveSettings, type SettingsDefaults } from '../../../src/domain/workspace-settings';
import { TEST_SETTINGS_DEFAULTS } from '../../support/port-fakes';

const PLATFORM: SettingsDefaults = {
  ...TEST_SETTINGS_DEFAULTS,
  export: {
    gitUrl: 'https://github.com/platform/threat-models.git',
    baseBranch: 'main',
    folder: 'threat-models',
    author: { name: 'Threadmodel', email: 'threadmodel@example.com' },
    gitToken: 'platform-git-token',
    github: {
      apiUrl: 'https://api.github.com',
      token: 'platform-github-token',
      repository: 'platform/threat-models',
      backlogIssues: true,
    },
  },
};
const POLICY = { localRepositories: false, sealsSecrets: true };

describe('workspace settings', () => {
  describe('in force', () => {
    it('are the deployment’s defaults for a workspace with none of its own', () => {
      expect(resolveSettings(undefined, PLATFORM)).toEqual({
        appsec: PLATFORM.appsec,
        review: PLATFORM.review,
        export: PLATFORM.export,
        admins: [],
      });
    });

    it('take each of the workspace’s own settings over the default', () => {
      const inForce = resolveSettings(
        { appsecChannelId: 'C0OWN0001', reviewSlaDays: 8, reviewHolidays: ['2026-12-24'], exportFolder: 'docs/tm' },
        PLATFORM,
      );
      expect(inForce.appsec).toEqual({ channelId: 'C0OWN0001', usergroupId: undefined });
      expect(inForce.review).toEqual({ slaWorkingDays: 8, holidays: ['2026-12-24'] });
      expect(inForce.export).toMatchObject({ gitUrl: PLATFORM.export?.gitUrl, folder: 'docs/tm' });
      expect(inForce.export?.github?.token).toBe('platform-github-token');
    });

    it('give each workspace its own part of the deployment’s repository when several share it (OAuth mode)', () => {
      const shared = { ...PLATFORM, sharedByWorkspaces: true };
      expect(resolveSettings(undefined, shared, 'T0ACME001').export).toMatchObject({
        folder: 'threat-models/t0acme001',
        workspaceSpace: 't0acme001',
      });
      expect(resolveSettings({ exportFolder: 'docs/tm' }, shared, 'E0GRID001').export).toMatchObject({
        folder: 'docs/tm/e0grid001',
        workspaceSpace: 'e0grid001',
      });
      // A repository of the workspace's own is its alone; one workspace (no OAuth) has the whole repository.
      const own = resolveSettings({ exportGitUrl: 'https://git.example.com/team/models.git' }, shared, 'T0ACME001');
      expect(own.export).toMatchObject({ folder: 'threat-models' });
      expect(own.export?.workspaceSpace).toBeUndefined();
      expect(resolveSettings(undefined, PLATFORM, 'T0ACME001').export?.workspaceSpace).toBeUndefined();
      expect(() => resolveSettings(undefined, shared, '../etc')).toThrow('not a workspace id');
    });

    it('never send the deployment’s tokens to a repository of the workspace’s own', () => {
      const own = resolveSettings({ exportGitUrl: 'https://git.example.com/team/models.git' }, PLATFORM).export;
      expect(own).toMatchObject({ gitUrl: 'https://git.example.com/team/models.git', baseBranch: 'main' });
      expect(own?.gitToken).toBeUndefined();
      expect(own?.github).toBeUndefined();
      const withToken = resolveSettings(
        {
          exportGitUrl: 'https://github.com/team/models.git',
          githubRepository: 'team/models',
          githubToken: 'team-token',
        },
        PLATFORM,
      ).export;
      expect(withToken?.github).toMatchObject({ repository: 'team/models', token: 'team-token', backlogIssues: true });
    });

    it('never point the deployment’s GitHub token at another GitHub repository', () => {
      const other = resolveSettings({ githubRepository: 'someone/else' }, PLATFORM).export;
      expect(other?.github).toBeUndefined();
      expect(other?.gitToken).toBe('platform-git-token'); // the repository is still the deployment's
    });

    it('set exports up for a workspace with a repository even where the deployment has none', () => {
      const none = { ...PLATFORM, export: undefined };
      expect(resolveSettings(undefined, none).export).toBeUndefined();
      expect(resolveSettings({ exportGitUrl: 'https://git.example.com/x.git' }, none).export).toEqual({
        gitUrl: 'https://git.example.com/x.git',
        baseBranch: 'main',
        folder: 'threat-models',
        author: none.exportBase.author,
        github: undefined,
      });
    });
  });

  describe('a repository address', () => {
    it.each([
      ['https://github.com/acme/models.git', false, 'nothing'],
      ['http://github.com/acme/models.git', false, 'https'],
      ['https://user:secret@github.com/acme/models.git', false, 'without a user or token'],
      ['git@github.com:acme/models.git', false, 'https'],
      ['/srv/repos/models.git', false, 'https'],
      ['/srv/repos/models.git', true, 'nothing'],
      ['/srv/repos/../etc', true, '..'],
      ['file:///etc/passwd', false, 'https'],
      ['https://github.com/acme/models.git\nx', false, 'https'],
    ])('%j (local paths allowed: %s): refused for %j', (url, local, problem) => {
      const found = repositoryUrlProblem(url, local);
      if (problem === 'nothing') expect(found).toBeUndefined();
      else expect(found).toContain(problem);
      expect(found ?? '').not.toContain('secret');
    });
  });

  describe('the form', () => {
    it('reads every field, blank ones left to the default', () => {
      const parsed = parseSettingsForm(
        {
          appsecChannelId: 'G0PRIVATE',
          appsecUsergroupId: ' S0APPSEC0 ',
          reviewSlaDays: '5',
          reviewHolidays: '2027-01-01 2026-12-25,2026-12-25',
          exportGitUrl: 'https://github.com/acme/models.git',
          exportBaseBranch: 'release/1',
          exportFolder: 'docs/security/',
          githubRepository: '',
          backlogIssues: 'off',
          admins: ['U0ALICE01', 'U0ALICE01'],
        },
        undefined,
        POLICY,
      );
      expect(parsed).toEqual({
        ok: true,
        settings: {
          appsecChannelId: 'G0PRIVATE',
          appsecUsergroupId: 'S0APPSEC0',
          reviewSlaDays: 5,
          reviewHolidays: ['2026-12-25', '2027-01-01'],
          exportGitUrl: 'https://github.com/acme/models.git',
          exportBaseBranch: 'release/1',
          exportFolder: 'docs/security',
          backlogIssues: false,
          admins: ['U0ALICE01'],
        },
      });
      expect(parseSettingsForm({ backlogIssues: 'default', githubRepository: ' ' }, undefined, POLICY)).toEqual({
        ok: true,
        settings: {},
      });
    });

    it('refuses an absolute folder rather than quietly making it relative', () => {
      expect(parseSettingsForm({ exportFolder: '/docs/security' }, undefined, POLICY)).toEqual({
        ok: false,
        errors: { exportFolder: SETTINGS_ERRORS.exportFolder },
      });
    });

    it('names every bad field at once, without repeating what was typed', () => {
      const parsed = parseSettingsForm(
        {
          appsecChannelId: 'D0DIRECT1',
          appsecUsergroupId: 'U0ALICE01',
          reviewSlaDays: '31',
          reviewHolidays: 'tomorrow',
          exportBaseBranch: '../main',
          exportFolder: 'a/../b',
          githubRepository: 'acme/..',
          gitToken: 'has space',
        },
        undefined,
        POLICY,
      );
      expect(parsed.ok).toBe(false);
      const errors = parsed.ok ? {} : parsed.errors;
      expect(Object.keys(errors).sort()).toEqual([
        'appsecChannelId',
        'appsecUsergroupId',
        'exportBaseBranch',
        'exportFolder',
        'gitToken',
        'githubRepository',
        'reviewHolidays',
        'reviewSlaDays',
      ]);
      expect(JSON.stringify(errors)).not.toContain('has space');
    });

    it('keeps a saved token when its field is blank, replaces or forgets it when asked', () => {
      const current = { gitToken: 'old-git', githubToken: 'old-github' };
      expect(parseSettingsForm({}, current, POLICY)).toEqual({ ok: true, settings: current });
      expect(parseSettingsForm({ gitToken: 'new-git', forget: ['githubToken'] }, current, POLICY)).toEqual({
        ok: true,
        settings: { gitToken: 'new-git' },
      });
    });

    it('refuses a new token while the server cannot seal it, and says which variable to set', () => {
      const parsed = parseSettingsForm({ githubToken: 'ghp_x' }, undefined, { ...POLICY, sealsSecrets: false });
      expect(parsed).toEqual({ ok: false, errors: { githubToken: SETTINGS_ERRORS.noKey } });
      expect(SETTINGS_ERRORS.noKey).toContain('INSTALLATION_ENCRYPTION_KEYS');
    });
  });
});
