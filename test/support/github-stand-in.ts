import { createServer, type Server } from 'node:http';

export interface GitHubCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

/**
 * A local stand-in for the few GitHub REST routes the export uses: pulls (create, list the open
 * ones by head, update title and body) and issues (create), for one repository. It answers like
 * GitHub (201, 422 for a second open pull request of the same branch, 401 without the token) and
 * records every call. `merge(number)` closes a pull request as if it was merged.
 */
export async function startGitHubStandIn(options: { token: string; repository: string }) {
  const calls: GitHubCall[] = [];
  const pulls: {
    number: number;
    head: string;
    base: string;
    title: string;
    body: string;
    state: 'open' | 'closed';
    html_url: string;
  }[] = [];
  const issues: { number: number; title: string; html_url: string }[] = [];
  let next = 1;
  const base = `/repos/${options.repository}`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body: unknown = raw ? JSON.parse(raw) : undefined;
      const url = new URL(req.url ?? '/', 'http://stand-in');
      calls.push({
        method: req.method ?? '',
        path: url.pathname + url.search,
        authorization: req.headers.authorization,
        body,
      });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== `Bearer ${options.token}`) return send(401, { message: 'Bad credentials' });
      const b = (body ?? {}) as Record<string, string>;
      if (req.method === 'POST' && url.pathname === `${base}/pulls`) {
        if (!b.head || !b.base || !b.title) return send(422, { message: 'Validation Failed' });
        if (pulls.some((p) => p.head === b.head && p.state === 'open')) {
          return send(422, {
            message: 'Validation Failed',
            errors: [{ message: `A pull request already exists for ${b.head}.` }],
          });
        }
        const pull = {
          number: next++,
          head: b.head,
          base: b.base,
          title: b.title,
          body: b.body ?? '',
          state: 'open' as const,
          html_url: '',
        };
        pull.html_url = `https://github.example/${options.repository}/pull/${pull.number}`;
        pulls.push(pull);
        return send(201, pull);
      }
      if (req.method === 'GET' && url.pathname === `${base}/pulls`) {
        const head = url.searchParams.get('head')?.split(':')[1];
        return send(
          200,
          pulls.filter((p) => p.head === head && p.state === 'open'),
        );
      }
      const edited = /\/pulls\/(\d+)$/.exec(url.pathname);
      if (req.method === 'PATCH' && edited && url.pathname.startsWith(`${base}/pulls/`)) {
        const pull = pulls.find((p) => p.number === Number(edited[1]));
        if (!pull) return send(404, { message: 'Not Found' });
        if (b.title !== undefined) pull.title = b.title;
        if (b.body !== undefined) pull.body = b.body;
        return send(200, pull);
      }
      if (req.method === 'POST' && url.pathname === `${base}/issues`) {
        if (!b.title) return send(422, { message: 'Validation Failed' });
        const issue = { number: next++, title: b.title, html_url: '' };
        issue.html_url = `https://github.example/${options.repository}/issues/${issue.number}`;
        issues.push(issue);
        return send(201, issue);
      }
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    calls,
    pulls,
    issues,
    /** Close a pull request as merged: the next export of its branch opens a new one. */
    merge(number: number) {
      const pull = pulls.find((p) => p.number === number);
      if (!pull) throw new Error(`no pull request #${number}`);
      pull.state = 'closed';
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
