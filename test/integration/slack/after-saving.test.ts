import { allOptions } from '../../../dev/stand-in/element-state';
import { isObject } from '../../../dev/stand-in/json';
import type { SlackView } from '../../../dev/stand-in/stand-in-types';
import { USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, REFUND_THREAT, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB } = USERS;

/** The values a select of the view offers, by its action id. */
function offered(view: SlackView | undefined, actionId: string): string[] {
  const block = view?.blocks.filter(isObject).find((b) => isObject(b.element) && b.element.action_id === actionId);
  return block && isObject(block.element) ? allOptions(block.element).map((o) => String(o.value)) : [];
}

/**
 * "After saving": a form that adds something offers the forms that usually follow it. Picked, the
 * submission is saved before it is answered, and the answer is the next form, rendered from the
 * saved model, in place of the first: no views.open (Tier 4, per workspace), no trigger to expire.
 */
describe('going on to the next form after saving', () => {
  const ctx = useSlackApp();

  it('a component, then an entry point: saved first, the entry-point form offers the new component, and no views.open', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await driver.clickButton(ALICE.id, 'scope.add.component', { value: 'TM-1|component' });
    await ctx.settle();
    const form = standIn.openViews(ALICE.id).at(-1);
    expect(offered(form, 'afterSaving')).toEqual([
      'asset',
      'actor',
      'entryPoint',
      'component',
      'dataFlow',
      'trustBoundary',
      'useCase',
      'designLink',
      'assumption',
    ]);
    const opens = standIn.callsTo('views.open').length;

    const answer = await driver.submitView(ALICE.id, {
      name: 'Refunds API',
      type: 'aws-lambda',
      afterSaving: 'entryPoint',
    });

    expect(answer.errors).toBeUndefined();
    expect((await ctx.model()).scope.components).toEqual([expect.objectContaining({ id: 'C-1', name: 'Refunds API' })]);
    const next = standIn.openViews(ALICE.id);
    expect(next).toHaveLength(1);
    expect(next[0]?.title).toMatchObject({ text: 'Add entry point' });
    expect(offered(next[0], 'componentId')).toEqual(['C-1']);
    expect(standIn.callsTo('views.open')).toHaveLength(opens);
    await ctx.settle();
    // The thread is told as after any save.
    expect(standIn.thread(CHANNEL, (await ctx.model()).threadTs ?? '').map((m) => String(m.text))).toContainEqual(
      expect.stringContaining('Refunds API'),
    );

    await driver.submitView(ALICE.id, {
      name: 'POST /refunds',
      componentId: 'C-1',
      kind: 'aws-lambda/invoke-api',
      authentication: 'oauth2',
    });
    await ctx.settle();
    expect(standIn.openViews(ALICE.id)).toEqual([]); // nothing picked: saving closes the form
    expect((await ctx.model()).scope.entryPoints).toEqual([
      expect.objectContaining({ id: 'EP-1', componentId: 'C-1' }),
    ]);
  });

  it('a threat, then its risk: the pick survives the preview, and the risk form offers the threat just saved', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    expect(offered(standIn.openViews(BOB.id).at(-1), 'afterSaving')).toEqual(['threat', 'risk', 'mitigation']);

    await driver.submitView(BOB.id, { ...REFUND_THREAT, afterSaving: 'risk' });
    const preview = standIn.openViews(BOB.id).at(-1);
    expect(preview?.submit).toMatchObject({ text: 'Save threat' });
    expect(JSON.stringify(preview?.blocks)).toContain('"initial_option"');
    await driver.submitView(BOB.id, {});

    expect((await ctx.model()).threats.map((t) => t.id)).toEqual(['T-1']);
    const riskForm = standIn.openViews(BOB.id).at(-1);
    expect(riskForm?.title).toMatchObject({ text: 'Review a risk' });
    expect(offered(riskForm, 'threatId')).toEqual(['T-1']);
  });

  it('a risk, then another: the next risk form is the answer at once, and the rating is saved after the ack', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(BOB.id, { ...REFUND_THREAT, afterSaving: 'risk' });
    await driver.submitView(BOB.id, {});
    expect(offered(standIn.openViews(BOB.id).at(-1), 'afterSaving')).toEqual(['risk', 'mitigation']);
    const opens = standIn.callsTo('views.open').length;

    const rating = {
      threatId: 'T-1',
      likelihoodBefore: '3',
      impactBefore: '4',
      likelihoodAfter: '3',
      impactAfter: '4',
      decision: 'mitigate',
    };
    expect((await driver.submitView(BOB.id, { ...rating, afterSaving: 'risk' })).errors).toBeUndefined();

    expect(standIn.openViews(BOB.id)).toEqual([
      expect.objectContaining({ title: expect.objectContaining({ text: 'Review a risk' }) }),
    ]);
    expect(standIn.callsTo('views.open')).toHaveLength(opens);
    await ctx.settle();
    expect((await ctx.model()).threats[0]?.risk).toMatchObject({ decision: { type: 'mitigate', decidedBy: BOB.id } });
  });

  it('a form that cannot open yet: the save stands and the modal says why', async () => {
    const { driver, standIn } = ctx;
    await driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    await driver.clickButton(ALICE.id, 'scope.add.asset', { value: 'TM-1|asset' });
    await ctx.settle();

    await driver.submitView(ALICE.id, { name: 'Card token', classification: 'restricted', afterSaving: 'dataFlow' });

    expect((await ctx.model()).scope.assets).toEqual([expect.objectContaining({ id: 'AS-1' })]);
    expect(JSON.stringify(standIn.openViews(ALICE.id).at(-1)?.blocks)).toMatch(/Saved\. .*component/);
  });

  it('an edit offers nothing to go on to', async () => {
    const { driver, standIn } = ctx;
    await startScopedModel(ctx);
    await driver.clickButton(BOB.id, 'threat.add', { value: 'TM-1' });
    await ctx.settle();
    await driver.submitView(BOB.id, REFUND_THREAT);
    await driver.submitView(BOB.id, {});
    await ctx.settle();
    await driver.clickOverflow(BOB.id, 'threat.menu', 'TM-1|edit:T-1');
    await ctx.settle();
    const edit = standIn.openViews(BOB.id).at(-1);
    expect(edit?.title).toMatchObject({ text: 'Edit T-1' });
    expect(offered(edit, 'afterSaving')).toEqual([]);
  });
});
