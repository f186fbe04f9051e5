import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { field, shows, until, usePlayground } from '../support/browser/playground-fixture';

const ROOT = path.resolve(__dirname, '..', '..');
const HOSTILE_NAME = '<script>alert(1)</script> <!channel>';
/** One step of the walk, however slow the machine (each usually takes a few seconds). */
const STEP_MS = 45_000;
const REQUIRED = 'Please complete this required field.';
/** Ids as the stand-in workspace has them (dev/stand-in/workspace.ts). */
const BOB = 'U0BOB0001';
const CAROL = 'U0CAROL01';
/** TM-1 to TM-3 are the workspace's approved past models (dev/playground/past-models.ts). */
const MODEL = 'TM-4';
/** What their step times make (medians of 26/28/30 h, 46/50/70 h, 26/30/40 h, 4/6/8 h). */
const PAST_STEP_TIMES =
  'How long past models took (medians of 3): scope about a day · threats about 2 days · mitigations about a day · risk review about 6 hours';

/**
 * The playground page as a person uses it, in Chromium: a whole threat model from the slash
 * command to the AppSec approval and the export, every step done by clicking and typing in the
 * page, with a screenshot per step under test-artifacts/playground/.
 */
describe('the playground page, in a browser', () => {
  const pg = usePlayground();
  const shots: Record<string, string> = {};

  /** The model card as the thread pane's first message. */
  const card = () => pg.thread().locator('[data-testid="message"]').first();
  /** A control in the thread by action id: the newest message carrying it unless told otherwise. */
  const inThread = (actionId: string) => pg.thread().locator(`[data-action-id="${actionId}"]`).last();

  /** Clicks a button that opens a modal and waits for the modal titled `title`. */
  const openModal = async (button: Locator, title: string | RegExp) => {
    await button.click();
    const modal = pg.modal();
    await modal.locator('.modal-title').filter({ hasText: title }).waitFor();
    return modal;
  };
  /** Submits the open modal and waits until it is gone (the app accepted it). */
  const submitAndClose = async (modal: Locator) => {
    const viewId = await modal.getAttribute('data-view-id');
    await modal.getByTestId('modal-submit').click();
    await pg.page.locator(`[data-testid="modal"][data-view-id="${viewId}"]`).waitFor({ state: 'detached' });
    await until('no modal', async () => (await pg.modal().count()) === 0);
  };
  /** No red banner, no error toast, no page error so far. */
  const allClear = async () => {
    expect(await pg.page.getByTestId('violations').count()).toBe(0);
    expect(pg.trouble).toEqual({ errorToasts: [], pageErrors: [], maxViolations: 0 });
  };
  const snap = async (step: string) => {
    shots[step] = await pg.screenshot(step);
  };
  const finishStep = async (next: string) => {
    await card().locator('[data-action-id="model.finish_step"]').click();
    await shows(card(), next);
  };

  it(
    '1. Alice starts a model with the slash command: its card appears',
    async () => {
      const { page } = pg;
      await shows(page.locator('#main-header'), 'team-payments');
      await shows(page.getByTestId('user-switcher').locator('option:checked'), 'Alice Martin');
      await page.getByTestId('composer').fill('/threatmodel start Refunds API');
      await page.getByTestId('composer').press('Enter');
      const cardInChannel = pg.messages().locator('[data-testid="message"]').filter({ hasText: 'Refunds API' });
      await shows(cardInChannel, 'Refunds API', 'Step 1 of 4', MODEL, 'Alice Martin');
      // The estimate from the workspace's past models, on the card of the step in progress.
      await shows(cardInChannel, 'Teams usually spend about a day on scope.');
      expect(await page.getByTestId('composer').inputValue()).toBe('');
      await snap('model-card');
      await allClear();
    },
    STEP_MS,
  );

  it(
    '2. in the thread, Alice picks Bob as Adversary and Carol as Defender: they are greeted',
    async () => {
      const thread = await pg.openThread();
      await shows(card(), 'Refunds API', 'Step 1 of 4');
      await shows(thread, 'Who plays each role?');
      // At the start: how long each step of past models took, and step 1's prompts called out
      // for the roles nobody holds yet.
      await shows(thread, PAST_STEP_TIMES);
      await shows(thread, 'prompts for step 1 wait');
      await thread.locator('[data-action-id="roles.select.adversary"] select.multi-add').selectOption(BOB);
      await shows(thread, '@Bob Smith, you are the Adversary');
      await shows(
        thread,
        'Adversary prompts for step 1',
        'If you wanted to abuse Refunds API, what would you be after?',
      );
      await thread.locator('[data-action-id="roles.select.defender"] select.multi-add').selectOption(CAROL);
      await shows(thread, '@Carol Tanaka, you are the Defender');
      // Step 1's prompts follow each greeting, for the newcomer only.
      await shows(thread, 'Defender prompts for step 1', 'Which of these components do we already log and monitor');
      // The chips show who holds each role (drawn from the app's initial_users after the update).
      await shows(thread.locator('[data-action-id="roles.select.adversary"]'), 'Bob Smith');
      await shows(thread.locator('[data-action-id="roles.select.defender"]'), 'Carol Tanaka');
      await snap('roles-greeted');
      await allClear();
    },
    STEP_MS,
  );

  it(
    '3. scopes the feature through the modals; an empty required field shows its error; user text stays text',
    async () => {
      const { page } = pg;
      // An asset: first submitted without its name.
      let modal = await openModal(inThread('scope.add.asset'), 'Add asset');
      await field(modal, 'classification').select('restricted');
      await modal.getByTestId('modal-submit').click();
      const name = field(modal, 'name');
      await shows(name.error, REQUIRED);
      expect(await modal.locator('.block-input.has-error').count()).toBe(1);
      await snap('modal-inline-error');
      await name.fill(HOSTILE_NAME);
      await submitAndClose(modal);
      const summary = pg
        .thread()
        .locator('[data-testid="message"]')
        .filter({ hasText: `Scope of ${MODEL}` });
      await shows(summary, `AS-1 ${HOSTILE_NAME}`);
      expect(await page.locator('script:has-text("alert(1)")').count()).toBe(0);
      expect(await page.locator('.mention.broadcast').count()).toBe(0);
      await summary.getByText('<script>alert(1)</script>', { exact: false }).first().waitFor();

      // Two components with types from the catalog; the thread says who secures what for each.
      for (const [componentName, type, responsibility, teamPart] of [
        ['Refunds API', 'aws-lambda', 'abstracted service', 'The team must mitigate the API actions it allows'],
        ['Payments DB', 'aws-rds', 'container service', 'The team must mitigate the engine and above'],
      ] as const) {
        modal = await openModal(inThread('scope.add.component'), 'Add component');
        await field(modal, 'name').fill(componentName);
        await field(modal, 'type').select(type);
        await submitAndClose(modal);
        await shows(summary, componentName);
        const notice = pg
          .thread()
          .locator('[data-testid="message"]')
          .filter({ hasText: `${componentName} (` })
          .last();
        await shows(notice, 'added', `Shared responsibility: ${responsibility}.`, teamPart);
        await notice.scrollIntoViewIfNeeded();
      }
      await snap('responsibility-notice');

      modal = await openModal(inThread('scope.add.entryPoint'), 'Add entry point');
      await field(modal, 'name').fill('POST /refunds');
      await field(modal, 'componentId').selectLabel(/Refunds API/);
      // The kinds of entry point each component's catalog type offers, grouped by type, and "custom".
      expect(await optionLabels(field(modal, 'kind').control)).toEqual(
        expect.arrayContaining([
          'Lambda Invoke API',
          'Event source mapping or trigger (SQS, S3, EventBridge)',
          'Function URL',
          'Database connection (engine port)',
          'RDS API (snapshots, settings, Data API)',
          'Custom: something the feature adds',
        ]),
      );
      await field(modal, 'kind').select('aws-lambda/invoke-api');
      await field(modal, 'authentication').select('oauth2');
      await submitAndClose(modal);
      await shows(summary, 'POST /refunds', 'Lambda Invoke API');

      modal = await openModal(inThread('scope.add.dataFlow'), 'Add data flow');
      await field(modal, 'from').selectLabel(/Refunds API/);
      await field(modal, 'to').selectLabel(/Payments DB/);
      await field(modal, 'data').fill('refund record');
      await field(modal, 'assetIds').add('AS-1');
      await shows(field(modal, 'assetIds').control, 'AS-1');
      await field(modal, 'crossesTrustBoundary').check('no');
      await snap('data-flow-modal');
      await submitAndClose(modal);
      await shows(summary, 'refund record');
      await shows(card(), 'Assets', 'Data flows');
      // Still only text: neither a script nor a broadcast came out of the asset's name.
      expect(await page.locator('script:has-text("alert(1)")').count()).toBe(0);
      expect(await page.locator('.mention.broadcast').count()).toBe(0);
      await snap('scope-summary');
      await allClear();
    },
    STEP_MS,
  );

  it(
    '4. finishing step 1 opens step 2',
    async () => {
      await finishStep('Step 2 of 4');
      await shows(card(), 'Teams usually spend about 2 days on threats.');
      await shows(pg.thread(), 'Suggest from catalog', 'Browse by OWASP Top 10', 'Add threat');
      await snap('step-2-open');
      await allClear();
    },
    STEP_MS,
  );

  it(
    '5. threats: one from the catalog, one in the grammar, one captured from a thread message',
    async () => {
      const { page } = pg;
      let modal = await openModal(inThread('threat.browse_owasp'), 'OWASP Top 10');
      // The Top 10 as a brainstorming list: threats grouped by category, each with its public ids.
      await shows(modal, 'A01:2021 Broken Access Control', /CWE-\d+/);
      await snap('owasp-top10');
      await modal.getByTestId('modal-close').click();
      await until('no modal', async () => (await pg.modal().count()) === 0);
      modal = await openModal(inThread('threat.suggest'), 'Suggested threats');
      // Each suggestion carries its public references, compactly.
      await shows(modal, /CWE-\d+ · CAPEC-\d+/);
      const firstTick = modal.locator('[data-action-id^="picked_"] input[type="checkbox"]').first();
      // biome-ignore lint/performance/useDomNodeTextContent: the label as shown, line by line
      const suggestion = (await firstTick.locator('xpath=..').innerText()).split('\n')[0]?.trim() ?? '';
      await firstTick.check();
      await snap('catalog-suggestions');
      await submitAndClose(modal);
      expect(suggestion.length).toBeGreaterThan(0);
      await shows(pg.thread(), 'added 1 threat(s) from the catalog: T-1', `Threats of ${MODEL} · 1 threat`);

      // By hand: the first submit previews the sentence, the second saves it.
      modal = await openModal(inThread('threat.add'), 'Add threat');
      await field(modal, 'threatSource').fill('internet-based threat actor');
      await field(modal, 'prerequisites').fill('with a stolen customer session');
      await field(modal, 'threatAction').fill('replay a refund request');
      await field(modal, 'threatImpact').fill('refunds paid twice');
      await field(modal, 'impactedGoals').check('integrity');
      await field(modal, 'impactedAssetIds').add('AS-1');
      await field(modal, 'stride').check('T');
      await field(modal, 'affectedElementIds').add('EP-1');
      await modal.getByTestId('modal-submit').click();
      await shows(modal, 'The threat reads:', 'internet-based threat actor', 'replay a refund request');
      await shows(modal.getByTestId('modal-submit'), 'Save threat');
      await snap('threat-preview');
      await submitAndClose(modal);
      await shows(pg.thread(), `Threats of ${MODEL} · 2 threats`, 'replay a refund request');

      // A plain message typed in the thread, captured with the message shortcut.
      await page.getByTestId('thread-composer').fill('What if a bot floods the refund queue?');
      await page.getByTestId('thread-composer').press('Enter');
      const idea = pg
        .thread()
        .locator('[data-testid="message"]')
        .filter({ hasText: 'What if a bot floods the refund queue?' });
      await shows(idea, 'Alice Martin', 'What if a bot floods the refund queue?');
      await idea.hover();
      await idea.getByTestId('message-menu').click();
      await idea.getByTestId('capture-threat').click();
      modal = pg.modal();
      await modal.locator('.modal-title').filter({ hasText: 'Add threat' }).waitFor();
      expect(await field(modal, 'threatAction').control.inputValue()).toContain('floods the refund queue');
      await field(modal, 'threatSource').fill('a bot');
      await field(modal, 'stride').check('D');
      await field(modal, 'affectedElementIds').add('C-1');
      await modal.getByTestId('modal-submit').click();
      await shows(modal, 'The threat reads:', 'a bot');
      await submitAndClose(modal);
      await shows(pg.thread(), `Threats of ${MODEL} · 3 threats`, 'T-3');
      await shows(card(), 'Threats');
      await snap('threats');
      await allClear();
    },
    STEP_MS,
  );

  it(
    '6. mitigations and the risk review: all four steps complete',
    async () => {
      await finishStep('Step 3 of 4');
      await shows(card(), 'Teams usually spend about a day on mitigations.');
      let modal = await openModal(inThread('mitigation.add'), /mitigation/i);
      // Step 3 says what the provider secures and what is the team's to mitigate, per component.
      await shows(
        modal,
        'Shared responsibility. The provider secures the rest; the team must mitigate:',
        /C-1 Refunds API \(abstracted service\): the API actions it allows/,
        /C-2 Payments DB \(container service\): the engine and above/,
      );
      await field(modal, 'description').fill('Idempotency keys, rate limits and input validation at the API');
      for (const threat of ['T-1', 'T-2', 'T-3']) await field(modal, 'threatIds').add(threat);
      await shows(field(modal, 'threatIds').control, 'T-1', 'T-2', 'T-3');
      await field(modal, 'status').select('planned');
      await field(modal, 'owner').select(CAROL);
      await field(modal, 'references').fill('infra/api-gateway.tf');
      await snap('mitigation-modal');
      await submitAndClose(modal);
      await shows(pg.thread(), 'M-1');
      await finishStep('Step 4 of 4');

      for (const [threatId, decision] of [
        ['T-1', 'accept'],
        ['T-2', 'mitigate'],
        ['T-3', 'mitigate'],
      ] as const) {
        modal = await openModal(inThread('risk.review'), /risk/i);
        await field(modal, 'threatId').select(threatId);
        await field(modal, 'likelihoodBefore').select('3');
        await field(modal, 'impactBefore').select('4');
        await field(modal, 'likelihoodAfter').select('2');
        await field(modal, 'impactAfter').select('2');
        await field(modal, 'decision').check(decision);
        if (decision === 'accept') {
          // Accepting needs a reason: the app says so under the field.
          await modal.getByTestId('modal-submit').click();
          await shows(field(modal, 'reason').error, /reason/i);
          await snap('risk-needs-reason');
          await field(modal, 'reason').fill('Low value for an attacker once the gateway checks keys');
        }
        await submitAndClose(modal);
      }
      await finishStep('All four steps are complete');
      await snap('all-steps-complete');
      await allClear();
    },
    STEP_MS,
  );

  it(
    '7. AppSec approves the review from #appsec; the thread tells, the model is exported',
    async () => {
      const { page } = pg;
      const modal = await openModal(card().locator('[data-action-id="review.request"]'), 'Request AppSec review');
      await field(modal, 'note').fill('Look at the refund replay first');
      await submitAndClose(modal);
      await shows(pg.thread(), 'AppSec review requested');
      await shows(card(), 'In review');
      await snap('review-requested');

      await pg.switchUser('Sam Secure');
      await pg.openChannel('appsec');
      const reviewCard = pg.messages().locator('[data-testid="message"]').filter({ hasText: MODEL }).last();
      await shows(reviewCard, MODEL, 'Refunds API', 'Accepted risks');
      await reviewCard.locator('[data-action-id="review.approve"]').waitFor();
      await snap('appsec-review-card');
      const approve = reviewCard.locator('[data-action-id="review.approve"]');
      // Approve carries no confirm object: it opens the approval form (comment, follow-up actions).
      expect(await approve.getAttribute('data-confirm')).toBeNull();
      const approval = await openModal(approve, 'Approve');
      await field(approval, 'comment').fill('Good model; the refund replay is covered.');
      await field(approval, 'follow_ups').fill('Pen-test the refund API');
      await snap('appsec-approve-modal');
      await submitAndClose(approval);
      await shows(reviewCard, 'Approved by', 'Sam Secure');
      await snap('appsec-approved');

      await pg.switchUser('Alice Martin');
      await pg.openChannel('team-payments');
      const thread = await pg.openThread();
      await shows(thread, `approved ${MODEL}`, 'Pen-test the refund API');
      await shows(card(), 'Approved');
      await shows(thread, `Exported ${MODEL}`);
      await snap('exported-in-thread');

      // The Exports list in the sidebar links to the report page.
      await page.getByTestId('exports').click();
      const link = page.getByTestId(`export-${MODEL}`);
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/playground/exports/t0workspc/${MODEL}/`);
      const report = await page.context().newPage();
      try {
        await report.goto(`${pg.baseUrl}/playground/exports/t0workspc/${MODEL}/`);
        await shows(report.locator('body'), MODEL, 'Refunds API');
        const image = report.locator('img').first();
        await image.waitFor();
        await until('the diagram to load', () =>
          image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth > 0),
        );
        expect(await report.locator('script').count()).toBe(0);
        shots['export-page'] = await pg.screenshot('export-page', report);
      } finally {
        await report.close();
      }
      await allClear();
    },
    STEP_MS,
  );

  it(
    "7b. the card's History lists who changed what and when, newest first, a page at a time",
    async () => {
      const modal = await openModal(card().locator('[data-action-id="model.history"]'), 'History');
      const first = await shows(modal, `${MODEL} Refunds API: changes 1 to 20 of`, 'newest first');
      const total = Number(/changes 1 to 20 of (\d+)/.exec(first)?.[1]);
      // Every change of the walk: the start, roles, scope, threats, mitigation, ratings, steps, review.
      expect(total).toBeGreaterThan(20);
      // One section per change (the modal's only sections: the count above is context, the pages below actions).
      expect(await modal.locator('.block-section').count()).toBe(20);
      // Newest first: the approval comes before the review request, which comes before finishing step 4.
      const approved = first.indexOf('Sam Secure approved the model');
      const requested = first.indexOf('Alice Martin requested an AppSec review');
      const finished = first.indexOf('Alice Martin finished step 4 (risk review)');
      expect([approved >= 0, requested > approved, finished > requested]).toEqual([true, true, true]);
      await snap('history-modal');
      await modal.locator('[data-action-id="history.page.next"]').click();
      await shows(modal, `changes 21 to ${total} of ${total}`, 'Alice Martin started the model');
      await shows(modal.locator('[data-action-id="history.page.previous"]'), 'Previous');
      await modal.getByTestId('modal-close').click();
      await until('no modal', async () => (await pg.modal().count()) === 0);
      await allClear();
    },
    STEP_MS,
  );

  it(
    '8. "Run scheduled jobs now" runs them without an error',
    async () => {
      const toast = await pg.runJobs();
      expect(toast).toMatch(/^(No scheduled jobs were waiting\.|Ran \d+ scheduled jobs? now\.)$/);
      await snap('jobs-run');
      await allClear();
    },
    STEP_MS,
  );

  it(
    '9. a second workspace: "Add to Slack" in the header installs the app in Globex through its OAuth pages; Globex sees only its own models',
    async () => {
      const { page } = pg;
      // Bolt's install page draws its button from Slack's CDN: not reachable here, and not needed.
      await page.context().route('https://platform.slack-edge.com/**', (route) => route.abort());
      await page.getByTestId('workspace-Globex').click();
      await shows(page.getByTestId('user-switcher').locator('option:checked'), 'Hank Scorpio');
      await shows(page.locator('#main-header'), 'platform');
      const opened = page.waitForEvent('popup');
      await page.getByTestId('add-to-slack').first().click();
      const popup = await opened;
      // The app's install page links to Slack's (the stand-in's) authorize page, which sends Hank back to the app.
      const closed = popup.waitForEvent('close');
      await popup.locator('a[href*="/oauth/v2/authorize"]').click();
      await closed; // the page closes it once the workspace has the app
      await shows(page.getByTestId('toast').filter({ hasText: 'installed' }), 'Threadmodel is installed in Globex.');
      expect(await page.getByTestId('add-to-slack').count()).toBe(0);
      await page.getByTestId('composer').fill('/threatmodel start Rocket API');
      await page.getByTestId('composer').press('Enter');
      // Globex numbers its own models: its first is TM-1.
      await shows(pg.messages().locator('[data-testid="message"]').filter({ hasText: 'Rocket API' }), 'TM-1');
      await page.getByTestId('home').click();
      const home = page.locator('#home');
      await shows(home, 'Rocket API');
      expect(await home.textContent()).not.toContain('Refunds API');
      await snap('second-workspace');
      await allClear();
    },
    STEP_MS,
  );

  /** The labels of a select's options, in order (option groups included). */
  const optionLabels = (select: Locator) =>
    select.locator('option').evaluateAll((options) => options.map((option) => (option.textContent ?? '').trim()));

  afterAll(() => {
    // The README's screenshots, refreshed on request only (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
    if (!process.env.UPDATE_SCREENSHOTS) return;
    const docs = path.join(ROOT, 'docs', 'screenshots');
    mkdirSync(docs, { recursive: true });
    for (const [step, name] of [
      ['scope-summary', 'playground-thread.png'],
      ['modal-inline-error', 'playground-modal-error.png'],
      ['appsec-review-card', 'playground-appsec-review.png'],
      ['export-page', 'playground-export.png'],
    ] as const) {
      const shot = shots[step];
      if (shot) copyFileSync(shot, path.join(docs, name));
    }
  });
});
