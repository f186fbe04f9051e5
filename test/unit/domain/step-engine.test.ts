import type { Flow } from '../../../src/domain/flow';
import { applyStepEvent, checkStep } from '../../../src/domain/step-engine';
import {
  BOB,
  buildMitigation,
  buildModel,
  buildModelWith,
  buildScopedModel,
  buildThreat,
  defaultFlow,
  NOW,
} from '../../support/build-model';

const decided = (type: 'mitigate' | 'accept', reason?: string) => ({
  before: { likelihood: 4, impact: 4 },
  after: { likelihood: 2, impact: 3 },
  decision: { type, decidedBy: BOB, decidedAt: NOW.toISOString(), ...(reason && { reason }) },
});

describe('the step engine', () => {
  const flow = defaultFlow();

  describe('step 1, scope', () => {
    it('lists exactly what is missing from an empty model', () => {
      const check = checkStep(flow, buildModel(), 'scope');
      expect(check.complete).toBe(false);
      expect(check.missing.map((item) => item.message)).toEqual([
        'Add at least 1 asset (0 so far).',
        'Add at least 1 entry point (0 so far).',
        'Add at least 2 components (0 so far).',
      ]);
      expect(check).toMatchObject({ rulesMet: 0, rulesTotal: 3 });
    });

    it('is complete with one asset, one entry point and two components', () => {
      expect(checkStep(flow, buildScopedModel(), 'scope')).toMatchObject({ complete: true, missing: [], rulesMet: 3 });
    });

    it('completing it records who and when, and opens step 2', () => {
      const outcome = applyStepEvent(flow, buildScopedModel(), { type: 'complete_step', step: 'scope', by: BOB }, NOW);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.model.currentStep).toBe('threats');
      expect(outcome.model.completedSteps.scope).toEqual({ completedBy: BOB, completedAt: NOW.toISOString() });
      expect(outcome).toMatchObject({ opened: 'threats', message: 'Step 1 is complete; step 2 is open.' });
    });

    it('refuses to complete an incomplete step and says what is missing', () => {
      const outcome = applyStepEvent(flow, buildModel(), { type: 'complete_step', step: 'scope', by: BOB }, NOW);
      expect(outcome).toMatchObject({ ok: false, reason: 'incomplete', message: 'Step 1 is not complete yet.' });
      expect(outcome.ok === false && outcome.reason === 'incomplete' && outcome.missing).toHaveLength(3);
    });
  });

  describe('step 2, threats', () => {
    it('needs at least one threat, each with a STRIDE category', () => {
      expect(checkStep(flow, buildScopedModel(), 'threats').missing.map((m) => m.message)).toEqual([
        'Add at least 1 threat (0 so far).',
      ]);
      const model = buildModelWith([buildThreat('T-1', { stride: [] }), buildThreat('T-2')]);
      expect(checkStep(flow, model, 'threats').missing).toEqual([
        { rule: 'every_threat_classified', message: 'T-1 has no STRIDE category.', elementIds: ['T-1'] },
      ]);
    });
  });

  describe('step 3, mitigations', () => {
    it('needs every threat addressed by an active mitigation or an explicit risk decision', () => {
      const model = buildModelWith(
        [
          buildThreat('T-1'),
          buildThreat('T-2'),
          buildThreat('T-3', { risk: decided('accept', 'Low value target') }),
          buildThreat('T-4'),
        ],
        [buildMitigation('M-1', ['T-1']), buildMitigation('M-2', ['T-4'], { status: 'not_applicable' })],
      );
      expect(checkStep(flow, model, 'mitigations').missing).toEqual([
        {
          rule: 'every_threat_addressed',
          message: 'T-2, T-4 have no mitigation and no risk decision.',
          elementIds: ['T-2', 'T-4'],
        },
      ]);
    });
  });

  describe('step 4, risk review', () => {
    it('needs every threat rated before and after, and decided', () => {
      const model = buildModelWith(
        [
          buildThreat('T-1', { risk: { before: { likelihood: 3, impact: 3 } } }),
          buildThreat('T-2', { risk: decided('accept', 'Edge case') }),
        ],
        [buildMitigation('M-1', ['T-1'])],
      );
      expect(checkStep(flow, model, 'risk').missing.map((m) => m.message)).toEqual([
        'T-1 needs likelihood and impact before and after mitigation.',
        'T-1 needs a risk decision.',
      ]);
    });

    it('does not take "mitigate" for an answer without an active mitigation', () => {
      const model = buildModelWith(
        [buildThreat('T-1', { risk: decided('mitigate') })],
        [buildMitigation('M-1', ['T-1'], { status: 'not_applicable' })],
      );
      expect(checkStep(flow, model, 'risk').missing).toEqual([
        {
          rule: 'every_threat_decided',
          message: 'T-1 is to be mitigated but has no active mitigation.',
          elementIds: ['T-1'],
        },
      ]);
    });

    it('completing the last step opens nothing further', () => {
      const model = buildModelWith(
        [buildThreat('T-1', { risk: decided('mitigate') })],
        [buildMitigation('M-1', ['T-1'])],
        {
          currentStep: 'risk',
        },
      );
      const outcome = applyStepEvent(flow, model, { type: 'complete_step', step: 'risk', by: BOB }, NOW);
      expect(outcome).toMatchObject({ ok: true, opened: undefined, message: 'All four steps are complete.' });
      expect(outcome.ok && outcome.model.completedSteps.risk).toBeTruthy();
    });
  });

  describe('order and status', () => {
    it('refuses to complete a step that is not the open one', () => {
      const outcome = applyStepEvent(
        flow,
        buildScopedModel(),
        { type: 'complete_step', step: 'threats', by: BOB },
        NOW,
      );
      expect(outcome).toEqual({
        ok: false,
        reason: 'not_current_step',
        message: 'Step 2 is not the open step; step 1 is.',
      });
    });

    it('refuses any step change while the model is in review or approved', () => {
      for (const status of ['in_review', 'approved', 'archived'] as const) {
        const outcome = applyStepEvent(
          flow,
          buildScopedModel({ status }),
          { type: 'complete_step', step: 'scope', by: BOB },
          NOW,
        );
        expect(outcome).toMatchObject({ ok: false, reason: 'not_editable' });
      }
    });

    it('reopening an earlier step clears it and every later completion', () => {
      const at = { completedBy: BOB, completedAt: NOW.toISOString() };
      const model = buildScopedModel({ currentStep: 'mitigations', completedSteps: { scope: at, threats: at } });
      const outcome = applyStepEvent(flow, model, { type: 'reopen_step', step: 'scope', by: BOB }, NOW);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.model.currentStep).toBe('scope');
      expect(outcome.model.completedSteps).toEqual({});
    });

    it('refuses to reopen a step not reached yet', () => {
      const outcome = applyStepEvent(flow, buildScopedModel(), { type: 'reopen_step', step: 'risk', by: BOB }, NOW);
      expect(outcome).toMatchObject({ ok: false, reason: 'not_current_step' });
    });
  });

  describe('rules come from the flow', () => {
    it('applies a flow that also demands roles and more components', () => {
      const custom: Flow = {
        ...flow,
        steps: flow.steps.map((step) =>
          step.id === 'scope'
            ? {
                ...step,
                completion: [
                  { rule: 'min_count', of: 'components', min: 4 },
                  { rule: 'roles_assigned', roles: ['adversary', 'appsec_sme'] },
                ],
              }
            : step,
        ),
      };
      const model = buildScopedModel({ roles: { ...buildModel().roles, adversary: [BOB] } });
      expect(checkStep(custom, model, 'scope').missing.map((m) => m.message)).toEqual([
        'Add at least 4 components (3 so far).',
        'Nobody holds the AppSec SME role yet.',
      ]);
    });
  });
});
