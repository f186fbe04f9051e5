import type { ModelTimings } from './model-timings';
import { STEP_NAMES, type Step } from './steps';

/**
 * Fewer past models than this behind a step's median and the estimate would be one team's story,
 * not a norm: nothing is shown for that step. Three is the fewest for which a median ignores one
 * model left idle for a month.
 */
export const ESTIMATE_MIN_MODELS = 3;

/** How long each step of past models usually took (median ms), for the steps with enough of them. */
export interface StepEstimates {
  /** Per step, the median; a step with fewer than ESTIMATE_MIN_MODELS durations is absent. */
  medians: Partial<Record<Step, number>>;
  /** The fewest past models any estimate shown is drawn from. */
  samples: number;
}

/** No estimates: too few past models, or none could be read. */
export const NO_ESTIMATES: StepEstimates = { medians: {}, samples: 0 };

/** The estimates past models' timings allow (see ESTIMATE_MIN_MODELS). */
export function stepEstimates(timings: ModelTimings): StepEstimates {
  const kept = timings.steps.filter((step) => step.medianMs !== undefined && step.samples >= ESTIMATE_MIN_MODELS);
  if (kept.length === 0) return NO_ESTIMATES;
  return {
    medians: Object.fromEntries(kept.map((step) => [step.step, step.medianMs])),
    samples: Math.min(...kept.map((step) => step.samples)),
  };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * A duration in rough words, as date-fns' formatDistance has it: 'less than a minute', 'about 30
 * minutes', 'about an hour' (45 to 89 minutes), 'about 5 hours', 'about a day' (24 to 41 hours),
 * 'about 2 days'. Unlike formatDistance it stays in days past a month: steps are planned in days.
 */
export function roughDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a duration must be a finite number >= 0: ${ms}`);
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 45) return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
  if (minutes < 90) return 'about an hour';
  if (ms < DAY_MS) return `about ${Math.round(ms / HOUR_MS)} hours`;
  if (ms < 42 * HOUR_MS) return 'about a day';
  return `about ${Math.round(ms / DAY_MS)} days`;
}

/** "Teams usually spend about 2 days on threats." */
export function stepEstimateLine(step: Step, medianMs: number): string {
  return `Teams usually spend ${roughDuration(medianMs)} on ${STEP_NAMES[step]}.`;
}
