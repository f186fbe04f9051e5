import type { ThreatModel } from './model';
import { STEPS, type Step } from './steps';

/**
 * How long past models took, so a team starting one can plan: the median time each step took and
 * the median time from start to approval. Medians, not means, because one model left idle for a
 * month would otherwise dominate the estimate.
 */

/** The median of some durations, and how many there were (`medianMs` undefined for none). */
export interface DurationStats {
  medianMs: number | undefined;
  samples: number;
}

export interface StepTiming extends DurationStats {
  step: Step;
}

export interface ModelTimings {
  /** One entry per step, in the method's order. */
  steps: StepTiming[];
  /** From the model's creation to its last approval. */
  toApproval: DurationStats;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Step durations: scope runs from the model's creation to the scope step's completion, each later
 * step from the previous step's completion to its own. Approval time runs from creation to the
 * last 'approved' event, so a model approved, reopened and approved again counts its whole
 * journey. A duration is left out when an end is missing or it would be negative (an edited or
 * reopened model), so partial models still contribute what they can.
 */
export function modelTimings(models: readonly ThreatModel[]): ModelTimings {
  const steps = STEPS.map((step, index) => {
    const previous = STEPS[index - 1];
    const durations = models.flatMap((model) => {
      const start = previous ? model.completedSteps[previous]?.completedAt : model.createdAt;
      return durationMs(start, model.completedSteps[step]?.completedAt);
    });
    return { step, ...stats(durations) };
  });
  const toApproval = stats(models.flatMap((model) => durationMs(model.createdAt, lastApprovalAt(model))));
  return { steps, toApproval };
}

/**
 * A duration for people: '< 1 min', '45 min', '3 h 20 min', '3 h', '2 d 4 h'. At most two units;
 * under a day rounded to the minute, from a day on to the hour; a zero second unit is left out.
 */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a duration must be a finite number >= 0: ${ms}`);
  if (ms < MINUTE_MS) return '< 1 min';
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < DAY_MS / MINUTE_MS) {
    return twoUnits(Math.floor(minutes / 60), 'h', minutes % 60, 'min');
  }
  const hours = Math.round(ms / HOUR_MS);
  return twoUnits(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

function twoUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  if (major === 0) return `${minor} ${minorUnit}`;
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}

function lastApprovalAt(model: ThreatModel): string | undefined {
  const approvals = (model.review?.history ?? []).filter((event) => event.type === 'approved');
  return approvals.at(-1)?.at;
}

/** `[end - start]` in ms, or `[]` when an end is missing or the end comes first. */
function durationMs(start: string | undefined, end: string | undefined): number[] {
  if (start === undefined || end === undefined) return [];
  const ms = Date.parse(end) - Date.parse(start);
  return ms >= 0 ? [ms] : [];
}

function stats(durations: readonly number[]): DurationStats {
  return { medianMs: median(durations), samples: durations.length };
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0; // in range: the list is not empty
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? 0) + upper) / 2;
}
