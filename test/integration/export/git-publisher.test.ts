import { GitPublishError } from '../../../src/errors';
import { publishToGit } from '../../../src/export/git-publisher';
import { bareRepo } from '../../support/bare-repo';

const author = { name: 'Threadmodel', email: 'threadmodel@example.com' };

describe('publishing an export to a git repository', () => {
  const repos: ReturnType<typeof bareRepo>[] = [];
  afterAll(() => {
    for (const repo of repos) repo.cleanup();
  });
  const newRepo = () => {
    const repo = bareRepo();
    repos.push(repo);
    return repo;
  };
  const request = (url: string, files = [{ path: 'report.md', content: '# TM-1\n' as string | Buffer }]) => ({
    repoUrl: url,
    baseBranch: 'main',
    branch: 'threadmodel/TM-1',
    folder: 'threat-models/tm-1-refunds-api',
    files,
    message: 'Threat model TM-1 Refunds API, version 12, approved by Sam Secure',
    author,
  });

  it('commits the files as the bot on the model branch, started from the base branch', async () => {
    const repo = newRepo();
    const result = await publishToGit(
      request(repo.url, [
        { path: 'report.md', content: '# TM-1\n' },
        { path: 'images/dfd.png', content: Buffer.from([137, 80, 78, 71]) },
      ]),
    );
    expect(result.made).toBe('now');
    expect(repo.git('rev-parse', 'refs/heads/threadmodel/TM-1').trim()).toBe(result.commit);
    expect(repo.git('log', '-1', '--format=%an <%ae>|%s', result.commit).trim()).toBe(
      'Threadmodel <threadmodel@example.com>|Threat model TM-1 Refunds API, version 12, approved by Sam Secure',
    );
    expect(repo.git('show', `${result.commit}:threat-models/tm-1-refunds-api/report.md`)).toBe('# TM-1\n');
    expect(repo.git('show', `${result.commit}:README.md`)).toBe('# Team repo\n'); // from main
    expect(repo.git('rev-list', '--count', 'main').trim()).toBe('1'); // main untouched
  });

  it('makes no new commit for the same files, and one when they change (old files removed)', async () => {
    const repo = newRepo();
    const files = [
      { path: 'report.md', content: 'v1\n' },
      { path: 'old.json', content: '{}\n' },
    ];
    const first = await publishToGit(request(repo.url, files));
    const again = await publishToGit(request(repo.url, files));
    expect(again).toEqual({ branch: 'threadmodel/TM-1', commit: first.commit, made: 'already-there' });
    const next = await publishToGit(request(repo.url, [{ path: 'report.md', content: 'v2\n' }]));
    expect(next.made).toBe('now');
    expect(repo.git('rev-list', '--count', 'threadmodel/TM-1').trim()).toBe('3');
    expect(repo.git('ls-tree', '-r', '--name-only', next.commit)).toBe(
      'README.md\nthreat-models/tm-1-refunds-api/report.md\n',
    );
  });

  it('tells a commit an earlier attempt of the same export made from one an earlier export made', async () => {
    const repo = newRepo();
    const first = await publishToGit({ ...request(repo.url), exportId: 'export.T1.TM-1.approved.1' });
    expect(first.made).toBe('now');
    expect(repo.git('log', '-1', '--format=%B', first.commit)).toBe(
      'Threat model TM-1 Refunds API, version 12, approved by Sam Secure\n\nThreadmodel-Export: export.T1.TM-1.approved.1\n\n',
    );
    // The same export again (its job retried after the push): its own commit.
    const retried = await publishToGit({ ...request(repo.url), exportId: 'export.T1.TM-1.approved.1' });
    expect(retried).toEqual({ branch: 'threadmodel/TM-1', commit: first.commit, made: 'earlier-attempt' });
    // Another export of the same files: already there.
    const other = await publishToGit({ ...request(repo.url), exportId: 'export.T1.TM-1.on_demand.2' });
    expect(other).toEqual({ branch: 'threadmodel/TM-1', commit: first.commit, made: 'already-there' });
  });

  it('keeps the commit message to one line of plain text, so no title forges a trailer', async () => {
    const repo = newRepo();
    const result = await publishToGit({
      ...request(repo.url),
      message: 'Threat model TM-1 <!channel>\n\nThreadmodel-Export: export.forged',
      exportId: 'export.real',
    });
    expect(repo.git('log', '-1', '--format=%B', result.commit)).toBe(
      'Threat model TM-1 Threadmodel-Export: export.forged\n\nThreadmodel-Export: export.real\n\n',
    );
  });

  it('refuses file names that could leave the folder', async () => {
    const repo = newRepo();
    for (const bad of ['../escape.md', '/etc/passwd', 'a/../../b', '..', 'a b']) {
      await expect(publishToGit(request(repo.url, [{ path: bad, content: 'x' }]))).rejects.toThrow(
        /not a safe file name/,
      );
    }
  });

  it('fails with a clear error for an unreachable remote, never showing its credentials', async () => {
    const error = await publishToGit(request('http://deploy:s3cr3t-token@127.0.0.1:9/team.git')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitPublishError);
    expect((error as Error).message).toMatch(/^git ls-remote failed: /);
    expect((error as Error).message).not.toContain('s3cr3t-token');
  });
});
