import { USERS } from '../../../dev/stand-in/workspace';
import type { ExportSettings } from '../../../src/jobs/processors/processor-deps';
import { bareRepo } from '../../support/bare-repo';
import { eventually } from '../../support/eventually';
import { startGitHubStandIn } from '../../support/github-stand-in';
import { approvedModel, approveFromCard, appsecCards, REF, requestReview } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL } from '../../support/slack-scenarios';

const { ALICE, BOB, APPSEC1, APPSEC2 } = USERS;
const FOLDER = 'threat-models/tm-1-refunds-api';
const BRANCH = 'threadmodel/TM-1';

describe('exporting a revision', () => {
  let repo: ReturnType<typeof bareRepo> | undefined;
  let github: Awaited<ReturnType<typeof startGitHubStandIn>>;
  beforeAll(async () => {
    github = await startGitHubStandIn({ token: 'ghp_test', repository: 'acme/payments' });
  });
  afterAll(async () => {
    repo?.cleanup();
    await github.close();
  });
  const ctx = useSlackApp({
    exportSettings: (): ExportSettings => {
      repo?.cleanup();
      repo = bareRepo();
      return {
        gitUrl: repo.url,
        baseBranch: 'main',
        folder: 'threat-models',
        author: { name: 'Threadmodel', email: 'threadmodel@example.com' },
        github: { apiUrl: github.apiUrl, token: 'ghp_test', repository: 'acme/payments', backlogIssues: false },
      };
    },
  });
  afterEach(() => {
    github.pulls.splice(0);
    github.calls.splice(0);
  });

  const exports = async () => {
    const model = await ctx.model();
    return ctx.standIn.thread(CHANNEL, model.threadTs ?? '').filter((m) => m.text.includes('Exported *TM-1*'));
  };
  const git = (...args: string[]) => repo?.git(...args) ?? '';

  /** v1 approved and exported; Alice opens v2, Bob rewrites T-1's impact; v2 is requested, and approved by the other AppSec member. */
  async function v2ApprovedAfterV1Exported(beforeV2: () => void = () => {}) {
    await approvedModel(ctx);
    await eventually('the export of v1', async () => ((await exports()).length === 1 ? true : undefined), 20_000);
    const v1Commit = git('rev-parse', BRANCH).trim();
    beforeV2();
    await ctx.driver.clickButton(ALICE.id, 'model.revise', { channel: CHANNEL });
    await ctx.settle();
    await ctx.store.update(REF, { actor: BOB.id, action: 'threat.edit' }, (model) => ({
      ...model,
      title: 'Refunds and payouts API',
      threats: model.threats.map((t) => (t.id === 'T-1' ? { ...t, threatImpact: 'refunds paid three times' } : t)),
    }));
    await requestReview(ctx);
    await appsecCards(ctx, 2);
    await ctx.settle();
    const reviewer = (await ctx.model()).review?.reviewerId === APPSEC2.id ? APPSEC2.id : APPSEC1.id;
    await approveFromCard(ctx, reviewer, { comment: 'Still fine.' });
    await eventually('the export of v2', async () => ((await exports()).length === 2 ? true : undefined), 20_000);
    return { v1Commit };
  }

  it('updates the same folder on the same branch, though retitled; the report has the version history and what changed', async () => {
    const { v1Commit } = await v2ApprovedAfterV1Exported();
    // v2's commit sits on top of v1's, in the same folder.
    expect(git('rev-list', '--count', `${v1Commit}..${BRANCH}`).trim()).toBe('1');
    expect(git('diff', '--name-only', v1Commit, BRANCH).trim().split('\n')).toEqual(
      expect.arrayContaining([`${FOLDER}/README.md`, `${FOLDER}/threat-model.json`]),
    );
    expect(
      git('ls-tree', '-r', '--name-only', BRANCH)
        .split('\n')
        .filter((f) => f.startsWith('threat-models/')),
    ).toEqual(
      git('ls-tree', '-r', '--name-only', v1Commit)
        .split('\n')
        .filter((f) => f.startsWith('threat-models/')),
    );
    const v2 = await ctx.model();
    const approver = v2.review?.history.at(-1)?.by === APPSEC2.id ? 'Pat Guard' : 'Sam Secure';
    expect(git('log', '-1', '--format=%s', BRANCH).trim()).toBe(
      `Threat model TM-1 Refunds and payouts API v2, version ${v2.version}, approved by ${approver}`,
    );
    const report = git('show', `${BRANCH}:${FOLDER}/README.md`);
    expect(report).toContain('**Version:** v2 (revising approved v1)');
    const history = report.slice(report.indexOf('## Version history'), report.indexOf('## What changed since v1'));
    expect(history).toMatch(/\| v1 \| approved \| [^|]+ \| \d{4}-\d{2}-\d{2} \| Good work\. \|/);
    expect(history).toMatch(/\| v2 \| approved \| [^|]+ \| \d{4}-\d{2}-\d{2} \| Still fine\. \|/);
    const changed = report.slice(report.indexOf('## What changed since v1'), report.indexOf('## Roles'));
    expect(changed).toContain('2 changes since v1: 0 added, 0 removed, 2 changed; steps touched: scope, threats.');
    expect(changed).toContain(
      '- **Changed** model **TM-1** the feature modelled\n  - title: Refunds API → Refunds and payouts API',
    );
    expect(changed).toContain('- **Changed** threat **T-1** replay a refund request');
    expect(changed).toContain('  - threat impact: refunds paid twice → refunds paid three times');
  });

  it("v1's pull request still open: it is the same one, now titled v2 and saying what changed", async () => {
    await v2ApprovedAfterV1Exported();
    expect(github.pulls).toHaveLength(1);
    const [pull] = github.pulls;
    expect(pull?.title).toBe('Threat model TM-1: Refunds and payouts API v2');
    expect(pull?.body).toContain('This is v2 (revising approved v1) of the model.');
    expect(pull?.body).toContain(
      '### 2 changes since v1: 0 added, 0 removed, 2 changed; steps touched: scope, threats.',
    );
    expect(pull?.body).toContain('threat impact: refunds paid twice → refunds paid three times');
    expect(github.calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);
  });

  it("v1's pull request merged: a new one opens for the branch, for v2", async () => {
    await v2ApprovedAfterV1Exported(() => {
      const first = github.pulls[0];
      if (first) github.merge(first.number);
    });
    expect(github.pulls.map((pull) => [pull.state, pull.title])).toEqual([
      ['closed', 'Threat model TM-1: Refunds API'],
      ['open', 'Threat model TM-1: Refunds and payouts API v2'],
    ]);
    expect(github.pulls[1]?.body).toContain('This is v2 (revising approved v1) of the model.');
  });
});
