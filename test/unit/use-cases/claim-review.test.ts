import type { ThreatModel } from '../../../src/domain/model';
import { reviewDueAt } from '../../../src/domain/reminder-schedule';
import { requestReview } from '../../../src/domain/review-workflow';
import { calendarFor } from '../../../src/domain/working-days';
import { claimReview, reassignReview } from '../../../src/use-cases/claim-review';
import { pickReviewer } from '../../../src/use-cases/review-assignment';
import { ALICE, BOB, buildModel, NOW } from '../../support/build-model';
import { refOf, seedModel, useUseCaseDeps } from '../../support/use-case-deps';

const RITA = 'U0RITA001';
const SAM = 'U0SAM0001';
const TOKYO = 'Asia/Tokyo';

describe('claiming and handing over a review', () => {
  const ctx = useUseCaseDeps();

  /** In review; SAM is in AppSec but holds the AppSec SME role, so cannot review it. */
  async function inReview() {
    const draft = buildModel();
    const outcome = requestReview(
      { ...draft, roles: { ...draft.roles, appsec_sme: [SAM] } },
      { by: ALICE, at: NOW, allowIncomplete: true },
    );
    if (!outcome.ok) throw new Error(outcome.message);
    const { model } = await seedModel(ctx.store, outcome.model);
    ctx.appsec.set([RITA, SAM]);
    ctx.timeZones.set(RITA, TOKYO);
    const { deps } = ctx;
    await deps.messageRefs.set(refOf(model), { reviewCard: '1700000000.000100', reviewChannel: 'C0APPSEC1' });
    return { model, deps };
  }
  const stored = (model: ThreatModel) => ctx.store.require(refOf(model));

  it('gives the review to the AppSec member who claims it, due in their calendar, with the first nudge at the due time', async () => {
    const { model, deps } = await inReview();
    const outcome = await claimReview(deps, { ref: refOf(model), by: RITA });
    const due = reviewDueAt(new Date(model.review?.requestedAt ?? ''), 3, calendarFor(TOKYO, []));
    expect(outcome).toMatchObject({
      ok: true,
      reviewerId: RITA,
      card: { channel: 'C0APPSEC1', ts: '1700000000.000100' },
      model: { review: { reviewerId: RITA, dueAt: due.toISOString() } },
    });
    expect((await stored(model)).review?.history.at(-1)).toMatchObject({ type: 'claimed', by: RITA, reviewerId: RITA });
    expect(await deps.jobs.pendingReminder(refOf(model), 'review')).toEqual({
      data: expect.objectContaining({ reviewerId: RITA, timeZone: TOKYO, dueAt: due.toISOString(), nudge: 1 }),
      at: due,
    });
    expect(ctx.refreshed).toEqual([refOf(model)]);
  });

  it('refuses a claim from outside AppSec, and changes nothing', async () => {
    const { model, deps } = await inReview();
    const outcome = await claimReview(deps, { ref: refOf(model), by: BOB });
    expect(outcome).toEqual({ ok: false, message: 'Only AppSec reviewers can take or hand over reviews.' });
    expect((await stored(model)).version).toBe(model.version);
    expect(await deps.jobs.pendingReminder(refOf(model), 'review')).toBeUndefined();
  });

  it("passes on the domain's refusal of an AppSec member on the model's team", async () => {
    const { model, deps } = await inReview();
    const outcome = await claimReview(deps, { ref: refOf(model), by: SAM });
    expect(outcome).toEqual({
      ok: false,
      message: `<@${SAM}> owns or holds a role in ${model.id} and cannot review it.`,
    });
    expect(ctx.refreshed).toEqual([]);
  });

  it('hands the review to another AppSec member only', async () => {
    const { model, deps } = await inReview();
    expect(await reassignReview(deps, { ref: refOf(model), by: RITA, to: BOB })).toEqual({
      ok: false,
      message: `<@${BOB}> is not in AppSec, so they cannot review models.`,
    });
    expect(await reassignReview(deps, { ref: refOf(model), by: BOB, to: RITA })).toEqual({
      ok: false,
      message: 'Only AppSec reviewers can take or hand over reviews.',
    });
    const outcome = await reassignReview(deps, { ref: refOf(model), by: SAM, to: RITA });
    expect(outcome).toMatchObject({ ok: true, reviewerId: RITA });
    expect((await stored(model)).review?.history.at(-1)).toMatchObject({
      type: 'reassigned',
      by: SAM,
      reviewerId: RITA,
    });
  });

  it('picks reviewers round-robin, skipping the model team', async () => {
    const { model, deps } = await inReview();
    ctx.appsec.set([RITA, SAM, 'U0TOM0001']);
    const picks = [];
    for (let i = 0; i < 3; i++) picks.push(await pickReviewer(deps, model));
    expect(picks).toEqual([RITA, 'U0TOM0001', RITA]);
    ctx.appsec.set([SAM]);
    expect(await pickReviewer(deps, model)).toBeUndefined();
  });

  it('never picks someone who held a role in the model or changed it', async () => {
    const { model, deps } = await inReview();
    ctx.appsec.set([RITA, 'U0TOM0001']);
    const changedByTom = { ...model, contributors: ['U0TOM0001'] };
    for (let i = 0; i < 3; i++) expect(await pickReviewer(deps, changedByTom)).toBe(RITA);
  });
});
