import type { ThreatModel } from '../../../src/domain/model';
import { type ModelThread, startModel, startProblem } from '../../../src/use-cases/start-model';
import { ALICE } from '../../support/build-model';
import { useUseCaseDeps } from '../../support/use-case-deps';

const request = { workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', userId: ALICE, title: 'Refunds API' };

/**
 * A thread that records what it was asked to show; the card is posted unless `cardTs` is
 * undefined, and posting it fails with `cardError` when given.
 */
function thread(cardTs: string | undefined, cardError?: Error) {
  const opened: ThreatModel[] = [];
  const shown: ModelThread = {
    postCard: async () => {
      if (cardError) throw cardError;
      return cardTs;
    },
    openThread: (model) => {
      opened.push(model);
    },
  };
  return { shown, opened };
}

describe('starting a model', () => {
  const ctx = useUseCaseDeps();

  describe('before anything is stored', () => {
    it('wants a title that fits the schema, in a channel', () => {
      expect(startProblem({ title: '', channelId: 'C0PAYMENT' })).toMatchObject({
        about: 'title',
        message: 'Give the feature a title.',
      });
      expect(startProblem({ title: 'x'.repeat(500), channelId: 'C0PAYMENT' })).toMatchObject({ about: 'title' });
      expect(startProblem({ title: 'Refunds API', channelId: 'D0DIRECT1' })).toMatchObject({
        about: 'channel',
        message: 'Start a model in a channel, where the team can join in.',
      });
      expect(startProblem({ title: 'Refunds API', channelId: 'G0PRIVATE' })).toBeUndefined();
    });
  });

  it('creates the draft, opens its thread under the card, remembers the card and starts the idle reminder', async () => {
    const { shown, opened } = thread('1700000000.000100');
    const outcome = await startModel(ctx.deps, request, shown);
    expect(outcome).toMatchObject({ ok: true, model: { id: 'TM-1', threadTs: '1700000000.000100' } });
    expect(opened.map((model) => model.threadTs)).toEqual(['1700000000.000100']);
    const ref = { workspaceId: 'T0WORKSPC', modelId: 'TM-1' };
    expect(await ctx.deps.messageRefs.get(ref)).toEqual({
      // The thread's messages are remembered by whoever posts them, at the channel's pace.
      card: '1700000000.000100',
      // No content hashes yet: nothing was refreshed (the Redis adapter answers the same).
      sent: {},
    });
    expect(ctx.jobs.scheduledOf('idle').map(({ data }) => data.modelId)).toEqual(['TM-1']);
  });

  it('archives the draft and says how to invite the app when it may not post in the channel', async () => {
    const { shown, opened } = thread(undefined);
    const outcome = await startModel(ctx.deps, request, shown);
    expect(outcome).toEqual({
      ok: false,
      message:
        'I am not a member of this channel yet. Invite me with `/invite @Threadmodel`, then start the model again.',
    });
    expect((await ctx.store.require({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' })).status).toBe('archived');
    expect(opened).toEqual([]);
    expect(ctx.jobs.scheduledOf('idle')).toEqual([]);
  });

  it('archives the draft and lets the error through when the card cannot be posted (Slack busy)', async () => {
    const busy = new Error('Slack is busy');
    const { shown, opened } = thread('1700000000.000100', busy);
    await expect(startModel(ctx.deps, request, shown)).rejects.toBe(busy);
    // Nobody can see the draft: it must not linger as a model without a card or thread.
    expect((await ctx.store.require({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' })).status).toBe('archived');
    expect(opened).toEqual([]);
    expect(ctx.jobs.scheduledOf('idle')).toEqual([]);
  });
});
