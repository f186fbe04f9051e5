import type { ModelTimings } from '../../../src/domain/model-timings';
import {
  ESTIMATE_MIN_MODELS,
  NO_ESTIMATES,
  roughDuration,
  stepEstimateLine,
  stepEstimates,
} from '../../../src/domain/step-estimates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('step estimates', () => {
  describe('rough durations, worded like date-fns formatDistance', () => {
    it.each([
      [20 * 1000, 'less than a minute'],
      [1 * MINUTE, 'about a minute'],
      [30 * MINUTE, 'about 30 minutes'],
      [44 * MINUTE, 'about 44 minutes'],
      [45 * MINUTE, 'about an hour'],
      [89 * MINUTE, 'about an hour'],
      [90 * MINUTE, 'about 2 hours'],
      [5 * HOUR + 20 * MINUTE, 'about 5 hours'],
      [23 * HOUR, 'about 23 hours'],
      [24 * HOUR, 'about a day'],
      [41 * HOUR, 'about a day'],
      [42 * HOUR, 'about 2 days'],
      [2 * DAY + 5 * HOUR, 'about 2 days'],
      [9.6 * DAY, 'about 10 days'],
      [45 * DAY, 'about 45 days'],
    ])('%d ms reads "%s"', (ms, words) => {
      expect(roughDuration(ms)).toBe(words);
    });

    it('refuses what is not a duration', () => {
      expect(() => roughDuration(-1)).toThrow(RangeError);
      expect(() => roughDuration(Number.NaN)).toThrow(RangeError);
    });
  });

  it('says what teams usually spend on a step, by the step’s name', () => {
    expect(stepEstimateLine('threats', 2 * DAY)).toBe('Teams usually spend about 2 days on threats.');
    expect(stepEstimateLine('risk', 3 * HOUR)).toBe('Teams usually spend about 3 hours on risk review.');
  });

  it(`keeps only the steps with at least ${ESTIMATE_MIN_MODELS} past models behind them`, () => {
    const timings: ModelTimings = {
      steps: [
        { step: 'scope', medianMs: DAY, samples: ESTIMATE_MIN_MODELS },
        { step: 'threats', medianMs: 2 * DAY, samples: ESTIMATE_MIN_MODELS - 1 },
        { step: 'mitigations', medianMs: undefined, samples: 0 },
        { step: 'risk', medianMs: HOUR, samples: 12 },
      ],
      toApproval: { medianMs: 5 * DAY, samples: 12 },
    };
    expect(stepEstimates(timings)).toEqual({ medians: { scope: DAY, risk: HOUR }, samples: ESTIMATE_MIN_MODELS });
    expect(stepEstimates({ ...timings, steps: [] })).toEqual(NO_ESTIMATES);
  });
});
