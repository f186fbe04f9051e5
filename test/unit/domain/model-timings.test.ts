import type { ThreatModel } from '../../../src/domain/model';
import { humanDuration, modelTimings } from '../../../src/domain/model-timings';
import type { ReviewEvent } from '../../../src/domain/review';
import { ALICE, BOB, buildModel, CAROL } from '../../support/build-model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.parse('2026-11-02T09:00:00Z');

/** The instant `hours` after START, as stored. */
const hoursIn = (hours: number) => new Date(START + hours * HOUR).toISOString();

interface Timeline {
  /** Hours after START at which each step was completed; a step left out is not complete. */
  scope?: number;
  threats?: number;
  mitigations?: number;
  risk?: number;
  /** Review events as [type, hours after START]. */
  review?: [ReviewEvent['type'], number][];
}

/** A model created at START whose steps were completed and reviewed at the given hours. */
function modelWithTimeline(timeline: Timeline): ThreatModel {
  const done = (hours: number | undefined) =>
    hours === undefined ? undefined : { completedBy: BOB, completedAt: hoursIn(hours) };
  return buildModel({
    createdAt: hoursIn(0),
    completedSteps: {
      scope: done(timeline.scope),
      threats: done(timeline.threats),
      mitigations: done(timeline.mitigations),
      risk: done(timeline.risk),
    },
    ...(timeline.review && {
      review: {
        requestedBy: ALICE,
        requestedAt: hoursIn(timeline.review[0]?.[1] ?? 0),
        history: timeline.review.map(([type, hours]) => ({ type, by: CAROL, at: hoursIn(hours) })),
      },
    }),
  });
}

describe('model timings', () => {
  describe('step durations', () => {
    it('reports every step in order, each measured from the end of the step before', () => {
      const timings = modelTimings([modelWithTimeline({ scope: 2, threats: 5, mitigations: 11, risk: 12 })]);
      expect(timings.steps).toEqual([
        { step: 'scope', medianMs: 2 * HOUR, samples: 1 }, // from creation
        { step: 'threats', medianMs: 3 * HOUR, samples: 1 },
        { step: 'mitigations', medianMs: 6 * HOUR, samples: 1 },
        { step: 'risk', medianMs: 1 * HOUR, samples: 1 },
      ]);
    });

    it('takes the middle value of an odd number of models', () => {
      const models = [2, 9, 4].map((scope) => modelWithTimeline({ scope }));
      expect(modelTimings(models).steps[0]).toEqual({ step: 'scope', medianMs: 4 * HOUR, samples: 3 });
    });

    it('takes the mean of the two middle values of an even number of models', () => {
      const models = [2, 30, 4, 7].map((scope) => modelWithTimeline({ scope }));
      expect(modelTimings(models).steps[0]).toEqual({ step: 'scope', medianMs: 5.5 * HOUR, samples: 4 });
    });

    it('leaves out a step whose start or end is missing', () => {
      const models = [
        modelWithTimeline({ scope: 2 }), // threats not done yet
        modelWithTimeline({ threats: 8 }), // threats done without a recorded scope completion
        modelWithTimeline({ scope: 1, threats: 4 }),
      ];
      const [scope, threats, mitigations] = modelTimings(models).steps;
      expect(scope).toEqual({ step: 'scope', medianMs: 1.5 * HOUR, samples: 2 });
      expect(threats).toEqual({ step: 'threats', medianMs: 3 * HOUR, samples: 1 });
      expect(mitigations).toEqual({ step: 'mitigations', medianMs: undefined, samples: 0 });
    });

    it('leaves out a step that ends before it starts, as in a reopened model', () => {
      const reopened = modelWithTimeline({ scope: 10, threats: 6 });
      expect(modelTimings([reopened]).steps[1]).toEqual({ step: 'threats', medianMs: undefined, samples: 0 });
    });
  });

  describe('time to approval', () => {
    it('runs from creation to the last approval', () => {
      const approvedTwice = modelWithTimeline({
        review: [
          ['requested', 20],
          ['approved', 30],
          ['changes_requested', 40],
          ['approved', 50],
          ['commented', 60],
        ],
      });
      expect(modelTimings([approvedTwice]).toApproval).toEqual({ medianMs: 50 * HOUR, samples: 1 });
    });

    it('leaves out models that are not approved', () => {
      const models = [
        modelWithTimeline({}),
        modelWithTimeline({ review: [['requested', 20]] }),
        modelWithTimeline({ review: [['approved', 24]] }),
        modelWithTimeline({ review: [['approved', 48]] }),
      ];
      expect(modelTimings(models).toApproval).toEqual({ medianMs: 36 * HOUR, samples: 2 });
    });
  });

  it('has no medians and no samples without models', () => {
    const timings = modelTimings([]);
    expect(timings.steps.map((s) => [s.step, s.medianMs, s.samples])).toEqual([
      ['scope', undefined, 0],
      ['threats', undefined, 0],
      ['mitigations', undefined, 0],
      ['risk', undefined, 0],
    ]);
    expect(timings.toApproval).toEqual({ medianMs: undefined, samples: 0 });
  });
});

describe('human durations', () => {
  it('says "< 1 min" under a minute', () => {
    expect(humanDuration(0)).toBe('< 1 min');
    expect(humanDuration(59_999)).toBe('< 1 min');
  });

  it('gives minutes under an hour', () => {
    expect(humanDuration(MINUTE)).toBe('1 min');
    expect(humanDuration(45 * MINUTE + 20_000)).toBe('45 min');
  });

  it('gives hours and minutes under a day, leaving out zero minutes', () => {
    expect(humanDuration(3 * HOUR)).toBe('3 h');
    expect(humanDuration(3 * HOUR + 20 * MINUTE)).toBe('3 h 20 min');
  });

  it('gives days and hours from a day on, rounded to the hour', () => {
    expect(humanDuration(2 * DAY + 4 * HOUR)).toBe('2 d 4 h');
    expect(humanDuration(2 * DAY + 4 * HOUR + 29 * MINUTE)).toBe('2 d 4 h');
    expect(humanDuration(2 * DAY)).toBe('2 d');
  });

  it('carries a rounded-up value into the next unit', () => {
    expect(humanDuration(59 * MINUTE + 40_000)).toBe('1 h');
    expect(humanDuration(DAY - 10_000)).toBe('1 d');
    expect(humanDuration(2 * DAY + 23 * HOUR + 40 * MINUTE)).toBe('3 d');
  });

  it('refuses a negative or non-finite duration', () => {
    expect(() => humanDuration(-1)).toThrow(RangeError);
    expect(() => humanDuration(Number.NaN)).toThrow(RangeError);
  });
});
