import { GitHubError } from '../errors';

export interface GitHubSettings {
  /** `https://api.github.com`, or a GitHub Enterprise Server's `/api/v3`. */
  apiUrl: string;
  token: string;
  /** `owner/name`. */
  repository: string;
}

export interface PullRequest {
  url: string;
  number: number;
  /** False when one was already open for the branch (it is reused). */
  created: boolean;
}

/**
 * The GitHub REST calls the export needs: open a pull request for the model's branch (or find
 * the one already open, and bring its title and body up to date), and open an issue for a planned
 * mitigation. The token is sent as a
 * header and never appears in an error.
 */
export class GitHubClient {
  private readonly owner: string;

  constructor(
    private readonly settings: GitHubSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    const [owner = '', name = ''] = settings.repository.split('/');
    if (!owner || !name)
      throw new Error(`GITHUB_REPOSITORY must be owner/name, not ${JSON.stringify(settings.repository)}`);
    this.owner = owner;
  }

  async openPullRequest(pull: { head: string; base: string; title: string; body: string }): Promise<PullRequest> {
    const response = await this.call('POST', '/pulls', pull);
    if (response.status === 201) return { ...(await pullOf(response)), created: true };
    if (response.status === 422) {
      const open = await this.call('GET', `/pulls?state=open&head=${encodeURIComponent(`${this.owner}:${pull.head}`)}`);
      const list = (await open.json().catch(() => [])) as { html_url?: string; number?: number }[];
      const first = list[0];
      if (open.ok && first?.html_url && first.number)
        return { url: first.html_url, number: first.number, created: false };
    }
    throw await failure('open a pull request', response);
  }

  /** Give an open pull request a new title and body (a later export of its branch, e.g. a revision). */
  async updatePullRequest(number: number, pull: { title: string; body: string }): Promise<void> {
    const response = await this.call('PATCH', `/pulls/${number}`, pull);
    if (!response.ok) throw await failure('update a pull request', response);
  }

  async createIssue(issue: {
    title: string;
    body: string;
    labels?: string[];
  }): Promise<{ url: string; number: number }> {
    const response = await this.call('POST', '/issues', issue);
    if (response.status === 201) return pullOf(response);
    throw await failure('open an issue', response);
  }

  private async call(method: string, route: string, body?: object): Promise<Response> {
    const url = `${this.settings.apiUrl.replace(/\/+$/, '')}/repos/${this.settings.repository}${route}`;
    try {
      return await this.fetchImpl(url, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.settings.token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'threadmodel',
          ...(body && { 'content-type': 'application/json' }),
        },
        ...(body && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new GitHubError(`GitHub at ${this.settings.apiUrl} did not answer (${(error as Error).message})`, 0);
    }
  }
}

async function pullOf(response: Response): Promise<{ url: string; number: number }> {
  const json = (await response.json()) as { html_url?: string; number?: number };
  if (!json.html_url || !json.number) throw new GitHubError('GitHub answered without a link', response.status);
  return { url: json.html_url, number: json.number };
}

async function failure(what: string, response: Response): Promise<GitHubError> {
  const json = (await response.json().catch(() => ({}))) as { message?: string };
  const said = typeof json.message === 'string' ? `: ${json.message.slice(0, 200)}` : '';
  return new GitHubError(`GitHub would not ${what} (HTTP ${response.status}${said})`, response.status);
}
