import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { USERS } from '../../../dev/stand-in/workspace';
import { fromNativeJson } from '../../../src/export/native-json';
import type { ExportSettings } from '../../../src/jobs/processors/processor-deps';
import { JOBS } from '../../../src/ports/job-payloads';
import { bareRepo } from '../../support/bare-repo';
import { eventually } from '../../support/eventually';
import { startGitHubStandIn } from '../../support/github-stand-in';
import { approveFromCard, appsecCards, REF, requestReview, startCompleteModel } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL } from '../../support/slack-scenarios';
import { tempDir } from '../../support/temp-dir';

const { ALICE, BOB, APPSEC1 } = USERS;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const FOLDER = 'threat-models/tm-1-refunds-api';

describe('exporting to the repository', () => {
  let repo: ReturnType<typeof bareRepo> | undefined;
  let github: Awaited<ReturnType<typeof startGitHubStandIn>>;
  /** This test's export settings: the object the workers read, so a test may change it. */
  let settings: ExportSettings | undefined;
  beforeAll(async () => {
    github = await startGitHubStandIn({ token: 'ghp_test', repository: 'acme/payments' });
  });
  afterAll(async () => {
    await github.close();
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
        github: { apiUrl: github.apiUrl, token: 'ghp_test', repository: 'acme/payments', backlogIssues: true },
      };
      return settings;
    },
  });
  afterEach(() => {
    github.pulls.splice(0);
  });

  const thread = async () => ctx.standIn.thread(CHANNEL, (await ctx.model()).threadTs ?? '');
  const said = (words: string) => async () => (await thread()).find((message) => message.text.includes(words));
  async function approved() {
    await startCompleteModel(ctx);
    await requestReview(ctx);
    await appsecCards(ctx);
    await ctx.settle();
    await approveFromCard(ctx, APPSEC1.id, { comment: 'Approved.', follow_ups: 'Pen-test the refund API' });
  }

  it('on approval: commits every file on threadmodel/TM-1, opens a pull request, links it in the thread', async () => {
    await approved();
    const done = await eventually('the export link', said('Exported *TM-1*'), 20_000);
    expect(done.text).toMatch(/<https:\/\/github\.example\/acme\/payments\/pull\/(\d+)\|pull request #\1>/);
    const git = repo?.git ?? (() => '');
    const files = git('ls-tree', '-r', '--name-only', 'threadmodel/TM-1').trim().split('\n');
    expect(files).toEqual(
      [
        'README.md',
        `${FOLDER}/README.md`,
        `${FOLDER}/data-flow.png`,
        `${FOLDER}/data-flow.svg`,
        `${FOLDER}/risk-matrix.png`,
        `${FOLDER}/risk-matrix.svg`,
        `${FOLDER}/threat-model.json`,
        `${FOLDER}/threat-model.tc.json`,
        `${FOLDER}/threat-model.threat-dragon.json`,
      ].sort(),
    );
    expect(git('log', '-1', '--format=%an|%s', 'threadmodel/TM-1').trim()).toBe(
      `Threadmodel|Threat model TM-1 Refunds API, version ${(await ctx.model()).version}, approved by Sam Secure`,
    );
    const exported = fromNativeJson(git('show', `threadmodel/TM-1:${FOLDER}/threat-model.json`));
    expect(exported).toEqual({ ok: true, model: await ctx.model() });
    const report = git('show', `threadmodel/TM-1:${FOLDER}/README.md`);
    expect(report).toContain('![Data-flow diagram of TM-1](data-flow.svg)');
    expect(report).toContain('Approved by Sam Secure');
    const png = repo?.bytes('show', `threadmodel/TM-1:${FOLDER}/data-flow.png`) ?? Buffer.alloc(0);
    expect(png.subarray(0, 8).equals(PNG)).toBe(true);
    expect(github.pulls).toEqual([expect.objectContaining({ head: 'threadmodel/TM-1', base: 'main' })]);
    // The planned mitigation became a backlog issue, linked from the model.
    expect((await ctx.model()).mitigations[0]?.backlogLink).toMatch(
      /^https:\/\/github\.example\/acme\/payments\/issues\/\d+$/,
    );
  });

  it('a hostile title can neither leave the export folder nor break the branch', async () => {
    await startCompleteModel(ctx);
    await ctx.store.update(REF, { actor: ALICE.id, action: 'seed' }, (model) => ({
      ...model,
      title: '../../.git/hooks/ <script>x</script> refs/heads/main.lock ~^:?*[',
    }));
    await ctx.driver.command(ALICE.id, CHANNEL, 'export TM-1');
    await eventually('the export link', said('Exported *TM-1*'), 20_000);
    const files = repo?.git('ls-tree', '-r', '--name-only', 'threadmodel/TM-1').trim().split('\n') ?? [];
    expect(files.filter((file) => file !== 'README.md')).toEqual(
      expect.arrayContaining(['threat-models/tm-1-git-hooks-script-x-script-refs-heads-main-lock/README.md']),
    );
    expect(files.every((file) => file === 'README.md' || file.startsWith('threat-models/tm-1-'))).toBe(true);
  });

  it("the report's latest changes are the latest, past 100 changes", async () => {
    await startCompleteModel(ctx);
    for (let n = 1; n <= 150; n++) {
      await ctx.store.update(REF, { actor: BOB.id, action: `test.change.${n}` }, (model) => ({
        ...model,
        scope: {
          ...model.scope,
          assets: model.scope.assets.map((asset) => ({ ...asset, name: `Refund records ${n}` })),
        },
      }));
    }
    const { total } = await ctx.store.auditTrail(REF);
    await ctx.driver.command(ALICE.id, CHANNEL, 'export TM-1');
    await eventually('the export link', said('Exported *TM-1*'), 20_000);
    const report = repo?.git('show', `threadmodel/TM-1:${FOLDER}/README.md`) ?? '';
    const audit = report.slice(report.indexOf('## Audit'));
    // The export may link a backlog issue first: one more change.
    const recorded = Number(/^## Audit\n\n(\d+) recorded changes; the latest:/.exec(audit)?.[1]);
    expect(recorded).toBeGreaterThanOrEqual(total);
    expect(recorded).toBeLessThanOrEqual(total + 1);
    expect(audit).toContain('`test.change.150`');
    expect(audit).toContain('`test.change.145`');
    expect(audit).not.toContain('`test.change.100`');
    expect(audit).not.toContain('`test.change.1`');
    // Newest first.
    expect(audit.indexOf('`test.change.150`')).toBeLessThan(audit.indexOf('`test.change.149`'));
  });

  it('exporting the same version again on demand makes no new commit', async () => {
    await approved();
    await eventually('the export link', said('Exported *TM-1*'), 20_000);
    const commits = () => repo?.git('rev-list', '--count', 'threadmodel/TM-1').trim();
    expect(commits()).toBe('2');
    await ctx.driver.command(ALICE.id, CHANNEL, 'export TM-1');
    const unchanged = await eventually('the unchanged note', said('already in the repository, unchanged'), 20_000);
    expect(unchanged.text).toMatch(/pull request #\d+/);
    expect(commits()).toBe('2');
    expect(github.pulls).toHaveLength(1);
  });

  it('/threatmodel export and reuse answer in one line, without the help', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refund reports');
    await ctx.settle();
    const answer = async (text: string) => {
      await ctx.driver.command(ALICE.id, CHANNEL, text);
      await ctx.settle();
      return ctx.standIn.responses.at(-1)?.body;
    };
    const version = (await ctx.model()).version;
    expect(await answer('export TM-1')).toMatchObject({
      response_type: 'ephemeral',
      text: `Exporting TM-1 (version ${version}) to the repository; the link will follow in its thread.`,
    });
    await eventually('the export link', said('Exported *TM-1*'), 20_000);
    expect(await answer('reuse TM-1 in TM-2')).toMatchObject({
      text: 'Reading TM-1 from the repository; what it brings into TM-2 follows in its thread.',
    });
    expect(await answer('export TM-9')).toMatchObject({ text: 'There is no threat model TM-9 in your channels.' });
    expect(await answer('reuse TM-1 in TM-9')).toMatchObject({
      text: 'There is no threat model TM-9 in this workspace.',
    });
    // A command it cannot read still shows how to use it.
    const usage = await ctx.driver.command(ALICE.id, CHANNEL, 'export');
    expect(usage.json).toMatchObject({ text: expect.stringContaining('/threatmodel start') });
  });

  it('a first export whose thread post failed and was retried says it exported, not "unchanged"', async () => {
    await startCompleteModel(ctx);
    await ctx.settle();
    // The push goes through, then Slack fails the thread post: the job is retried and finds its own commit.
    ctx.standIn.failNext('chat.postMessage', { error: 'internal_error' });
    await ctx.driver.command(ALICE.id, CHANNEL, 'export TM-1');
    const told = await eventually(
      'the export note',
      async () => (await thread()).find((message) => message.text.includes(`*TM-1* version`)),
      20_000,
    );
    const job = await eventually('the export job done', async () =>
      (await ctx.runtime.queues.exports.getCompleted()).find((done) => done.name === JOBS.modelExport),
    );
    expect(job.attemptsMade).toBe(2);
    expect(told.text).toContain(':package: Exported *TM-1* version');
    expect(told.text).not.toContain('already in the repository');
    expect(repo?.git('rev-list', '--count', 'threadmodel/TM-1').trim()).toBe('2');
    expect(
      repo?.git('log', '-1', '--format=%(trailers:key=Threadmodel-Export,valueonly)', 'threadmodel/TM-1').trim(),
    ).toBe(job.id);
  });

  it('commit subjects and pull request titles carry the title as plain text, without Slack markup', async () => {
    await startCompleteModel(ctx);
    await ctx.store.update(REF, { actor: ALICE.id, action: 'seed' }, (model) => ({
      ...model,
      title:
        'Refunds <!channel> \u202Edevorppa\u202C with <@U0BOB0001|bob> in <#C0PAYMENT|payments> @here\n<https://evil.example|docs>',
    }));
    await ctx.driver.command(ALICE.id, CHANNEL, 'export TM-1');
    await eventually('the export link', said('Exported *TM-1*'), 20_000);
    const subject = repo?.git('log', '-1', '--format=%s', 'threadmodel/TM-1').trim();
    expect(subject).toBe(
      `Threat model TM-1 Refunds devorppa with bob in #payments here docs, version ${(await ctx.model()).version}`,
    );
    expect(github.pulls.at(-1)?.title).toBe('Threat model TM-1: Refunds devorppa with bob in #payments here docs');
  });

  it('refuses a branch holding the export folder as a link to the host: the thread says why, once, and the host is untouched', async () => {
    const outside = tempDir({ 'canary.txt': 'canary\n', 'tm-1-refunds-api/keep.txt': 'keep\n' });
    try {
      repo?.prepareBranch('threadmodel/TM-1', (work) => symlinkSync(outside.dir, path.join(work, 'threat-models')));
      await startCompleteModel(ctx);
      await ctx.driver.command(ALICE.id, CHANNEL, 'export TM-1');
      const note = await eventually('the failure note', said('I could not export it to the repository'), 20_000);
      expect(note.text).toContain(
        '*TM-1*: the branch `threadmodel/TM-1` holds a symbolic link where the export goes (`threat-models/tm-1-refunds-api`), and I write only into plain folders inside the repository. Someone with access to the repository should remove it from the branch, then export again.',
      );
      const failed = await eventually('the export job failed', async () =>
        (await ctx.runtime.queues.exports.getFailed()).find((job) => job.name === JOBS.modelExport),
      );
      expect(failed.attemptsMade).toBe(1); // no retry can fix it
      expect(failed.failedReason).toContain('"threat-models" as a symbolic link');
      expect(readFileSync(path.join(outside.dir, 'canary.txt'), 'utf8')).toBe('canary\n');
      expect(readFileSync(path.join(outside.dir, 'tm-1-refunds-api', 'keep.txt'), 'utf8')).toBe('keep\n');
      expect(repo?.git('ls-tree', '-r', '--name-only', 'threadmodel/TM-1').trim().split('\n')).toEqual([
        'README.md',
        'threat-models',
      ]);
    } finally {
      outside.cleanup();
    }
  });

  it('when the remote cannot be reached: retried, then the thread says so, and the model is untouched', async () => {
    if (settings) settings.gitUrl = 'http://127.0.0.1:9/unreachable.git';
    await approved();
    const before = await ctx.model();
    const note = await eventually('the failure note', said('I could not export it to the repository'), 20_000);
    expect(note.text).toContain('*TM-1*: the repository could not be reached, or it refused the change');
    expect(note.text).not.toMatch(/ls-remote|127\.0\.0\.1/);
    const job = (await ctx.runtime.queues.exports.getFailed())[0];
    expect(job?.attemptsMade).toBe(2);
    const after = await ctx.model();
    expect(after.status).toBe('approved');
    expect(after.threats).toEqual(before.threats);
  });

  it('reuses an exported model in a new one: its components, threats and mitigations come in inherited', async () => {
    await approved(); // TM-1, exported on approval
    await eventually('the export link', said('Exported *TM-1*'), 20_000);
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refund reports');
    await ctx.settle();
    const reports = { workspaceId: REF.workspaceId, modelId: 'TM-2' };
    const threadOfTm2 = async () => ctx.standIn.thread(CHANNEL, (await ctx.model('TM-2')).threadTs ?? '');
    await ctx.driver.command(ALICE.id, CHANNEL, 'reuse TM-1 in TM-2');
    const told = await eventually(
      'the reuse note',
      async () => (await threadOfTm2()).find((m) => m.text.includes('reused *TM-1*')),
      20_000,
    );
    expect(told.text).toContain('2 components, 2 threats and 1 mitigations, inherited and read-only here');
    const model = await ctx.store.require(reports);
    expect(model.scope.components.map((c) => c.inherited?.modelId)).toEqual(['TM-1', 'TM-1']);
    expect(model.threats.every((t) => t.inherited?.modelId === 'TM-1')).toBe(true);

    // Inherited elements cannot be edited or removed here.
    const inherited = model.scope.components[0]?.id ?? '';
    await eventually(
      'the scope summary to list it',
      () =>
        ctx.standIn.messages(CHANNEL).length >= 0 &&
        JSON.stringify(ctx.standIn.allMessagesNewestFirst().map((m) => m.blocks)).includes(`TM-2|remove:${inherited}`),
    );
    await ctx.driver.clickOverflow(ALICE.id, 'scope.element_menu', `TM-2|remove:${inherited}`);
    await ctx.settle();
    expect(ctx.standIn.ephemeralsFor(ALICE.id).at(-1)?.text).toContain(
      `${inherited} is inherited from TM-1 Refunds API`,
    );
    expect((await ctx.store.require(reports)).scope.components).toHaveLength(2);

    // A model that was never exported says so.
    await ctx.driver.command(ALICE.id, CHANNEL, 'reuse TM-9 in TM-2');
    const never = await eventually(
      'the refusal',
      async () => (await threadOfTm2()).find((m) => m.text.includes('TM-9 has not been exported')),
      20_000,
    );
    expect(never.text).toContain('I could not reuse TM-9 in *TM-2*');
  });

  it('refuses to reuse an export whose threat-model.json is a link to a file on the host', async () => {
    const outside = tempDir({ 'threat-model.json': '{"secret": "from the host"}\n' });
    try {
      repo?.prepareBranch('threadmodel/TM-1', (work) => {
        mkdirSync(path.join(work, FOLDER), { recursive: true });
        symlinkSync(path.join(outside.dir, 'threat-model.json'), path.join(work, FOLDER, 'threat-model.json'));
      });
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refund reports');
      await ctx.settle();
      await ctx.driver.command(ALICE.id, CHANNEL, 'reuse TM-1 in TM-2');
      const told = await eventually(
        'the refusal',
        async () =>
          ctx.standIn
            .thread(CHANNEL, (await ctx.model('TM-2')).threadTs ?? '')
            .find((m) => m.text.includes('I could not reuse TM-1')),
        20_000,
      );
      expect(told.text).toContain(
        'The export of TM-1 on threadmodel/TM-1 cannot be read: its threat-model.json is a symbolic link; I read only plain files and folders inside the repository.',
      );
      expect(told.text).not.toContain('from the host');
      expect((await ctx.model('TM-2')).scope.components).toEqual([]);
    } finally {
      outside.cleanup();
    }
  });

  it('refuses to reuse a model of a private channel in a channel of someone who is not a member of it', async () => {
    await ctx.driver.command(ALICE.id, 'G0PRIVATE', 'start Secret acquisition'); // TM-1, private
    await ctx.driver.command(BOB.id, CHANNEL, 'start Refund reports'); // TM-2, Bob's channel
    await ctx.settle();
    await ctx.driver.command(BOB.id, CHANNEL, 'reuse TM-1 in TM-2');
    await ctx.settle();
    expect(JSON.stringify(ctx.standIn.responses.at(-1)?.body)).toContain(
      'There is no threat model TM-1 in your channels.',
    );
    expect(await ctx.runtime.queues.exports.getJobCounts()).toMatchObject({ waiting: 0, active: 0, delayed: 0 });
    expect((await ctx.model('TM-2')).scope.components).toEqual([]);
  });

  it('posts the data-flow diagram in the thread when scope is finished', async () => {
    await startCompleteModel(ctx); // finishes step 1 through the thread
    const upload = await eventually('the diagram upload', () =>
      ctx.standIn.uploads.find((u) => u.filename === 'data-flow.png' && u.completed),
    );
    expect(upload.bytes.subarray(0, 8).equals(PNG)).toBe(true);
    expect(upload.channel).toBe(CHANNEL);
    expect(upload.threadTs).toBe((await ctx.model()).threadTs);
    expect(upload.title).toBe('Data-flow diagram of TM-1');
  });
});
