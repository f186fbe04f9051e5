import type { MitigationInput } from '../../../src/domain/mitigation-edits';
import { adoptBaselineControl } from '../../../src/use-cases/adopt-baseline-control';
import { openBaselineControls } from '../../../src/use-cases/open-baseline-controls';
import { openMitigationForm } from '../../../src/use-cases/open-mitigation-form';
import { removeMitigation } from '../../../src/use-cases/remove-mitigation';
import { saveMitigation } from '../../../src/use-cases/save-mitigation';
import {
  ALICE,
  BOB,
  buildMitigation,
  buildModelReadyForThreats,
  buildThreat,
  CAROL,
  NOW,
} from '../../support/build-model';
import { seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const SQL_INJECTION = buildThreat('T-1', {
  threatAction: 'inject SQL through the refund search',
  affectedElementIds: ['C-1'],
  origin: { type: 'catalog', catalogThreatId: 'thr-sql-injection' },
});
const INPUT: MitigationInput = {
  description: 'Parameterized queries everywhere',
  threatIds: ['T-1'],
  status: 'planned',
  references: ['src/refunds/search.ts'],
};

describe('mitigation use cases', () => {
  const ctx = useUseCaseDeps();
  beforeEach(() => ctx.members.join('C0PAYMENT', ALICE, BOB, CAROL));

  describe('opening the mitigation form', () => {
    it('needs threats to address, and for an edit a mitigation that exists', async () => {
      const { deps } = ctx;
      const { ref: empty } = await seedModel(ctx.store, buildModelReadyForThreats());
      expect(await openMitigationForm(deps, { ref: empty, by: BOB })).toEqual({
        ok: false,
        message: 'TM-1 has no threats yet: a mitigation addresses threats.',
      });
      const { ref } = await seedModel(
        ctx.store,
        buildModelReadyForThreats([SQL_INJECTION], [buildMitigation('M-1', ['T-1'])]),
      );
      expect(await openMitigationForm(deps, { ref, by: BOB })).toMatchObject({ ok: true, model: { id: 'TM-2' } });
      expect(await openMitigationForm(deps, { ref, by: BOB, mitigationId: 'M-1' })).toMatchObject({
        ok: true,
        mitigation: { id: 'M-1' },
      });
      expect(await openMitigationForm(deps, { ref, by: BOB, mitigationId: 'M-4' })).toEqual({
        ok: false,
        message: 'M-4 no longer exists in TM-2.',
      });
    });
  });

  describe('saving and removing a mitigation', () => {
    it('adds, rewrites and removes a mitigation, refreshing the cards each time', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats([SQL_INJECTION]));
      expect(await saveMitigation(deps, { ref, by: CAROL, input: INPUT })).toMatchObject({
        ok: true,
        mitigationId: 'M-1',
        edited: false,
      });
      expect((await ctx.store.require(ref)).mitigations[0]).toMatchObject({
        createdBy: CAROL,
        createdAt: NOW.toISOString(),
      });
      const implemented = { ...INPUT, status: 'implemented' as const };
      expect(await saveMitigation(deps, { ref, by: ALICE, mitigationId: 'M-1', input: implemented })).toMatchObject({
        ok: true,
        edited: true,
      });
      expect(await saveMitigation(deps, { ref, by: ALICE, mitigationId: 'M-1', input: implemented })).toEqual({
        ok: false,
        message: 'M-1 was not changed.',
      });
      expect((await ctx.store.require(ref)).mitigations[0]).toMatchObject({ status: 'implemented', createdBy: CAROL });

      expect(await removeMitigation(deps, { ref, by: BOB, mitigationId: 'M-1' })).toMatchObject({ ok: true });
      expect((await ctx.store.require(ref)).mitigations).toEqual([]);
      expect(await removeMitigation(deps, { ref, by: BOB, mitigationId: 'M-1' })).toEqual({
        ok: false,
        message: 'M-1 no longer exists in TM-1.',
      });
      expect(ctx.refreshed).toEqual([ref, ref, ref]);
    });

    it('refuses a mitigation for a threat the model no longer has', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats([SQL_INJECTION]));
      expect(await saveMitigation(deps, { ref, by: CAROL, input: { ...INPUT, threatIds: ['T-9'] } })).toEqual({
        ok: false,
        message: 'Your mitigation was not saved: the model changed meanwhile. Please try again.',
      });
      expect((await ctx.store.require(ref)).mitigations).toEqual([]);
    });
  });

  describe('baseline controls', () => {
    it('proposes the catalog’s controls of a catalog threat, none for the team’s own', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats([SQL_INJECTION, buildThreat('T-2')]));
      const opened = await openBaselineControls(deps, { ref, by: CAROL, threatId: 'T-1' });
      expect(opened.ok && opened.controls.map((c) => c.id)).toContain('ctl-parameterized-queries');
      expect(await openBaselineControls(deps, { ref, by: CAROL, threatId: 'T-2' })).toMatchObject({
        ok: true,
        controls: [],
      });
      expect(await openBaselineControls(deps, { ref, by: CAROL, threatId: 'T-3' })).toEqual({
        ok: false,
        message: 'T-3 no longer exists in TM-1.',
      });
    });

    it('adds a proposed mitigation for a control, then links the next threat to it', async () => {
      const { deps } = ctx;
      const second = { ...SQL_INJECTION, id: 'T-2', threatAction: 'inject SQL in the admin report' };
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats([SQL_INJECTION, second]));
      const controlId = 'ctl-parameterized-queries';
      expect(await adoptBaselineControl(deps, { ref, by: CAROL, threatId: 'T-1', controlId })).toMatchObject({
        ok: true,
        mitigationId: 'M-1',
        linked: false,
        threat: { id: 'T-1' },
        control: { id: controlId },
      });
      expect(await adoptBaselineControl(deps, { ref, by: CAROL, threatId: 'T-2', controlId })).toMatchObject({
        ok: true,
        mitigationId: 'M-1',
        linked: true,
      });
      expect((await ctx.store.require(ref)).mitigations).toEqual([
        expect.objectContaining({
          id: 'M-1',
          status: 'proposed',
          baselineControlId: controlId,
          threatIds: ['T-1', 'T-2'],
        }),
      ]);
      expect(ctx.refreshed).toEqual([ref, ref]);
    });

    it('adopts only a control the catalog proposes for that threat', async () => {
      const { deps } = ctx;
      const { ref } = await seedModel(ctx.store, buildModelReadyForThreats([SQL_INJECTION, buildThreat('T-2')]));
      expect(
        await adoptBaselineControl(deps, { ref, by: CAROL, threatId: 'T-1', controlId: 'ctl-block-public-access' }),
      ).toMatchObject({ ok: false });
      expect(
        await adoptBaselineControl(deps, { ref, by: CAROL, threatId: 'T-2', controlId: 'ctl-parameterized-queries' }),
      ).toMatchObject({ ok: false });
      expect((await ctx.store.require(ref)).mitigations).toEqual([]);
    });
  });
});
