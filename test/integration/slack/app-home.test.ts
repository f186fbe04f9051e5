import { TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { blockActions, sendInteraction, viewSubmission } from '../../support/hand-made-payloads';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB, DAVE, APPSEC1 } = USERS;

function homeText(view: { blocks?: unknown } | undefined): string {
  return JSON.stringify(view?.blocks ?? []);
}

/** The text of one Home section: from its title to the next divider. */
function sectionOf(view: { blocks?: unknown } | undefined, title: string): string {
  const blocks = (view?.blocks ?? []) as { type: string }[];
  const start = blocks.findIndex((b) => JSON.stringify(b).includes(`*${title}*`));
  const end = blocks.findIndex((b, i) => i > start && b.type === 'divider');
  return JSON.stringify(blocks.slice(start, end === -1 ? undefined : end));
}

describe('the App Home tab', () => {
  const ctx = useSlackApp();

  it('shows my models, what waits for me, and recent models of my channels only', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, 'C0PAYMENT', 'start Refunds API');
    await driver.command(ALICE.id, 'C0PAYMENT', 'start Payouts');
    await driver.command(ALICE.id, 'C0SEARCH0', 'start Search ranking');
    await driver.command(APPSEC1.id, 'C0APPSEC0', 'start AppSec intake');
    await ctx.settle();
    await driver.selectUsers(ALICE.id, 'roles.select.adversary', [BOB.id], { channel: 'C0PAYMENT' });
    await ctx.settle();
    const adversaryOf = await Promise.all(['TM-1', 'TM-2'].map((id) => ctx.model(id)));
    const bobsModel = adversaryOf.find((m) => m.roles.adversary.includes(BOB.id));
    expect(bobsModel).toBeDefined();
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-3' },
      { actor: 'system', action: 'test.review' },
      (m) => ({
        ...m,
        status: 'in_review',
        review: { requestedBy: ALICE.id, requestedAt: m.updatedAt, incomplete: false, reviewerId: BOB.id, history: [] },
      }),
    );

    await driver.appHomeOpened(BOB.id);
    await ctx.settle();
    const home = standIn.home(BOB.id);
    expect(sectionOf(home, 'Waiting for you')).toContain('TM-3');
    // Bob holds the Adversary role: the model's open step has prompts for him.
    expect(sectionOf(home, 'Waiting for you')).toContain(bobsModel?.id ?? 'missing');
    expect(sectionOf(home, 'Your models')).toContain(bobsModel?.id ?? 'missing');
    const recent = sectionOf(home, 'Recently updated in your channels');
    for (const title of ['Refunds API', 'Payouts', 'Search ranking']) expect(recent).toContain(title);
    expect(homeText(home)).not.toContain('AppSec intake'); // Bob is not in #appsec
    expect(homeText(home)).toContain('https://acme.slack.com/archives/C0PAYMENT/p');
  });

  it('shows ten per section and says how many more there are', async () => {
    const { driver, standIn } = ctx;
    for (let i = 0; i < 12; i++) await driver.command(ALICE.id, 'C0PAYMENT', `start Feature ${i}`);
    await ctx.settle();
    await driver.appHomeOpened(ALICE.id);
    await ctx.settle();
    const mine = sectionOf(standIn.home(ALICE.id), 'Your models');
    expect(mine.match(/\*TM-\d+\*/g)).toHaveLength(10);
    expect(mine).toContain('Showing the 10 most recently updated of 12');
  });

  describe('the Settings section', () => {
    /** The person opens their Home tab and clicks "Edit settings" there. */
    async function openSettings(userId: string) {
      await ctx.driver.appHomeOpened(userId);
      await ctx.settle();
      await ctx.driver.clickButton(userId, 'settings.edit');
      await ctx.settle();
      return ctx.standIn.openViews(userId).at(-1);
    }
    const own = () => ctx.composed.services.settings.own(TEAM_ID);

    it('is shown to a workspace admin only; the form answers bad values inline and saves good ones', async () => {
      await ctx.driver.appHomeOpened(ALICE.id);
      await ctx.settle();
      expect(homeText(ctx.standIn.home(ALICE.id))).not.toContain('settings.edit');

      expect((await openSettings(DAVE.id))?.title).toMatchObject({ text: 'Threadmodel settings' });
      const bad = await ctx.driver.submitView(DAVE.id, {
        appsecUsergroupId: 'X1',
        reviewSlaDays: '99',
        reviewHolidays: '2026-13-45',
        exportGitUrl: 'https://me:hunter2@git.example.com/x.git',
        exportFolder: '../up',
        githubRepository: 'not a repo',
      });
      expect(Object.keys(bad.errors ?? {}).sort()).toEqual([
        'appsecUsergroupId',
        'exportFolder',
        'exportGitUrl',
        'githubRepository',
        'reviewHolidays',
        'reviewSlaDays',
      ]);
      expect(JSON.stringify(bad.errors)).not.toContain('hunter2');
      expect(await own()).toBeUndefined();

      const good = await ctx.driver.submitView(DAVE.id, {
        appsecUsergroupId: 'S0OTHER01',
        reviewSlaDays: '5',
        reviewHolidays: '2027-01-01, 2026-12-25',
        exportGitUrl: '',
        exportFolder: '',
        githubRepository: '',
      });
      expect(good.errors).toBeUndefined();
      await ctx.settle();
      expect(await own()).toEqual({
        appsecUsergroupId: 'S0OTHER01',
        reviewSlaDays: 5,
        reviewHolidays: ['2026-12-25', '2027-01-01'],
      });
      const home = homeText(ctx.standIn.home(DAVE.id));
      expect(home).toContain('S0OTHER01');
      expect(home).toContain('due 5 working days after the request, 2 holidays skipped');
      expect((await ctx.composed.services.settings.forWorkspace(TEAM_ID)).appsec).toEqual({
        channelId: 'C0APPSEC0',
        usergroupId: 'S0OTHER01',
      });
    });

    it('refuses a token while the server has no encryption key, naming the variable to set', async () => {
      await openSettings(DAVE.id);
      const answer = await ctx.driver.submitView(DAVE.id, { githubToken: 'ghp_single_mode_token' });
      expect(answer.errors?.githubToken).toContain('INSTALLATION_ENCRYPTION_KEYS');
      expect(await own()).toBeUndefined();
    });

    it('refuses a forged click and a forged submission of someone who is no admin, changing nothing', async () => {
      const sender = { userId: ALICE.id, channelId: 'C0PAYMENT' };
      const click = {
        ...blockActions(sender, { type: 'button', action_id: 'settings.edit', value: 'workspace-settings' }),
        trigger_id: ctx.standIn.issueTrigger(ALICE.id),
        view: { id: 'V0HOME001', type: 'home' },
      };
      expect((await sendInteraction(ctx.driver, click)).status).toBe(200);
      await ctx.settle();
      expect(JSON.stringify(ctx.standIn.openViews(ALICE.id))).toContain('Only a workspace admin');
      expect(JSON.stringify(ctx.standIn.openViews(ALICE.id))).not.toContain('Threadmodel settings');

      const submission = viewSubmission(sender, {
        callback_id: 'settings.workspace',
        private_metadata: JSON.stringify({ form: 'workspace-settings' }),
        blocks: [{ type: 'input', block_id: 'appsecChannelId' }],
        state: {
          values: { appsecUsergroupId: { appsecUsergroupId: { type: 'plain_text_input', value: 'S0EVIL001' } } },
        },
      });
      const answer = await sendInteraction(ctx.driver, submission);
      expect(JSON.stringify(answer.json)).toContain('Only a workspace admin');
      expect(await own()).toBeUndefined();
    });
  });
});
