import { FORM, formBody } from '../../../dev/stand-in/signed-requests';
import { TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { ACTIONS, SHORTCUTS, VIEWS } from '../../../src/slack/ids';
import { noticeModal } from '../../../src/slack/views/notice-modal';
import { alarming } from '../../support/captured-logs';
import { type FuzzCase, fuzzCorpus } from '../../support/fuzz-corpus';
import { sendEvent, sendInteraction } from '../../support/hand-made-payloads';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, EVE } = USERS;
const CHANNEL = 'C0PAYMENT';
/** Requests in flight at once: enough to keep the run short, few enough for a 2-core machine. */
const PARALLEL = 8;

/**
 * Every id the app registers (from its registry) gets its payload spoiled field by field, with
 * prototype-polluting keys and other workspaces' ids (test/support/fuzz-corpus.ts). Each must be
 * answered with 200, change nothing stored, and log no error and no stack.
 */
describe('fuzzing every registered id', () => {
  const ctx = useSlackApp({ captureLogs: true });

  it('binds every id of ids.ts to exactly one route, so one payload gets one ack', () => {
    const { routes } = ctx.app;
    const strings = (ids: object) => Object.values(ids).filter((id): id is string => typeof id === 'string');
    const expected = [
      ...strings(ACTIONS).map((id) => ['action', id] as const),
      ...strings(VIEWS).map((id) => ['view', id] as const),
      ...strings(SHORTCUTS).map((id) => ['shortcut', id] as const),
    ];
    for (const [surface, id] of expected)
      expect([surface, id, routes.find(surface, id).length]).toEqual([surface, id, 1]);
    for (const route of routes.all) {
      for (const id of route.ids)
        expect([route.surface, id, routes.find(route.surface, id).length]).toEqual([route.surface, id, 1]);
    }
  });

  it('answers every spoiled payload with 200, changes nothing and logs no error', async () => {
    await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
    await ctx.settle();
    const ref = { workspaceId: TEAM_ID, modelId: 'TM-1' };
    const before = { model: await ctx.model(), audit: await ctx.store.auditTrail(ref, { limit: 1000 }) };
    const { view } = await ctx.app.services.client.views.open({
      trigger_id: ctx.standIn.issueTrigger(EVE.id),
      view: noticeModal('A modal Eve has open.'),
    });
    ctx.logs.splice(0);

    const routes = ctx.app.routes.all;
    const corpus = fuzzCorpus(routes, {
      sender: { userId: EVE.id, channelId: CHANNEL },
      modelId: 'TM-1',
      openView: { id: String(view?.id) },
      trigger: () => ctx.standIn.issueTrigger(EVE.id),
      responseUrl: () => ctx.standIn.responseUrl('fuzz', { channel: CHANNEL, user: EVE.id }),
    });
    const fuzzedIds = new Set(corpus.map((fuzzCase) => fuzzCase.name.split(':')[0]));
    for (const route of routes) for (const id of route.ids) expect(fuzzedIds).toContain(`${route.surface} ${id}`);

    const unanswered: string[] = [];
    for (let start = 0; start < corpus.length; start += PARALLEL) {
      const batch = corpus.slice(start, start + PARALLEL);
      const replies = await Promise.all(batch.map((fuzzCase) => send(fuzzCase)));
      replies.forEach((status, i) => {
        if (status !== 200) unanswered.push(`${batch[i]?.name} -> HTTP ${status}`);
      });
    }
    await ctx.settle();

    expect(unanswered).toEqual([]);
    expect(alarming(ctx.logs).map((entry) => `${entry.msg}: ${entry.err?.message ?? ''}`)).toEqual([]);
    expect(await ctx.model()).toEqual(before.model);
    expect(await ctx.store.auditTrail(ref, { limit: 1000 })).toEqual(before.audit);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(ctx.standIn.callsTo('chat.postEphemeral').map((c) => String(c.args.text))).not.toContainEqual(
      expect.stringContaining('something went wrong'),
    );
  }, 90_000); // about two thousand signed requests: no timing is asserted, the limit only stops a hang

  async function send(fuzzCase: FuzzCase): Promise<number> {
    if (fuzzCase.delivery === 'event') return (await sendEvent(ctx.driver, fuzzCase.body)).status;
    if (fuzzCase.delivery === 'interaction') return (await sendInteraction(ctx.driver, fuzzCase.body)).status;
    const fields = Object.entries(fuzzCase.body as Record<string, unknown>)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
    return (await ctx.driver.raw(formBody(Object.fromEntries(fields)), FORM)).status;
  }
});
