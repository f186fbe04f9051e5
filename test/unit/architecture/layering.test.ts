import { execFile } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../support/temp-dir';

const ROOT = path.resolve(__dirname, '../../..');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** The project's layering rules over each tree's `src/` (dependency-cruiser is ESM only: a child process). */
function cruise(...dirs: string[]): Promise<Violation[][]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'test/support/cruise-layering.mjs'), ...dirs],
      { cwd: ROOT, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        resolve((JSON.parse(stdout) as { violations: Violation[] }[]).map((result) => result.violations));
      },
    );
  });
}

/** A source tree with the repository's node_modules, so npm imports resolve as they do in src/. */
function tree(files: Record<string, string>) {
  const made = tempDir(files);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(made.dir, 'node_modules'), 'dir');
  return made;
}

/** A miniature of the target architecture: every layer, every allowed direction. */
const CLEAN = {
  'src/errors.ts': 'export class AppError extends Error {}\n',
  'src/logger.ts': "import pino from 'pino';\nexport type Logger = ReturnType<typeof pino>;\n",
  'src/domain/model.ts':
    "import { z } from 'zod';\nimport { addDays } from 'date-fns';\nexport const Model = z.object({ id: z.string() });\nexport const later = addDays;\n",
  'src/domain/review.ts':
    "import path from 'node:path';\nimport { Model } from './model';\nexport const approve = Model.parse;\nexport const sep = path.sep;\n",
  'src/ports/model-store.ts':
    "import type { Model } from '../domain/model';\nexport interface ModelStore { get(id: string): Promise<typeof Model | undefined> }\n",
  'src/use-cases/approve-review.ts':
    "import { approve } from '../domain/review';\nimport { AppError } from '../errors';\nimport type { Logger } from '../logger';\nimport type { ModelStore } from '../ports/model-store';\nexport async function approveReview(deps: { store: ModelStore; logger: Logger }, id: string) {\n  if (!(await deps.store.get(id))) throw new AppError(id);\n  return approve;\n}\n",
  'src/store/redis-model-store.ts':
    "import type { Redis } from 'ioredis';\nimport type { ModelStore } from '../ports/model-store';\nexport class RedisModelStore implements ModelStore {\n  constructor(readonly redis: Redis) {}\n  async get() { return undefined; }\n}\n",
  'src/slack/views/review-card.ts':
    "import type { KnownBlock } from '@slack/types';\nimport { approve } from '../../domain/review';\nimport type { ReviewJob } from '../../ports/job-payloads';\nexport const card = (job?: ReviewJob): KnownBlock[] => (approve && job ? [] : []);\n",
  'src/ports/job-payloads.ts':
    "import { z } from 'zod';\nimport { Model } from '../domain/model';\nexport const ReviewJob = Model.extend({ at: z.string() });\nexport type ReviewJob = z.infer<typeof ReviewJob>;\n",
  'src/slack/listeners/approve.ts':
    "import type { App } from '@slack/bolt';\nimport { approveReview } from '../../use-cases/approve-review';\nimport { card } from '../views/review-card';\nexport const listen = (app: App) => app.action('approve', async () => void (await approveReview, card()));\n",
  'src/jobs/workers.ts':
    "import { type ConnectionOptions, Worker } from 'bullmq';\nimport { approveReview } from '../use-cases/approve-review';\nimport { card } from '../slack/views/review-card';\nexport const start = (connection: ConnectionOptions) => [Worker, connection, approveReview, card];\n",
  'src/app/compose.ts':
    "import { start } from '../jobs/workers';\nimport { listen } from '../slack/listeners/approve';\nimport { RedisModelStore } from '../store/redis-model-store';\nexport const compose = () => [start, listen, RedisModelStore];\n",
  'src/main.ts': "import { compose } from './app/compose';\ncompose();\n",
  'src/worker.ts': "import { compose } from './app/compose';\ncompose();\n",
};

/** The same tree with one forbidden import per rule. */
const VIOLATING = {
  ...CLEAN,
  // The domain reaches for Redis (a type-only import counts).
  'src/domain/model-cache.ts': "import type { Redis } from 'ioredis';\nexport type Cache = Redis;\n",
  // A view reads the store and calls Slack itself.
  'src/slack/views/review-card.ts':
    "import { WebClient } from '@slack/web-api';\nimport { RedisModelStore } from '../../store/redis-model-store';\nexport const card = () => [WebClient, RedisModelStore];\n",
  // A use case takes Bolt's types.
  'src/use-cases/approve-review.ts':
    "import type { App } from '@slack/bolt';\nexport async function approveReview(app: App) { return app; }\n",
  // A port imports an adapter.
  'src/ports/model-store.ts':
    "import { RedisModelStore } from '../store/redis-model-store';\nexport type ModelStore = RedisModelStore;\n",
  // Folders in a cycle (export -> reviews -> export) without a file cycle.
  'src/export/report.ts': "import { due } from '../reviews/due';\nexport const report = due;\n",
  'src/export/slug.ts': 'export const slug = (id: string) => id.toLowerCase();\n',
  'src/reviews/due.ts': "import { slug } from '../export/slug';\nexport const due = slug;\n",
  // Two files in a cycle.
  'src/catalog/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
  'src/catalog/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
  // Adapters reaching into each other and into the composition root.
  'src/slack/listeners/remind.ts': "import { start } from '../../jobs/workers';\nexport const remind = start;\n",
  'src/jobs/nudge.ts': "import { listen } from '../slack/listeners/approve';\nexport const nudge = listen;\n",
  // A job takes the Redis adapter and a Redis client instead of ports.
  'src/jobs/deliver.ts':
    "import { Redis } from 'ioredis';\nimport { RedisModelStore } from '../store/redis-model-store';\nexport const deliver = [Redis, RedisModelStore];\n",
  'src/store/notify.ts': "import { card } from '../slack/views/review-card';\nexport const notify = card;\n",
  'src/export/publish.ts': "import { compose } from '../app/compose';\nexport const publish = compose;\n",
  // The product reaching into the development harness.
  'dev/stand-in/server.ts': 'export const standIn = 1;\n',
  'src/slack/stand-in-client.ts':
    "import { standIn } from '../../dev/stand-in/server';\nexport const client = standIn;\n",
};

describe('the layering rule (.dependency-cruiser.js, run by npm run lint)', () => {
  const clean = tree(CLEAN);
  const violating = tree(VIOLATING);
  let found: { clean: Violation[]; violating: Violation[] };

  beforeAll(async () => {
    const [inClean = [], inViolating = []] = await cruise(clean.dir, violating.dir);
    found = { clean: inClean, violating: inViolating };
  }, 30_000);
  afterAll(() => {
    clean.cleanup();
    violating.cleanup();
  });

  const reported = (rule: string, from: string, to?: RegExp) =>
    found.violating.some((v) => v.rule === rule && v.from === from && (!to || to.test(v.to)));

  it('passes a tree that keeps to the layers', () => {
    expect(found.clean).toEqual([]);
  });

  it('reports a domain module importing ioredis', () => {
    expect(reported('domain-is-pure', 'src/domain/model-cache.ts', /node_modules\/ioredis\//)).toBe(true);
  });

  it('reports a view importing the store or the Slack client', () => {
    expect(reported('views-are-pure', 'src/slack/views/review-card.ts', /^src\/store\/redis-model-store\.ts$/)).toBe(
      true,
    );
    expect(reported('views-are-pure', 'src/slack/views/review-card.ts', /node_modules\/@slack\/web-api\//)).toBe(true);
  });

  it('reports a use case importing Bolt', () => {
    expect(
      reported('use-cases-depend-on-ports', 'src/use-cases/approve-review.ts', /node_modules\/@slack\/bolt\//),
    ).toBe(true);
  });

  it('reports the product importing the development harness', () => {
    expect(reported('product-not-to-harness', 'src/slack/stand-in-client.ts', /^dev\/stand-in\/server\.ts$/)).toBe(
      true,
    );
  });

  it('reports a port importing an adapter', () => {
    expect(reported('ports-are-interfaces', 'src/ports/model-store.ts', /^src\/store\//)).toBe(true);
  });

  it('reports a cycle between folders, and a cycle between files', () => {
    expect(found.violating.filter((v) => v.rule === 'no-folder-cycles').map((v) => `${v.from} -> ${v.to}`)).toEqual(
      expect.arrayContaining(['src/export -> src/reviews', 'src/reviews -> src/export']),
    );
    expect(reported('no-file-cycles', 'src/catalog/a.ts', /^src\/catalog\/b\.ts$/)).toBe(true);
    expect(found.violating.some((v) => v.rule === 'no-file-cycles' && v.from.startsWith('src/export/'))).toBe(false);
  });

  it('reports adapters importing each other against the direction, and the composition root imported', () => {
    expect(reported('slack-not-to-jobs-store-app', 'src/slack/listeners/remind.ts', /^src\/jobs\//)).toBe(true);
    expect(reported('jobs-not-to-listeners-store-app', 'src/jobs/nudge.ts', /^src\/slack\/listeners\//)).toBe(true);
    expect(reported('jobs-not-to-listeners-store-app', 'src/jobs/deliver.ts', /^src\/store\//)).toBe(true);
    expect(reported('jobs-no-redis-client', 'src/jobs/deliver.ts', /node_modules\/ioredis\//)).toBe(true);
    expect(reported('store-not-to-adapters', 'src/store/notify.ts', /^src\/slack\//)).toBe(true);
    expect(reported('only-entry-points-import-app', 'src/export/publish.ts', /^src\/app\//)).toBe(true);
    expect(found.violating.some((v) => v.rule === 'only-entry-points-import-app' && v.from === 'src/main.ts')).toBe(
      false,
    );
  });
});
