/**
 * What `npm run bench:slack` (bench/slack.ts) and the people it drives inside the stand-in's
 * process (bench/slack-people.ts) say to each other over the stand-in's control channel: one line
 * `<command> <json>` in, one JSON line out. The schemas check each answer where it arrives.
 */
import { z } from 'zod';

/** `setup`: make K teams (a channel and a few people each) and let each start a model. */
export const SetupSchema = z.strictObject({
  appUrl: z.url(),
  bareUrl: z.url(),
  signingSecret: z.string().min(1),
  teams: z.number().int().min(1).max(500),
  people: z.number().int().min(2).max(9),
});
export type Setup = z.infer<typeof SetupSchema>;

export const TeamSchema = z.strictObject({
  channel: z.string(),
  modelId: z.string(),
  cardTs: z.string(),
  people: z.array(z.string()),
});
export type BenchTeam = z.infer<typeof TeamSchema>;

/** The teams that started a model, and why the others did not. */
export const SetupDoneSchema = z.strictObject({ teams: z.array(TeamSchema), failed: z.array(z.string()) });

/** `run`: every team acts about once per `periodMs` (jittered) for `seconds`. */
export const RunSchema = z.strictObject({
  seconds: z.number().positive(),
  periodMs: z.number().int().positive(),
});

/** One request a person sent: to the app and, at the same moment, the same bytes to a bare Bolt app. */
export const TimedRequestSchema = z.strictObject({
  /** command, block_actions, view_submission, view_closed… */
  type: z.string(),
  /** When it was sent (stand-in clock, ms). */
  at: z.number(),
  appMs: z.number(),
  bareMs: z.number(),
  /** The app's HTTP status (0: no answer at all). */
  status: z.number(),
});
export type TimedRequest = z.infer<typeof TimedRequestSchema>;

/** A click meant to open a modal, with the trigger_id it carried. */
export const ModalClickSchema = z.strictObject({
  task: z.string(),
  triggerId: z.string(),
  /** When the stand-in issued the trigger (its clock, ms). */
  issuedAt: z.number(),
  /** The app answered the person with a message (an ephemeral) and opened no modal: what it said. */
  toldInstead: z.string().optional(),
});
export type ModalClick = z.infer<typeof ModalClickSchema>;

export const RunReportSchema = z.strictObject({
  startedAt: z.number(),
  endedAt: z.number(),
  requests: z.array(TimedRequestSchema),
  modalClicks: z.array(ModalClickSchema),
  /** Things that kept a person from acting, e.g. "waiting for the button threat.add", by count. */
  hitches: z.record(z.string(), z.number()),
  /** Forms reached through the form before ("After saving"), not through a button and views.open. */
  wentOn: z.number(),
});
export type RunReport = z.infer<typeof RunReportSchema>;

/** A Web API call as the stand-in recorded it. */
export const CallRecordSchema = z.strictObject({
  method: z.string(),
  at: z.number(),
  status: z.number(),
  ok: z.boolean(),
  error: z.string().optional(),
  triggerId: z.string().optional(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

/** Every version of a model's card message, as the stand-in stored it, by content fingerprint. */
export const CardRecordSchema = z.strictObject({
  modelId: z.string(),
  versions: z.array(z.strictObject({ at: z.number(), fingerprint: z.string() })),
});
export type CardRecord = z.infer<typeof CardRecordSchema>;

/** `cards`: the cards alone (polled while the app settles). */
export const CardsSchema = z.strictObject({ cards: z.array(CardRecordSchema) });

/** `records {"since": ms}`: the calls recorded since then, and the cards. */
export const RecordsSchema = z.strictObject({
  calls: z.array(CallRecordSchema),
  cards: z.array(CardRecordSchema),
});
export type Records = z.infer<typeof RecordsSchema>;

export const SinceSchema = z.strictObject({ since: z.number() });

/** `scaleBodies {"count": n}` (bench:scale): n requests built from the set-up teams, unsigned. */
export const ScaleBodiesRequestSchema = z.strictObject({ count: z.number().int().min(1).max(100_000) });

/** One request as Slack would send it, before signing. */
export const ScaleBodySchema = z.strictObject({
  /** roles.select, or `/threatmodel <subcommand>`. */
  type: z.string(),
  contentType: z.string(),
  body: z.string(),
});
export type ScaleBody = z.infer<typeof ScaleBodySchema>;

export const ScaleBodiesSchema = z.strictObject({ bodies: z.array(ScaleBodySchema) });

/** `scaleAnswers`: what the app posted to response URLs, by the answer's first words. */
export const ScaleAnswersSchema = z.strictObject({ answers: z.record(z.string(), z.number()) });
