import { cleanLine, cleanText } from './clean-text';
import type { Flow } from './flow';
import { LIMITS } from './limits';
import type { ModelStatus, ThreatModel } from './model';
import type { ActorRef } from './primitives';
import type { Review, ReviewEvent } from './review';
import { untreatedThreats } from './risk';
import { confirmAcceptances } from './risk-decisions';
import { ROLES } from './roles';
import { STEP_NAMES, STEPS, type Step } from './steps';

/**
 * The rules of the AppSec review of a model: who may ask for it, who may review it, and what
 * blocks an approval. Pure: time is passed in, and the store bumps version and updatedAt.
 * Messages mention users as `<@USERID>`; ids reach here already validated by their schema.
 */

export type ReviewRefusalReason =
  | 'not_allowed'
  | 'wrong_status'
  | 'incomplete'
  | 'open_high_risks'
  | 'own_model'
  | 'comment_required'
  | 'no_reviewer';

export type ReviewOutcome =
  | { ok: true; model: ThreatModel }
  | { ok: false; reason: ReviewRefusalReason; message: string };
type ReviewRefusal = Extract<ReviewOutcome, { ok: false }>;

const STATUS_WORDS: Readonly<Record<ModelStatus, string>> = {
  draft: 'a draft',
  in_review: 'in review',
  changes_requested: 'waiting for the changes AppSec asked for',
  approved: 'approved',
  archived: 'archived',
};

/** Owner or any role holder (the people who may not approve it). */
export function isParticipant(model: ThreatModel, userId: string): boolean {
  return model.ownerId === userId || ROLES.some((role) => model.roles[role].includes(userId));
}

/**
 * Who may never review or approve the model: the owner, the current role holders, and everyone
 * who ever held a role in it or changed it (`contributors`), so giving up a role does not help.
 */
export function tookPart(model: ThreatModel, userId: string): boolean {
  return isParticipant(model, userId) || model.contributors.includes(userId);
}

/** Steps not yet complete (model.completedSteps), in order. */
export function incompleteSteps(model: ThreatModel): Step[] {
  return STEPS.filter((step) => !model.completedSteps[step]);
}

/**
 * Ask AppSec to review a draft, or to look again after changes. A re-request goes back to the
 * reviewer of the previous round; the due date is left for the scheduling job to set.
 */
export function requestReview(
  model: ThreatModel,
  request: { by: string; at: Date; allowIncomplete: boolean; note?: string },
): ReviewOutcome {
  if (model.status !== 'draft' && model.status !== 'changes_requested') {
    const already = model.status === 'archived' ? '' : 'already ';
    return refuse('wrong_status', `${model.id} is ${already}${STATUS_WORDS[model.status]}.`);
  }
  if (!isParticipant(model, request.by)) {
    return refuse('not_allowed', `Only the owner or a role holder of ${model.id} can request its review.`);
  }
  const missing = incompleteSteps(model);
  if (missing.length > 0 && !request.allowIncomplete) {
    const names = missing.map((step) => STEP_NAMES[step]).join(', ');
    return refuse(
      'incomplete',
      `${model.id} is not complete yet: ${names} still ${missing.length === 1 ? 'needs' : 'need'} finishing. Complete ${missing.length === 1 ? 'it' : 'them'}, or request the review anyway.`,
    );
  }
  const note = cleanComment(request.note);
  if (!note.ok) return note;

  const at = request.at.toISOString();
  const previous = model.review;
  // Someone given a role (or who changed the model) since the last round can no longer review it.
  const reviewerId = previous?.reviewerId && !tookPart(model, previous.reviewerId) ? previous.reviewerId : undefined;
  const review: Review = {
    requestedBy: request.by,
    requestedAt: at,
    incomplete: missing.length > 0,
    ...(reviewerId && { reviewerId }),
    history: appendEvent(previous?.history ?? [], {
      type: 'requested',
      by: request.by,
      at,
      ...(note.comment && { comment: note.comment }),
    }),
  };
  return { ok: true, model: { ...model, status: 'in_review', review } };
}

/** Give the review to an AppSec reviewer: by a lead, by the reviewer claiming it, or on escalation. */
export function assignReviewer(
  model: ThreatModel,
  assignment: { reviewerId: string; by: ActorRef; at: Date; dueAt: Date; how: 'assigned' | 'claimed' | 'reassigned' },
): ReviewOutcome {
  const open = openReview(model);
  if (!open.ok) return open;
  const { reviewerId } = assignment;
  if (isParticipant(model, reviewerId)) {
    return refuse('own_model', `<@${reviewerId}> owns or holds a role in ${model.id} and cannot review it.`);
  }
  if (tookPart(model, reviewerId)) {
    return refuse('own_model', `<@${reviewerId}> held a role in ${model.id} or changed it and cannot review it.`);
  }
  const at = assignment.at.toISOString();
  const review: Review = {
    ...open.review,
    reviewerId,
    dueAt: assignment.dueAt.toISOString(),
    history: appendEvent(open.review.history, { type: assignment.how, by: assignment.by, at, reviewerId }),
  };
  return { ok: true, model: { ...model, review } };
}

/** Send the model back to the team with a comment saying what must change. The reviewer stays. */
export function requestChanges(
  model: ThreatModel,
  decision: { by: string; at: Date; comment: string; isAppSec: boolean },
): ReviewOutcome {
  const allowed = reviewerMay(model, decision, 'request changes', 'review');
  if (!allowed.ok) return allowed;
  const comment = cleanComment(decision.comment);
  if (!comment.ok) return comment;
  if (!comment.comment) {
    return refuse('comment_required', `Say what needs to change before sending ${model.id} back to the team.`);
  }
  const event: ReviewEvent = {
    type: 'changes_requested',
    by: decision.by,
    at: decision.at.toISOString(),
    comment: comment.comment,
  };
  const review: Review = { ...allowed.review, history: appendEvent(allowed.review.history, event) };
  return { ok: true, model: { ...model, status: 'changes_requested', review } };
}

/**
 * Endorse the model, with an optional comment and follow-up actions (what AppSec asks for beyond
 * the model, e.g. penetration-test scope). Refused to anyone who owns the model, holds a role in
 * it or ever did or changed it (`contributors`: giving up a role does not make one eligible);
 * refused until every step is complete (a review requested early allows only comments and
 * "request changes"), and while any threat is not adequately treated (untreatedThreats).
 */
export function approve(
  model: ThreatModel,
  decision: { by: string; at: Date; isAppSec: boolean; comment?: string; followUps?: readonly string[] },
  flow: Flow,
): ReviewOutcome {
  const allowed = reviewerMay(model, decision, 'approve a threat model', 'approve');
  if (!allowed.ok) return allowed;
  if (model.contributors.includes(decision.by)) {
    return refuse(
      'own_model',
      `You held a role in ${model.id} or changed it, so someone else from AppSec must approve it.`,
    );
  }
  const missing = approvalMissingSteps(model);
  if (missing) return refuse('incomplete', missing);
  const untreated = untreatedThreats(flow, model);
  if (untreated.length > 0) {
    const reasons = untreated.slice(0, 10).map((item) => item.reason);
    if (untreated.length > 10) reasons.push(`${untreated.length - 10} more`);
    return refuse('open_high_risks', `Not every risk is adequately treated yet: ${reasons.join('; ')}.`);
  }
  const comment = cleanComment(decision.comment);
  if (!comment.ok) return comment;
  const followUps = cleanFollowUps(decision.followUps);
  if (!followUps.ok) return followUps;
  const event: ReviewEvent = {
    type: 'approved',
    by: decision.by,
    at: decision.at.toISOString(),
    ...(comment.comment && { comment: comment.comment }),
    ...(followUps.followUps.length > 0 && { followUps: followUps.followUps }),
  };
  const review: Review = { ...allowed.review, history: appendEvent(allowed.review.history, event) };
  const confirmed = confirmAcceptances(model, decision.by, decision.at);
  return { ok: true, model: { ...confirmed, status: 'approved', review } };
}

/**
 * Why the model cannot be approved for want of finished steps, in words (step names for people),
 * or undefined when all four are complete. Shared by approve() and the review card.
 */
export function approvalMissingSteps(model: ThreatModel): string | undefined {
  const missing = incompleteSteps(model);
  if (missing.length === 0) return undefined;
  const names = missing.map((step) => STEP_NAMES[step]);
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return (
    `${model.id} cannot be approved until every step is complete: ${joined} ${missing.length === 1 ? 'is' : 'are'} not finished yet. ` +
    'Until then you can comment or request changes.'
  );
}

/** The approval's follow-up actions, one per line of the form: trimmed, blanks dropped, limits enforced. */
export function followUpLines(text: string | undefined): string[] {
  return cleanText(text ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0);
}

/** The team takes the model back out of review, to keep working on it. */
export function withdrawReview(model: ThreatModel, request: { by: string; at: Date }): ReviewOutcome {
  const open = openReview(model);
  if (!open.ok) return open;
  if (!isParticipant(model, request.by)) {
    return refuse('not_allowed', `Only the owner or a role holder of ${model.id} can withdraw its review.`);
  }
  const event: ReviewEvent = { type: 'withdrawn', by: request.by, at: request.at.toISOString() };
  const review: Review = { ...open.review, history: appendEvent(open.review.history, event) };
  return { ok: true, model: { ...model, status: 'draft', review } };
}

/** How long the model has waited since the review was requested; undefined when not in review. */
export function reviewAgeMs(model: ThreatModel, now: Date): number | undefined {
  if (model.status !== 'in_review' || !model.review) return undefined;
  return now.getTime() - Date.parse(model.review.requestedAt);
}

/** The last 'approved' or 'changes_requested' event of the review. */
export function lastReviewDecision(model: ThreatModel): ReviewEvent | undefined {
  const history = model.review?.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i];
    if (event?.type === 'approved' || event?.type === 'changes_requested') return event;
  }
  return undefined;
}

function refuse(reason: ReviewRefusalReason, message: string): ReviewRefusal {
  return { ok: false, reason, message };
}

/** The review of a model in review, or why there is none to act on. */
function openReview(model: ThreatModel): { ok: true; review: Review } | ReviewRefusal {
  if (model.status !== 'in_review') {
    return refuse('wrong_status', `${model.id} is not in review; it is ${STATUS_WORDS[model.status]}.`);
  }
  if (!model.review) return refuse('wrong_status', `${model.id} has no review request.`);
  return { ok: true, review: model.review };
}

/** A reviewer's decision needs a model in review, an AppSec reviewer, and one outside the team. */
function reviewerMay(
  model: ThreatModel,
  decision: { by: string; isAppSec: boolean },
  action: string,
  verb: string,
): { ok: true; review: Review } | ReviewRefusal {
  const open = openReview(model);
  if (!open.ok) return open;
  if (!decision.isAppSec) return refuse('not_allowed', `Only AppSec reviewers can ${action}.`);
  if (isParticipant(model, decision.by)) {
    return refuse('own_model', `You own or hold a role in ${model.id}, so someone else from AppSec must ${verb} it.`);
  }
  return open;
}

/** A comment as stored: cleaned (clean-text.ts), left out when blank, refused over the limit. */
function cleanComment(comment: string | undefined): { ok: true; comment?: string } | ReviewRefusal {
  const trimmed = cleanText(comment ?? '');
  if (trimmed.length > LIMITS.commentMax) {
    return refuse(
      'comment_required',
      `A comment can be at most ${LIMITS.commentMax} characters; this one has ${trimmed.length}.`,
    );
  }
  return trimmed ? { ok: true, comment: trimmed } : { ok: true };
}

/** Follow-up actions as stored: each one cleaned line (clean-text.ts), blanks left out, refused over the limits. */
function cleanFollowUps(followUps: readonly string[] | undefined): { ok: true; followUps: string[] } | ReviewRefusal {
  const cleaned = (followUps ?? []).map(cleanLine).filter((item) => item.length > 0);
  if (cleaned.length > LIMITS.followUpsMax) {
    return refuse(
      'comment_required',
      `An approval can list at most ${LIMITS.followUpsMax} follow-up actions; this one has ${cleaned.length}.`,
    );
  }
  const long = cleaned.findIndex((item) => item.length > LIMITS.followUpMax);
  if (long >= 0) {
    return refuse(
      'comment_required',
      `A follow-up action can be at most ${LIMITS.followUpMax} characters; number ${long + 1} has ${cleaned[long]?.length}.`,
    );
  }
  return { ok: true, followUps: cleaned };
}

/** The history with one more event, keeping only the newest LIMITS.reviewHistoryMax. */
function appendEvent(history: readonly ReviewEvent[], event: ReviewEvent): ReviewEvent[] {
  return [...history, event].slice(-LIMITS.reviewHistoryMax);
}
