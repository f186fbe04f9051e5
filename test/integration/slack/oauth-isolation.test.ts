import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEAMS } from '../../../dev/stand-in/oauth';
import type { SlackDriver } from '../../../dev/stand-in/slack-driver';
import { USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB } = USERS;
const ACME = TEAMS.ACME.teamId;
const GLOBEX = TEAMS.GLOBEX.teamId;
const ACME_CHANNEL = 'C0PAYMENT';
const GLOBEX_CHANNEL = 'C0SEARCH0';

/**
 * Two workspaces installed through the OAuth redirect, one model in each (both TM-1), walked at
 * the same time. The stand-in serves the same people and channels to both, so only the app's
 * own bookkeeping keeps them apart: what each one sees and changes, and whose token it uses.
 */
describe('two installed workspaces', () => {
  const ctx = useSlackApp({ oauth: true });
  let acme: SlackDriver;
  let globex: SlackDriver;

  beforeEach(async () => {
    expect((await ctx.install({ ...TEAMS.ACME, userId: ALICE.id })).status).toBe(200);
    expect((await ctx.install({ ...TEAMS.GLOBEX, userId: BOB.id })).status).toBe(200);
    acme = ctx.driverFor({ teamId: ACME });
    globex = ctx.driverFor({ teamId: GLOBEX });
    await Promise.all([
      acme.command(ALICE.id, ACME_CHANNEL, 'start Refunds API'),
      globex.command(ALICE.id, GLOBEX_CHANNEL, 'start Search index'),
    ]);
    await ctx.settle();
  });

  const modelOf = (workspaceId: string) => ctx.store.require({ workspaceId, modelId: 'TM-1' });

  it('keeps a model in each, and calls Slack for each with its own installation’s token', async () => {
    expect((await modelOf(ACME)).title).toBe('Refunds API');
    expect((await modelOf(GLOBEX)).title).toBe('Search index');
    const posts = ctx.standIn.callsTo('chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.token?.teamId).toBe(post.args.channel === ACME_CHANNEL ? ACME : GLOBEX);
    }
  });

  it('answers a command with the workspace’s own model only', async () => {
    const [inAcme, inGlobex] = await Promise.all([
      acme.command(ALICE.id, ACME_CHANNEL, 'status TM-1'),
      globex.command(ALICE.id, GLOBEX_CHANNEL, 'status TM-1'),
    ]);
    await ctx.settle();
    const said = (result: typeof inAcme) =>
      JSON.stringify([
        result.json,
        ...ctx.standIn.responses.filter((r) => r.id === result.responseUrl.split('/').pop()),
      ]);
    expect(said(inAcme)).toContain('Refunds API');
    expect(said(inAcme)).not.toContain('Search index');
    expect(said(inGlobex)).toContain('Search index');
    expect(said(inGlobex)).not.toContain('Refunds API');
  });

  it('a button of one workspace’s card, clicked as the other workspace, never reaches the first one’s model', async () => {
    const before = await modelOf(ACME);
    await globex.clickButton(ALICE.id, 'model.history', { channel: ACME_CHANNEL, value: 'TM-1' });
    await ctx.settle();
    const shown = JSON.stringify(ctx.standIn.openViews(ALICE.id));
    expect(shown).not.toContain('Refunds API');
    expect((await modelOf(ACME)).version).toBe(before.version);
    for (const call of ctx.standIn.calls.filter((c) => c.method.startsWith('views.'))) {
      expect(call.token?.teamId).toBe(GLOBEX);
    }
  });

  it('a form opened in one workspace and submitted as the other changes neither model', async () => {
    await acme.clickButton(ALICE.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    expect(ctx.standIn.openViews(ALICE.id).at(-1)?.title).toMatchObject({ text: 'Add asset' });
    const [acmeBefore, globexBefore] = await Promise.all([modelOf(ACME), modelOf(GLOBEX)]);
    await globex.submitView(ALICE.id, { name: 'Card token', classification: 'restricted' });
    await ctx.settle();
    expect((await modelOf(ACME)).scope).toEqual(acmeBefore.scope);
    expect(JSON.stringify((await modelOf(GLOBEX)).scope)).not.toContain('Card token');
    expect((await modelOf(GLOBEX)).scope).toEqual(globexBefore.scope);
  });

  it('the same form submitted in its own workspace saves there only', async () => {
    await globex.clickButton(ALICE.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    expect(
      (await globex.submitView(ALICE.id, { name: 'Query logs', classification: 'internal' })).errors,
    ).toBeUndefined();
    await ctx.settle();
    expect(JSON.stringify((await modelOf(GLOBEX)).scope)).toContain('Query logs');
    expect(JSON.stringify((await modelOf(ACME)).scope)).not.toContain('Query logs');
  });

  it('shows each workspace’s Home tab with its own models only, published with its own token', async () => {
    await acme.appHomeOpened(ALICE.id);
    await ctx.settle();
    const acmeHome = JSON.stringify(ctx.standIn.home(ALICE.id));
    expect(acmeHome).toContain('Refunds API');
    expect(acmeHome).not.toContain('Search index');
    expect(ctx.standIn.callsTo('views.publish').at(-1)?.token?.teamId).toBe(ACME);

    await globex.appHomeOpened(ALICE.id);
    await ctx.settle();
    const globexHome = JSON.stringify(ctx.standIn.home(ALICE.id));
    expect(globexHome).toContain('Search index');
    expect(globexHome).not.toContain('Refunds API');
    expect(ctx.standIn.callsTo('views.publish').at(-1)?.token?.teamId).toBe(GLOBEX);
  });

  it('serves nothing to a workspace that is not installed', async () => {
    const stranger = ctx.driverFor({ teamId: 'T0STRANGE' });
    const calls = ctx.standIn.calls.length;
    await stranger.command(ALICE.id, ACME_CHANNEL, 'start Stolen goods');
    await stranger.appHomeOpened(ALICE.id);
    await ctx.settle();
    expect(ctx.standIn.calls.slice(calls)).toEqual([]);
    expect(await ctx.store.list('T0STRANGE', { by: 'all' })).toMatchObject({ total: 0 });
  });

  it('imports a file shared in one workspace’s import thread with that installation’s token, into that workspace', async () => {
    await globex.command(BOB.id, GLOBEX_CHANNEL, 'import');
    await ctx.settle();
    const prompt = ctx.standIn.messages(GLOBEX_CHANNEL).at(-1);
    await globex.shareFile(BOB.id, GLOBEX_CHANNEL, prompt?.ts ?? '', {
      name: 'photos.tc.json',
      content: readFileSync(join(__dirname, '../../support/import-files/composer-with-brainstorm.tc.json')),
    });
    await ctx.settle();

    // Downloaded once, with a token files.slack.com accepts for Globex (in OAuth mode there is no other).
    expect(ctx.standIn.fileDownloads).toEqual([{ fileId: expect.any(String), authorized: true }]);
    expect((await ctx.store.require({ workspaceId: GLOBEX, modelId: 'TM-2' })).title).toBe('Photo sharing');
    expect(await ctx.store.get({ workspaceId: ACME, modelId: 'TM-2' })).toBeUndefined();
  });
});
