import { inheritFrom } from '../../../src/domain/dependency-import';
import type { ThreatInput } from '../../../src/domain/threat-edits';
import { captureThreat } from '../../../src/use-cases/capture-threat';
import { openThreatForm } from '../../../src/use-cases/open-threat-form';
import { removeThreat } from '../../../src/use-cases/remove-threat';
import { previewThreat, saveThreat } from '../../../src/use-cases/save-threat';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModelReadyForThreats,
  buildScopedModel,
  buildThreat,
  CAROL,
  NOW,
} from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const OUTSIDER = 'U0OUTSIDE';
const INPUT: ThreatInput = {
  threatSource: 'internet-based threat actor',
  threatAction: 'replay a refund request',
  threatImpact: 'refunds paid twice',
  impactedGoals: ['integrity'],
  impactedAssetIds: ['AS-2'],
  stride: ['T'],
  affectedElementIds: ['EP-1'],
};

describe('threat use cases', () => {
  const ctx = useUseCaseDeps();
  beforeEach(() => ctx.members.join('C0PAYMENT', ALICE, BOB, CAROL));

  describe('opening the threat form', () => {
    it('waits for the scope to be finished before a new threat', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildScopedModel());
      expect(await openThreatForm(deps, { ref, by: BOB })).toEqual({
        ok: false,
        message: 'Finish step 1 (scope) of TM-1 first: threats are placed on its elements.',
      });
    });

    it('opens for members of the channel once the scope is done', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats());
      expect(await openThreatForm(deps, { ref, by: BOB })).toMatchObject({ ok: true, model: { id: 'TM-1' } });
      expect(await openThreatForm(deps, { ref, by: OUTSIDER })).toEqual({
        ok: false,
        message: 'Only members of <#C0PAYMENT> can change TM-1.',
      });
    });

    it('edits only a threat that exists and is the team’s own', async () => {
      const { deps } = ctx;
      const dependency = buildModelReadyForThreats([buildThreat('T-1')], [], { id: 'TM-9', title: 'Payments' });
      const imported = inheritFrom(buildModelReadyForThreats([buildThreat('T-7')]), {
        ...dependency,
        status: 'approved',
        version: 4,
      });
      if (!imported.ok) throw new Error('the dependency should import');
      const { ref } = await seedModel(ctx.store, imported.model);
      const inheritedId = imported.model.threats.find((t) => t.inherited)?.id ?? '';

      expect(await openThreatForm(deps, { ref, by: BOB, threatId: 'T-7' })).toMatchObject({
        ok: true,
        threat: { id: 'T-7' },
      });
      expect(await openThreatForm(deps, { ref, by: BOB, threatId: 'T-20' })).toEqual({
        ok: false,
        message: 'T-20 no longer exists in TM-1.',
      });
      expect(await openThreatForm(deps, { ref, by: BOB, threatId: inheritedId })).toEqual({
        ok: false,
        message: expect.stringMatching(/is inherited from TM-9 Payments .* read-only here: change it in TM-9/),
      });
    });
  });

  describe('the preview step', () => {
    it('confirms only the values the author already saw as a sentence', () => {
      const model = buildModelReadyForThreats();
      const first = previewThreat(model, INPUT, undefined);
      expect(first).toMatchObject({
        confirmed: false,
        sentence: expect.stringContaining('can replay a refund request'),
      });
      expect(previewThreat(model, INPUT, first.key)).toMatchObject({ confirmed: true });
      expect(previewThreat(model, { ...INPUT, threatImpact: 'the ledger out of balance' }, first.key)).toMatchObject({
        confirmed: false,
      });
    });
  });

  describe('saving a threat', () => {
    it('adds a threat with the next id, its author and the message it was captured from', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats());
      const permalink = 'https://acme.slack.com/archives/C0PAYMENT/p1800000000000200';
      const saved = await saveThreat(deps, { ref, by: BOB, input: INPUT, capturedFrom: permalink });
      expect(saved).toMatchObject({ ok: true, threatId: 'T-1', edited: false });
      expect((await ctx.store.require(ref)).threats[0]).toMatchObject({
        id: 'T-1',
        createdBy: BOB,
        createdAt: NOW.toISOString(),
        origin: { type: 'slack_message', permalink },
      });
      expect(ctx.refreshed).toEqual([ref]);
    });

    it('rewrites a threat, and says so when nothing changed or it is gone', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats());
      await saveThreat(deps, { ref, by: BOB, input: INPUT });
      const changed = { ...INPUT, threatImpact: 'the ledger out of balance' };
      expect(await saveThreat(deps, { ref, by: ALICE, threatId: 'T-1', input: changed })).toMatchObject({
        ok: true,
        threatId: 'T-1',
        edited: true,
        sentence: expect.stringContaining('the ledger out of balance'),
      });
      expect((await ctx.store.require(ref)).threats[0]).toMatchObject({
        threatImpact: 'the ledger out of balance',
        createdBy: BOB,
      });
      const notSaved = 'T-1 was not saved: it no longer exists or nothing changed.';
      expect(await saveThreat(deps, { ref, by: ALICE, threatId: 'T-1', input: changed })).toEqual({
        ok: false,
        message: notSaved,
      });
      expect(await saveThreat(deps, { ref, by: ALICE, threatId: 'T-5', input: changed })).toEqual({
        ok: false,
        message: 'T-5 was not saved: it no longer exists or nothing changed.',
      });
    });

    it('refuses a threat the model no longer accepts, and stores nothing', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats());
      const onAGoneElement = { ...INPUT, affectedElementIds: ['C-9'] };
      expect(await saveThreat(deps, { ref, by: BOB, input: onAGoneElement })).toEqual({
        ok: false,
        message: 'Your threat was not saved: the model changed meanwhile. Please try again.',
      });
      expect((await ctx.store.require(ref)).threats).toEqual([]);
      expect(ctx.refreshed).toEqual([]);
    });

    it('refuses people outside the channel and models no longer editable', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats());
      expect(await saveThreat(deps, { ref, by: OUTSIDER, input: INPUT })).toEqual({
        ok: false,
        message: 'Only members of <#C0PAYMENT> can change TM-1.',
      });
      await ctx.store.update(ref, { actor: ALICE, action: 'seed' }, (model) => ({ ...model, status: 'in_review' }));
      expect(await saveThreat(deps, { ref, by: BOB, input: INPUT })).toEqual({
        ok: false,
        message: 'TM-1 is in review and cannot be changed now.',
      });
      expect((await ctx.store.require(ref)).threats).toEqual([]);
    });
  });

  describe('removing a threat', () => {
    it('refuses while a mitigation addresses it, then removes it', async () => {
      const { deps } = ctx;
      const model = buildModelReadyForThreats(
        [buildThreat('T-1'), buildThreat('T-2')],
        [buildMitigation('M-1', ['T-1'])],
      );
      const { ref } = await seedModel(ctx.store, model);
      expect(await removeThreat(deps, { ref, by: BOB, threatId: 'T-1' })).toEqual({
        ok: false,
        message: 'T-1 is still addressed by M-1: change or remove those first.',
      });
      expect(await removeThreat(deps, { ref, by: BOB, threatId: 'T-2' })).toMatchObject({ ok: true });
      expect((await ctx.store.require(ref)).threats.map((t) => t.id)).toEqual(['T-1']);
      expect(await removeThreat(deps, { ref, by: BOB, threatId: 'T-2' })).toEqual({
        ok: false,
        message: 'T-2 no longer exists in TM-1.',
      });
      expect(ctx.refreshed).toEqual([ref]);
    });
  });

  describe('capturing a thread message', () => {
    it('starts a threat from a message of the model’s thread, its text as the action', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats());
      const captured = await captureThreat(deps, {
        workspaceId: ref.workspaceId,
        channelId: 'C0PAYMENT',
        threadTs: '1800000000.000100',
        text: '  what if someone\n  replays the refund call? ',
        by: BOB,
      });
      expect(captured).toMatchObject({
        ok: true,
        model: { id: 'TM-1' },
        values: { threatSource: '', threatAction: 'what if someone replays the refund call?', stride: [] },
      });
    });

    it('explains when the message is not in a model thread, or the scope is not done', async () => {
      const { deps } = ctx;
      await seedModel(ctx.store, buildScopedModel({ threadTs: '1800000000.000100' }));
      const message = { workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', text: 'chatter', by: BOB };
      expect(await captureThreat(deps, { ...message, threadTs: '1800000000.000999' })).toEqual({
        ok: false,
        message: "This message is not in the thread of a threat model. Use it on a message in a model's thread.",
      });
      expect(await captureThreat(deps, { ...message, threadTs: '1800000000.000100' })).toEqual({
        ok: false,
        message: 'Finish step 1 (scope) of TM-1 first: threats are placed on its elements.',
      });
    });
  });
});
