import path from 'node:path';
import { loadConfig } from '../../src/config';
import { toAppError } from '../../src/errors';
import type { ReviewRuntime } from '../../src/jobs/review-runtime';
import { createLogger } from '../../src/logger';
import { type Running, start } from '../../src/main';
import { PROJECT_ROOT, SHIPPED_FLOW_FILE } from '../../src/paths';
import { SlackDriver } from '../stand-in/slack-driver';
import { ExportBrowser } from './export-browser';
import { playgroundRoutes } from './playground-api';
import { playgroundExports, setUpPlayground } from './playground-setup';

/** The playground page, as `npm run build:dev` writes it. */
export const PLAYGROUND_PAGE_DIR = path.join(PROJECT_ROOT, 'dist-dev', 'playground-page');

/**
 * The only address the playground listens on. Its page and API act as any user of the workspace
 * with no sign-in, so they must never be reachable from another machine.
 */
export const PLAYGROUND_HOST = '127.0.0.1';

/**
 * The app in playground mode, for trying Threadmodel without a Slack app: the same app as in
 * production (`start()` from src/main.ts), with the Slack stand-in as its workspace, its reviews
 * in the stand-in's #appsec, its exports in a local repository, and the playground's page and API
 * as extra routes, on 127.0.0.1 only. A development tool: it refuses to start with
 * NODE_ENV=production, and the product build (dist/) holds none of it.
 */
export async function startPlayground(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<Running> {
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'The playground is a development tool: it does not start with NODE_ENV=production. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) and run dist/main.js.',
    );
  }
  // Read once here for the log level (a bad variable stops start-up with the same message as start()).
  const logger = createLogger(loadConfig(env, { cwd, flowFile: SHIPPED_FLOW_FILE }).logLevel).child({
    component: 'playground',
  });
  const playground = await setUpPlayground(cwd);
  let runtime: ReviewRuntime | undefined;
  let driver: SlackDriver | undefined;
  const running = () => {
    if (!runtime || !driver) throw new Error('the playground is still starting');
    return { runtime, driver };
  };
  try {
    const app = await start(env, cwd, 'web', {
      credentials: playground.credentials,
      appsec: playground.appsec,
      exports: playgroundExports(playground.exportRepo),
      host: PLAYGROUND_HOST,
      onRuntime: (started) => {
        runtime = started;
      },
      extraRoutes: playgroundRoutes({
        standIn: playground.standIn,
        driver: () => running().driver,
        runJobs: () => running().runtime.promoteDelayed(),
        pendingJobs: async () => {
          const queues = Object.values(running().runtime.queues);
          const counts = await Promise.all(queues.map((queue) => queue.getDelayedCount()));
          return counts.reduce((sum, count) => sum + count, 0);
        },
        exports: new ExportBrowser(playground.exportRepo),
        appsecUsers: playground.appsecUsers,
        staticDir: PLAYGROUND_PAGE_DIR,
        logger,
      }),
    });
    driver = new SlackDriver({
      appUrl: `http://${PLAYGROUND_HOST}:${app.port}/slack/events`,
      signingSecret: playground.credentials.signingSecret,
      standIn: playground.standIn,
    });
    app.logger.info(
      { port: app.port, exports: playground.exportRepo },
      `No Slack credentials: playground mode. Open http://${PLAYGROUND_HOST}:${app.port}/playground (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to serve a real Slack app)`,
    );
    let stopped: Promise<void> | undefined;
    return {
      port: app.port,
      logger: app.logger,
      stop: () => {
        stopped ??= app.stop().finally(() => playground.standIn.close());
        return stopped;
      },
    };
  } catch (error) {
    await playground.standIn.close();
    throw error;
  }
}

/** Run as a command (`npm start` with no Slack credentials): stop cleanly on SIGTERM and SIGINT. */
export function runPlaygroundFromCommandLine(): void {
  startPlayground(process.env, process.cwd()).then(
    (running) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          running.logger.info({ signal }, 'shutting down');
          running.stop().then(
            () => process.exit(0),
            (error: unknown) => {
              running.logger.error({ err: error }, 'shutdown failed');
              process.exit(1);
            },
          );
        });
      }
    },
    (error: unknown) => {
      console.error(toAppError(error).message);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runPlaygroundFromCommandLine();
