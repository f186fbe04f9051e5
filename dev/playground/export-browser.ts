import { execFile } from 'node:child_process';
import { marked } from 'marked';

export interface ExportedModel {
  modelId: string;
  /** Its branch. */
  ref: string;
  /** The model's folder on its branch. */
  folder: string;
}

function git(repo: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [`--git-dir=${repo}`, ...args],
      { encoding, maxBuffer: 50_000_000, timeout: 20_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/**
 * What the playground's export repository holds: one branch per exported model, its report
 * rendered to HTML and its files served as they are. The playground's workspaces share the
 * repository, so each workspace's models are on `threadmodel/<space>/TM-n` (its part of it, see
 * the app's ExportSettings.workspaceSpace); the browser shows one workspace's at a time.
 */
export class ExportBrowser {
  constructor(readonly repo: string) {}

  /** The models exported from the workspace whose part of the repository is `space`. */
  async models(space: string): Promise<ExportedModel[]> {
    if (!/^[a-z][a-z0-9]{1,30}$/.test(space)) return [];
    const refs = String(
      await git(this.repo, ['for-each-ref', '--format=%(refname:short)', `refs/heads/threadmodel/${space}/`]).catch(
        () => '',
      ),
    );
    const models: ExportedModel[] = [];
    for (const ref of refs.split('\n').filter(Boolean)) {
      const modelId = ref.split('/')[2] ?? '';
      if (!/^TM-\d+$/.test(modelId)) continue;
      const files = String(await git(this.repo, ['ls-tree', '-r', '--name-only', ref]).catch(() => ''));
      const report = files.split('\n').find((file) => /\/tm-\d+[^/]*\/README\.md$/.test(file));
      if (report) models.push({ modelId, ref, folder: report.replace(/\/README\.md$/, '') });
    }
    return models;
  }

  /** A file of a model's export; undefined when there is none. */
  async file(space: string, modelId: string, name: string): Promise<Buffer | undefined> {
    if (!/^TM-\d+$/.test(modelId) || !/^[\w.-]+$/.test(name)) return undefined;
    const model = (await this.models(space)).find((candidate) => candidate.modelId === modelId);
    if (!model) return undefined;
    return (await git(this.repo, ['show', `${model.ref}:${model.folder}/${name}`], 'buffer').catch(() => undefined)) as
      | Buffer
      | undefined;
  }

  /** The report as an HTML page; its Markdown escapes all user text, so marked's HTML holds none of it raw. */
  async reportPage(space: string, modelId: string): Promise<string | undefined> {
    const markdown = await this.file(space, modelId, 'README.md');
    if (!markdown) return undefined;
    const body = await marked.parse(markdown.toString('utf8'), { gfm: true });
    return `<!doctype html><html><head><meta charset="utf-8"><title>${modelId} report</title>
<style>body{font:15px/1.5 -apple-system,"Segoe UI",Lato,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1d1c1d}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px}img{max-width:100%}code{background:#f4f4f4;padding:1px 4px}</style>
</head><body><p><a href="/playground">← Back to the playground</a> · files: <a href="threat-model.json">JSON</a>,
<a href="threat-model.tc.json">Threat Composer</a>, <a href="threat-model.threat-dragon.json">Threat Dragon</a>,
<a href="data-flow.png">diagram</a>, <a href="risk-matrix.png">risk matrix</a></p>${body}</body></html>`;
  }
}
