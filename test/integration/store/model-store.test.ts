import type { ThreatModel } from '../../../src/domain/model';
import { ModelInvalidError, ModelNotFoundError, VersionConflictError } from '../../../src/errors';
import { withStoreScripts } from '../../../src/store/store-scripts';
import { ALICE, BOB, buildThreat, CAROL } from '../../support/build-model';
import { useStore } from '../../support/store-fixture';

const WS = 'T0WORKSPC';
const draft = (title = 'Refunds API', channelId = 'C0PAYMENT') => ({
  title,
  workspaceId: WS,
  channelId,
  ownerId: ALICE,
});
const addThreat = (model: ThreatModel): ThreatModel => {
  const number = model.counters.threat + 1;
  return {
    ...model,
    threats: [...model.threats, buildThreat(`T-${number}`, { impactedAssetIds: [], affectedElementIds: [] })],
    counters: { ...model.counters, threat: number },
  };
};

describe('the Redis model store', () => {
  const ctx = useStore();

  describe('creating models', () => {
    it('gives sequential ids per workspace and stores the draft', async () => {
      const first = await ctx.store.create(draft(), ALICE);
      const second = await ctx.store.create(draft('Payouts'), ALICE);
      const elsewhere = await ctx.store.create({ ...draft(), workspaceId: 'T0OTHERWS' }, ALICE);
      expect([first.id, second.id, elsewhere.id]).toEqual(['TM-1', 'TM-2', 'TM-1']);
      expect(await ctx.store.get({ workspaceId: WS, modelId: 'TM-2' })).toEqual(second);
      expect(second).toMatchObject({ version: 1, status: 'draft', title: 'Payouts' });
    });

    it('gives 500 concurrent creates in one workspace 500 distinct sequential ids', async () => {
      const created = await Promise.all(
        Array.from({ length: 500 }, (_, i) => ctx.store.create(draft(`Feature ${i}`), ALICE)),
      );
      const numbers = created.map((model) => Number(model.id.slice(3))).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      expect((await ctx.store.list(WS, { by: 'all' })).total).toBe(500);
    });

    it('refuses a bad title without burning an id', async () => {
      await expect(ctx.store.create(draft(''), ALICE)).rejects.toThrow(/must not be empty/);
      expect((await ctx.store.create(draft(), ALICE)).id).toBe('TM-1');
    });
  });

  describe('updating a model', () => {
    it('applies the change, bumps the version and records it in the audit trail', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      ctx.setNow(new Date('2026-11-26T09:00:00.000Z'));
      const { model: next, changed } = await ctx.store.update(
        { workspaceId: WS, modelId: model.id },
        { actor: BOB, action: 'threat.add' },
        addThreat,
      );
      expect(changed).toBe(true);
      expect(next).toMatchObject({ version: 2, updatedAt: '2026-11-26T09:00:00.000Z' });
      expect(await ctx.store.get({ workspaceId: WS, modelId: model.id })).toEqual(next);
      const trail = await ctx.store.auditTrail({ workspaceId: WS, modelId: model.id });
      expect(
        trail.items.map(({ actor, action, version, paths, at }) => ({ actor, action, version, paths, at })),
      ).toEqual([
        { actor: ALICE, action: 'model.create', version: 1, paths: [], at: '2026-11-25T10:00:00.000Z' },
        {
          actor: BOB,
          action: 'threat.add',
          version: 2,
          paths: ['threats[T-1]', 'counters.threat'],
          at: '2026-11-26T09:00:00.000Z',
        },
      ]);
    });

    it('writes nothing when the change leaves the model as it was', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      const result = await ctx.store.update(
        { workspaceId: WS, modelId: model.id },
        { actor: BOB, action: 'noop' },
        (m) => ({ ...m }),
      );
      expect(result).toEqual({ model, changed: false });
      expect((await ctx.store.auditTrail({ workspaceId: WS, modelId: model.id })).total).toBe(1);
    });

    it('refuses a stale expected version with a conflict and leaves the model unchanged', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      const ref = { workspaceId: WS, modelId: model.id };
      await ctx.store.update(ref, { actor: BOB, action: 'threat.add' }, addThreat);
      const stale = ctx.store.update(ref, { actor: CAROL, action: 'title.edit', expectedVersion: 1 }, (m) => ({
        ...m,
        title: 'Mine',
      }));
      await expect(stale).rejects.toThrow(VersionConflictError);
      await expect(stale).rejects.toThrow('TM-1 is at version 2, not 1: someone else changed it first.');
      expect(await ctx.store.get(ref)).toMatchObject({ version: 2, title: 'Refunds API' });
    });

    it('refuses a change that breaks the schema: model, indexes and audit unchanged', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      const ref = { workspaceId: WS, modelId: model.id };
      const breaking = ctx.store.update(ref, { actor: BOB, action: 'bad' }, (m) => ({
        ...m,
        status: 'approved',
        channelId: 'C0ELSEWHR',
        threats: [buildThreat('T-1', { affectedElementIds: ['C-9'], impactedAssetIds: [] })],
      }));
      await expect(breaking).rejects.toThrow(ModelInvalidError);
      await expect(breaking).rejects.toThrow(/threats\[0\]\.id: id T-1 is ahead of its counter/);
      expect(await ctx.store.get(ref)).toEqual(model);
      expect((await ctx.store.list(WS, { by: 'status', status: 'approved' })).total).toBe(0);
      expect((await ctx.store.list(WS, { by: 'channel', channelId: 'C0ELSEWHR' })).total).toBe(0);
      expect((await ctx.store.list(WS, { by: 'channel', channelId: 'C0PAYMENT' })).items.map((m) => m.id)).toEqual([
        'TM-1',
      ]);
      expect((await ctx.store.auditTrail(ref)).total).toBe(1);
    });

    it('applies a write resent after a lost reply only once', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      const scripts = withStoreScripts(ctx.redis);
      const next = { ...model, title: 'Renamed', version: 2 };
      const send = () =>
        scripts.tmUpdate(
          3,
          ctx.keys.model(WS, model.id),
          ctx.keys.audit(WS, model.id),
          ctx.keys.applied(WS, 'write-1'),
          '1',
          2,
          JSON.stringify(next),
          Date.now(),
          model.id,
          0,
          BOB,
          'title.edit',
          '["title"]',
          next.updatedAt,
        );
      expect(await send()).toBe(0);
      expect(await send()).toBe(0); // the resend: version is 2 now, but this write is known
      expect((await ctx.store.require({ workspaceId: WS, modelId: model.id })).title).toBe('Renamed');
      expect((await ctx.store.auditTrail({ workspaceId: WS, modelId: model.id })).total).toBe(2);
    });

    it('refuses to change a model identity', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      await expect(
        ctx.store.update({ workspaceId: WS, modelId: model.id }, { actor: BOB, action: 'x' }, (m) => ({
          ...m,
          id: 'TM-99',
        })),
      ).rejects.toThrow('The change to TM-1 was refused: id: cannot be changed');
    });

    it('says when the model does not exist', async () => {
      await expect(ctx.store.require({ workspaceId: WS, modelId: 'TM-404' })).rejects.toThrow(ModelNotFoundError);
      await expect(
        ctx.store.update({ workspaceId: WS, modelId: 'TM-404' }, { actor: BOB, action: 'x' }, (m) => m),
      ).rejects.toThrow('No threat model TM-404 in this workspace.');
    });
  });

  describe('indexes', () => {
    it('list models by channel, participant, reviewer and status, most recently updated first, in pages', async () => {
      const refunds = await ctx.store.create(draft('Refunds', 'C0PAYMENT'), ALICE);
      const payouts = await ctx.store.create(draft('Payouts', 'C0PAYMENT'), ALICE);
      const search = await ctx.store.create(draft('Search', 'C0SEARCH0'), ALICE);
      ctx.setNow(new Date('2026-11-25T11:00:00.000Z'));
      await ctx.store.update(
        { workspaceId: WS, modelId: refunds.id },
        { actor: ALICE, action: 'roles.assign' },
        (m) => ({
          ...m,
          roles: { ...m.roles, adversary: [BOB] },
          status: 'in_review',
          review: { requestedBy: ALICE, requestedAt: m.updatedAt, incomplete: false, reviewerId: CAROL, history: [] },
        }),
      );

      const ids = async (index: Parameters<typeof ctx.store.list>[1]) =>
        (await ctx.store.list(WS, index)).items.map((m) => m.id);
      expect(await ids({ by: 'channel', channelId: 'C0PAYMENT' })).toEqual([refunds.id, payouts.id]);
      expect(await ids({ by: 'participant', userId: BOB })).toEqual([refunds.id]);
      // equal update times fall back to Redis' reverse member order
      expect(await ids({ by: 'participant', userId: ALICE })).toEqual([refunds.id, search.id, payouts.id]);
      expect(await ids({ by: 'reviewer', userId: CAROL })).toEqual([refunds.id]);
      expect(await ids({ by: 'status', status: 'in_review' })).toEqual([refunds.id]);
      expect(await ids({ by: 'status', status: 'draft' })).toHaveLength(2);

      const page1 = await ctx.store.list(WS, { by: 'all' }, { limit: 2 });
      expect(page1).toMatchObject({ total: 3, nextOffset: 2 });
      const page2 = await ctx.store.list(WS, { by: 'all' }, { offset: page1.nextOffset, limit: 2 });
      expect(page2.nextOffset).toBeUndefined();
      expect([...page1.items, ...page2.items].map((m) => m.id).sort()).toEqual(['TM-1', 'TM-2', 'TM-3']);
    });

    it('follow a model out of an index when it leaves it', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      const ref = { workspaceId: WS, modelId: model.id };
      await ctx.store.update(ref, { actor: ALICE, action: 'roles.assign' }, (m) => ({
        ...m,
        roles: { ...m.roles, defender: [BOB] },
      }));
      await ctx.store.update(ref, { actor: ALICE, action: 'roles.unassign' }, (m) => ({
        ...m,
        roles: { ...m.roles, defender: [] },
      }));
      expect((await ctx.store.list(WS, { by: 'participant', userId: BOB })).total).toBe(0);
      expect((await ctx.store.list(WS, { by: 'status', status: 'draft' })).total).toBe(1);
    });
  });

  describe('the audit trail', () => {
    it('reads in order, page by page', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      const ref = { workspaceId: WS, modelId: model.id };
      for (let i = 0; i < 4; i++) await ctx.store.update(ref, { actor: BOB, action: `threat.add.${i}` }, addThreat);
      const first = await ctx.store.auditTrail(ref, { limit: 2 });
      const second = await ctx.store.auditTrail(ref, { after: first.next, limit: 2 });
      const third = await ctx.store.auditTrail(ref, { after: second.next, limit: 2 });
      expect([...first.items, ...second.items, ...third.items].map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      expect(third.next).toBeUndefined();
      expect(first.total).toBe(5);
    });

    it('reads newest first, page by page, with no empty last page', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      const ref = { workspaceId: WS, modelId: model.id };
      for (let i = 0; i < 3; i++) await ctx.store.update(ref, { actor: BOB, action: `threat.add.${i}` }, addThreat);
      const first = await ctx.store.recentChanges(ref, { limit: 2 });
      const second = await ctx.store.recentChanges(ref, { before: first.next, limit: 2 });
      expect([...first.items, ...second.items].map((e) => e.version)).toEqual([4, 3, 2, 1]);
      expect(second.next).toBeUndefined();
      expect(first.total).toBe(4);
    });

    it('reads the latest of more than a page of changes', async () => {
      const model = await ctx.store.create(draft(), ALICE);
      const ref = { workspaceId: WS, modelId: model.id };
      for (let i = 0; i < 149; i++)
        await ctx.store.update(ref, { actor: BOB, action: `title.${i}` }, (m) => ({ ...m, title: `T${i}` }));
      const latest = await ctx.store.recentChanges(ref, { limit: 10 });
      expect(latest.items.map((e) => e.version)).toEqual([150, 149, 148, 147, 146, 145, 144, 143, 142, 141]);
      expect(latest.total).toBe(150);
    });
  });

  describe('retention', () => {
    it('archives drafts untouched for the retention period, never deletes, and leaves fresh ones', async () => {
      const old = await ctx.store.create(draft('Old'), ALICE);
      ctx.setNow(new Date('2027-03-01T10:00:00.000Z'));
      const fresh = await ctx.store.create(draft('Fresh'), ALICE);
      ctx.setNow(new Date('2027-06-01T10:00:00.000Z')); // old: 188 days idle; fresh: 92
      const archived = await ctx.store.archiveIdleDrafts(180);
      expect(archived).toEqual([{ workspaceId: WS, modelId: old.id }]);
      expect(await ctx.store.get({ workspaceId: WS, modelId: old.id })).toMatchObject({
        status: 'archived',
        title: 'Old',
      });
      expect(await ctx.store.get({ workspaceId: WS, modelId: fresh.id })).toMatchObject({ status: 'draft' });
      const trail = await ctx.store.auditTrail({ workspaceId: WS, modelId: old.id });
      expect(trail.items.at(-1)).toMatchObject({ actor: 'system', action: 'model.archive_idle', paths: ['status'] });
      expect(await ctx.store.archiveIdleDrafts(180)).toEqual([]);
    });
  });
});
