import { Redis } from 'ioredis';
import type { Chosen } from '../../../dev/stand-in/element-state';
import { TEAMS } from '../../../dev/stand-in/oauth';
import type { SlackDriver } from '../../../dev/stand-in/slack-driver';
import { USERS } from '../../../dev/stand-in/workspace';
import type { ExportSettings } from '../../../src/jobs/processors/processor-deps';
import { bareRepo } from '../../support/bare-repo';
import { eventually } from '../../support/eventually';
import { sendInteraction, viewSubmission } from '../../support/hand-made-payloads';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, DAVE, EVE } = USERS;
const ACME = TEAMS.ACME.teamId;
const GLOBEX = TEAMS.GLOBEX.teamId;
const ACME_CHANNEL = 'C0PAYMENT';
const GLOBEX_CHANNEL = 'C0SEARCH0';
const DAY = 24 * 60 * 60 * 1000;
const TOKEN = 'ghp_acmeOnlySecret0123456789';

/**
 * Two workspaces installed through the OAuth redirect, each with its own settings edited by its
 * admin in the App Home (Dave is an admin in the stand-in's workspaces, Alice and Eve are not).
 * Acme's settings are its own; Globex keeps the deployment's defaults. Reviews, their due dates
 * and reminders, and exports of each follow its own settings only, and a submission can only
 * ever change the settings of the workspace Slack says it comes from.
 */
describe('per-workspace settings of two installed workspaces', () => {
  let shared: ReturnType<typeof bareRepo> | undefined;
  let now = new Date();
  const ctx = useSlackApp({
    oauth: true,
    captureLogs: true,
    clock: () => now,
    exportSettings: (): ExportSettings => {
      shared?.cleanup();
      shared = bareRepo();
      return {
        gitUrl: shared.url,
        baseBranch: 'main',
        folder: 'threat-models',
        author: { name: 'Threadmodel', email: 'threadmodel@example.com' },
        github: undefined,
      };
    },
  });
  let acme: SlackDriver;
  let globex: SlackDriver;
  afterAll(() => shared?.cleanup());

  beforeEach(async () => {
    now = new Date();
    expect((await ctx.install({ ...TEAMS.ACME, userId: DAVE.id })).status).toBe(200);
    expect((await ctx.install({ ...TEAMS.GLOBEX, userId: DAVE.id })).status).toBe(200);
    acme = ctx.driverFor({ teamId: ACME });
    globex = ctx.driverFor({ teamId: GLOBEX });
  });

  /** The person opens their Home tab in the workspace of `driver` and clicks "Edit settings". */
  async function openSettings(driver: SlackDriver, userId: string) {
    await driver.appHomeOpened(userId);
    await ctx.settle();
    await driver.clickButton(userId, 'settings.edit');
    await ctx.settle();
  }
  async function saveSettings(driver: SlackDriver, userId: string, values: Record<string, Chosen>) {
    await openSettings(driver, userId);
    const answer = await driver.submitView(userId, values);
    await ctx.settle();
    return answer;
  }
  async function rawSettings(workspaceId: string): Promise<string | null> {
    const redis = new Redis(ctx.redisUrl);
    try {
      return await redis.get(ctx.keys.workspaceSettings(workspaceId));
    } finally {
      await redis.quit();
    }
  }
  const modelOf = (workspaceId: string) => ctx.store.require({ workspaceId, modelId: 'TM-1' });

  it('keeps a token sealed at rest, never shows it back and never logs it', async () => {
    expect(
      (await saveSettings(acme, DAVE.id, { githubRepository: 'acme/threat-models', githubToken: TOKEN })).errors,
    ).toBeUndefined();

    const raw = await rawSettings(ACME);
    expect(raw).toContain('acme/threat-models');
    expect(raw).not.toContain(TOKEN);
    expect(JSON.parse(raw ?? '{}').sealed.githubToken).toMatch(/^v1:test1:/);
    expect(await rawSettings(GLOBEX)).toBeNull();
    expect((await ctx.composed.services.settings.own(ACME))?.githubToken).toBe(TOKEN);

    await openSettings(acme, DAVE.id);
    const form = JSON.stringify(ctx.standIn.openViews(DAVE.id).at(-1));
    expect(form).not.toContain(TOKEN);
    expect(form).toContain('Set — leave blank to keep');
    // Saved again with the token field blank: the token is kept.
    expect((await acme.submitView(DAVE.id, { reviewSlaDays: '4' })).errors).toBeUndefined();
    expect((await ctx.composed.services.settings.own(ACME))?.githubToken).toBe(TOKEN);
    expect(JSON.stringify(ctx.logs)).not.toContain(TOKEN);
    expect(JSON.stringify(ctx.standIn.calls.map((call) => call.args))).not.toContain(TOKEN);
  });

  it('posts each review in its own workspace’s AppSec channel, due, reminded and escalated by its own settings', async () => {
    const saved = await saveSettings(acme, DAVE.id, {
      appsecChannelId: GLOBEX_CHANNEL,
      reviewSlaDays: '10',
    });
    expect(saved.errors).toBeUndefined();
    for (const [driver, channel, title] of [
      [acme, ACME_CHANNEL, 'Refunds API'],
      [globex, GLOBEX_CHANNEL, 'Search index'],
    ] as const) {
      await driver.command(ALICE.id, channel, `start ${title}`);
      await ctx.settle();
      await driver.clickButton(ALICE.id, 'review.request', { channel });
      await ctx.settle();
      expect((await driver.submitView(ALICE.id, { incomplete: ['yes'] })).errors).toBeUndefined();
      await ctx.settle();
    }
    const cards = await eventually('both review cards', async () => {
      const posted = ctx.standIn
        .callsTo('chat.postMessage')
        .filter((call) => JSON.stringify(call.args).includes('review') && call.args.thread_ts === undefined);
      const acmeCard = posted.find((call) => call.token?.teamId === ACME && call.args.channel === GLOBEX_CHANNEL);
      const globexCard = posted.find((call) => call.token?.teamId === GLOBEX && call.args.channel === 'C0APPSEC0');
      return acmeCard && globexCard ? { acmeCard, globexCard } : undefined;
    });
    expect(JSON.stringify(cards.acmeCard.args)).toContain('Refunds API');
    expect(JSON.stringify(cards.globexCard.args)).toContain('Search index');
    const acmeOnAppSec = ctx.standIn
      .callsTo('chat.postMessage')
      .filter((call) => call.token?.teamId === ACME && call.args.channel === 'C0APPSEC0');
    expect(acmeOnAppSec).toEqual([]);

    const dueIn = async (workspaceId: string) =>
      eventually(`a reviewer in ${workspaceId}`, async () => {
        const { review } = await modelOf(workspaceId);
        return review?.dueAt ? (Date.parse(review.dueAt) - Date.parse(review.requestedAt)) / DAY : undefined;
      });
    // 10 working days are at least two calendar weeks; 3 at most five days.
    expect(await dueIn(ACME)).toBeGreaterThanOrEqual(14);
    expect(await dueIn(GLOBEX)).toBeLessThanOrEqual(5);
    for (const workspaceId of [ACME, GLOBEX]) {
      const ref = { workspaceId, modelId: 'TM-1' };
      const reminder = await ctx.runtime.jobs.pendingReminder(ref, 'review');
      expect(reminder?.at.toISOString()).toBe((await modelOf(workspaceId)).review?.dueAt);
    }

    // Acme's admin moves its AppSec channel: the overdue review's escalation, run later, goes there.
    expect((await saveSettings(acme, DAVE.id, { appsecChannelId: ACME_CHANNEL })).errors).toBeUndefined();
    now = new Date(Date.now() + 40 * DAY);
    await ctx.runtime.promoteDelayed();
    const escalations = () =>
      ctx.standIn.callsTo('chat.postMessage').filter((call) => JSON.stringify(call.args).includes('is overdue'));
    await eventually('both escalations', async () => (escalations().length >= 2 ? true : undefined));
    const where = escalations().map((call) => `${call.token?.teamId} ${call.args.channel}`);
    expect(where.sort()).toEqual([`${ACME} ${ACME_CHANNEL}`, `${GLOBEX} C0APPSEC0`].sort());
  });

  it('exports each model to its own workspace’s repository, the other to the deployment’s', async () => {
    const own = bareRepo();
    try {
      expect(
        (await saveSettings(acme, DAVE.id, { exportGitUrl: own.url, exportFolder: 'security/models' })).errors,
      ).toBeUndefined();
      await acme.command(ALICE.id, ACME_CHANNEL, 'start Refunds API');
      await globex.command(ALICE.id, GLOBEX_CHANNEL, 'start Search index');
      await ctx.settle();
      await acme.command(ALICE.id, ACME_CHANNEL, 'export TM-1');
      await globex.command(ALICE.id, GLOBEX_CHANNEL, 'export TM-1');
      const branches = (repo: { git: (...args: string[]) => string }) => repo.git('branch', '--list', 'threadmodel/*');
      // The deployment's repository is shared by the workspaces: Globex's models go to its own part of it.
      const globexBranch = 'threadmodel/t0globex0/TM-1';
      await eventually('both exports', async () =>
        branches(own).includes('threadmodel/TM-1') && shared && branches(shared).includes(globexBranch)
          ? true
          : undefined,
      );
      const files = (repo: { git: (...args: string[]) => string }, branch = 'threadmodel/TM-1') =>
        repo.git('ls-tree', '-r', '--name-only', branch);
      expect(files(own)).toContain('security/models/tm-1-refunds-api/README.md');
      expect(files(own)).not.toContain('search-index');
      const sharedFiles = shared ? files(shared, globexBranch) : '';
      expect(sharedFiles).toContain('threat-models/t0globex0/tm-1-search-index/README.md');
      expect(sharedFiles).not.toContain('refunds-api');
    } finally {
      own.cleanup();
    }
  });

  it('keeps the models of workspaces sharing the deployment’s repository apart: branches, folders and imports', async () => {
    await acme.command(ALICE.id, ACME_CHANNEL, 'start Refunds API');
    await globex.command(ALICE.id, GLOBEX_CHANNEL, 'start Search index');
    await ctx.settle();
    await acme.command(ALICE.id, ACME_CHANNEL, 'export TM-1');
    await globex.command(ALICE.id, GLOBEX_CHANNEL, 'export TM-1');
    const repo = shared as NonNullable<typeof shared>;
    await eventually('both exports', async () =>
      /t0workspc\/TM-1[\s\S]*t0globex0\/TM-1|t0globex0\/TM-1[\s\S]*t0workspc\/TM-1/.test(
        repo.git('branch', '--list', 'threadmodel/*'),
      )
        ? true
        : undefined,
    );
    // Neither TM-1 overwrote the other: each is on its workspace's branch, in its workspace's folder.
    expect(repo.git('branch', '--list', 'threadmodel/TM-1').trim()).toBe('');
    const acmeFiles = repo.git('ls-tree', '-r', '--name-only', 'threadmodel/t0workspc/TM-1');
    expect(acmeFiles).toContain('threat-models/t0workspc/tm-1-refunds-api/README.md');
    expect(acmeFiles).not.toContain('search-index');
    const globexFiles = repo.git('ls-tree', '-r', '--name-only', 'threadmodel/t0globex0/TM-1');
    expect(globexFiles).toContain('threat-models/t0globex0/tm-1-search-index/README.md');
    expect(globexFiles).not.toContain('refunds-api');

    // Merged to the base branch, Globex's export still cannot be imported from Acme.
    repo.git('update-ref', 'refs/heads/main', 'threadmodel/t0globex0/TM-1');
    await acme.command(ALICE.id, ACME_CHANNEL, 'import threat-models/t0globex0/tm-1-search-index/threat-model.tc.json');
    await ctx.settle();
    expect(String(ctx.standIn.responses.at(-1)?.body.text)).toContain(
      'This workspace shares the export repository with others: import a file of its own folder, `threat-models/t0workspc/`.',
    );
    expect(await ctx.store.get({ workspaceId: ACME, modelId: 'TM-2' })).toBeUndefined();
  });

  it('changes only the settings of the workspace a submission comes from, and only for its admins', async () => {
    // Alice is no Slack admin; Acme's admin lists her as a Threadmodel admin there.
    expect(
      (await saveSettings(acme, DAVE.id, { admins: [ALICE.id], appsecUsergroupId: 'S0ACMESEC' })).errors,
    ).toBeUndefined();
    await openSettings(acme, ALICE.id);
    expect(ctx.standIn.openViews(ALICE.id).at(-1)?.title).toMatchObject({ text: 'Threadmodel settings' });
    const before = await rawSettings(ACME);

    // Acme's form, submitted as Globex: the edge sees the form is another workspace's.
    const crossed = await globex.submitView(ALICE.id, { appsecUsergroupId: 'S0EVIL001' });
    expect(JSON.stringify(crossed.errors)).toContain('This form belongs to another Slack workspace');
    // A submission made by hand for Globex: Alice is no admin there (the form names no workspace to aim at).
    const forged = viewSubmission(
      { userId: ALICE.id, channelId: GLOBEX_CHANNEL, teamId: GLOBEX },
      {
        callback_id: 'settings.workspace',
        private_metadata: JSON.stringify({ form: 'workspace-settings' }),
        blocks: [{ type: 'input', block_id: 'appsecChannelId' }],
        state: {
          values: { appsecUsergroupId: { appsecUsergroupId: { type: 'plain_text_input', value: 'S0EVIL001' } } },
        },
      },
    );
    expect(JSON.stringify((await sendInteraction(globex, forged)).json)).toContain('Only a workspace admin');
    await ctx.settle();
    expect(await rawSettings(GLOBEX)).toBeNull();
    expect(await rawSettings(ACME)).toBe(before);

    await globex.appHomeOpened(ALICE.id);
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.home(ALICE.id))).not.toContain('settings.edit');
    await globex.appHomeOpened(EVE.id);
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.home(EVE.id))).not.toContain('settings.edit');
    expect((await ctx.composed.services.settings.forWorkspace(GLOBEX)).appsec.usergroupId).toBe('S0APPSEC0');
    expect((await ctx.composed.services.settings.forWorkspace(ACME)).appsec.usergroupId).toBe('S0ACMESEC');
  });
});
