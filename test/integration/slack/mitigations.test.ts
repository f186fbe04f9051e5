import { USERS } from '../../../dev/stand-in/workspace';
import { addThreat } from '../../../src/domain/threat-edits';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB, CAROL } = USERS;

describe('step 3: mitigations', () => {
  const ctx = useSlackApp();

  /** Scope done, one catalog threat (T-1) on the API, step 2 finished by Bob. */
  async function atStepThree() {
    await startScopedModel(ctx);
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
      { actor: BOB.id, action: 'seed' },
      (model) =>
        addThreat(
          model,
          {
            threatSource: 'internet-based threat actor',
            threatAction: 'inject SQL through the refund search',
            impactedGoals: ['confidentiality'],
            impactedAssetIds: [],
            stride: ['T', 'I'],
            affectedElementIds: ['C-1'],
          },
          BOB.id,
          new Date(),
          { type: 'catalog', catalogThreatId: 'thr-sql-injection' },
        ).model,
    );
    await ctx.driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|threats' });
    await ctx.settle();
  }

  it('records a mitigation with its references, owner and a justified baseline deviation', async () => {
    const { driver, standIn } = ctx;
    await atStepThree();
    await driver.clickButton(CAROL.id, 'mitigation.add', { value: 'TM-1' });
    await ctx.settle();
    const modal = JSON.stringify(standIn.openViews(CAROL.id).at(-1)?.blocks);
    // The catalog's controls for the threat are proposed first.
    expect(modal).toMatch(
      /"Proposed for these threats"[\s\S]*"value":"ctl-parameterized-queries"[\s\S]*"Other baseline controls"/,
    );

    const base = {
      description: 'A query gateway only runs vetted statements',
      threatIds: ['T-1'],
      status: 'not_applicable',
    };
    // Bad references are refused line by line.
    const badRefs = await driver.submitView(CAROL.id, { ...base, references: 'javascript:alert(1)\ninfra/gateway.tf' });
    expect(badRefs.errors?.references).toMatch(/^Line 1: must be an http\(s\) URL or a relative repository path/);
    // Setting a baseline control aside needs a reason ...
    const noReason = await driver.submitView(CAROL.id, {
      ...base,
      references: 'infra/gateway.tf',
      baselineControlId: 'ctl-parameterized-queries',
    });
    expect(noReason.errors).toEqual({ deviationReason: 'Setting a baseline control aside requires a written reason.' });
    // ... and an explanation.
    const noWords = await driver.submitView(CAROL.id, {
      ...base,
      references: 'infra/gateway.tf',
      baselineControlId: 'ctl-parameterized-queries',
      deviationReason: 'compensating_control',
    });
    expect(noWords.errors).toEqual({ deviationExplanation: 'Explain why the baseline control is set aside.' });
    expect((await ctx.model()).mitigations).toEqual([]);

    await driver.submitView(CAROL.id, {
      ...base,
      owner: ALICE.id,
      references: 'infra/gateway.tf\nhttps://git.example/payments/pull/42',
      baselineControlId: 'ctl-parameterized-queries',
      deviationReason: 'compensating_control',
      deviationExplanation: 'The gateway rejects any statement not on its allow list',
    });
    await ctx.settle();
    const model = await ctx.model();
    expect(model.mitigations).toEqual([
      expect.objectContaining({
        id: 'M-1',
        threatIds: ['T-1'],
        status: 'not_applicable',
        owner: ALICE.id,
        references: ['infra/gateway.tf', 'https://git.example/payments/pull/42'],
        baselineControlId: 'ctl-parameterized-queries',
        deviation: {
          reason: 'compensating_control',
          explanation: 'The gateway rejects any statement not on its allow list',
        },
        createdBy: CAROL.id,
      }),
    ]);
    expect(String(standIn.thread(CHANNEL, model.threadTs ?? '').at(-1)?.text)).toMatch(
      /added \*M-1\* for T-1[\s\S]*Sets baseline control `ctl-parameterized-queries` aside: compensating control/,
    );

    // A mitigation set aside does not address the threat: step 3 says so; an active one does.
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|mitigations' });
    await ctx.settle();
    expect(String(standIn.ephemeralsFor(BOB.id).at(-1)?.text)).toContain('T-1 has no mitigation and no risk decision.');
    await driver.clickButton(BOB.id, 'mitigation.unaddressed', { value: 'TM-1' });
    await ctx.settle();
    const unaddressed = JSON.stringify(standIn.openViews(BOB.id).at(-1)?.blocks);
    expect(unaddressed).toContain('*1 of 1 threats* have no active mitigation and no risk decision yet');
    expect(unaddressed).toContain('*T-1* An internet-based threat actor can inject SQL through the refund search');
    await driver.closeView(BOB.id);
    await driver.clickButton(CAROL.id, 'mitigation.add', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(CAROL.id, {
      description: 'Parameterized queries everywhere',
      threatIds: ['T-1'],
      status: 'implemented',
      references: 'src/refunds/search.ts#L10-L40',
    });
    await ctx.settle();
    await driver.clickButton(BOB.id, 'model.finish_step', { value: 'TM-1|mitigations' });
    await ctx.settle();
    expect((await ctx.model()).currentStep).toBe('risk');
  });

  it("proposes the catalog's baseline controls per threat; adopting one adds or links a mitigation", async () => {
    const { driver, standIn } = ctx;
    await atStepThree();
    await ctx.store.update(
      { workspaceId: 'T0WORKSPC', modelId: 'TM-1' },
      { actor: BOB.id, action: 'seed' },
      (model) =>
        addThreat(
          model,
          {
            threatSource: 'insider',
            threatAction: 'inject SQL in the admin report',
            impactedGoals: [],
            impactedAssetIds: [],
            stride: ['T'],
            affectedElementIds: [],
          },
          BOB.id,
          new Date(),
          { type: 'catalog', catalogThreatId: 'thr-sql-injection' },
        ).model,
    );
    ctx.app.services.refresher.refresh({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' });
    await ctx.settle();

    await driver.clickOverflow(CAROL.id, 'threat.menu', 'TM-1|baseline:T-1');
    await ctx.settle();
    expect(JSON.stringify(standIn.openViews(CAROL.id).at(-1)?.blocks)).toContain(
      'Parameterized queries for every database call',
    );
    await driver.clickButton(CAROL.id, 'baseline.add', { value: 'TM-1|T-1:ctl-parameterized-queries', in: 'modal' });
    await ctx.settle();
    expect(JSON.stringify(standIn.openViews(CAROL.id).at(-1)?.blocks)).toContain(
      'Implemented for T-1 by M-1 (proposed)',
    );
    await driver.closeView(CAROL.id);

    await driver.clickOverflow(CAROL.id, 'threat.menu', 'TM-1|baseline:T-2');
    await ctx.settle();
    await driver.clickButton(CAROL.id, 'baseline.add', { value: 'TM-1|T-2:ctl-parameterized-queries', in: 'modal' });
    await ctx.settle();
    const model = await ctx.model();
    expect(model.mitigations).toEqual([
      expect.objectContaining({
        id: 'M-1',
        status: 'proposed',
        baselineControlId: 'ctl-parameterized-queries',
        threatIds: ['T-1', 'T-2'],
      }),
    ]);
    expect(String(standIn.thread(CHANNEL, model.threadTs ?? '').at(-1)?.text)).toContain(
      'linked T-2 to M-1: baseline control *Parameterized queries for every database call*',
    );
  });

  it('lists mitigations in the thread, where each can be edited or removed', async () => {
    const { driver, standIn } = ctx;
    await atStepThree();
    const threadTs = (await ctx.model()).threadTs ?? '';
    const list = () => standIn.thread(CHANNEL, threadTs).find((m) => String(m.text).startsWith('Mitigations of TM-1'));
    expect(JSON.stringify(list()?.blocks)).toContain('None yet');

    await driver.clickButton(CAROL.id, 'mitigation.add', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(CAROL.id, {
      description: 'Parameterized queries',
      threatIds: ['T-1'],
      status: 'planned',
      references: 'src/search.ts',
    });
    await ctx.settle();
    expect(JSON.stringify(list()?.blocks)).toContain('*M-1* Parameterized queries');

    await driver.clickOverflow(CAROL.id, 'mitigation.menu', 'TM-1|edit:M-1');
    await ctx.settle();
    const modal = JSON.stringify(standIn.openViews(CAROL.id).at(-1)?.blocks);
    expect(modal).toContain('"initial_value":"Parameterized queries"');
    expect(modal).toContain('"initial_value":"src/search.ts"');
    await driver.submitView(CAROL.id, { status: 'implemented' });
    await ctx.settle();
    expect((await ctx.model()).mitigations[0]).toMatchObject({
      id: 'M-1',
      status: 'implemented',
      references: ['src/search.ts'],
      createdBy: CAROL.id,
    });
    expect(String(standIn.thread(CHANNEL, threadTs).at(-1)?.text)).toContain('changed *M-1*');
    expect(JSON.stringify(list()?.blocks)).toContain('implemented');

    await driver.clickOverflow(CAROL.id, 'mitigation.menu', 'TM-1|remove:M-1');
    await ctx.settle();
    expect((await ctx.model()).mitigations).toEqual([]);
    expect(JSON.stringify(list()?.blocks)).toContain('None yet');
  });
});
