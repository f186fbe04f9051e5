import type { ImportedModel } from '../../../src/domain/imported-model';
import type { ThreatModel } from '../../../src/domain/model';
import { ThreatModelSchema } from '../../../src/domain/model';
import type { ImportRequest } from '../../../src/ports/import-requests';
import { type ImportThread, importModel, startImport } from '../../../src/use-cases/import-model';
import { ALICE, buildMitigation, buildModelWith, buildThreat } from '../../support/build-model';
import { useUseCaseDeps } from '../../support/use-case-deps';

const REQUEST: ImportRequest = {
  workspaceId: 'T0WORKSPC',
  channelId: 'C0PAYMENT',
  threadTs: '1700000000.000100',
  userId: ALICE,
};

/** Import requests in memory: what was opened, for how long. */
function memoryRequests() {
  const opened: { request: ImportRequest; ttlMs: number }[] = [];
  return {
    opened,
    open: async (request: ImportRequest, ttlMs: number) => {
      opened.push({ request, ttlMs });
    },
    take: async () => opened.shift()?.request,
  };
}

function thread(promptTs: string | undefined) {
  const opened: ThreatModel[] = [];
  const shown: ImportThread = {
    postPrompt: async () => promptTs,
    openThread: (model) => {
      opened.push(model);
    },
  };
  return { shown, opened };
}

function importedFrom(model: ThreatModel): ImportedModel {
  const { scope, threats, mitigations, counters } = model;
  return {
    format: 'threat_composer',
    title: 'Refunds API',
    content: { scope, threats, mitigations, counters },
    unmapped: [],
  };
}

describe('importing a model', () => {
  const ctx = useUseCaseDeps();

  it('asks in a channel and waits a day for the file; not in a DM, nor where the app may not post', async () => {
    const requests = memoryRequests();
    const asked = { workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', userId: ALICE };
    expect(await startImport({ importRequests: requests }, asked, thread('1700000000.000100').shown)).toEqual({
      ok: true,
    });
    expect(requests.opened).toEqual([{ request: REQUEST, ttlMs: 24 * 60 * 60 * 1000 }]);
    const dm = await startImport(
      { importRequests: requests },
      { ...asked, channelId: 'D0DIRECT1' },
      thread('1.1').shown,
    );
    expect(dm).toMatchObject({ ok: false, message: expect.stringContaining('in a channel') });
    const outside = await startImport({ importRequests: requests }, asked, thread(undefined).shown);
    expect(outside).toMatchObject({ ok: false, message: expect.stringContaining('/invite @Threadmodel') });
    expect(requests.opened).toHaveLength(1);
  });

  it('makes the draft with the content, in the import thread, with the prompt as its card', async () => {
    const source = buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]);
    const { shown, opened } = thread(undefined);
    const outcome = await importModel(
      { ...ctx.deps, importRequests: memoryRequests() },
      REQUEST,
      importedFrom(source),
      shown,
    );
    expect(outcome).toMatchObject({ ok: true, model: { id: 'TM-1', ownerId: ALICE, threadTs: REQUEST.threadTs } });
    const stored = await ctx.store.require({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' });
    expect(stored.threats.map((t) => t.id)).toEqual(['T-1']);
    expect(stored.mitigations.map((m) => m.threatIds)).toEqual([['T-1']]);
    // The prompt becomes the card; the thread's messages are remembered by whoever posts them.
    expect(await ctx.deps.messageRefs.get({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' })).toMatchObject({
      card: REQUEST.threadTs,
    });
    expect(opened.map((m) => m.id)).toEqual(['TM-1']);
    expect(ctx.refreshed).toContainEqual({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' });
  });

  it('creates nothing, not even an id, from content a model cannot hold', async () => {
    const source = buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]);
    const broken = importedFrom(ThreatModelSchema.parse(source));
    broken.content = {
      ...broken.content,
      mitigations: [{ ...broken.content.mitigations[0], threatIds: ['T-9'] } as never],
    };
    const outcome = await importModel(
      { ...ctx.deps, importRequests: memoryRequests() },
      REQUEST,
      broken,
      thread(undefined).shown,
    );
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('refers to threat T-9') });
    expect(await ctx.store.get({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' })).toBeUndefined();
  });
});
