import { openStep, promptsFor, stepIntro } from '../../../src/domain/prompts';
import { buildModel, buildScopedModel, defaultFlow } from '../../support/build-model';

describe('persona prompts', () => {
  const flow = defaultFlow();

  it('asks the Adversary STRIDE-per-element questions about each component and entry point', () => {
    const prompts = promptsFor(flow, 'threats', 'adversary', buildScopedModel());
    const perComponent = prompts.filter((p) => p.promptId === 'threats-adversary-stride');
    // Refunds API is a process (6 categories); the database and the queue are data stores (4 each).
    expect(perComponent).toHaveLength(6 + 4 + 4);
    expect(perComponent[0]).toEqual({
      key: 'threats-adversary-stride:C-1:S',
      promptId: 'threats-adversary-stride',
      role: 'adversary',
      elementId: 'C-1',
      stride: 'S',
      text: 'Spoofing on Refunds API: Can someone pretend to be another user or component?',
    });
    const viaEntryPoint = prompts.filter((p) => p.promptId === 'threats-adversary-entry-points');
    expect(viaEntryPoint.map((p) => p.key)).toEqual([
      'threats-adversary-entry-points:EP-1:S',
      'threats-adversary-entry-points:EP-1:T',
      'threats-adversary-entry-points:EP-1:D',
      'threats-adversary-entry-points:EP-1:E',
    ]);
  });

  it('asks nothing about an element set aside as out of scope', () => {
    const model = buildScopedModel();
    const components = model.scope.components.map((c) =>
      c.id === 'C-3' ? { ...c, outOfScopeReason: 'payouts team' } : c,
    );
    const prompts = promptsFor(flow, 'threats', 'adversary', { ...model, scope: { ...model.scope, components } });
    const perComponent = prompts.filter((p) => p.promptId === 'threats-adversary-stride');
    expect(perComponent).toHaveLength(6 + 4);
    expect(perComponent.some((p) => p.elementId === 'C-3')).toBe(false);
  });

  it('asks Business about each asset by name, and the Developer about each data flow', () => {
    const model = buildScopedModel();
    expect(promptsFor(flow, 'threats', 'business', model).map((p) => p.text)).toEqual([
      'Whose day is ruined if Card token is lost, leaked or corrupted, and how badly?',
      'Whose day is ruined if Refund records is lost, leaked or corrupted, and how badly?',
    ]);
    expect(promptsFor(flow, 'threats', 'developer', model)[0]?.text).toContain(
      'refund request (Customer → Refunds API)',
    );
  });

  it('gives nothing for per-element prompts when the scope has no such element', () => {
    expect(promptsFor(flow, 'threats', 'adversary', buildModel())).toEqual([]);
  });

  it('fills the feature name into intros and general prompts', () => {
    expect(stepIntro(flow, 'scope', buildModel())).toContain('components of Refunds API');
    expect(promptsFor(flow, 'scope', 'appsec_sme', buildModel())[0]?.text).toContain('Split Refunds API');
  });
});

describe('the open step', () => {
  const done = { completedBy: 'U0BOB0001', completedAt: '2025-01-01T00:00:00.000Z' };

  it('is the current step of a draft, or of a model sent back, until it is finished', () => {
    expect(openStep(buildModel())).toBe('scope');
    expect(openStep(buildModel({ status: 'changes_requested', currentStep: 'threats' }))).toBe('threats');
    expect(openStep(buildModel({ currentStep: 'risk', completedSteps: { risk: done } }))).toBeUndefined();
  });

  it('is none while the model is in review or once it is approved', () => {
    expect(openStep(buildModel({ status: 'in_review' }))).toBeUndefined();
    expect(openStep(buildModel({ status: 'approved' }))).toBeUndefined();
  });
});
