import type { ImportedModel } from '../../../src/domain/imported-model';
import type { ThreatModel } from '../../../src/domain/model';
import { ThreatModelSchema } from '../../../src/domain/model';
import type { ImportRequest } from '../../../src/ports/import-requests';
import { type ImportThread, importModel, importRepositoryFile, startImport } from '../../../src/use-cases/import-model';
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
  const prompts: unknown[] = [];
  const shown: ImportThread = {
    postPrompt: async (_request, source) => {
      prompts.push(source);
      return promptTs;
    },
    openThread: (model) => {
      opened.push(model);
    },
  };
  return { shown, opened, prompts };
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

  describe('from a file of the export repository', () => {
    const asked = { workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', userId: ALICE };
    const source = { path: 'threat-models/tm-3-search/threat-model.tc.json', branch: 'main' };
    const content = () => importedFrom(buildModelWith([buildThreat('T-1')], [buildMitigation('M-1', ['T-1'])]));

    it('posts the prompt naming the file, then makes the model in its thread; no thread waits for a file', async () => {
      const requests = memoryRequests();
      const { shown, prompts } = thread(REQUEST.threadTs);
      const outcome = await importRepositoryFile(
        { ...ctx.deps, importRequests: requests },
        asked,
        source,
        content(),
        shown,
      );
      expect(outcome).toMatchObject({
        ok: true,
        threadTs: REQUEST.threadTs,
        model: { id: 'TM-1', threadTs: REQUEST.threadTs },
      });
      expect(prompts).toEqual([source]);
      expect(requests.opened).toEqual([]);
    });

    it('posts nothing in a DM, and says so where the app may not post', async () => {
      const { shown, prompts } = thread(REQUEST.threadTs);
      const deps = { ...ctx.deps, importRequests: memoryRequests() };
      const dm = await importRepositoryFile(deps, { ...asked, channelId: 'D0DIRECT1' }, source, content(), shown);
      expect(dm).toMatchObject({ ok: false, message: expect.stringContaining('in a channel') });
      expect(prompts).toEqual([]);
      const outside = await importRepositoryFile(deps, asked, source, content(), thread(undefined).shown);
      expect(outside).toEqual({ ok: false, message: expect.stringContaining('/invite @Threadmodel') });
      expect(await ctx.store.get({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' })).toBeUndefined();
    });

    it("a model's exported file only for members of its channel, answered like a missing model otherwise", async () => {
      const exported = { ...source, exportedFrom: { modelId: 'TM-9', channelId: 'C0PRIVATE' } };
      const { shown, prompts } = thread(REQUEST.threadTs);
      const deps = { ...ctx.deps, importRequests: memoryRequests() };
      const outsider = await importRepositoryFile(deps, asked, exported, content(), shown);
      expect(outsider).toEqual({ ok: false, message: 'There is no threat model TM-9 in your channels.' });
      expect(prompts).toEqual([]);
      ctx.members.join('C0PRIVATE', ALICE);
      expect(await importRepositoryFile(deps, asked, exported, content(), shown)).toMatchObject({ ok: true });
    });

    it('content refused after the prompt: nothing made, and the thread takes a shared file instead', async () => {
      const broken = content();
      broken.content = {
        ...broken.content,
        mitigations: [{ ...broken.content.mitigations[0], threatIds: ['T-9'] } as never],
      };
      const requests = memoryRequests();
      const outcome = await importRepositoryFile(
        { ...ctx.deps, importRequests: requests },
        asked,
        source,
        broken,
        thread(REQUEST.threadTs).shown,
      );
      expect(outcome).toMatchObject({ ok: false, inThread: REQUEST.threadTs, message: expect.stringContaining('T-9') });
      expect(requests.opened.map((o) => o.request)).toEqual([REQUEST]);
      expect(await ctx.store.get({ workspaceId: 'T0WORKSPC', modelId: 'TM-1' })).toBeUndefined();
    });
  });
});
