import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNELS, TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { EXPORT_FILES, exportFiles } from '../../../src/export/export-files';
import { toNativeJson } from '../../../src/export/native-json';
import { toThreatComposer } from '../../../src/export/threat-composer';
import { IMPORT_LIMITS } from '../../../src/import/import-limits';
import type { ExportSettings } from '../../../src/jobs/processors/processor-deps';
import { READING } from '../../../src/slack/listeners/commands/import-from-repository';
import { bareRepo } from '../../support/bare-repo';
import { defaultFlow } from '../../support/build-model';
import { buildApprovedModel } from '../../support/realistic-model';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE, BOB } = USERS;
const CHANNEL = 'C0PAYMENT';
const FILES = join(__dirname, '../../support/import-files');
const fixture = (name: string) => readFileSync(join(FILES, name));

function blockText(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return JSON.stringify(message?.blocks ?? []) + String(message?.text ?? '');
}

/** The team's export repository: a model exported as the export writes it, and what anyone with push access could add. */
const EXPORTED = 'threat-models/tm-3-search';
const exported = buildApprovedModel();
let repo: ReturnType<typeof bareRepo> | undefined;
let settings: ExportSettings | undefined;
beforeAll(async () => {
  const files = await exportFiles(exported, defaultFlow());
  repo = bareRepo();
  repo.prepareBranch('main', (work) => {
    mkdirSync(join(work, EXPORTED), { recursive: true });
    for (const file of files) writeFileSync(join(work, EXPORTED, file.path), file.content);
    symlinkSync('tm-3-search/threat-model.tc.json', join(work, 'threat-models/linked.tc.json'));
    symlinkSync('tm-3-search', join(work, 'threat-models/linked-folder'));
    symlinkSync('/etc/passwd', join(work, 'threat-models/outside.json'));
    writeFileSync(join(work, 'threat-models/huge.tc.json'), `"${'x'.repeat(IMPORT_LIMITS.fileBytesMax)}"`);
    writeFileSync(join(work, 'threat-models/broken.json'), '{"threats": [');
    // A model of a channel Alice is not in, and an export folder whose own file says nothing readable.
    const secret = { ...exported, id: 'TM-9', channelId: CHANNELS.APPSEC.id };
    for (const [folder, native] of [
      ['tm-9-secret', toNativeJson(secret)],
      ['tm-8-unreadable', '{"format": "threadmodel"}'],
    ] as const) {
      mkdirSync(join(work, 'threat-models', folder));
      writeFileSync(join(work, 'threat-models', folder, EXPORT_FILES.native), native);
      writeFileSync(
        join(work, 'threat-models', folder, EXPORT_FILES.threatComposer),
        JSON.stringify(toThreatComposer(secret, defaultFlow())),
      );
    }
  });
  settings = {
    gitUrl: repo.url,
    baseBranch: 'main',
    folder: 'threat-models',
    author: { name: 'Threadmodel', email: 'threadmodel@example.com' },
    github: undefined,
  };
});
afterAll(() => repo?.cleanup());

describe('/threatmodel import', () => {
  const ctx = useSlackApp({ exportSettings: () => settings });

  /** Alice asks for an import: the prompt's ts, the thread the file goes in. */
  async function startImport(): Promise<string> {
    const answer = await ctx.driver.command(ALICE.id, CHANNEL, 'import');
    expect(answer.status).toBe(200);
    await ctx.settle();
    const prompt = ctx.standIn.messages(CHANNEL).at(-1);
    expect(blockText(prompt)).toContain('Share a Threat Composer `.tc.json` file or a Threat Dragon v2 `.json` file');
    return prompt?.ts ?? '';
  }

  const thread = (ts: string) => ctx.standIn.thread(CHANNEL, ts).map(blockText);
  const noModel = async () => expect(await ctx.store.get({ workspaceId: TEAM_ID, modelId: 'TM-1' })).toBeUndefined();

  it('makes a model of a Threat Composer file shared in its thread, and lists what it could not map', async () => {
    const ts = await startImport();
    await ctx.driver.shareFile(ALICE.id, CHANNEL, ts, {
      name: 'photos.tc.json',
      content: fixture('composer-with-brainstorm.tc.json'),
    });
    await ctx.settle();

    const model = await ctx.model();
    expect(model).toMatchObject({ title: 'Photo sharing', ownerId: ALICE.id, threadTs: ts, status: 'draft' });
    expect(model.threats.map((t) => t.threatAction)).toEqual(["download another user's private photos"]);
    expect(model.mitigations.map((m) => [m.description, m.threatIds])).toEqual([
      ['Presigned URLs expire after 5 minutes', ['T-1']],
    ]);
    expect(model.scope.assumptions).toEqual([
      { id: 'A-1', description: 'Uploads are virus-scanned upstream', threatIds: ['T-1'], mitigationIds: ['M-1'] },
    ]);
    // Downloaded once, with the bot token.
    expect(ctx.standIn.fileDownloads).toEqual([{ fileId: expect.any(String), authorized: true }]);
    // The prompt became the model's card; the thread has the model's openings and the import's list.
    expect(blockText(ctx.standIn.message(CHANNEL, ts))).toContain('TM-1');
    const texts = thread(ts).join('\n');
    expect(texts).toContain('Who plays each role');
    expect(texts).toMatch(
      /Imported \*TM-1\* Photo sharing from Threat Composer: 1 threat, 1 mitigation, 1 assumption, 1 asset/,
    );
    expect(texts).toMatch(/Not imported\* \(\d+\)[\s\S]*Section \\"brainstorm\\" of the file[\s\S]*Not useful/);

    // The thread is answered: another file there makes nothing more.
    await ctx.driver.shareFile(ALICE.id, CHANNEL, ts, {
      name: 'again.tc.json',
      content: fixture('composer-legacy-array.json'),
    });
    await ctx.settle();
    expect(await ctx.store.get({ workspaceId: TEAM_ID, modelId: 'TM-2' })).toBeUndefined();
  });

  it('makes a model of a Threat Dragon file, elements, boundaries, flows and out of scope included', async () => {
    const ts = await startImport();
    await ctx.driver.shareFile(ALICE.id, CHANNEL, ts, {
      name: 'shop.json',
      content: fixture('dragon-two-diagrams.json'),
    });
    await ctx.settle();
    const model = await ctx.model();
    expect(model.title).toBe('Online shop');
    expect(model.scope.components.map((c) => [c.name, c.outOfScopeReason])).toEqual([
      ['Checkout service', undefined],
      ['Orders DB', 'Run by the data team'],
      ['Stock API', undefined],
    ]);
    expect(model.scope.dataFlows).toHaveLength(2);
    expect(model.threats).toHaveLength(4);
    expect(thread(ts).join('\n')).toMatch(/from Threat Dragon: 4 threats, 2 mitigations[\s\S]*2 diagrams were merged/);
  });

  describe('bad files: the problem is named, nothing is created, and the thread takes another file', () => {
    it.each([
      ['not JSON', { name: 'model.json', content: '{"threats": [' }, /is not valid JSON/],
      [
        'the wrong schema',
        { name: 'model.tc.json', content: '{"schema": 1, "threats": {}}' },
        /does not match Threat Composer's file schema/,
      ],
      [
        'over the limits',
        {
          name: 'huge.tc.json',
          content: JSON.stringify({
            threats: Array.from({ length: 501 }, (_, i) => ({ id: `t${i}`, threatSource: 'x', threatAction: 'y' })),
          }),
        },
        /has 501 threats; a model holds at most 500/,
      ],
      [
        'too large by its size in Slack',
        { name: 'big.json', content: '{}', claimedSize: IMPORT_LIMITS.fileBytesMax + 1 },
        /is 2\.0 MB; I import files of up to 2\.0 MB/,
      ],
      [
        'too large when downloaded, whatever Slack said',
        { name: 'big.json', content: `"${'x'.repeat(IMPORT_LIMITS.fileBytesMax)}"`, claimedSize: 10 },
        /I import files of up to 2\.0 MB/,
      ],
      [
        'neither format',
        { name: 'other.json', content: '{"hello": "world"}' },
        /neither a Threat Composer nor a Threat Dragon v2 file/,
      ],
    ])('%s', async (_what, file, problem) => {
      const ts = await startImport();
      await ctx.driver.shareFile(ALICE.id, CHANNEL, ts, file);
      await ctx.settle();
      expect(thread(ts).at(-1)).toMatch(problem);
      expect(thread(ts).at(-1)).toContain('Nothing was created');
      await noModel();

      await ctx.driver.shareFile(ALICE.id, CHANNEL, ts, {
        name: 'old.json',
        content: fixture('composer-legacy-array.json'),
      });
      await ctx.settle();
      expect((await ctx.model()).threats).toHaveLength(2);
    });

    it('never sends the bot token anywhere but Slack', async () => {
      const ts = await startImport();
      await ctx.driver.shareFile(ALICE.id, CHANNEL, ts, {
        name: 'model.json',
        content: '{}',
        downloadUrl: 'https://files.example.com/files-pri/T0-F1/download/model.json',
      });
      await ctx.settle();
      expect(thread(ts).at(-1)).toMatch(/I can only read files shared in Slack itself/);
      expect(ctx.standIn.fileDownloads).toEqual([]);
      await noModel();
    });
  });

  it('asks files.info for a file the event holds back (Slack Connect), and imports it', async () => {
    const ts = await startImport();
    await ctx.driver.shareFile(ALICE.id, CHANNEL, ts, {
      name: 'photos.tc.json',
      content: fixture('composer-with-brainstorm.tc.json'),
      checkFileInfo: true,
    });
    await ctx.settle();
    expect(ctx.standIn.callsTo('files.info').map((call) => [call.args.file, call.response.ok])).toEqual([
      [expect.stringMatching(/^F/), true],
    ]);
    expect(ctx.standIn.fileDownloads).toEqual([{ fileId: expect.any(String), authorized: true }]);
    expect((await ctx.model()).title).toBe('Photo sharing');
  });

  it('says Slack would not let it read a held-back file files.info does not find, not that it is outside Slack', async () => {
    const ts = await startImport();
    // An id Slack holds no file for (deleted meanwhile, or never visible to the bot): files.info says file_not_found.
    const message = ctx.standIn.addMessage({ channel: CHANNEL, text: '', blocks: [], thread_ts: ts, user: ALICE.id });
    await ctx.driver.event({
      type: 'message',
      subtype: 'file_share',
      channel: CHANNEL,
      channel_type: 'channel',
      user: ALICE.id,
      text: '',
      ts: message.ts,
      thread_ts: ts,
      event_ts: message.ts,
      files: [{ id: 'F0GONE', file_access: 'check_file_info', created: 0, timestamp: 0, user: ALICE.id }],
    });
    await ctx.settle();
    expect(thread(ts).at(-1)).toMatch(/Slack did not let me read `the file`\. Please share it again\./);
    expect(thread(ts).at(-1)).not.toMatch(/shared in Slack itself/);
    await noModel();
  });

  it('takes the file only from whoever asked', async () => {
    const ts = await startImport();
    await ctx.driver.shareFile(BOB.id, CHANNEL, ts, {
      name: 'old.json',
      content: fixture('composer-legacy-array.json'),
    });
    await ctx.settle();
    expect(thread(ts).at(-1)).toMatch(/only <@U0ALICE01> who started this import can share its file here/);
    await noModel();
  });

  it('ignores files shared in other threads', async () => {
    const ts = ctx.standIn.addMessage({ channel: CHANNEL, text: 'hello', blocks: [], user: ALICE.id }).ts;
    await ctx.driver.shareFile(ALICE.id, CHANNEL, ts, {
      name: 'old.json',
      content: fixture('composer-legacy-array.json'),
    });
    await ctx.settle();
    expect(ctx.standIn.fileDownloads).toEqual([]);
    await noModel();
  });

  describe('from a path in the export repository', () => {
    /** Alice imports `path`: the ephemeral answer she got, if any. */
    async function importPath(path: string): Promise<string> {
      const answer = await ctx.driver.command(ALICE.id, CHANNEL, `import ${path}`);
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ response_type: 'ephemeral', text: READING });
      await ctx.settle();
      return blockText(ctx.standIn.responses.at(-1)?.body);
    }
    const links = (model: { mitigations: { description: string; threatIds: string[] }[] }) =>
      model.mitigations.map((m) => [m.description, m.threatIds]);

    it('makes a model of our own Threat Composer export, its prompt the card, the import listed in its thread', async () => {
      await importPath(`${EXPORTED}/${EXPORT_FILES.threatComposer}`);
      expect(ctx.standIn.responses).toEqual([]);
      const model = await ctx.model();
      expect(model).toMatchObject({ title: exported.title, ownerId: ALICE.id, status: 'draft' });
      expect(model.threats.map((t) => t.threatAction)).toEqual(exported.threats.map((t) => t.threatAction));
      expect(links(model)).toEqual(links(exported));
      const ts = model.threadTs ?? '';
      expect(blockText(ctx.standIn.message(CHANNEL, ts))).toContain('TM-1');
      const texts = thread(ts).join('\n');
      expect(texts).toContain('Who plays each role');
      expect(texts).toMatch(/Imported \*TM-1\* .* from Threat Composer: \d+ threats?/);
      expect(ctx.standIn.fileDownloads).toEqual([]);
    });

    it('makes a model of our own Threat Dragon export', async () => {
      await importPath(`${EXPORTED}/${EXPORT_FILES.threatDragon}`);
      const model = await ctx.model();
      expect(model.threats.map((t) => t.threatAction)).toEqual(exported.threats.map((t) => t.threatAction));
      expect(model.scope.components.map((c) => c.name).sort()).toEqual(
        exported.scope.components.map((c) => c.name).sort(),
      );
      expect(thread(model.threadTs ?? '').join('\n')).toMatch(/from Threat Dragon: \d+ threats?/);
    });

    it.each([
      [
        'a path not on the branch',
        `${EXPORTED}/missing.tc.json`,
        /There is no `threat-models\/tm-3-search\/missing\.tc\.json` on `main`/,
      ],
      ['a path climbing out', `threat-models/../../etc/passwd.json`, /That path has an empty, `\.` or `\.\.` part/],
      ['an absolute path', '/etc/passwd', /That path starts with `\/`/],
      ['a folder', EXPORTED, /`threat-models\/tm-3-search` is a folder on `main`, not a file/],
      [
        'a symbolic link to an export',
        'threat-models/linked.tc.json',
        /`threat-models\/linked\.tc\.json` is a symbolic link on `main`/,
      ],
      [
        'a symbolic link out of the repository',
        'threat-models/outside.json',
        /`threat-models\/outside\.json` is a symbolic link/,
      ],
      [
        'a path through a linked folder',
        'threat-models/linked-folder/threat-model.tc.json',
        /`threat-models\/linked-folder` is a symbolic link on `main`/,
      ],
      [
        'a file over the size limit',
        'threat-models/huge.tc.json',
        /`threat-models\/huge\.tc\.json` is 2\.0 MB; I import files of up to 2\.0 MB/,
      ],
      ['a file that is not JSON', 'threat-models/broken.json', /`threat-models\/broken\.json` is not valid JSON/],
      ['a file that is not .json', `${EXPORTED}/${EXPORT_FILES.report}`, /is not a `\.json` file/],
      [
        'the export of a model of a channel she is not in',
        `threat-models/tm-9-secret/${EXPORT_FILES.threatComposer}`,
        /There is no threat model TM-9 in your channels\./,
      ],
      [
        'an export folder that does not say whose it is',
        `threat-models/tm-8-unreadable/${EXPORT_FILES.threatComposer}`,
        /`threat-models\/tm-8-unreadable` on `main` is a model's export whose threat-model\.json I cannot read/,
      ],
    ])('%s: only Alice is told why, and nothing is posted or created', async (_what, path, problem) => {
      const before = ctx.standIn.messages(CHANNEL).length;
      const answer = await importPath(path);
      expect(answer).toMatch(problem);
      expect(answer).toContain('Nothing was created');
      expect(ctx.standIn.responses.at(-1)?.body).toMatchObject({ response_type: 'ephemeral' });
      expect(ctx.standIn.messages(CHANNEL)).toHaveLength(before);
      await noModel();
    });
  });
});
