import { JOBS } from '../../../src/ports/job-payloads';
import { eventually } from '../../support/eventually';
import { REF, requestReview, startCompleteModel } from '../../support/review-scenarios';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL } from '../../support/slack-scenarios';

/** What a raw failure reason could leak: Slack's error text, zod's words, stack frames. */
const RAW = /invalid_blocks|An API error occurred|bad job payload|Invalid|expected|at .*\.ts:\d+|Error:/;

describe("a job that gives up tells the model's thread in friendly words, never the raw error", () => {
  const ctx = useSlackApp();

  const failureNote = (what: string) =>
    eventually(`the failure note (${what})`, async () => {
      const model = await ctx.model();
      return ctx.standIn.thread(CHANNEL, model.threadTs ?? '').find((message) => message.text.includes(what));
    });

  it('Slack refusing for good: the kind of refusal and the job id, without Slack’s error', async () => {
    await startCompleteModel(ctx);
    ctx.standIn.failNext('chat.postMessage', { error: 'invalid_blocks' });
    await requestReview(ctx);
    const note = await failureNote('I could not post the review request');
    const [failed] = await ctx.runtime.queues.reviews.getFailed();
    expect(failed?.failedReason).toContain('invalid_blocks'); // the log and the queue keep the reason
    expect(note.text).toContain('*TM-1*: Slack did not accept the message I made.');
    expect(note.text).toContain(`\`${failed?.id}\``);
    expect(note.text).not.toMatch(RAW);
  });

  it('a payload that does not parse: said so, with the job id, without the schema’s words', async () => {
    await startCompleteModel(ctx);
    const job = await ctx.runtime.queues.reviews.add(JOBS.reviewRequest, {
      ...REF,
      requestedAt: 'not <!channel> a time',
    });
    const note = await failureNote('I could not post the review request');
    expect(note.text).toContain('*TM-1*: the task could not be read');
    expect(note.text).toContain(`\`${job.id}\``);
    expect(note.text).not.toMatch(RAW);
    expect(note.text).not.toContain('<!channel>');
    expect(await ctx.runtime.queues.reviews.getFailedCount()).toBe(1);
    expect((await ctx.runtime.queues.reviews.getFailed())[0]?.attemptsMade).toBe(1); // no retries
  });
});
