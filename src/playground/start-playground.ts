import { compose } from '../app/compose';
import type { ComposedApp, ComposeOptions } from '../app/compose-options';
import { PLAYGROUND_STATIC_DIR } from '../paths';
import { SlackDriver } from '../stand-in/slack-driver';
import { ExportBrowser } from './export-browser';
import { playgroundRoutes } from './playground-api';
import { playgroundExports, setUpPlayground } from './playground-setup';

export interface PlaygroundStartOptions extends Pick<ComposeOptions, 'config' | 'flow' | 'catalog' | 'redisUrl'> {
  logger: NonNullable<ComposeOptions['logger']>;
  /** The working directory: the playground's export repository lives under .threadmodel/playground/. */
  cwd: string;
}

/**
 * The app in the playground: the same composition as production, pointed at the Slack stand-in
 * (its workspace, a signing secret of the moment, AppSec reviewers), exporting to a local bare
 * repository, with the playground's page and API beside Slack's routes, on 127.0.0.1 only.
 * `stop()` stops the app, then the stand-in.
 */
export async function startPlayground(options: PlaygroundStartOptions): Promise<ComposedApp> {
  const { config, logger } = options;
  const playground = await setUpPlayground(options.cwd);
  // The routes exist before the app does; they reach it (and the driver, once the port is known) lazily.
  let composed: ComposedApp | undefined;
  let driver: SlackDriver | undefined;
  const running = () => {
    if (!composed) throw new Error('the playground is still starting');
    return composed;
  };
  try {
    composed = await compose({
      ...options,
      host: '127.0.0.1',
      credentials: playground.credentials,
      appsec: {
        channelId: config.review.appsecChannelId ?? playground.appsec.channelId,
        usergroupId: config.review.appsecUsergroupId ?? playground.appsec.usergroupId,
      },
      exportSettings: config.export ?? playgroundExports(playground.exportRepo),
      extraRoutes: playgroundRoutes({
        standIn: playground.standIn,
        driver: () => {
          if (!driver) throw new Error('the playground is still starting');
          return driver;
        },
        runJobs: () => running().promoteDelayed(),
        pendingJobs: () => running().pendingJobs(),
        exports: new ExportBrowser(playground.exportRepo),
        appsecUsers: playground.appsecUsers,
        staticDir: PLAYGROUND_STATIC_DIR,
        logger,
      }),
    });
  } catch (error) {
    await playground.standIn.close();
    throw error;
  }
  const app = composed;
  driver = new SlackDriver({
    appUrl: `http://127.0.0.1:${app.port}/slack/events`,
    signingSecret: playground.credentials.signingSecret,
    standIn: playground.standIn,
  });
  logger.info(
    { port: app.port, exports: playground.exportRepo },
    `No Slack credentials: playground mode. Open http://localhost:${app.port}/playground (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to serve a real Slack app)`,
  );
  return {
    ...app,
    async stop() {
      await app.stop();
      await playground.standIn.close();
    },
  };
}
