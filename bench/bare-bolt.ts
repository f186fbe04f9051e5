/**
 * The floor of the ack benchmarks: a bare Bolt app on the same Slack stand-in that acknowledges
 * every command, action, submission, shortcut and options request at once and does nothing else.
 * Like the app, it learns its bot identity with one auth.test when it is built.
 */
import { App, type Logger, LogLevel } from '@slack/bolt';

const silent: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

export interface BareBolt {
  /** Its /slack/events URL. */
  url: string;
  stop(): Promise<unknown>;
}

export async function startBareBolt(options: { token: string; signingSecret: string; apiUrl: string }) {
  const app = new App({
    token: options.token,
    signingSecret: options.signingSecret,
    logger: silent,
    clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 } },
  });
  const anything = /.*/;
  app.command(anything, async ({ ack }) => ack());
  app.action(anything, async ({ ack }) => ack());
  app.view(anything, async ({ ack }) => ack());
  app.view({ callback_id: anything, type: 'view_closed' }, async ({ ack }) => ack());
  app.shortcut(anything, async ({ ack }) => ack());
  app.options(anything, async ({ ack }) => ack());
  const server = (await app.start(0)) as unknown as { address(): { port: number } };
  const bare: BareBolt = {
    url: `http://127.0.0.1:${server.address().port}/slack/events`,
    stop: () => app.stop(),
  };
  return bare;
}
