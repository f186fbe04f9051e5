import path from 'node:path';
import { z } from 'zod';
import { ChannelIdSchema } from './domain/primitives';
import { BaseBranchSchema, GitHubRepositorySchema, safeFolder } from './domain/repository-paths';
import { REVIEW_SLA_DAYS, type SettingsDefaults, UsergroupIdSchema } from './domain/workspace-settings';
import { ConfigError, type ConfigProblem } from './errors';
import { ENCRYPTION_KEYS_EXPECTED, type OAuthSettings, oauthSettings, parseEncryptionKeys } from './oauth-config';
import type { HostPort, RedisTarget } from './store/redis-connection';
import type { EncryptionKey } from './store/token-cipher';

/**
 * All configuration, parsed once from the environment. Only the composition root calls this;
 * everything else receives the typed result. A bad or missing variable stops start-up with one
 * message listing every problem: the variable, what was wrong and what is expected.
 * Later parts of the app add their variables here (and to the README's table).
 */

/** A comma-separated list, items trimmed, empty items dropped; unset is the empty list. */
function commaList() {
  return z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );
}

/** `host:port` (a name, an IPv4 address or a bracketed IPv6 address; a port from 1 to 65535). */
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):(\d{1,5})$/;

/** A comma-separated list of `host:port`, at least one when set; unset is the empty list. */
function hostPortList() {
  return commaList().pipe(
    z.array(
      z
        .string()
        .regex(HOST_PORT)
        .transform((item): HostPort => {
          const [, host = '', port = ''] = HOST_PORT.exec(item) ?? [];
          return { host: host.replace(/^\[(.*)\]$/, '$1'), port: Number(port) };
        })
        .refine((node) => node.port >= 1 && node.port <= 65535),
    ),
  );
}

function booleanFlag(fallback: 'true' | 'false') {
  return z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Each variable: its schema and, for the error message, what it expects. A sensitive variable
 * (it may hold a password) is never echoed back in an error.
 */
const VARIABLES = {
  NODE_ENV: {
    schema: z.string().trim().max(40).optional(),
    expected: 'production on a server (nothing is started or assumed for you), anything else on a developer machine',
  },
  LOG_LEVEL: {
    schema: z.enum(LOG_LEVELS).default('info'),
    expected: `one of ${LOG_LEVELS.join(', ')}`,
  },
  FLOW_FILE: {
    schema: z.string().trim().min(1).optional(),
    expected: 'a path to a flow YAML file',
  },
  CATALOG_DIRS: {
    schema: commaList(),
    expected: 'a comma-separated list of catalog folders',
  },
  SLACK_BOT_TOKEN: {
    schema: z
      .string()
      .regex(/^xoxb-[A-Za-z0-9-]+$/)
      .optional(),
    expected: 'the bot token (xoxb-...) from the Slack app\'s "OAuth & Permissions" page',
    sensitive: true,
  },
  SLACK_SIGNING_SECRET: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9]{16,128}$/)
      .optional(),
    expected: 'the signing secret from the Slack app\'s "Basic Information" page',
    sensitive: true,
  },
  SLACK_APP_TOKEN: {
    schema: z
      .string()
      .regex(/^xapp-[A-Za-z0-9-]+$/)
      .optional(),
    expected: 'an app-level token (xapp-...) with connections:write, to use Socket Mode',
    sensitive: true,
  },
  SLACK_CLIENT_ID: {
    schema: z
      .string()
      .regex(/^\d{1,20}\.\d{1,20}$/)
      .optional(),
    expected:
      'the Client ID (digits.digits) from the Slack app\'s "Basic Information" page, to install in many workspaces',
  },
  SLACK_CLIENT_SECRET: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9]{16,128}$/)
      .optional(),
    expected: 'the Client Secret from the Slack app\'s "Basic Information" page',
    sensitive: true,
  },
  SLACK_STATE_SECRET: {
    schema: z.string().min(32).max(512).optional(),
    expected: 'a random secret of 32 to 512 characters signing the OAuth state (the same on every replica)',
    sensitive: true,
  },
  SLACK_REDIRECT_URI: {
    schema: z.url({ protocol: /^https?$/ }).optional(),
    expected: 'the redirect URL registered with Slack, https://<host>/slack/oauth_redirect',
  },
  SLACK_OAUTH_AUTHORIZE_URL: {
    schema: z.url({ protocol: /^https?$/ }).optional(),
    expected: "Slack's authorize page (only for the stand-in on a developer machine)",
  },
  INSTALLATION_ENCRYPTION_KEYS: {
    schema: commaList().pipe(
      z.array(z.string()).transform((items, ctx) => {
        const keys = parseEncryptionKeys(items);
        if (!keys) ctx.addIssue({ code: 'custom', message: 'not id:base64 keys of 32 bytes with distinct ids' });
        return keys ?? [];
      }),
    ),
    expected: ENCRYPTION_KEYS_EXPECTED,
    sensitive: true,
  },
  SLACK_API_URL: {
    schema: z.url({ protocol: /^https?$/ }).optional(),
    expected: "an http(s) URL of Slack's Web API, e.g. https://slack.com/api/",
  },
  PORT: {
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
    expected: 'a TCP port number (0 picks a free one)',
  },
  METRICS_TOKEN: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9._~+/=-]{24,256}$/)
      .optional(),
    expected:
      'a random token of 24 to 256 characters (letters, digits, . _ ~ + / = -) that Prometheus sends as a bearer token',
    sensitive: true,
  },
  METRICS_PORT: {
    schema: z.coerce.number().int().min(0).max(65535).optional(),
    expected: 'a TCP port for GET /metrics alone, kept off the internet (0 picks a free one)',
  },
  REDIS_URL: {
    schema: z.url({ protocol: /^rediss?$/ }).optional(),
    expected: 'a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
    sensitive: true,
  },
  REDIS_CLUSTER_NODES: {
    schema: hostPortList(),
    expected: 'a comma-separated list of host:port of Redis Cluster nodes (a few are enough: the rest are discovered)',
  },
  REDIS_SENTINELS: {
    schema: hostPortList(),
    expected: 'a comma-separated list of host:port of Redis Sentinels watching the primary REDIS_SENTINEL_NAME',
  },
  REDIS_SENTINEL_NAME: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,100}$/)
      .optional(),
    expected: 'the name the sentinels know the primary by (`sentinel monitor <name> ...`), such as mymaster',
  },
  REDIS_SENTINEL_PASSWORD: {
    schema: z.string().min(1).max(512).optional(),
    expected: 'the password of the sentinels themselves (requirepass in sentinel.conf)',
    sensitive: true,
  },
  REDIS_USERNAME: {
    schema: z
      .string()
      .regex(/^[!-~]{1,128}$/)
      .optional(),
    expected: 'the Redis ACL user of the cluster or Sentinel-watched nodes (REDIS_URL carries its own)',
    sensitive: true,
  },
  REDIS_PASSWORD: {
    schema: z.string().min(1).max(512).optional(),
    expected: 'the password of the cluster or Sentinel-watched nodes (REDIS_URL carries its own)',
    sensitive: true,
  },
  REDIS_TLS: {
    schema: booleanFlag('false'),
    expected: 'true to talk TLS to the cluster or Sentinel nodes (REDIS_URL says it with rediss://), or false',
  },
  REDIS_WAIT_REPLICAS: {
    schema: z.coerce.number().int().min(0).max(10).default(0),
    expected:
      'how many replicas must confirm each saved change (Redis WAIT) before it is reported saved, 0 to 10 (0: do not wait)',
  },
  REDIS_WAIT_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(10).max(60_000).optional(),
    expected: 'how long to wait for those replicas, in ms from 10 to 60000 (default 1000)',
  },
  REDIS_KEY_PREFIX: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9:_.-]{1,40}$/)
      .default('threadmodel:'),
    expected: 'up to 40 letters, digits or : _ . - (no braces: they would break Redis Cluster hash tags)',
  },
  DRAFT_RETENTION_DAYS: {
    schema: z.coerce.number().int().min(1).max(3650).default(180),
    expected: 'a whole number of days from 1 to 3650',
  },
  APPSEC_CHANNEL_ID: {
    schema: ChannelIdSchema.optional(),
    expected: 'the id of the AppSec channel where review requests are posted, such as C012ABC',
  },
  APPSEC_USERGROUP_ID: {
    schema: UsergroupIdSchema.optional(),
    expected: 'the id of the AppSec user group (S012ABC) whose members review and approve models',
  },
  REVIEW_SLA_DAYS: {
    schema: z.coerce.number().int().min(REVIEW_SLA_DAYS.min).max(REVIEW_SLA_DAYS.max).default(3),
    expected: `a whole number of working days from ${REVIEW_SLA_DAYS.min} to ${REVIEW_SLA_DAYS.max}`,
  },
  REVIEW_HOLIDAYS: {
    schema: commaList().pipe(z.array(z.iso.date())),
    expected: 'a comma-separated list of dates such as 2026-12-25,2027-01-01 (skipped like weekends)',
  },
  RUN_WORKERS: {
    schema: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    expected: 'true (default: the web process runs the job workers too) or false (run `npm run worker` separately)',
  },
  EXPORT_GIT_URL: {
    schema: z.string().trim().min(1).max(2048).optional(),
    expected: 'a git URL or a local path of the repository that receives exports',
    sensitive: true,
  },
  EXPORT_BASE_BRANCH: {
    schema: BaseBranchSchema.default('main'),
    expected: 'the branch exports start from, such as main',
  },
  EXPORT_FOLDER: {
    schema: z
      .string()
      .default('threat-models')
      .transform((folder, ctx) => {
        const safe = safeFolder(folder);
        if (!safe) ctx.addIssue({ code: 'custom', message: 'not a safe folder' });
        return safe ?? '';
      }),
    expected: 'a relative folder inside the repository, such as threat-models or docs/security',
  },
  EXPORT_AUTHOR_NAME: {
    schema: z.string().trim().min(1).max(100).default('Threadmodel'),
    expected: 'the name export commits are authored by',
  },
  EXPORT_AUTHOR_EMAIL: {
    schema: z.email().default('threadmodel@localhost.localdomain'),
    expected: 'the e-mail address export commits are authored by',
  },
  GITHUB_TOKEN: {
    schema: z.string().trim().min(1).max(500).optional(),
    expected: 'a GitHub token allowed to push, open pull requests and (for the backlog) issues',
    sensitive: true,
  },
  GITHUB_REPOSITORY: {
    schema: GitHubRepositorySchema.optional(),
    expected: 'owner/name of the GitHub repository, to open pull requests there',
  },
  GITHUB_API_URL: {
    schema: z.url({ protocol: /^https?$/ }).default('https://api.github.com'),
    expected: "GitHub's REST API URL (GitHub Enterprise Server: https://<host>/api/v3)",
  },
  EXPORT_BACKLOG_ISSUES: {
    schema: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    expected: 'true to open a GitHub issue for each planned mitigation on export, or false',
  },
  WORKER_CONCURRENCY: {
    schema: z.coerce.number().int().min(1).max(100).default(10),
    expected: 'how many jobs one worker process runs at once, 1 to 100',
  },
} satisfies Record<string, { schema: z.ZodType; expected: string; sensitive?: boolean }>;

/**
 * Every variable the app reads, and whether it may hold a secret: what deployment manifests may
 * set (test/unit/deploy checks that each one they set is read here, and that secrets come from a
 * Secret).
 */
export const CONFIG_VARIABLES: readonly { name: string; sensitive: boolean }[] = Object.entries(VARIABLES).map(
  ([name, variable]) => ({ name, sensitive: 'sensitive' in variable && variable.sensitive === true }),
);

type Variables = typeof VARIABLES;
type Parsed = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

export interface Config {
  /** NODE_ENV=production: nothing is started for a missing setting (no private Redis, no playground). */
  production: boolean;
  logLevel: Parsed['LOG_LEVEL'];
  /** The guided flow; defaults to the shipped flows/default.yaml. */
  flowFile: string;
  /** Organisation catalog folders merged after the shipped catalog. */
  extraCatalogDirs: string[];
  slack: {
    botToken: string | undefined;
    signingSecret: string | undefined;
    /** Set: Socket Mode instead of HTTP. */
    appToken: string | undefined;
    /** The Web API base URL; Slack's own when unset. */
    apiUrl: string | undefined;
    /** Set: OAuth distribution (many workspaces); unset: the one workspace of SLACK_BOT_TOKEN. */
    oauth: OAuthSettings | undefined;
  };
  /** HTTP port for Slack requests (HTTP mode), the health routes and (without METRICS_PORT) /metrics. */
  port: number;
  metrics: {
    /** Set: /metrics answers only `Authorization: Bearer <token>`. */
    token: string | undefined;
    /** Set: /metrics is served on this port instead of `port`. */
    port: number | undefined;
  };
  redis: {
    /** Where drafts and jobs live; unset means a private redis-server is started (never in production). */
    target: RedisTarget | undefined;
    keyPrefix: string;
    /** Set: each saved change is confirmed by this many replicas (WAIT) before it counts as saved. */
    waitReplicas: WaitReplicas | undefined;
  };
  /** Drafts untouched for this many days are archived (never deleted). */
  draftRetentionDays: number;
  /**
   * INSTALLATION_ENCRYPTION_KEYS: seal bot tokens (OAuth mode) and workspaces' Git and GitHub
   * tokens; empty: no workspace can save a token.
   */
  encryptionKeys: EncryptionKey[];
  /** The deployment's defaults for what a workspace's own export repository leaves unset. */
  exportDefaults: SettingsDefaults['exportBase'];
  /** The defaults of every workspace's settings (a workspace's admins may set their own). */
  review: {
    /** Where review requests are posted; unset: reviews cannot be requested yet. */
    appsecChannelId: string | undefined;
    /** Who reviews (round-robin) and may approve; unset: the members of the AppSec channel. */
    appsecUsergroupId: string | undefined;
    slaWorkingDays: number;
    /** Local dates skipped like weekends when counting working days. */
    holidays: string[];
  };
  /** Where exports go by default; undefined: only workspaces with a repository of their own export. */
  export:
    | {
        gitUrl: string;
        baseBranch: string;
        folder: string;
        author: { name: string; email: string };
        /** Set when GITHUB_TOKEN and GITHUB_REPOSITORY are: pull requests (and backlog issues). */
        github: { apiUrl: string; token: string; repository: string; backlogIssues: boolean } | undefined;
      }
    | undefined;
  jobs: {
    /** Whether this process runs the BullMQ workers (the web process does by default). */
    runWorkers: boolean;
    concurrency: number;
  };
}

export interface WaitReplicas {
  replicas: number;
  timeoutMs: number;
}

export interface ConfigDefaults {
  /** Folder relative paths are resolved against (the working directory). */
  cwd: string;
  flowFile: string;
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, defaults: ConfigDefaults): Config {
  const problems: ConfigProblem[] = [];
  const values: Partial<Parsed> = {};
  for (const [name, variable] of Object.entries(VARIABLES) as [keyof Variables, Variables[keyof Variables]][]) {
    const raw = env[name];
    const result = variable.schema.safeParse(raw === '' ? undefined : raw);
    if (result.success) {
      (values as Record<string, unknown>)[name] = result.data;
    } else {
      const shown = 'sensitive' in variable ? 'is not valid (value not shown)' : `is ${JSON.stringify(raw)}`;
      problems.push({ name, problem: raw === undefined ? 'is missing' : shown, expected: variable.expected });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const parsed = values as Parsed;
  if (parsed.METRICS_PORT !== undefined && parsed.METRICS_PORT !== 0 && parsed.METRICS_PORT === parsed.PORT) {
    throw new ConfigError([
      {
        name: 'METRICS_PORT',
        problem: `is ${parsed.METRICS_PORT}, the same as PORT`,
        expected: 'another port than PORT (or unset: /metrics is then served on PORT)',
      },
    ]);
  }
  const redis = redisSettings(parsed, env);
  const oauth = oauthSettings({
    clientId: parsed.SLACK_CLIENT_ID,
    clientSecret: parsed.SLACK_CLIENT_SECRET,
    stateSecret: parsed.SLACK_STATE_SECRET,
    encryptionKeys: parsed.INSTALLATION_ENCRYPTION_KEYS,
    redirectUri: parsed.SLACK_REDIRECT_URI,
    authorizeUrl: parsed.SLACK_OAUTH_AUTHORIZE_URL,
    botToken: parsed.SLACK_BOT_TOKEN,
    appToken: parsed.SLACK_APP_TOKEN,
    production: parsed.NODE_ENV === 'production',
  });
  if (oauth.problems.length > 0) throw new ConfigError(oauth.problems);
  return {
    production: parsed.NODE_ENV === 'production',
    logLevel: parsed.LOG_LEVEL,
    flowFile: parsed.FLOW_FILE ? path.resolve(defaults.cwd, parsed.FLOW_FILE) : defaults.flowFile,
    extraCatalogDirs: parsed.CATALOG_DIRS.map((dir) => path.resolve(defaults.cwd, dir)),
    slack: {
      botToken: parsed.SLACK_BOT_TOKEN,
      signingSecret: parsed.SLACK_SIGNING_SECRET,
      appToken: parsed.SLACK_APP_TOKEN,
      apiUrl: parsed.SLACK_API_URL,
      oauth: oauth.settings,
    },
    port: parsed.PORT,
    metrics: { token: parsed.METRICS_TOKEN, port: parsed.METRICS_PORT },
    redis,
    draftRetentionDays: parsed.DRAFT_RETENTION_DAYS,
    encryptionKeys: parsed.INSTALLATION_ENCRYPTION_KEYS,
    exportDefaults: {
      baseBranch: parsed.EXPORT_BASE_BRANCH,
      folder: parsed.EXPORT_FOLDER,
      author: { name: parsed.EXPORT_AUTHOR_NAME, email: parsed.EXPORT_AUTHOR_EMAIL },
      githubApiUrl: parsed.GITHUB_API_URL,
      backlogIssues: parsed.EXPORT_BACKLOG_ISSUES,
    },
    review: {
      appsecChannelId: parsed.APPSEC_CHANNEL_ID,
      appsecUsergroupId: parsed.APPSEC_USERGROUP_ID,
      slaWorkingDays: parsed.REVIEW_SLA_DAYS,
      holidays: parsed.REVIEW_HOLIDAYS,
    },
    export: parsed.EXPORT_GIT_URL
      ? {
          gitUrl: parsed.EXPORT_GIT_URL,
          baseBranch: parsed.EXPORT_BASE_BRANCH,
          folder: parsed.EXPORT_FOLDER,
          author: { name: parsed.EXPORT_AUTHOR_NAME, email: parsed.EXPORT_AUTHOR_EMAIL },
          github:
            parsed.GITHUB_TOKEN && parsed.GITHUB_REPOSITORY
              ? {
                  apiUrl: parsed.GITHUB_API_URL,
                  token: parsed.GITHUB_TOKEN,
                  repository: parsed.GITHUB_REPOSITORY,
                  backlogIssues: parsed.EXPORT_BACKLOG_ISSUES,
                }
              : undefined,
        }
      : undefined,
    jobs: { runWorkers: parsed.RUN_WORKERS, concurrency: parsed.WORKER_CONCURRENCY },
  };
}

const DEFAULT_WAIT_TIMEOUT_MS = 1000;

/**
 * Which Redis to use, from REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS (at most one), and
 * the settings that only make sense with one of them. A combination that cannot be meant stops
 * start-up naming each variable; a password is never shown.
 */
function redisSettings(parsed: Parsed, env: Readonly<Record<string, string | undefined>>): Config['redis'] {
  const problems: ConfigProblem[] = [];
  const given = (name: keyof Variables) => (env[name] ?? '') !== '';
  const refuse = (name: keyof Variables, problem: string, expected: string) =>
    problems.push({ name, problem, expected });
  const modes = (['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS'] as const).filter(given);
  if (modes.length > 1) {
    for (const name of modes.slice(1)) {
      refuse(
        name,
        `is set together with ${modes[0]}`,
        `only one of REDIS_URL, REDIS_CLUSTER_NODES and REDIS_SENTINELS`,
      );
    }
  }
  const sentinel = given('REDIS_SENTINELS');
  const nodes = sentinel || given('REDIS_CLUSTER_NODES');
  if (sentinel && !parsed.REDIS_SENTINEL_NAME) {
    refuse('REDIS_SENTINEL_NAME', 'is missing', `${VARIABLES.REDIS_SENTINEL_NAME.expected}; REDIS_SENTINELS needs it`);
  }
  for (const name of ['REDIS_SENTINEL_NAME', 'REDIS_SENTINEL_PASSWORD'] as const) {
    if (!sentinel && given(name))
      refuse(name, 'is set without REDIS_SENTINELS', 'REDIS_SENTINELS beside it, or neither');
  }
  for (const name of ['REDIS_USERNAME', 'REDIS_PASSWORD'] as const) {
    if (!nodes && given(name)) {
      refuse(
        name,
        'is set without REDIS_CLUSTER_NODES or REDIS_SENTINELS',
        'one of them beside it (with REDIS_URL, put the credentials in the URL: rediss://user:password@host:port)',
      );
    }
  }
  if (!nodes && parsed.REDIS_TLS) {
    refuse(
      'REDIS_TLS',
      'is true without REDIS_CLUSTER_NODES or REDIS_SENTINELS',
      'a rediss:// REDIS_URL for TLS to one server',
    );
  }
  const waiting = parsed.REDIS_WAIT_REPLICAS > 0;
  if (waiting && modes.length === 0) {
    refuse(
      'REDIS_WAIT_REPLICAS',
      `is ${parsed.REDIS_WAIT_REPLICAS} without a Redis of yours`,
      'REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS naming a Redis with replicas (the private redis-server has none)',
    );
  }
  if (!waiting && given('REDIS_WAIT_TIMEOUT_MS')) {
    refuse('REDIS_WAIT_TIMEOUT_MS', 'is set without REDIS_WAIT_REPLICAS', 'REDIS_WAIT_REPLICAS of 1 or more beside it');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const auth = { username: parsed.REDIS_USERNAME, password: parsed.REDIS_PASSWORD, tls: parsed.REDIS_TLS };
  const target: RedisTarget | undefined = parsed.REDIS_URL
    ? { mode: 'standalone', url: parsed.REDIS_URL }
    : parsed.REDIS_CLUSTER_NODES.length > 0
      ? { mode: 'cluster', nodes: parsed.REDIS_CLUSTER_NODES, ...auth }
      : parsed.REDIS_SENTINELS.length > 0
        ? {
            mode: 'sentinel',
            sentinels: parsed.REDIS_SENTINELS,
            name: parsed.REDIS_SENTINEL_NAME ?? '',
            sentinelPassword: parsed.REDIS_SENTINEL_PASSWORD,
            ...auth,
          }
        : undefined;
  return {
    target,
    keyPrefix: parsed.REDIS_KEY_PREFIX,
    waitReplicas: waiting
      ? { replicas: parsed.REDIS_WAIT_REPLICAS, timeoutMs: parsed.REDIS_WAIT_TIMEOUT_MS ?? DEFAULT_WAIT_TIMEOUT_MS }
      : undefined,
  };
}

export type SlackCredentials =
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl: string | undefined }
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl: string | undefined }
  | { mode: 'oauth'; oauth: OAuthSettings; signingSecret: string; apiUrl: string | undefined };

/** What a process calling the Web API without serving Slack needs: the one bot token, or the installations' keys. */
export type WorkerSlackCredentials =
  | { botToken: string; apiUrl: string | undefined }
  | { oauth: OAuthSettings; apiUrl: string | undefined };

/**
 * The Slack credentials the app cannot run without, or one ConfigError naming every missing
 * variable and where to get it. HTTP mode needs the bot token and the signing secret; Socket
 * Mode (SLACK_APP_TOKEN set) needs the bot token and the app token.
 */
export function requireSlackCredentials(config: Config): SlackCredentials {
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  const howTo = 'create the Slack app from manifest.json (README, "Create the Slack app") and copy it from there';
  const missing = (name: 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET', otherwise = ''): ConfigProblem => ({
    name,
    problem: 'is missing',
    expected: `${VARIABLES[name].expected}${otherwise}; ${howTo}`,
  });
  const { oauth } = config.slack;
  if (oauth) {
    if (signingSecret) return { mode: 'oauth', oauth, signingSecret, apiUrl };
    throw new ConfigError([missing('SLACK_SIGNING_SECRET', ' (OAuth mode serves Slack over HTTP)')]);
  }
  if (botToken && appToken) return { mode: 'socket', botToken, appToken, apiUrl };
  if (botToken && signingSecret) return { mode: 'http', botToken, signingSecret, apiUrl };
  throw new ConfigError([
    ...(botToken ? [] : [missing('SLACK_BOT_TOKEN')]),
    ...(signingSecret || appToken
      ? []
      : [missing('SLACK_SIGNING_SECRET', ' (or SLACK_APP_TOKEN, an app-level token xapp-..., to use Socket Mode)')]),
  ]);
}

/**
 * A worker's Slack credentials (it calls the Web API but serves no Slack requests): the bot token,
 * or in OAuth mode the installations' keys (each workspace's token is read from its installation).
 */
export function requireWorkerSlack(config: Config): WorkerSlackCredentials {
  const { oauth, apiUrl } = config.slack;
  return oauth ? { oauth, apiUrl } : { botToken: requireBotToken(config), apiUrl };
}

/** The bot token alone, for a worker process (it calls the Web API but serves no Slack requests). */
export function requireBotToken(config: Config): string {
  if (config.slack.botToken) return config.slack.botToken;
  throw new ConfigError([
    {
      name: 'SLACK_BOT_TOKEN',
      problem: 'is missing',
      expected: `${VARIABLES.SLACK_BOT_TOKEN.expected}; the workers post reviews and reminders with it`,
    },
  ]);
}

/**
 * Where drafts live. Unset on a developer machine, start() runs a private redis-server instead;
 * with NODE_ENV=production a missing Redis stops start-up (a server must not keep its data in a
 * folder of its own), and a worker always needs the Redis the web process uses.
 */
export function requireRedisTarget(config: Config, why: 'production' | 'worker'): RedisTarget {
  if (config.redis.target) return config.redis.target;
  throw new ConfigError([
    {
      name: 'REDIS_URL',
      problem: 'is missing (and so are REDIS_CLUSTER_NODES and REDIS_SENTINELS)',
      expected:
        why === 'worker'
          ? 'the Redis the web process uses: workers share it'
          : `${VARIABLES.REDIS_URL.expected}, or a cluster or Sentinel; with NODE_ENV=production no private redis-server is started`,
    },
  ]);
}
