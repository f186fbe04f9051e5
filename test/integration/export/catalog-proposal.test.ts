import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { USERS } from '../../../dev/stand-in/workspace';
import { inspectCatalog } from '../../../src/catalog/load-catalog';
import { runCli } from '../../../src/cli/main';
import { addMitigation } from '../../../src/domain/mitigation-edits';
import { addThreat } from '../../../src/domain/threat-edits';
import type { ExportSettings } from '../../../src/jobs/processors/processor-deps';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { JOBS } from '../../../src/ports/job-payloads';
import { bareRepo } from '../../support/bare-repo';
import { eventually } from '../../support/eventually';
import { startGitHubStandIn } from '../../support/github-stand-in';

import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, REFUND_THREAT, startScopedModel } from '../../support/slack-scenarios';
import { tempDir } from '../../support/temp-dir';

/** Alice owns TM-1, Bob holds roles; Dave is in the channel without a role; Eve is not in the channel. */
const { ALICE, BOB, DAVE, EVE } = USERS;
const BRANCH = 'threadmodel/catalog/thr-tm1-t1';
const FILE = 'threat-models/catalog/proposed/thr-tm1-t1.yaml';
const REF = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' };

describe('proposing a threat or mitigation for the catalog', () => {
  let repo: ReturnType<typeof bareRepo> | undefined;
  let github: Awaited<ReturnType<typeof startGitHubStandIn>>;
  let settings: ExportSettings | undefined;
  beforeAll(async () => {
    github = await startGitHubStandIn({ token: 'ghp_test', repository: 'acme/payments' });
  });
  afterAll(async () => {
    await github.close();
    repo?.cleanup();
  });
  const ctx = useSlackApp({
    exportSettings: () => {
      repo?.cleanup();
      repo = bareRepo();
      settings = {
        gitUrl: repo.url,
        baseBranch: 'main',
        folder: 'threat-models',
        author: { name: 'Threadmodel', email: 'threadmodel@example.com' },
        github: { apiUrl: github.apiUrl, token: 'ghp_test', repository: 'acme/payments', backlogIssues: false },
      };
      return settings;
    },
  });
  afterEach(() => {
    github.pulls.splice(0);
  });

  const git = (...args: string[]) => repo?.git(...args) ?? '';
  const thread = async () => ctx.standIn.thread(CHANNEL, (await ctx.model()).threadTs ?? '');
  const said = (words: string) => async () => (await thread()).find((message) => message.text.includes(words));
  const toldAtOnce = (userId: string) => String(ctx.standIn.ephemeralsFor(userId).at(-1)?.text);
  const proposals = async () =>
    (await ctx.runtime.queues.exports.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed'])).filter(
      (job) => job.name === JOBS.catalogProposal,
    );

  /**
   * TM-1 in step 3 (Bob finished step 2): T-1 (replayed refunds, through POST /refunds on the
   * Refunds API, a Lambda) is addressed by M-1; T-2 has no mitigation. Its lists are in the thread.
   */
  async function modelWithLists() {
    await startScopedModel(ctx);
    await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => {
      let next = addThreat(model, REFUND_THREAT, BOB.id, new Date()).model;
      next = addThreat(
        next,
        { ...REFUND_THREAT, threatAction: 'read refunds of others', stride: ['I'] },
        BOB.id,
        new Date(),
      ).model;
      const mitigation = { description: 'Require an idempotency key', threatIds: ['T-1'], status: 'planned' as const };
      return addMitigation(next, { ...mitigation, references: [] }, BOB.id, new Date()).model;
    });
    await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|threats' });
    await ctx.settle();
    expect((await ctx.model()).currentStep).toBe('mitigations');
  }

  /** The export repository's catalog folder on a branch, checked out into a folder `catalog lint` can read. */
  function catalogFolderOf(branch: string) {
    const files = git('ls-tree', '-r', '--name-only', branch, 'threat-models/catalog').trim().split('\n');
    const checkout = tempDir(
      Object.fromEntries(
        files.map((file) => [file.replace(/^threat-models\/catalog\//, ''), git('show', `${branch}:${file}`)]),
      ),
    );
    return checkout;
  }

  function lint(dir: string) {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(['catalog', 'lint', dir], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
    return { code, out, err };
  }

  it('the owner proposes a threat: told at once, a pull request follows in the thread, and the file passes catalog lint', async () => {
    await modelWithLists();
    await ctx.driver.clickOverflow(ALICE.id, 'threat.menu', 'TM-1|propose:T-1');
    await ctx.settle();
    expect(toldAtOnce(ALICE.id)).toBe(
      `Proposed T-1 for the catalog as \`thr-tm1-t1\`: AppSec will review it in the export repository; the link follows in the thread.`,
    );
    const done = await eventually('the pull request link', said('for the catalog as `thr-tm1-t1`'), 20_000);
    expect(done.text).toMatch(
      /proposed T-1 for the catalog as `thr-tm1-t1`: AppSec reviews it in <https:\/\/github\.example\/acme\/payments\/pull\/(\d+)\|pull request #\1>/,
    );
    expect(github.pulls).toEqual([
      expect.objectContaining({ head: BRANCH, base: 'main', title: 'Catalog: propose thr-tm1-t1 (TM-1 T-1)' }),
    ]);

    // Only the proposal is on the branch, started from main, committed by the bot with the job's trailer.
    expect(git('ls-tree', '-r', '--name-only', BRANCH).trim().split('\n')).toEqual(['README.md', FILE]);
    const [job] = await proposals();
    expect(git('log', '-1', '--format=%an|%s|%(trailers:key=Threadmodel-Export,valueonly)', BRANCH).trim()).toBe(
      `Threadmodel|Propose catalog entry thr-tm1-t1 from TM-1 T-1, by Alice Martin|${job?.id}`,
    );

    // The real loader reads it, merged with the shipped catalog, and catalog lint passes.
    const folder = catalogFolderOf(BRANCH);
    try {
      expect(lint(folder.dir)).toEqual({
        code: 0,
        out: [expect.stringMatching(/^Catalog is valid: /)],
        err: [],
      });
      const { catalog, problems } = inspectCatalog([SHIPPED_CATALOG_DIR, folder.dir]);
      expect(problems).toEqual([]);
      const threat = (await ctx.model()).threats.find((t) => t.id === 'T-1');
      expect(catalog.threats.get('thr-tm1-t1')).toMatchObject({
        threatSource: threat?.threatSource,
        threatAction: threat?.threatAction,
        stride: threat?.stride,
        appliesTo: ['aws-lambda'],
        controls: ['ctl-tm1-m1'],
        severity: 'medium',
      });
      expect(catalog.controls.get('ctl-tm1-m1')).toMatchObject({ stride: threat?.stride, appliesTo: ['aws-lambda'] });
    } finally {
      folder.cleanup();
    }

    // The audit trail says who proposed what.
    const latest = await ctx.store.recentChanges(REF, { limit: 1 });
    expect(latest.items[0]).toMatchObject({
      actor: ALICE.id,
      action: 'catalog.propose',
      paths: expect.arrayContaining(['catalogProposals[T-1]']),
    });
  });

  it('hostile text in a threat and a mitigation reaches the catalog exactly as data', async () => {
    await modelWithLists();
    const hostile = {
      threatSource: 'x: y # not a comment --- *alias &anchor !!binary \'"` {a: [b]}',
      threatAction: '../../.git/hooks/pre-commit <@U0ALICE01> <!channel> @here',
      threatImpact: 'null',
    };
    const description = '- key: value\n? complex\n---\nthreats: []\n<https://evil.example|click>';
    await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => ({
      ...model,
      threats: model.threats.map((t) => (t.id === 'T-1' ? { ...t, ...hostile } : t)),
      mitigations: model.mitigations.map((m) => (m.id === 'M-1' ? { ...m, description } : m)),
    }));
    ctx.app.services.refresher.refresh(REF);
    await ctx.settle();
    await ctx.driver.clickOverflow(BOB.id, 'threat.menu', 'TM-1|propose:T-1');
    await ctx.driver.clickOverflow(BOB.id, 'mitigation.menu', 'TM-1|propose:M-1');
    await eventually('both links', async () => {
      const texts = (await thread()).map((message) => message.text).join('\n');
      return texts.includes('as `thr-tm1-t1`') && texts.includes('as `ctl-tm1-m1`') ? texts : undefined;
    });
    const files = git('ls-tree', '-r', '--name-only', BRANCH).trim().split('\n');
    // Neither the text nor the menu value picks the path: only the ids do.
    expect(files).toEqual(['README.md', FILE]);
    for (const branch of [BRANCH, 'threadmodel/catalog/ctl-tm1-m1']) {
      const folder = catalogFolderOf(branch);
      try {
        expect(lint(folder.dir).code).toBe(0);
        const { catalog } = inspectCatalog([SHIPPED_CATALOG_DIR, folder.dir]);
        const control = catalog.controls.get('ctl-tm1-m1');
        expect(control?.description).toBe(description);
        if (branch === BRANCH) expect(catalog.threats.get('thr-tm1-t1')).toMatchObject(hostile);
      } finally {
        folder.cleanup();
      }
    }
  });

  it('proposing the same threat again updates the same entry: no new commit while unchanged, one pull request', async () => {
    await modelWithLists();
    await ctx.driver.clickOverflow(ALICE.id, 'threat.menu', 'TM-1|propose:T-1');
    await eventually('the first link', said('AppSec reviews it in'), 20_000);
    const commits = () => git('rev-list', '--count', BRANCH).trim();
    expect(commits()).toBe('2');

    await ctx.driver.clickOverflow(BOB.id, 'threat.menu', 'TM-1|propose:T-1');
    await ctx.settle();
    expect(toldAtOnce(BOB.id)).toContain(
      'Proposed T-1 for the catalog again (the same entry, updated) as `thr-tm1-t1`',
    );
    const unchanged = await eventually('the unchanged note', said('is already proposed, unchanged'), 20_000);
    expect(unchanged.text).toMatch(/pull request #\d+/);
    expect(commits()).toBe('2');

    await ctx.store.update(REF, { actor: BOB.id, action: 'seed' }, (model) => ({
      ...model,
      threats: model.threats.map((t) => (t.id === 'T-1' ? { ...t, threatImpact: 'refunds paid three times' } : t)),
    }));
    await ctx.driver.clickOverflow(ALICE.id, 'threat.menu', 'TM-1|propose:T-1');
    await eventually('the update', async () => (commits() === '3' ? true : undefined), 20_000);
    expect(git('show', `${BRANCH}:${FILE}`)).toContain('threatImpact: refunds paid three times');
    expect(github.pulls).toHaveLength(1);
    expect((await ctx.model()).catalogProposals).toEqual([
      expect.objectContaining({ id: 'T-1', catalogId: 'thr-tm1-t1', proposedBy: ALICE.id, times: 3 }),
    ]);
  });

  it('without GitHub, the proposal is a commit on its branch, named in the thread', async () => {
    await modelWithLists();
    if (settings) settings.github = undefined;
    await ctx.driver.clickOverflow(ALICE.id, 'mitigation.menu', 'TM-1|propose:M-1');
    const done = await eventually('the branch note', said('for the catalog as `ctl-tm1-m1`'), 20_000);
    const commit = git('rev-parse', 'threadmodel/catalog/ctl-tm1-m1').trim();
    expect(done.text).toContain(
      `AppSec reviews it in \`threat-models/catalog/proposed/ctl-tm1-m1.yaml\` on branch \`threadmodel/catalog/ctl-tm1-m1\` (commit \`${commit.slice(0, 10)}\`)`,
    );
    expect(github.pulls).toEqual([]);
  });

  it('an approved model\'s list offers only a "Propose for the catalog" button, and it works', async () => {
    await modelWithLists();
    await ctx.store.update(REF, { actor: 'system', action: 'test.approve' }, (m) => ({ ...m, status: 'approved' }));
    ctx.app.services.refresher.refresh(REF);
    await ctx.settle();
    const list = (await thread()).find((message) => message.text.startsWith('Threats of TM-1'));
    expect(JSON.stringify(list?.blocks)).not.toContain('"overflow"');
    expect(list?.blocks).toContainEqual(
      expect.objectContaining({
        accessory: expect.objectContaining({ action_id: 'catalog.propose', value: 'TM-1|T-1' }),
      }),
    );
    await ctx.driver.clickButton(BOB.id, 'catalog.propose', { value: 'TM-1|T-1' });
    await eventually('the link', said('for the catalog as `thr-tm1-t1`'), 20_000);
  });

  it('a branch holding a link where the entry goes is refused before anything is written, and the thread says so', async () => {
    await modelWithLists();
    const outside = tempDir({ 'canary.yaml': 'canary\n' });
    try {
      const prepared = repo?.prepareBranch(BRANCH, (work) => {
        mkdirSync(path.join(work, 'threat-models', 'catalog'), { recursive: true });
        symlinkSync(outside.dir, path.join(work, 'threat-models', 'catalog', 'proposed'));
      });
      await ctx.driver.clickOverflow(ALICE.id, 'threat.menu', 'TM-1|propose:T-1');
      const note = await eventually('the failure note', said('I could not propose a threat or mitigation'), 20_000);
      expect(note.text).toContain('holds a symbolic link where the export goes');
      expect(git('rev-parse', BRANCH).trim()).toBe(prepared);
      expect(readdirSync(outside.dir)).toEqual(['canary.yaml']);
    } finally {
      outside.cleanup();
    }
  });

  describe('who may propose', () => {
    it.each([
      ['an outsider', EVE.id, 'Only members of <#C0PAYMENT> can see TM-1.'],
      [
        'a channel member holding no role',
        DAVE.id,
        'Only the owner of TM-1 or someone holding a role in it can propose its threats and mitigations for the catalog.',
      ],
    ])('%s is refused, and nothing is queued or recorded', async (_, userId, refusal) => {
      await modelWithLists();
      const version = (await ctx.model()).version;
      await ctx.driver.clickOverflow(userId, 'threat.menu', 'TM-1|propose:T-1');
      await ctx.settle();
      expect(toldAtOnce(userId)).toBe(refusal);
      expect(await proposals()).toEqual([]);
      expect((await ctx.model()).version).toBe(version);
    });

    it('a threat without a mitigation is refused with what to do', async () => {
      await modelWithLists();
      await ctx.driver.clickOverflow(ALICE.id, 'threat.menu', 'TM-1|propose:T-2');
      await ctx.settle();
      expect(toldAtOnce(ALICE.id)).toBe(
        'The catalog links every threat to a control, and T-2 has no mitigation yet: add one (or adopt a baseline control) first.',
      );
      expect(await proposals()).toEqual([]);
    });
  });
});
