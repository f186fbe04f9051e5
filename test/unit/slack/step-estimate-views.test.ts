import { NO_ESTIMATES, type StepEstimates } from '../../../src/domain/step-estimates';
import { summarize } from '../../../src/domain/summary';
import { modelCard } from '../../../src/slack/views/model-card';
import { withStepEstimates } from '../../../src/slack/views/step-estimates';
import { notice } from '../../../src/slack/views/thread-messages';
import { buildModel, defaultFlow } from '../../support/build-model';

const HOUR = 3_600_000;
const ESTIMATES: StepEstimates = { medians: { scope: 5 * HOUR, threats: 48 * HOUR }, samples: 4 };
const flow = defaultFlow();

function card(overrides: Parameters<typeof buildModel>[0], estimates = ESTIMATES): string {
  const model = buildModel(overrides);
  return JSON.stringify(modelCard(model, summarize(flow, model), flow, true, estimates).blocks);
}

describe('estimates on the card', () => {
  it('tells what teams usually spend on the step in progress', () => {
    expect(card({ currentStep: 'threats' })).toContain('Teams usually spend about 2 days on threats.');
    expect(card({ currentStep: 'scope' })).toContain('Teams usually spend about 5 hours on scope.');
  });

  it('says nothing for a step without an estimate, in review, or without estimates at all', () => {
    expect(card({ currentStep: 'mitigations' })).not.toContain('Teams usually spend');
    expect(card({ currentStep: 'threats', status: 'in_review' })).not.toContain('Teams usually spend');
    expect(card({ currentStep: 'threats' }, NO_ESTIMATES)).not.toContain('Teams usually spend');
  });
});

describe('estimates at the start', () => {
  it('lists the steps with an estimate, in the method’s order', () => {
    const shown = JSON.stringify(withStepEstimates(notice('Step 1'), ESTIMATES).blocks);
    expect(shown).toContain('How long past models took (medians of 4): scope about 5 hours · threats about 2 days');
  });

  it('leaves the message as it is without estimates', () => {
    expect(withStepEstimates(notice('Step 1'), NO_ESTIMATES)).toEqual(notice('Step 1'));
  });
});
