import { assignRole } from '../../../src/use-cases/assign-role';
import { turnSummaryPage } from '../../../src/use-cases/turn-summary-page';
import { ALICE, BOB, CAROL } from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

describe('roles and summary pages', () => {
  const ctx = useUseCaseDeps();

  describe('roles', () => {
    it('stores who holds a role and says who was newly given it, for the greeting', async () => {
      const { ref, model } = await seedModel(ctx.store, { roles: { ...emptyRoles(), developer: [BOB] } });
      ctx.members.join(model.channelId, ALICE);
      const outcome = await assignRole(ctx.deps, { ref, by: ALICE, role: 'developer', userIds: [BOB, CAROL, CAROL] });
      expect(outcome).toMatchObject({ ok: true, added: [CAROL] });
      expect((await ctx.store.require(ref)).roles.developer).toEqual([BOB, CAROL]);
      expect(ctx.refreshed).toEqual([ref]);
    });

    it('is refused to someone outside the channel, and nothing changes', async () => {
      const { ref, model } = await seedModel(ctx.store);
      const outcome = await assignRole(ctx.deps, { ref, by: CAROL, role: 'adversary', userIds: [CAROL] });
      expect(outcome).toEqual({ ok: false, message: 'Only members of <#C0PAYMENT> can change TM-1.' });
      expect((await ctx.store.require(ref)).version).toBe(model.version);
    });

    it('is refused on an approved model', async () => {
      const { ref, model } = await seedModel(ctx.store, { status: 'approved' });
      ctx.members.join(model.channelId, ALICE);
      const outcome = await assignRole(ctx.deps, { ref, by: ALICE, role: 'adversary', userIds: [CAROL] });
      expect(outcome).toEqual({ ok: false, message: 'TM-1 is approved and cannot be changed now.' });
    });
  });

  describe('turning the page of a shared summary', () => {
    it('remembers the page for a member of the channel, even on an approved model, and re-renders it', async () => {
      const { ref, model } = await seedModel(ctx.store, { status: 'approved' });
      ctx.members.join(model.channelId, BOB);
      expect(await turnSummaryPage(ctx.deps, { ref, userId: BOB, which: 'threatPage', page: 2 })).toEqual({ ok: true });
      expect(await ctx.deps.messageRefs.get(ref)).toMatchObject({ threatPage: 2 });
      expect(ctx.refreshed).toEqual([ref]);
    });

    it('is refused to someone outside the model’s channel, and the page stays', async () => {
      const { ref } = await seedModel(ctx.store);
      await ctx.deps.messageRefs.set(ref, { scopePage: 1 });
      const outcome = await turnSummaryPage(ctx.deps, { ref, userId: CAROL, which: 'scopePage', page: 3 });
      expect(outcome).toEqual({
        ok: false,
        message: "Only members of <#C0PAYMENT> can turn the pages of TM-1's lists.",
      });
      expect(await ctx.deps.messageRefs.get(ref)).toMatchObject({ scopePage: 1 });
      expect(ctx.refreshed).toEqual([]);
    });

    it('is refused for a model that does not exist', async () => {
      const ref = { workspaceId: 'T0WORKSPC', modelId: 'TM-9' };
      expect(await turnSummaryPage(ctx.deps, { ref, userId: BOB, which: 'scopePage', page: 2 })).toEqual({
        ok: false,
        message: 'There is no threat model TM-9 in this workspace.',
      });
    });
  });
});

function emptyRoles() {
  return { business: [], developer: [], adversary: [], defender: [], appsec_sme: [] };
}
