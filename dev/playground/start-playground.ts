import path from 'node:path';
import { compose } from '../../src/app/compose';
import type { ComposedApp, ComposeOptions } from '../../src/app/compose-options';
import { type Running, runUntilSignalled, start } from '../../src/app/start';
import { createLogger } from '../../src/logger';
import { PROJECT_ROOT } from '../../src/paths';
import { SlackDriver } from '../stand-in/slack-driver';
import { ExportBrowser } from './export-browser';
import { seedPastModels } from './past-models';
import { playgroundRoutes } from './playground-api';
import { installAtStart, settleWorkspaceSettings } from './playground-installs';
import { playgroundExports, setUpPlayground } from './playground-setup';

/** The playground page, as `npm run build:dev` writes it. */
export const PLAYGROUND_PAGE_DIR = path.join(PROJECT_ROOT, 'dist-dev', 'playground-page');

/**
 * The only address the playground listens on. Its page and API act as any user of the workspace
 * with no sign-in, so they must never be reachable from another machine.
 */
export const PLAYGROUND_HOST = '127.0.0.1';

/**
 * The app in playground mode, for trying Threadmodel without a Slack app: `start()` as in
 * production (configuration, flow, catalog, a private Redis when REDIS_URL is unset), composed
 * in OAuth mode with the Slack stand-in as Slack: its first workspace (Acme) installed through
 * the OAuth redirect at start-up, with reviews in its #appsec and three approved models of the
 * past weeks (past-models.ts: the estimates need them); its second (Globex) installed from the
 * page's "Add to Slack". Exports go to a local repository; the playground's page and API sit
 * beside Slack's routes, on 127.0.0.1 only. A development tool: it refuses NODE_ENV=production,
 * and the product build (dist/) holds none of it.
 */
export function startPlayground(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  settings: PlaygroundSettings = {},
): Promise<Running> {
  if (env.NODE_ENV === 'production') {
    return Promise.reject(
      new Error(
        'The playground is a development tool: it does not start with NODE_ENV=production. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) and run dist/main.js.',
      ),
    );
  }
  return start(env, cwd, 'web', (options) =>
    composePlayground(
      settings.channelPaceMs === undefined ? options : { ...options, channelPaceMs: settings.channelPaceMs },
    ),
  );
}

/** What a test may change of the playground (nothing reads these from the environment). */
export interface PlaygroundSettings {
  /**
   * The spacing of posts in one channel (default Slack's, CHANNEL_PACE_MS): a browser test walking
   * a whole model need not wait a second for each notice of a step's announcement.
   */
  channelPaceMs?: number;
}

/** `npm start` with no Slack app configured (scripts/start.js): the playground until SIGTERM or SIGINT. */
export function runPlaygroundFromCommandLine(): void {
  runUntilSignalled(startPlayground());
}

/**
 * The same composition as production, pointed at the stand-in (its workspaces, OAuth credentials
 * and a signing secret of the moment, AppSec reviewers). `stop()` stops the app, then the stand-in.
 */
async function composePlayground(options: ComposeOptions & { cwd: string }): Promise<ComposedApp> {
  const { config } = options;
  const logger = (options.logger ?? createLogger(config.logLevel)).child({ component: 'playground' });
  const playground = await setUpPlayground(options.cwd);
  // The routes exist before the app does; they reach it (and the driver, once the port is known) lazily.
  let composed: ComposedApp | undefined;
  const drivers = new Map<string, SlackDriver>();
  const [first] = playground.workspaces;
  const running = () => {
    if (!composed) throw new Error('the playground is still starting');
    return composed;
  };
  try {
    composed = await compose({
      ...options,
      host: PLAYGROUND_HOST,
      credentials: playground.credentials,
      // The deployment's defaults: the first workspace's AppSec (each workspace's settings name its own).
      appsec: {
        channelId: config.review.appsecChannelId ?? first.appsec.channelId,
        usergroupId: config.review.appsecUsergroupId ?? first.appsec.usergroupId,
      },
      exportSettings: config.export ?? playgroundExports(playground.exportRepo),
      extraRoutes: playgroundRoutes({
        standIn: playground.standIn,
        driver: (teamId) => {
          const driver = drivers.get(teamId);
          if (!driver) throw new Error('the playground is still starting');
          return driver;
        },
        workspaces: playground.workspaces,
        installations: () => {
          const { installations } = running();
          if (!installations) throw new Error('the playground runs in OAuth mode');
          return installations;
        },
        runJobs: () => running().promoteDelayed(),
        pendingJobs: () => running().pendingJobs(),
        exports: new ExportBrowser(playground.exportRepo),
        staticDir: PLAYGROUND_PAGE_DIR,
        logger,
      }),
    });
  } catch (error) {
    await playground.standIn.close();
    throw error;
  }
  const app = composed;
  try {
    if (!app.installations) throw new Error('the playground runs in OAuth mode');
    await installAtStart(app.port, playground.standIn, app.installations, playground.workspaces);
    await settleWorkspaceSettings(app.services.settings, playground.workspaces);
    const target = config.redis.target;
    const redisUrl = options.redisUrl ?? (target?.mode === 'standalone' ? target.url : undefined);
    if (redisUrl) await seedPastModels({ redisUrl, keys: app.keys, now: new Date() });
  } catch (error) {
    await app.stop();
    await playground.standIn.close();
    throw error;
  }
  // One driver per workspace: Slack sends each workspace's requests with its own team id.
  for (const workspace of playground.workspaces) {
    const driver = new SlackDriver({
      appUrl: `http://${PLAYGROUND_HOST}:${app.port}/slack/events`,
      signingSecret: playground.credentials.signingSecret,
      standIn: playground.standIn,
      ...(workspace !== first && { team: { teamId: workspace.teamId } }),
    });
    drivers.set(workspace.teamId, driver);
  }
  logger.info(
    { port: app.port, exports: playground.exportRepo },
    `No Slack credentials: playground mode, two workspaces (${playground.workspaces.map((w) => w.name).join(', ')}). Open http://${PLAYGROUND_HOST}:${app.port}/playground (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to serve a real Slack app)`,
  );
  return {
    ...app,
    async stop() {
      await app.stop();
      await playground.standIn.close();
    },
  };
}
