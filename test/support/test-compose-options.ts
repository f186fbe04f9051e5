import type { RetryOptions } from '@slack/web-api';
import { CHANNELS, USERGROUPS } from '../../dev/stand-in/workspace';
import type { ComposeOptions } from '../../src/app/compose-options';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { ExportSettings } from '../../src/jobs/processors/processor-deps';
import { SHIPPED_CATALOG_DIR } from '../../src/paths';
import type { MethodBudget } from '../../src/ports/slack-budget';
import { defaultFlow } from './build-model';
import { testConfig } from './test-config';

export const SIGNING_SECRET = 'testsigningsecret0123456789abcdef';

let catalog: ComposeOptions['catalog'] | undefined;

/** What a test may change of the app it composes (see SlackAppFixtureOptions for each). */
export interface TestAppSettings {
  appsecUsergroupId?: string | null;
  appsecChannelId?: string | null;
  clock?: () => Date;
  exportSettings?: () => ExportSettings | undefined;
  cardRefreshIntervalMs?: number;
  budgets?: Record<string, MethodBudget>;
  interactiveRetry?: RetryOptions;
  /** The channel pacer's spacing of posts in one channel (default TEST_CHANNEL_PACE_MS). */
  channelPaceMs?: number;
}

/**
 * Posts in one channel, TEST_CHANNEL_PACE_MS apart: still one after another through the real
 * pacer, but not at Slack's second (or even 100 ms: a walk posts dozens of notices, and every
 * `settle()` waited for them all). A test about the pace itself sets its own.
 */
export const TEST_CHANNEL_PACE_MS = 10;

/** `null` means "none configured"; undefined the stand-in workspace's own. */
const orDefault = (value: string | null | undefined, fallback: string) =>
  value === null ? undefined : (value ?? fallback);

/**
 * The options every test app is composed with, in the jest process (slack-app-fixture.ts) or in
 * a web process of its own (web-process.ts): the shipped flow and catalog, the Redis `redisEnv`
 * names with the key prefix, the Slack stand-in at `apiUrl`, fast card refreshes, a fast channel pace and no Web API
 * retries, so a test walks a model at machine speed. The caller adds credentials and workers.
 */
export function testComposeOptions(input: {
  redisEnv: Record<string, string>;
  keyPrefix: string;
  slack: { token: string; apiUrl: string };
  settings?: TestAppSettings;
}): ComposeOptions {
  const settings = input.settings ?? {};
  const exportSettings = settings.exportSettings?.();
  catalog ??= loadCatalog([SHIPPED_CATALOG_DIR]);
  return {
    config: testConfig({ ...input.redisEnv, REDIS_KEY_PREFIX: input.keyPrefix, PORT: '0' }),
    flow: defaultFlow(),
    catalog,
    credentials: { botToken: input.slack.token, apiUrl: input.slack.apiUrl },
    appsec: {
      channelId: orDefault(settings.appsecChannelId, CHANNELS.APPSEC.id),
      usergroupId: orDefault(settings.appsecUsergroupId, USERGROUPS.APPSEC.id),
    },
    ...(exportSettings && { exportSettings }),
    exportRetry: { attempts: 2, backoffMs: 200 },
    ...(settings.clock && { clock: settings.clock }),
    cardRefreshIntervalMs: settings.cardRefreshIntervalMs ?? 20,
    membershipCacheMs: 0,
    channelPaceMs: settings.channelPaceMs ?? TEST_CHANNEL_PACE_MS,
    slackBudgets: settings.budgets ?? {},
    retry: {
      interactive: settings.interactiveRetry ?? { retries: 0 },
      background: { retries: 0 },
      jobs: { retries: 0 },
    },
  };
}
