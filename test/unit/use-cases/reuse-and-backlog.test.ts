import { type ThreatModel, ThreatModelSchema } from '../../../src/domain/model';
import { linkBacklogIssues } from '../../../src/use-cases/link-backlog-issues';
import { reuseExportedModel } from '../../../src/use-cases/reuse-exported-model';
import { ALICE, buildMitigation, buildModelWith, buildThreat } from '../../support/build-model';
import { buildApprovedModel } from '../../support/realistic-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

/** TM-3, an exported model, as the repository holds it. */
function exported(): ThreatModel {
  return ThreatModelSchema.parse({ ...buildApprovedModel(), id: 'TM-3', version: 12 });
}

describe('reuse and the backlog', () => {
  const ctx = useUseCaseDeps();

  describe('reusing an exported model', () => {
    it('brings in its components, threats and mitigations as inherited, and says which', async () => {
      const { ref } = await seedModel(ctx.store);
      ctx.members.join(exported().channelId, ALICE);
      const outcome = await reuseExportedModel(ctx.deps, { ref, by: ALICE, dependency: exported() });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const stored = await ctx.store.require(ref);
      expect(stored.scope.components.map((c) => c.id)).toEqual(outcome.added.components);
      expect(stored.scope.components.every((c) => c.inherited?.modelId === 'TM-3')).toBe(true);
      expect(outcome.added.threats.length).toBeGreaterThan(0);
      expect(ctx.refreshed).toEqual([ref]);
    });

    it('is refused, and nothing changes, when the model cannot change now', async () => {
      const { ref, model } = await seedModel(ctx.store, { status: 'in_review' });
      ctx.members.join(exported().channelId, ALICE);
      const outcome = await reuseExportedModel(ctx.deps, { ref, by: ALICE, dependency: exported() });
      expect(outcome).toEqual({ ok: false, message: 'TM-1 cannot be changed now.' });
      expect((await ctx.store.require(ref)).version).toBe(model.version);
    });
  });

  it('is refused, and nothing changes, to someone outside the exported model’s channel', async () => {
    const { ref, model } = await seedModel(ctx.store);
    const outcome = await reuseExportedModel(ctx.deps, { ref, by: ALICE, dependency: exported() });
    expect(outcome).toEqual({ ok: false, message: 'There is no threat model TM-3 in your channels.' });
    expect((await ctx.store.require(ref)).version).toBe(model.version);
  });

  describe('before an export', () => {
    it('opens one backlog item per mitigation still to do, once, and links it', async () => {
      const threats = [buildThreat('T-1'), buildThreat('T-2')];
      const mitigations = [
        buildMitigation('M-1', ['T-1'], { status: 'planned' }),
        buildMitigation('M-2', ['T-2'], { status: 'implemented' }),
        buildMitigation('M-3', ['T-2'], { status: 'proposed', backlogLink: 'https://github.com/acme/app/issues/1' }),
      ];
      const like = buildModelWith(threats, mitigations);
      const { model } = await seedModel(ctx.store, {
        scope: like.scope,
        counters: like.counters,
        threats: like.threats,
        mitigations: like.mitigations,
      });
      const opened: string[] = [];
      const open = async (mitigation: { id: string }) => {
        opened.push(mitigation.id);
        return { url: `https://github.com/acme/app/issues/${opened.length + 1}` };
      };
      const linked = await linkBacklogIssues(ctx.deps, { model }, open);
      expect(opened).toEqual(['M-1']);
      expect(linked.mitigations.map((m) => m.backlogLink)).toEqual([
        'https://github.com/acme/app/issues/2',
        undefined,
        'https://github.com/acme/app/issues/1',
      ]);
      // A retried export opens no second item, even from the model as it was before.
      await linkBacklogIssues(ctx.deps, { model }, open);
      expect(opened).toEqual(['M-1']);
    });
  });
});
