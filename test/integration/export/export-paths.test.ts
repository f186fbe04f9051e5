import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORTS_NOT_SET_UP, GitExportRepositoryFiles } from '../../../src/export/export-repository-files';
import { publishToGit } from '../../../src/export/git-publisher';
import { readExportedModel } from '../../../src/export/git-reader';
import { toNativeJson } from '../../../src/export/native-json';
import { bareRepo } from '../../support/bare-repo';
import { buildModel } from '../../support/build-model';

const BRANCH = 'threadmodel/TM-1';
const FOLDER = 'threat-models/tm-1-refunds-api';
const author = { name: 'Threadmodel', email: 'threadmodel@example.com' };

/**
 * A folder outside any checkout, as the app host's disk: a canary file, and a folder named like
 * the model's, so a write through a link would land (and a removal would strike) here.
 */
function outsideFolder() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'threadmodel-outside-'));
  writeFileSync(path.join(dir, 'canary.txt'), 'canary: must survive\n');
  mkdirSync(path.join(dir, 'tm-1-refunds-api'));
  writeFileSync(path.join(dir, 'tm-1-refunds-api', 'keep.txt'), 'keep me\n');
  writeFileSync(path.join(dir, 'threat-model.json'), toNativeJson(buildModel({ title: 'Read from the host' })));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under a folder with its content, links not followed: what must not change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = entry.isFile() ? readFileSync(full, 'utf8') : entry.isDirectory() ? '/' : '@';
  }
  return out;
}

describe('the export reads and writes only inside its checkout', () => {
  let repo: ReturnType<typeof bareRepo>;
  let outside: ReturnType<typeof outsideFolder>;
  beforeEach(() => {
    repo = bareRepo();
    outside = outsideFolder();
  });
  afterEach(() => {
    repo.cleanup();
    outside.cleanup();
  });

  const publish = () =>
    publishToGit({
      repoUrl: repo.url,
      baseBranch: 'main',
      branch: BRANCH,
      folder: FOLDER,
      files: [
        { path: 'report.md', content: '# TM-1\n' },
        { path: 'images/dfd.png', content: Buffer.from([137, 80, 78, 71]) },
      ],
      message: 'Threat model TM-1 Refunds API, version 3',
      author,
    });

  /** The export is refused with a coded error, nothing outside changed and nothing was pushed. */
  async function expectRefused(build: (work: string) => void, offending: string) {
    const prepared = repo.prepareBranch(BRANCH, build);
    const before = snapshot(outside.dir);
    const error = await publish().catch((e: unknown) => e);
    expect(snapshot(outside.dir)).toEqual(before);
    expect(readFileSync(path.join(outside.dir, 'canary.txt'), 'utf8')).toBe('canary: must survive\n');
    expect(repo.git('rev-parse', BRANCH).trim()).toBe(prepared);
    expect(error).toMatchObject({ code: 'export_path_refused', folder: FOLDER, branch: BRANCH });
    expect((error as Error).message).toContain(JSON.stringify(offending));
  }

  describe('refuses a branch that holds, where the export goes,', () => {
    it('the export folder as a link to an absolute folder on the host', async () => {
      await expectRefused((work) => symlinkSync(outside.dir, path.join(work, 'threat-models')), 'threat-models');
    });

    it('the export folder as a relative link that climbs out of the tree', async () => {
      // Checkouts are made in the temporary folder too, so `../<outside>` reaches the host folder.
      const climb = path.join('..', path.basename(outside.dir));
      await expectRefused((work) => symlinkSync(climb, path.join(work, 'threat-models')), 'threat-models');
    });

    it("the model's folder as a link", async () => {
      await expectRefused((work) => {
        mkdirSync(path.join(work, 'threat-models'));
        symlinkSync(path.join(outside.dir, 'tm-1-refunds-api'), path.join(work, FOLDER));
      }, FOLDER);
    });

    it('a file the export writes, as a link to a file on the host', async () => {
      await expectRefused((work) => {
        mkdirSync(path.join(work, FOLDER), { recursive: true });
        symlinkSync(path.join(outside.dir, 'canary.txt'), path.join(work, FOLDER, 'report.md'));
      }, `${FOLDER}/report.md`);
    });

    it("a folder inside the model's folder as a link", async () => {
      await expectRefused((work) => {
        mkdirSync(path.join(work, FOLDER), { recursive: true });
        symlinkSync(outside.dir, path.join(work, FOLDER, 'images'));
      }, `${FOLDER}/images`);
    });

    it("a link deeper in the model's folder, even one the export does not write", async () => {
      await expectRefused((work) => {
        mkdirSync(path.join(work, FOLDER, 'old', 'pictures'), { recursive: true });
        symlinkSync('../../../../..', path.join(work, FOLDER, 'old', 'pictures', 'up'));
      }, `${FOLDER}/old/pictures/up`);
    });

    it('a file where the export folder should be', async () => {
      await expectRefused((work) => writeFileSync(path.join(work, 'threat-models'), 'not a folder\n'), 'threat-models');
    });
  });

  it('exports beside a link elsewhere in the repository, leaving it as it was and unfollowed', async () => {
    repo.prepareBranch(BRANCH, (work) => {
      mkdirSync(path.join(work, 'docs'));
      symlinkSync(outside.dir, path.join(work, 'docs', 'elsewhere'));
    });
    const before = snapshot(outside.dir);
    const result = await publish();
    expect(result.made).toBe('now');
    expect(repo.git('ls-tree', result.commit, 'docs/elsewhere').split(/\s/).slice(0, 2)).toEqual(['120000', 'blob']);
    expect(repo.git('show', `${result.commit}:docs/elsewhere`)).toBe(outside.dir);
    expect(repo.git('show', `${result.commit}:${FOLDER}/report.md`)).toBe('# TM-1\n');
    expect(snapshot(outside.dir)).toEqual(before);
  });

  describe('reuse refuses to read an exported model through a link', () => {
    const read = () => readExportedModel({ repoUrl: repo.url, baseBranch: 'main', folder: 'threat-models' }, 'TM-1');
    const refusal = {
      ok: false,
      message: expect.stringMatching(
        /^The export of TM-1 on threadmodel\/TM-1 cannot be read: .* is a symbolic link; I read only plain files and folders inside the repository\.$/,
      ),
    };

    it('threat-model.json as a link to a file on the host', async () => {
      repo.prepareBranch(BRANCH, (work) => {
        mkdirSync(path.join(work, FOLDER), { recursive: true });
        symlinkSync(path.join(outside.dir, 'threat-model.json'), path.join(work, FOLDER, 'threat-model.json'));
      });
      const outcome = await read();
      expect(outcome).toMatchObject(refusal);
      expect(JSON.stringify(outcome)).not.toContain('Read from the host');
    });

    it("the model's folder as a link to a folder on the host", async () => {
      repo.prepareBranch(BRANCH, (work) => {
        mkdirSync(path.join(work, 'threat-models'));
        symlinkSync(outside.dir, path.join(work, FOLDER));
      });
      expect(await read()).toMatchObject(refusal);
    });

    it('the export folder as a link', async () => {
      repo.prepareBranch(BRANCH, (work) => symlinkSync(outside.dir, path.join(work, 'threat-models')));
      expect(await read()).toMatchObject(refusal);
    });
  });

  describe('import reads one file of the base branch, as stored, and never through a link', () => {
    const oneAtATime = { run: <T>(work: () => Promise<T>) => work() };
    const files = (location = { repoUrl: repo.url, baseBranch: 'main', folder: 'threat-models' }, timeoutMs?: number) =>
      new GitExportRepositoryFiles(async () => location, oneAtATime, timeoutMs);

    it('gives the bytes as the branch holds them, not decoded', async () => {
      const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
      repo.prepareBranch('main', (work) => writeFileSync(path.join(work, 'odd.json'), bytes));
      const read = await files().read('T1', 'odd.json');
      expect(read).toMatchObject({ ok: true, path: 'odd.json', branch: 'main' });
      expect(read.ok && Buffer.from(read.bytes)).toEqual(bytes);
    });

    it('a link to a file on the host is refused, never read', async () => {
      repo.prepareBranch('main', (work) =>
        symlinkSync(path.join(outside.dir, 'threat-model.json'), path.join(work, 'x.json')),
      );
      const read = await files().read('T1', 'x.json');
      expect(read).toEqual({ ok: false, problem: expect.stringMatching(/^`x\.json` is a symbolic link on `main`/) });
      expect(JSON.stringify(read)).not.toContain('Read from the host');
    });

    it('says exports are not set up without a repository', async () => {
      const read = await new GitExportRepositoryFiles(async () => undefined, oneAtATime).read('T1', 'x.json');
      expect(read).toEqual({ ok: false, problem: EXPORTS_NOT_SET_UP });
    });

    it('names no URL or credential when git fails, and keeps them out of the log too', async () => {
      const location = {
        repoUrl: 'https://robot:s3cret-token@127.0.0.1:1/team.git',
        baseBranch: 'main',
        folder: 'threat-models',
        httpHeader: 'Authorization: Basic c2VjcmV0LWhlYWRlcg==',
      };
      const read = await files(location).read('T1', 'x.json');
      expect(read).toMatchObject({
        ok: false,
        problem: expect.stringContaining('could not read the export repository'),
      });
      expect(read.ok || read.detail).toEqual(expect.stringContaining('git ls-remote failed'));
      for (const secret of ['s3cret-token', 'robot', 'c2VjcmV0LWhlYWRlcg==', '127.0.0.1']) {
        expect(read.ok || read.problem).not.toContain(secret);
      }
      expect(read.ok || read.detail).not.toContain('s3cret-token');
      expect(read.ok || read.detail).not.toContain('c2VjcmV0LWhlYWRlcg==');
    });

    it('gives up at its deadline', async () => {
      const read = await files(undefined, 1).read('T1', 'x.json');
      expect(read).toMatchObject({
        ok: false,
        problem: 'The export repository did not answer within 1 second: try again later.',
      });
    });
  });
});
