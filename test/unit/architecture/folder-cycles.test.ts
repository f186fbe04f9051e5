import { execFile } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../support/temp-dir';

const ROOT = path.resolve(__dirname, '../../..');

/** The folder cycles scripts/check-folder-cycles.mjs finds in a tree's src/ (ESM only: a child process). */
function folderCycles(dir: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts/check-folder-cycles.mjs'), dir, '--json'],
      { cwd: ROOT, timeout: 30_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

function tree(files: Record<string, string>) {
  const made = tempDir(files);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(made.dir, 'node_modules'), 'dir');
  return made;
}

describe('the folder-cycle check (scripts/check-folder-cycles.mjs, run by npm run lint)', () => {
  it('finds a cycle between top-level folders made only of edges from their subfolders', async () => {
    const fixture = tree({
      'src/jobs/processors/nudge.ts': "import { card } from '../../slack/views/card';\nexport const nudge = card;\n",
      'src/jobs/queue.ts': 'export const queue = 1;\n',
      'src/slack/views/card.ts': 'export const card = 1;\n',
      'src/slack/listeners/snooze.ts': "import { queue } from '../../jobs/queue';\nexport const snooze = queue;\n",
    });
    try {
      expect(await folderCycles(fixture.dir)).toEqual([['src/jobs', 'src/slack', 'src/jobs']]);
    } finally {
      fixture.cleanup();
    }
  });

  it('passes folders that only point one way', async () => {
    const fixture = tree({
      'src/jobs/processors/nudge.ts': "import { card } from '../../slack/views/card';\nexport const nudge = card;\n",
      'src/slack/views/card.ts': "import { step } from '../../domain/step';\nexport const card = step;\n",
      'src/domain/step.ts': 'export const step = 1;\n',
    });
    try {
      expect(await folderCycles(fixture.dir)).toEqual([]);
    } finally {
      fixture.cleanup();
    }
  });

  it('finds none in the project itself', async () => {
    expect(await folderCycles(ROOT)).toEqual([]);
  });
});
