import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { CustomRoute } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/logger';
import type { Installations } from '../../src/slack/installations';
import type { SlackDriver } from '../stand-in/slack-driver';
import type { SlackStandIn } from '../stand-in/stand-in-server';
import { submissionState } from '../stand-in/view-submission';
import type { ExportBrowser } from './export-browser';
import { pageState, UserSchema, workspaceOfUser } from './page-state';
import { installerOf, isInstalled } from './playground-installs';
import type { PlaygroundWorkspace, PlaygroundWorkspaces } from './playground-setup';

export interface PlaygroundApiDeps {
  standIn: SlackStandIn;
  /** The driver sending the app signed requests exactly as Slack would from that workspace (known once the app listens). */
  driver: (teamId: string) => SlackDriver;
  /** The stand-in's workspaces as the playground knows them: the first is installed at start-up. */
  workspaces: PlaygroundWorkspaces;
  /** The app's installations (OAuth mode): which workspaces have the app. */
  installations: () => Installations;
  /** Runs every delayed job now (reminders included). */
  runJobs: () => Promise<number>;
  pendingJobs: () => Promise<number>;
  exports: ExportBrowser;
  /** Where the built page lives (index.html, app.js, styles.css). */
  staticDir: string;
  logger: Logger;
}

const WhereSchema = z
  .object({
    channel: z.string().max(40).optional(),
    ts: z.string().max(40).optional(),
    in: z.enum(['modal', 'message', 'home', 'ephemeral']).optional(),
  })
  .default({})
  // Ephemerals are found among the messages (newest first), as the driver searches them.
  .transform(({ in: surface, ...rest }) => ({ ...rest, ...(surface && surface !== 'ephemeral' && { in: surface }) }));
const CommandSchema = z.object({ user: UserSchema, channel: z.string().max(40), text: z.string().max(4000) });
const ActSchema = z.object({
  user: UserSchema,
  actionId: z.string().min(1).max(255),
  kind: z.string().max(40),
  where: WhereSchema,
  buttonValue: z.string().max(2000).optional(),
  value: z.string().max(2000).optional(),
  values: z.array(z.string().max(2000)).max(200).optional(),
  state: z
    .record(z.string().max(255), z.union([z.string().max(5000), z.array(z.string().max(2000)).max(200)]))
    .optional(),
});
const SubmitSchema = z.object({
  user: UserSchema,
  values: z.record(z.string().max(255), z.union([z.string().max(5000), z.array(z.string().max(2000)).max(200)])),
});
const ShortcutSchema = z.object({
  user: UserSchema,
  channel: z.string().max(40),
  ts: z.string().max(40),
  callbackId: z.string().max(100),
});
const PostSchema = z.object({
  user: UserSchema,
  channel: z.string().max(40),
  threadTs: z.string().max(40).optional(),
  text: z.string().min(1).max(4000),
});
const UserOnlySchema = z.object({ user: UserSchema });
const NOT_INSTALLED = (name: string) =>
  `Threadmodel is not installed in ${name} yet: use "Add to Slack" at the top of the page.`;

const STATIC_TYPES: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'styles.css': 'text/css; charset=utf-8',
  'index.html': 'text/html; charset=utf-8',
};
const FILE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * The playground's HTTP API: what the page shows (channels, messages, threads, ephemerals, modals,
 * the Home tab, Block Kit violations, exports) read from the Slack stand-in, and what a person
 * does (a slash command, a click, a submission, a shortcut) sent to the app by the driver as the
 * signed requests Slack sends. The app's listeners cannot tell the difference.
 */
export function playgroundRoutes(deps: PlaygroundApiDeps): CustomRoute[] {
  const { standIn } = deps;
  /** The last inline errors of each view, as the app answered its submission. */
  const viewErrors = new Map<string, Record<string, string>>();
  const workspaceOf = (user: string) => workspaceOfUser(standIn, deps.workspaces, user);
  const installed = (workspace: PlaygroundWorkspace) => isInstalled(deps.installations(), workspace.teamId);
  const driverFor = (user: string) => deps.driver(workspaceOf(user).teamId);
  const state = (url: URL) => pageState({ ...deps, viewErrors }, url);

  const actions: Record<string, (body: unknown) => Promise<object>> = {
    command: async (body) => {
      const { user, channel, text } = CommandSchema.parse(body);
      const trimmed = text.trim();
      if (!trimmed.startsWith('/threatmodel'))
        return { ok: false, error: 'Only /threatmodel commands reach the app here.' };
      if (!standIn.isMember(channel, user)) return { ok: false, error: 'You are not a member of this channel.' };
      const workspace = workspaceOf(user);
      if (!(await installed(workspace))) return { ok: false, error: NOT_INSTALLED(workspace.name) };
      const result = await driverFor(user).command(user, channel, trimmed.replace(/^\/threatmodel\s*/, ''));
      return { ok: result.status === 200 };
    },
    post: async (body) => {
      const { user, channel, threadTs, text } = PostSchema.parse(body);
      if (!standIn.isMember(channel, user)) return { ok: false, error: 'You are not a member of this channel.' };
      standIn.addMessage({ channel, text, blocks: [], user, ...(threadTs && { thread_ts: threadTs }) });
      return { ok: true };
    },
    act: async (body) => {
      const { user, actionId, kind, where, buttonValue, value, values, state: entered } = ActSchema.parse(body);
      const driver = driverFor(user);
      const top = standIn.views.stack(user).at(-1);
      // What the person entered in the modal travels with the action, as Slack sends view.state.
      if (entered && top && where.in === 'modal') top.state.values = submissionState(top, entered, true);
      const at = { ...where, ...(buttonValue !== undefined && { value: buttonValue }) };
      if (kind === 'button') await driver.clickButton(user, actionId, at);
      else if (kind === 'overflow') await driver.clickOverflow(user, actionId, value ?? '', where);
      else if (kind === 'users_select') await driver.selectUser(user, actionId, value ?? '', where);
      else if (kind === 'multi_users_select') await driver.selectUsers(user, actionId, values ?? [], where);
      else if (kind === 'multi_static_select' || kind === 'checkboxes')
        await driver.selectOptions(user, actionId, values ?? [], where);
      else await driver.selectOption(user, actionId, value ?? '', where);
      return { ok: true };
    },
    submit: async (body) => {
      const { user, values } = SubmitSchema.parse(body);
      const top = standIn.views.stack(user).at(-1);
      const result = await driverFor(user).submitView(user, values, { force: true });
      if (top) viewErrors.set(top.id, result.errors ?? {});
      return { ok: !result.errors, ...(result.errors && { errors: result.errors }) };
    },
    close: async (body) => {
      const { user } = UserOnlySchema.parse(body);
      await driverFor(user).closeView(user);
      return { ok: true };
    },
    home: async (body) => {
      const { user } = UserOnlySchema.parse(body);
      // With no installation Slack has no Home tab of the app to open: the page offers the install.
      if (await installed(workspaceOf(user))) await driverFor(user).appHomeOpened(user);
      return { ok: true };
    },
    /**
     * Who is signed in to Slack in this browser: the stand-in's authorize page installs the app
     * in their workspace, as them, when the page's "Add to Slack" goes through it.
     */
    'sign-in': async (body) => {
      const { user } = UserOnlySchema.parse(body);
      if (!standIn.user(user)) return { ok: false, error: 'No such person in the playground.' };
      standIn.oauth.approveInstallsAs(installerOf(workspaceOf(user), user));
      return { ok: true };
    },
    shortcut: async (body) => {
      const { user, channel, ts, callbackId } = ShortcutSchema.parse(body);
      await driverFor(user).messageShortcut(user, channel, ts, callbackId);
      return { ok: true };
    },
    'jobs/run': async () => ({ promoted: await deps.runJobs() }),
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, body: object) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
  const serveStatic = async (res: ServerResponse, name: string) => {
    const type = STATIC_TYPES[name];
    if (!type) return send(res, 404, 'text/plain', 'not found');
    try {
      send(res, 200, type, await readFile(path.join(deps.staticDir, name)));
    } catch {
      send(res, 404, 'text/plain', 'The playground page is not built: run `npm run build`.');
    }
  };
  const params = (req: IncomingMessage) => (req as IncomingMessage & { params?: Record<string, string> }).params ?? {};

  return [
    { path: '/playground', method: ['GET'], handler: (_req, res) => serveStatic(res, 'index.html') },
    {
      path: '/playground/api/state',
      method: ['GET'],
      handler: async (req, res) => json(res, 200, await state(new URL(req.url ?? '/', 'http://playground'))),
    },
    {
      path: '/playground/api/:op',
      method: ['POST'],
      handler: async (req, res) => runAction(req, res, params(req).op ?? ''),
    },
    {
      path: '/playground/api/jobs/run',
      method: ['POST'],
      handler: async (req, res) => runAction(req, res, 'jobs/run'),
    },
    {
      path: '/playground/exports/:space/:modelId/',
      method: ['GET'],
      handler: async (req, res) => {
        const page = await deps.exports.reportPage(params(req).space ?? '', params(req).modelId ?? '');
        if (page) send(res, 200, 'text/html; charset=utf-8', page);
        else send(res, 404, 'text/plain', 'No export of that model yet.');
      },
    },
    {
      path: '/playground/exports/:space/:modelId/:file',
      method: ['GET'],
      handler: async (req, res) => {
        const { space = '', modelId = '', file = '' } = params(req);
        const bytes = await deps.exports.file(space, modelId, file);
        if (bytes) send(res, 200, FILE_TYPES[path.extname(file)] ?? 'application/octet-stream', bytes);
        else send(res, 404, 'text/plain', 'not found');
      },
    },
    { path: '/playground/:file', method: ['GET'], handler: (req, res) => serveStatic(res, params(req).file ?? '') },
  ];

  async function runAction(req: IncomingMessage, res: ServerResponse, op: string) {
    const action = actions[op];
    if (!action) return json(res, 404, { ok: false, error: `unknown action ${op}` });
    // A JSON body needs a CORS preflight, which is never granted: another site open in the same
    // browser cannot act as a person of the playground (a form or text/plain post could).
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return json(res, 415, { ok: false, error: 'The playground API takes JSON (content-type: application/json).' });
    try {
      const body = await readJson(req);
      json(res, 200, await action(body));
    } catch (error) {
      const message = error instanceof z.ZodError ? 'That request is not valid.' : (error as Error).message;
      deps.logger.warn({ err: error, op }, 'playground action failed');
      json(res, 400, { ok: false, error: message.slice(0, 300) });
    }
  }
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) reject(new Error('request too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch {
        reject(new Error('not JSON'));
      }
    });
    req.on('error', reject);
  });
}
