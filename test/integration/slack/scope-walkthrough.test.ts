import { USERS } from '../../../dev/stand-in/workspace';
import { addScopeElement } from '../../../src/domain/scope-edits';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB, CAROL } = USERS;
const CHANNEL = 'C0PAYMENT';

function blockText(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return JSON.stringify(message?.blocks ?? []) + String(message?.text ?? '');
}

describe('step 1 as a team does it', () => {
  const ctx = useSlackApp();

  it('start, pick roles, add an asset, an entry point, two components and a data flow, finish scope: the card shows step 2', async () => {
    const { driver, standIn } = ctx;

    // /threatmodel start: acknowledged at once, card in the channel, roles and scope in its thread.
    const started = await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    expect(started.status).toBe(200);
    await ctx.settle();
    const card = standIn.messages(CHANNEL).at(-1);
    expect(blockText(card)).toContain('Refunds API');
    expect(blockText(card)).toContain('Step 1 of 4');
    const model = await ctx.model('TM-1');
    expect(model).toMatchObject({
      title: 'Refunds API',
      channelId: CHANNEL,
      ownerId: ALICE.id,
      threadTs: card?.ts,
      status: 'draft',
    });
    const thread = standIn.thread(CHANNEL, card?.ts ?? '');
    expect(thread.map((m) => blockText(m))).toEqual([
      expect.stringContaining('Who plays each role'),
      expect.stringContaining('Step 1 of 4'),
      expect.stringContaining('Scope of TM-1'),
      expect.stringContaining('so their prompts for step 1 wait'),
    ]);

    // Roles: Bob is Adversary and Developer, Carol is Defender; each is greeted with the role's brief.
    await driver.selectUsers(ALICE.id, 'roles.select.adversary', [BOB.id]);
    await driver.selectUsers(ALICE.id, 'roles.select.developer', [BOB.id]);
    await driver.selectUsers(ALICE.id, 'roles.select.defender', [CAROL.id]);
    await ctx.settle();
    expect((await ctx.model()).roles).toMatchObject({ adversary: [BOB.id], developer: [BOB.id], defender: [CAROL.id] });
    const greetings = standIn
      .thread(CHANNEL, card?.ts ?? '')
      .map((m) => String(m.text))
      .filter((t) => t.includes('you are the'));
    expect(greetings).toEqual([
      expect.stringMatching(/<@U0BOB0001>, you are the \*Adversary\*.*attacker/),
      expect.stringMatching(/<@U0BOB0001>, you are the \*Developer\*/),
      expect.stringMatching(/<@U0CAROL01>, you are the \*Defender\*/),
    ]);

    // Finishing too early lists exactly what is missing, to the one who asked.
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|scope' });
    await ctx.settle();
    expect(String(standIn.ephemeralsFor(BOB.id).at(-1)?.text)).toMatch(
      /Add at least 1 asset \(0 so far\)[\s\S]*Add at least 1 entry point[\s\S]*Add at least 2 components/,
    );

    // An asset.
    await driver.clickButton(BOB.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    expect(standIn.openViews(BOB.id).at(-1)?.title).toMatchObject({ text: 'Add asset' });
    expect(
      (await driver.submitView(BOB.id, { name: 'Card token', classification: 'restricted' })).errors,
    ).toBeUndefined();
    // Two components, typed from the catalog.
    for (const [name, type] of [
      ['Refunds API', 'aws-lambda'],
      ['Payments DB', 'aws-rds'],
    ]) {
      await driver.clickButton(BOB.id, 'scope.add.component', { value: 'TM-1|component' });
      await ctx.settle();
      await driver.submitView(BOB.id, { name: name as string, type: type as string });
    }
    // An entry point on the API, and a data flow from the API to the database.
    await driver.clickButton(CAROL.id, 'scope.add.entryPoint', { value: 'TM-1|entryPoint' });
    await ctx.settle();
    await driver.submitView(CAROL.id, {
      name: 'POST /refunds',
      componentId: 'C-1',
      kind: 'aws-lambda/invoke-api',
      authentication: 'oauth2',
    });
    await driver.clickButton(CAROL.id, 'scope.add.dataFlow', { value: 'TM-1|dataFlow' });
    await ctx.settle();
    await driver.submitView(CAROL.id, {
      from: 'C-1',
      to: 'C-2',
      data: 'refund record',
      assetIds: ['AS-1'],
      crossesTrustBoundary: 'no',
    });
    await ctx.settle();

    const scoped = await ctx.model();
    expect(scoped.scope.assets).toEqual([{ id: 'AS-1', name: 'Card token', classification: 'restricted' }]);
    expect(scoped.scope.components).toEqual([
      { id: 'C-1', name: 'Refunds API', type: 'aws-lambda', kind: 'process', responsibility: 'abstracted' },
      { id: 'C-2', name: 'Payments DB', type: 'aws-rds', kind: 'data_store', responsibility: 'container' },
    ]);
    expect(scoped.scope.entryPoints).toEqual([
      { id: 'EP-1', name: 'POST /refunds', componentId: 'C-1', kind: 'invoke-api', authentication: 'oauth2' },
    ]);
    expect(scoped.scope.dataFlows).toEqual([
      { id: 'DF-1', from: 'C-1', to: 'C-2', data: 'refund record', assetIds: ['AS-1'], crossesTrustBoundary: false },
    ]);
    // The scope summary lists them; the card counts them.
    const summary = standIn.thread(CHANNEL, card?.ts ?? '').find((m) => blockText(m).includes('Scope of TM-1'));
    expect(blockText(summary)).toMatch(/AS-1.*Card token[\s\S]*C-1.*Refunds API[\s\S]*DF-1/);

    // Finish scope: the step engine moves the model to step 2; the card says so.
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|scope' });
    await ctx.settle();
    const finished = await ctx.model();
    expect(finished.currentStep).toBe('threats');
    expect(finished.completedSteps.scope?.completedBy).toBe(BOB.id);
    expect(blockText(standIn.message(CHANNEL, card?.ts ?? ''))).toContain('Step 2 of 4');
    const after = standIn.thread(CHANNEL, card?.ts ?? '').map(blockText);
    const opened = after.findIndex((text) => text.includes('Step 2 of 4: Identify threats'));
    expect(opened).toBeGreaterThan(0);
    // Then each role holder's prompts (Bob's Adversary ones name the components), then the threats list.
    expect(after.slice(opened).join('\n')).toMatch(
      /<@U0BOB0001> \*Adversary\* prompts for step 2 \(1–3 of \d+\)[\s\S]*Spoofing on Refunds API/,
    );
    expect(after.at(-1)).toContain('Threats of TM-1');
  });

  it('adds an S3 bucket: the thread says who secures what, and its entry point is the S3 API, public or private', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, 'start Uploads');
    await ctx.settle();
    const card = standIn.messages(CHANNEL).at(-1);
    for (const [name, type] of [
      ['Upload handler', 'aws-lambda'],
      ['Uploads bucket', 'aws-s3'],
    ]) {
      await driver.clickButton(ALICE.id, 'scope.add.component', { value: 'TM-1|component' });
      await ctx.settle();
      await driver.submitView(ALICE.id, { name: name as string, type: type as string });
      await ctx.settle();
    }
    const added = standIn
      .thread(CHANNEL, card?.ts ?? '')
      .map((m) => String(m.text))
      .filter((t) => t.includes(' added *C-'));
    expect(added).toEqual([
      expect.stringMatching(
        /<@U0ALICE01> added \*C-1\* Upload handler \(AWS Lambda\)\.\n\*Shared responsibility: abstracted service\.\*/,
      ),
      expect.stringMatching(
        /<@U0ALICE01> added \*C-2\* Uploads bucket \(Amazon S3\)[\s\S]*The provider runs and secures the hosts[\s\S]*\*The team must mitigate\* the API actions it allows and the policies granting them/,
      ),
    ]);

    // The entry-point modal offers the bucket's only native kind, the S3 API, and asks for its exposure.
    await driver.clickButton(ALICE.id, 'scope.add.entryPoint', { value: 'TM-1|entryPoint' });
    await ctx.settle();
    expect(JSON.stringify(standIn.openViews(ALICE.id).at(-1)?.blocks)).toContain('"value":"aws-s3/s3-api"');
    const wrong = await driver.submitView(ALICE.id, {
      name: 'Upload URL',
      componentId: 'C-2',
      kind: 'aws-lambda/invoke-api',
      authentication: 'aws_iam',
    });
    expect(wrong.errors).toEqual({ kind: expect.stringContaining('not a way into C-2 (Amazon S3)') });
    const noExposure = await driver.submitView(ALICE.id, {
      name: 'Upload URL',
      componentId: 'C-2',
      kind: 'aws-s3/s3-api',
      authentication: 'aws_iam',
    });
    expect(noExposure.errors).toEqual({ exposure: expect.stringContaining('private or public') });
    expect(
      (
        await driver.submitView(ALICE.id, {
          name: 'Upload URL',
          componentId: 'C-2',
          kind: 'aws-s3/s3-api',
          exposure: 'public',
          authentication: 'aws_iam',
        })
      ).errors,
    ).toBeUndefined();
    await ctx.settle();
    expect((await ctx.model()).scope.entryPoints).toEqual([
      {
        id: 'EP-1',
        name: 'Upload URL',
        componentId: 'C-2',
        kind: 's3-api',
        exposure: 'public',
        authentication: 'aws_iam',
      },
    ]);
    const summary = standIn.thread(CHANNEL, card?.ts ?? '').find((m) => blockText(m).includes('Scope of TM-1'));
    expect(blockText(summary)).toContain(
      'Upload URL · on C-2 Uploads bucket · S3 API (bucket and object requests), public',
    );

    // Editing it shows the kind chosen.
    await driver.clickOverflow(ALICE.id, 'scope.element_menu', 'TM-1|edit:EP-1');
    await ctx.settle();
    expect(JSON.stringify(standIn.openViews(ALICE.id).at(-1)?.blocks)).toMatch(
      /"initial_option":\{"text":\{"type":"plain_text","text":"S3 API \(bucket and object requests\)"[^}]*\},"value":"aws-s3\/s3-api"\}/,
    );
  });

  it('shows invalid input inline on the field and keeps the modal open', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await driver.clickButton(ALICE.id, 'scope.add.designLink', { value: 'TM-1|designLink' });
    await ctx.settle();
    const result = await driver.submitView(ALICE.id, { title: 'Design', url: 'javascript:alert(1)' });
    expect(result.errors).toEqual({ url: expect.stringMatching(/http\(s\) URL/) });
    expect(standIn.openViews(ALICE.id)).toHaveLength(1);
    expect((await ctx.model()).scope.designLinks).toEqual([]);
  });

  it('edits and removes elements from the summary, refusing to remove one still in use', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    for (const name of ['API', 'DB']) {
      await driver.clickButton(ALICE.id, 'scope.add.component', { value: 'TM-1|component' });
      await ctx.settle();
      await driver.submitView(ALICE.id, { name, type: 'web-api' });
    }
    await driver.clickButton(ALICE.id, 'scope.add.entryPoint', { value: 'TM-1|entryPoint' });
    await ctx.settle();
    await driver.submitView(ALICE.id, {
      name: 'GET /x',
      componentId: 'C-1',
      kind: 'web-api/http-api',
      authentication: 'none',
    });
    await ctx.settle();

    await driver.clickOverflow(ALICE.id, 'scope.element_menu', 'TM-1|edit:C-2');
    await ctx.settle();
    expect(standIn.openViews(ALICE.id).at(-1)?.title).toMatchObject({ text: 'Edit component' });
    await driver.submitView(ALICE.id, { name: 'Ledger DB', type: 'relational-db' });
    await ctx.settle();
    expect((await ctx.model()).scope.components[1]).toEqual({
      id: 'C-2',
      name: 'Ledger DB',
      type: 'relational-db',
      kind: 'data_store',
    });

    await driver.clickOverflow(ALICE.id, 'scope.element_menu', 'TM-1|remove:C-1');
    await ctx.settle();
    expect(String(standIn.ephemeralsFor(ALICE.id).at(-1)?.text)).toContain('C-1 is still used by EP-1');
    await driver.clickOverflow(ALICE.id, 'scope.element_menu', 'TM-1|remove:C-2');
    await ctx.settle();
    expect((await ctx.model()).scope.components.map((c) => c.id)).toEqual(['C-1']);
  });

  it('pages the scope summary instead of breaking Slack limits', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
      { actor: ALICE.id, action: 'seed' },
      (model) => {
        let next = model;
        for (let i = 0; i < 24; i++)
          next = addScopeElement(next, 'asset', { name: `Asset ${i}`, classification: 'internal' }).model;
        return next;
      },
    );
    await driver.clickButton(ALICE.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();
    await driver.submitView(ALICE.id, { name: 'Asset 24', classification: 'public' });
    await ctx.settle();
    const summaryOf = () =>
      standIn
        .thread(CHANNEL, standIn.messages(CHANNEL)[0]?.ts ?? '')
        .find((m) => blockText(m).includes('Scope of TM-1'));
    expect(blockText(summaryOf())).toContain('Page 1 of 2');
    await driver.clickButton(BOB.id, 'scope.page.next', { value: 'TM-1|2' });
    await ctx.settle();
    expect(blockText(summaryOf())).toContain('Page 2 of 2');
    expect(blockText(summaryOf())).toContain('AS-25');
  });

  it('says what to add first when a required choice has nothing to choose from', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await driver.clickButton(ALICE.id, 'scope.add.entryPoint', { value: 'TM-1|entryPoint' });
    await ctx.settle();
    expect(standIn.openViews(ALICE.id)).toEqual([]);
    expect(String(standIn.ephemeralsFor(ALICE.id).at(-1)?.text)).toMatch(/Add a component first/);
  });
});
