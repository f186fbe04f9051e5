import { USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB, APPSEC1 } = USERS;

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
});
