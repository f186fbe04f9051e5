import { GitHubError } from '../../../src/errors';
import { GitHubClient } from '../../../src/export/github-client';
import { startGitHubStandIn } from '../../support/github-stand-in';

describe('the GitHub client', () => {
  let github: Awaited<ReturnType<typeof startGitHubStandIn>>;
  beforeAll(async () => {
    github = await startGitHubStandIn({ token: 'ghp_test_token', repository: 'acme/payments' });
  });
  afterAll(() => github.close());

  const client = (token = 'ghp_test_token') =>
    new GitHubClient({ apiUrl: github.apiUrl, token, repository: 'acme/payments' });
  const pull = { head: 'threadmodel/TM-1', base: 'main', title: 'Threat model TM-1', body: 'Approved.' };

  it('opens a pull request for the model branch, and finds it again instead of opening a second', async () => {
    const first = await client().openPullRequest(pull);
    expect(first).toEqual({ url: 'https://github.example/acme/payments/pull/1', number: 1, created: true });
    const again = await client().openPullRequest(pull);
    expect(again).toEqual({ ...first, created: false });
    expect(github.pulls).toHaveLength(1);
    expect(github.calls.at(-1)?.path).toBe('/repos/acme/payments/pulls?state=open&head=acme%3Athreadmodel%2FTM-1');
    expect(github.calls[0]?.authorization).toBe('Bearer ghp_test_token');
  });

  it('opens issues for backlog items', async () => {
    const issue = await client().createIssue({ title: 'M-2 Throttle POST /refunds', body: 'From TM-1' });
    expect(issue.url).toMatch(/^https:\/\/github\.example\/acme\/payments\/issues\/\d+$/);
  });

  it('says clearly when GitHub refuses, without the token', async () => {
    const error = await client('ghp_wrong')
      .openPullRequest(pull)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(401);
    expect((error as Error).message).toBe('GitHub would not open a pull request (HTTP 401: Bad credentials)');
  });

  it('says clearly when GitHub cannot be reached', async () => {
    const offline = new GitHubClient({ apiUrl: 'http://127.0.0.1:9', token: 't', repository: 'acme/payments' });
    await expect(offline.openPullRequest(pull)).rejects.toThrow(/^GitHub at http:\/\/127\.0\.0\.1:9 did not answer/);
  });
});
