/**
 * The layering rule (PRODUCT.md "Layering"): dependencies point inward, adapters (slack/, jobs/,
 * store/, export/) -> use-cases/ -> ports/ -> domain/, and only the composition root (src/app/)
 * wires adapters together. `npm run lint` checks it (`depcruise src`); test/unit/architecture
 * shows that each rule catches what it forbids.
 *
 * Paths are relative to the folder cruised from (the repository root). npm packages are matched
 * wherever node_modules resolves to (it may be a symlink), and type-only imports count too: a
 * use case that merely names a WebClient type still depends on Slack.
 */

/** npm packages, by name, wherever node_modules is. */
const npm = (...names) => `(^|/)node_modules/(${names.join('|')})/`;

/** Node built-ins that do no I/O (no fs, net, child_process, os, process ...). */
const PURE_BUILTINS = '^(node:)?(assert|buffer|crypto|events|path|querystring|string_decoder|url|util)(/|$)';

/** The libraries the domain may use: schemas and calendar arithmetic. */
const DOMAIN_LIBRARIES = npm('zod', 'date-fns', '@date-fns/tz');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain imports only src/domain, zod, date-fns, @date-fns/tz and Node built-ins without I/O: ' +
        'no Slack, Redis, BullMQ, files or network. Time and I/O reach it as parameters.',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', DOMAIN_LIBRARIES, PURE_BUILTINS] },
    },
    {
      name: 'ports-are-interfaces',
      severity: 'error',
      comment:
        'src/ports holds interfaces (and job payload schemas, hence zod): it imports only src/domain and src/ports.',
      from: { path: '^src/ports/' },
      to: { pathNot: ['^src/(domain|ports)/', npm('zod')] },
    },
    {
      name: 'use-cases-depend-on-ports',
      severity: 'error',
      comment:
        'A use case imports only src/domain, src/ports, src/catalog, src/errors, src/logger and other use cases ' +
        '(plus the domain libraries and Node built-ins without I/O): never src/slack, src/jobs, src/store, ' +
        'src/export, src/app, @slack/*, bullmq or ioredis. Adapters reach it through ports.',
      from: { path: '^src/use-cases/' },
      to: {
        pathNot: [
          '^src/(domain|ports|catalog|use-cases)/',
          '^src/(errors|logger)\\.ts$',
          DOMAIN_LIBRARIES,
          PURE_BUILTINS,
        ],
      },
    },
    {
      name: 'views-are-pure',
      severity: 'error',
      comment:
        'Block Kit views are functions of the model: no store, no ports with I/O (only the job payload ' +
        'schemas), no Slack client (Bolt, web-api), no Redis or BullMQ, no jobs or composition root.',
      from: { path: '^src/slack/views/' },
      to: {
        path: [
          '^src/(store|jobs|app)/',
          '^src/ports/(?!job-payloads\\.ts$)',
          npm('@slack/web-api', '@slack/bolt', '@slack/socket-mode', '@slack/oauth', 'ioredis', 'bullmq'),
        ],
      },
    },
    {
      name: 'slack-not-to-jobs-store-app',
      severity: 'error',
      comment:
        'The Slack adapter depends on use cases and ports, not on the job adapter, the Redis adapter, Redis ' +
        'or BullMQ, or the composition root (which hands it their implementations).',
      from: { path: '^src/slack/' },
      to: { path: ['^src/(jobs|store|app)/', npm('ioredis', 'bullmq')] },
    },
    {
      name: 'jobs-not-to-listeners-store-app',
      severity: 'error',
      comment:
        'Job processors call use cases and render with src/slack/views; they never call Slack listeners, ' +
        'use the Redis adapter (they get ports: store, delivery ledger, channel pacer, reminder index) ' +
        'or reach into the composition root.',
      from: { path: '^src/jobs/' },
      to: { path: '^src/(slack/listeners|store|app)/' },
    },
    {
      name: 'jobs-no-redis-client',
      severity: 'error',
      comment:
        'Redis is behind ports; the queues and workers take the connection the composition root makes ' +
        "as BullMQ's ConnectionOptions.",
      from: { path: '^src/jobs/' },
      to: { path: npm('ioredis') },
    },
    {
      name: 'store-not-to-adapters',
      severity: 'error',
      comment: 'The Redis adapter implements ports; it knows nothing of Slack, jobs or the composition root.',
      from: { path: '^src/store/' },
      to: { path: '^src/(slack|jobs|app)/' },
    },
    {
      name: 'only-entry-points-import-app',
      severity: 'error',
      comment:
        'src/app is the composition root: only src/main.ts, src/worker.ts, the development harness (dev/), ' +
        'tests and benchmarks start it.',
      from: { pathNot: ['^src/(main|worker)\\.ts$', '^src/app/', '^(dev|test|bench)/'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'product-not-to-harness',
      severity: 'error',
      comment:
        'The product (src/) never imports the development harness (dev/: the Slack stand-in and the ' +
        'playground): it is not in dist/ or the image, and nothing of it may be reachable in production.',
      from: { path: '^src/' },
      to: { path: '^dev/' },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment:
        'No cycle among the folders of src/ (e.g. slack -> jobs -> slack): a folder depends on another ' +
        'or is depended on by it, never both. This sees the folder a file sits in; cycles between top-level ' +
        'folders through their subfolders are caught by scripts/check-folder-cycles.mjs.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'No import cycle between files.',
      from: { path: '^(src|dev)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports and `export ... from` count as dependencies like any other import.
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json', '.d.ts'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
