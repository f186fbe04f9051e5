import { listOpenReviews } from '../../../src/use-cases/list-open-reviews';
import { modelStatus } from '../../../src/use-cases/model-status';
import { exportsUnavailable, requestExport } from '../../../src/use-cases/request-export';
import { requestReuse } from '../../../src/use-cases/request-reuse';
import { ALICE, BOB, CAROL, NOW } from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

describe('what the /threatmodel subcommands ask', () => {
  const ctx = useUseCaseDeps();

  describe('an export', () => {
    it('is queued for a member of the model’s channel, whatever the model’s status', async () => {
      const { ref, model } = await seedModel(ctx.store, { status: 'approved' });
      ctx.members.join(model.channelId, BOB);
      expect(await requestExport(ctx.deps, { ref, by: BOB })).toMatchObject({ ok: true, model: { id: 'TM-1' } });
      expect(ctx.exports.exported).toEqual([
        { ...ref, requestedBy: BOB, reason: 'on_demand', requestedAt: NOW.toISOString() },
      ]);
    });

    it('treats a model in someone else’s channel like a missing one', async () => {
      const { ref } = await seedModel(ctx.store);
      const refusal = { ok: false, message: 'There is no threat model TM-1 in your channels.' };
      expect(await requestExport(ctx.deps, { ref, by: CAROL })).toEqual(refusal);
      expect(await requestExport(ctx.deps, { ref: { ...ref, modelId: 'TM-5' }, by: CAROL })).toEqual({
        ok: false,
        message: 'There is no threat model TM-5 in your channels.',
      });
      expect(ctx.exports.exported).toEqual([]);
    });

    it('says whom to ask when exports are not set up', async () => {
      ctx.settings.defaults.export = undefined;
      const message =
        "Exports are not set up yet: ask a workspace admin to set the export repository in Threadmodel's Home tab (Settings).";
      expect(await exportsUnavailable(ctx.deps, 'T0WORKSPC')).toEqual({ ok: false, message });
      const { ref, model } = await seedModel(ctx.store);
      ctx.members.join(model.channelId, ALICE);
      expect(await requestExport(ctx.deps, { ref, by: ALICE })).toEqual({ ok: false, message });
    });
  });

  describe('a reuse', () => {
    it('is queued for someone who may change the model that reuses', async () => {
      const { ref, model } = await seedModel(ctx.store);
      ctx.members.join(model.channelId, ALICE);
      expect(await requestReuse(ctx.deps, { ref, dependencyId: 'TM-3', by: ALICE })).toEqual({ ok: true });
      expect(ctx.exports.reused).toEqual([
        { ...ref, dependencyId: 'TM-3', requestedBy: ALICE, requestedAt: NOW.toISOString() },
      ]);
    });

    it('is refused when the reused model lives in a channel the user is not in', async () => {
      const { ref, model } = await seedModel(ctx.store);
      await seedModel(ctx.store, { channelId: 'G0PRIVATE' }); // TM-2, in a private channel
      ctx.members.join(model.channelId, ALICE);
      expect(await requestReuse(ctx.deps, { ref, dependencyId: 'TM-2', by: ALICE })).toEqual({
        ok: false,
        message: 'There is no threat model TM-2 in your channels.',
      });
      expect(ctx.exports.reused).toEqual([]);
      ctx.members.join('G0PRIVATE', ALICE);
      expect(await requestReuse(ctx.deps, { ref, dependencyId: 'TM-2', by: ALICE })).toEqual({ ok: true });
    });

    it('is refused on a model in review', async () => {
      const { ref, model } = await seedModel(ctx.store, { status: 'in_review' });
      ctx.members.join(model.channelId, ALICE);
      expect(await requestReuse(ctx.deps, { ref, dependencyId: 'TM-3', by: ALICE })).toEqual({
        ok: false,
        message: 'TM-1 is in review and cannot be changed now.',
      });
      expect(ctx.exports.reused).toEqual([]);
    });
  });

  describe('the open reviews', () => {
    it('are listed for AppSec only', async () => {
      await seedModel(ctx.store, { status: 'in_review' });
      await seedModel(ctx.store);
      expect(await listOpenReviews(ctx.deps, { workspaceId: 'T0WORKSPC', userId: BOB, limit: 20 })).toEqual({
        ok: false,
        message: '`/threatmodel reviews` lists open reviews for AppSec reviewers.',
      });
      ctx.appsec.add(BOB);
      const outcome = await listOpenReviews(ctx.deps, { workspaceId: 'T0WORKSPC', userId: BOB, limit: 20 });
      expect(outcome).toMatchObject({ ok: true, total: 1, now: NOW });
      expect(outcome.ok && outcome.models.map((model) => model.id)).toEqual(['TM-1']);
    });
  });

  describe('the status of a model', () => {
    it('is its summary for a member of its channel, or a refusal for a model that does not exist', async () => {
      const { ref, model } = await seedModel(ctx.store);
      ctx.members.join(model.channelId, BOB);
      expect(await modelStatus(ctx.deps, { ref, by: BOB })).toMatchObject({ ok: true, model: { id: 'TM-1' } });
      expect(await modelStatus(ctx.deps, { ref: { ...ref, modelId: 'TM-2' }, by: BOB })).toEqual({
        ok: false,
        message: 'There is no threat model TM-2 in your channels.',
      });
    });

    it('treats a model in a channel the user is not in like a missing one', async () => {
      const { ref } = await seedModel(ctx.store, { channelId: 'G0PRIVATE' });
      expect(await modelStatus(ctx.deps, { ref, by: CAROL })).toEqual({
        ok: false,
        message: 'There is no threat model TM-1 in your channels.',
      });
    });
  });
});
