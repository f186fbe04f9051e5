import { homeTab } from '../../../src/use-cases/home-tab';
import { ALICE, BOB, CAROL } from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const roles = (holders: Partial<Record<'developer' | 'adversary', string[]>>) => ({
  business: [],
  developer: [],
  adversary: [],
  defender: [],
  appsec_sme: [],
  ...holders,
});
const ids = (section: { models: { id: string }[] }) => section.models.map((model) => model.id);

describe('the Home tab', () => {
  const ctx = useUseCaseDeps();
  const home = (userId: string, limit = 10) => homeTab(ctx.deps, { workspaceId: 'T0WORKSPC', userId, limit });

  describe('what waits for me', () => {
    it('is the reviews I am assigned, my models sent back, and open steps with prompts for my roles', async () => {
      // TM-1: Bob reviews it. TM-2: Alice's, sent back. TM-3: Bob is its adversary in step 1.
      // TM-4: Bob holds a role, but the model is approved. TM-5: sent back, but Bob does not own it.
      const review = { requestedBy: ALICE, requestedAt: '2026-11-24T10:00:00.000Z', incomplete: false, history: [] };
      await seedModel(ctx.store, { status: 'in_review', review: { ...review, reviewerId: BOB } });
      await seedModel(ctx.store, { status: 'changes_requested' });
      await seedModel(ctx.store, { roles: roles({ adversary: [BOB] }) });
      await seedModel(ctx.store, { status: 'approved', roles: roles({ developer: [BOB] }) });
      await seedModel(ctx.store, { status: 'changes_requested', roles: roles({ developer: [BOB] }) });

      expect(ids((await home(BOB)).waiting)).toEqual(['TM-1', 'TM-3']);
      const alice = await home(ALICE);
      expect(ids(alice.waiting)).toEqual(['TM-5', 'TM-2']);
      expect(alice.mine.total).toBe(5);
    });
  });

  describe('the recent models in my channels', () => {
    it('leaves out channels I am not in and archived models', async () => {
      await seedModel(ctx.store);
      await seedModel(ctx.store, { channelId: 'C0SEARCH0' });
      await seedModel(ctx.store, { status: 'archived' });
      ctx.members.join('C0PAYMENT', CAROL);
      const carol = await home(CAROL);
      expect(ids(carol.inMyChannels)).toEqual(['TM-1']);
      expect(carol.mine).toEqual({ models: [], total: 0 });
      expect(carol.appsec).toBeUndefined();
    });
  });

  describe('the sections', () => {
    it('show the first few and count them all; AppSec also gets the open reviews', async () => {
      for (let i = 0; i < 4; i++) await seedModel(ctx.store);
      ctx.appsec.add(ALICE);
      const alice = await home(ALICE, 3);
      expect(alice.mine.models).toHaveLength(3);
      expect(alice.mine.total).toBe(4);
      expect(alice.appsec).toMatchObject({ openReviews: [], openTotal: 0 });
    });
  });
});
