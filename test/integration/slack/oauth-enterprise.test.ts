import { TEAMS } from '../../../dev/stand-in/oauth';
import { USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, CAROL } = USERS;
const ORG = TEAMS.GRID.enterpriseId;
const SALES = TEAMS.GRID_SALES.teamId;
const LABS = TEAMS.GRID_LABS.teamId;

/** An org-wide install (org_deploy_enabled) in an Enterprise Grid organisation with two workspaces. */
describe('an org-wide Enterprise Grid install', () => {
  const ctx = useSlackApp({ oauth: true });

  beforeEach(async () => {
    const installed = await ctx.install({ ...TEAMS.GRID, orgWide: true, userId: CAROL.id });
    expect(installed.status).toBe(200);
  });

  it('is kept once, under the organisation, with its token sealed', async () => {
    const org = await ctx.installations?.find({ enterpriseId: ORG, isEnterpriseInstall: true });
    expect(org).toMatchObject({
      teamId: undefined,
      enterpriseId: ORG,
      isEnterpriseInstall: true,
      installerUserId: CAROL.id,
    });
    expect(await ctx.installations?.find({ teamId: SALES, isEnterpriseInstall: false })).toBeUndefined();
  });

  it('serves two workspaces of the organisation with its one token, each model keeping its team and enterprise', async () => {
    const sales = ctx.driverFor({ teamId: SALES, enterpriseId: ORG, orgWide: true });
    const labs = ctx.driverFor({ teamId: LABS, enterpriseId: ORG, orgWide: true });
    await Promise.all([
      sales.command(ALICE.id, 'C0PAYMENT', 'start Quotes API'),
      labs.command(ALICE.id, 'C0SEARCH0', 'start Lab notebook'),
    ]);
    await ctx.settle();
    const inSales = await ctx.store.require({ workspaceId: SALES, modelId: 'TM-1' });
    const inLabs = await ctx.store.require({ workspaceId: LABS, modelId: 'TM-1' });
    expect(inSales).toMatchObject({ title: 'Quotes API', workspaceId: SALES, enterpriseId: ORG });
    expect(inLabs).toMatchObject({ title: 'Lab notebook', workspaceId: LABS, enterpriseId: ORG });
    const posts = ctx.standIn.callsTo('chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post.token).toEqual({ teamId: undefined, enterpriseId: ORG });

    await labs.appHomeOpened(ALICE.id);
    await ctx.settle();
    const home = JSON.stringify(ctx.standIn.home(ALICE.id));
    expect(home).toContain('Lab notebook');
    expect(home).not.toContain('Quotes API');
  });

  it('background work of a member workspace finds the organisation’s token', async () => {
    const sales = ctx.driverFor({ teamId: SALES, enterpriseId: ORG, orgWide: true });
    await sales.command(ALICE.id, 'C0PAYMENT', 'start Quotes API');
    await ctx.settle();
    await expect(ctx.installations?.tokenForWorkspace(SALES)).resolves.toMatch(/^xoxb-E0GRID001-/);
    await expect(ctx.installations?.tokenForWorkspace('T0ELSEWHR')).resolves.toBeUndefined();
  });

  it('refuses a workspace of another organisation, and an uninstall of the organisation stops its workspaces', async () => {
    const outsider = ctx.driverFor({ teamId: 'T0OUTSIDE', enterpriseId: 'E0OTHER01', orgWide: true });
    await outsider.command(ALICE.id, 'C0PAYMENT', 'start Not ours');
    await ctx.settle();
    expect(await ctx.store.list('T0OUTSIDE', { by: 'all' })).toMatchObject({ total: 0 });

    const sales = ctx.driverFor({ teamId: SALES, enterpriseId: ORG, orgWide: true });
    await sales.command(ALICE.id, 'C0PAYMENT', 'start Quotes API');
    await ctx.settle();
    expect(await ctx.runtime.jobs.pendingReminder({ workspaceId: SALES, modelId: 'TM-1' }, 'idle')).toBeDefined();
    await sales.event({ type: 'app_uninstalled' });
    await ctx.settle();
    expect(await ctx.installations?.find({ enterpriseId: ORG, isEnterpriseInstall: true })).toBeUndefined();
    expect(await ctx.runtime.jobs.pendingReminder({ workspaceId: SALES, modelId: 'TM-1' }, 'idle')).toBeUndefined();
    expect((await ctx.store.require({ workspaceId: SALES, modelId: 'TM-1' })).title).toBe('Quotes API');
  });
});
