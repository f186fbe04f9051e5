import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, CustomRoute } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { SlackCredentials } from '../config';
import { boltLogger, type Logger } from '../logger';
import type { HttpRoute } from '../ops/http-route';
import { startOpsServer, stopOpsServer } from '../ops/ops-server';
import type { AckMetrics } from '../ports/metrics';
import { type BotIdentity, learnBotIdentity, learnedAuthorization } from './bot-identity';
import type { SlackServices } from './deps';
import { CheckedApp } from './edge/checked-app';
import type { EdgeRoutes } from './edge/edge-routes';
import {
  type HomeWorkspace,
  type RequestContext,
  SLACK_FILES_ORIGIN,
  SLACK_RESPONSE_ORIGIN,
} from './edge/edge-settings';
import { globalErrorHandler } from './error-handler';
import type { Installations } from './installations';
import { registerListeners } from './listeners';
import { oauthOptions } from './oauth-options';
import { answerViewSubmissionsOnce } from './view-submissions-once';
import { inWorkspace } from './workspace-scope';

export interface SlackAppOptions {
  credentials: SlackCredentials;
  /** HTTP port for Slack requests and health routes (Socket Mode: health routes only). 0 = any free port. */
  port: number;
  /** The interface to listen on; every interface when unset. */
  host?: string;
  /** The process's logger (Bolt logs through it too). */
  logger: Logger;
  /** Everything the listeners use, ready-made by the composition root. */
  services: SlackServices;
  /** The operators' routes served beside Slack's: /healthz, /readyz and, unless it has a port of its own, /metrics. */
  opsRoutes: HttpRoute[];
  /** Where the time to each ack is reported. */
  metrics?: AckMetrics;
  /** Retries of Bolt's own Web API client; the listeners call Slack through `services.client`. */
  retryConfig: RetryOptions;
  /** More HTTP routes beside Slack's and the health routes (the playground's page and API). */
  extraRoutes?: CustomRoute[];
  /** OAuth mode: the installations (Bolt authorises each request with its workspace's). */
  installations?: Installations;
  /** OAuth mode: the bot scopes an install asks for (the manifest's). */
  botScopes?: readonly string[];
}

export interface SlackApp {
  app: App;
  /** HTTP (Slack's requests come to /slack/events) or Socket Mode. */
  mode: SlackCredentials['mode'];
  services: SlackServices;
  /** Every id the app answers, with the schema its payloads must pass (the fuzz test sends to each). */
  routes: EdgeRoutes;
  /** Starts listening; resolves to the port it listens on. */
  start(): Promise<number>;
  /** Stops taking requests and waits for the listeners still working after their ack. */
  stop(): Promise<void>;
  /** Resolves once every listener still working after its ack, and every card refresh, is done. */
  idle(): Promise<void>;
}

/**
 * The Bolt app: HTTP mode (`POST /slack/events` for commands, interactivity and events) or Socket
 * Mode when an app token is configured, with the same listeners either way, plus the operators'
 * routes (`/healthz`, `/readyz`, `/metrics`). Bolt verifies request signatures and refuses stale timestamps in HTTP mode.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { credentials, services } = options;
  const logger = options.logger.child({ component: 'slack' });
  const customRoutes = [...options.opsRoutes, ...(options.extraRoutes ?? [])];
  // Who the token belongs to, learned once in start(): every request is authorised with it (no
  // auth.test per request), and payloads from any other workspace are refused at the edge.
  let identity: BotIdentity | undefined;
  const { installations } = options;
  if (credentials.mode === 'oauth' && !installations) throw new Error('OAuth mode needs the installations');
  const clientOptions = {
    ...(credentials.apiUrl && { slackApiUrl: credentials.apiUrl }),
    retryConfig: options.retryConfig,
  };
  const common = {
    // No listener keeps conversation state, and Bolt's in-memory store costs every request an Error.
    convoStore: false as const,
    logger: boltLogger(options.logger),
    extendedErrorHandler: true,
    clientOptions,
  };
  // The token is checked in start(), where a failure can say clearly what is wrong; Bolt's own
  // check at construction would reject a promise nobody awaits.
  const learned = () => learnedAuthorization(credentials.mode === 'oauth' ? '' : credentials.botToken, () => identity);
  const app =
    credentials.mode === 'oauth' && installations
      ? new CheckedApp(
          {
            ...common,
            signingSecret: credentials.signingSecret,
            customRoutes,
            // Bolt's OAuth: /slack/install and /slack/oauth_redirect; its authorize reads each
            // request's installation from `installations` (no request of an uninstalled workspace runs).
            ...oauthOptions(credentials, installations, services.idempotency, options.botScopes ?? [], clientOptions),
          },
          logger,
          options.metrics,
        )
      : credentials.mode === 'socket'
        ? new CheckedApp(
            { ...common, authorize: learned(), socketMode: true, appToken: credentials.appToken },
            logger,
            options.metrics,
          )
        : new CheckedApp(
            { ...common, authorize: learned(), signingSecret: credentials.signingSecret, customRoutes },
            logger,
            options.metrics,
          );
  answerViewSubmissionsOnce(app, services.idempotency, logger);
  let healthServer: Server | undefined;

  // Listeners keep working after their ack; track them so stop() and tests can wait for them.
  const inFlight = new Set<Promise<void>>();
  const onError = globalErrorHandler(services.client, logger);
  app.use(async (args) => {
    const { body, next, context } = args;
    const b = body as {
      type?: string;
      command?: string;
      view?: { callback_id?: string };
      actions?: { action_id?: string }[];
    };
    logger.debug(
      {
        type: b.type ?? 'command',
        command: b.command,
        callbackId: b.view?.callback_id,
        actionId: b.actions?.[0]?.action_id,
      },
      'slack request',
    );
    // A listener's failure is handled here, inside the tracked work, so that whoever waits for
    // the app to be idle also waits for the user to be told.
    const respond = 'respond' in args ? args.respond : undefined;
    const workspaceId = context.teamId;
    // OAuth mode: a workspace served by its organisation's org-wide install is noted, so its
    // background work (jobs, refreshes) finds the organisation's token.
    if (installations && workspaceId && context.isEnterpriseInstall && context.enterpriseId) {
      await installations.linkMember(workspaceId, context.enterpriseId);
    }
    // The listener, and all it starts after its ack, calls Slack with this request's token.
    const run = () => next().catch((error: unknown) => onError({ error: error as Error, body, respond }));
    const work = workspaceId
      ? inWorkspace({ workspaceId, ...(context.botToken && { botToken: context.botToken }) }, run)
      : run();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  const standIn = credentials.apiUrl ? [new URL(credentials.apiUrl).origin] : [];
  const responseOrigins = [SLACK_RESPONSE_ORIGIN, ...standIn];
  const routes = registerListeners(app, services, {
    client: services.client,
    logger,
    home: (context) => (credentials.mode === 'oauth' ? installedWorkspace(context) : identity?.home),
    responseOrigins,
    fileOrigins: [SLACK_FILES_ORIGIN, ...standIn],
  });
  app.error(onError); // anything that fails outside a listener

  return {
    app,
    mode: credentials.mode,
    services,
    routes,
    async start() {
      // OAuth mode has no token of its own: each request brings its installation's.
      if (credentials.mode !== 'oauth') identity = await learnBotIdentity(services.client, credentials.apiUrl);
      if (credentials.mode === 'socket') {
        const health = await startOpsServer(customRoutes.map(asHttpRoute), options.port, options.host);
        healthServer = health.server;
        await app.start();
        return health.port;
      }
      const started = (await app.start({ port: options.port, ...(options.host && { host: options.host }) })) as Server;
      return (started.address() as AddressInfo).port;
    },
    async stop() {
      await app.stop();
      if (healthServer) await stopOpsServer(healthServer);
      await Promise.all(inFlight);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
      await services.refresher.idle();
    },
  };
}

/**
 * OAuth mode: the workspace whose installation authorised the request (Bolt's context): payloads
 * must come from it, or from its organisation when it is installed org-wide.
 */
function installedWorkspace(context: RequestContext): HomeWorkspace {
  // An empty id matches no payload: without an installation's ids, nothing passes.
  if (context.isEnterpriseInstall) return { teamId: '', enterpriseId: context.enterpriseId ?? '' };
  return { teamId: context.teamId ?? '' };
}

/** A Bolt custom route for the ops server (Socket Mode has no Bolt HTTP server to serve it). */
function asHttpRoute(route: CustomRoute | HttpRoute): HttpRoute {
  return {
    path: route.path,
    method: [route.method].flat(),
    handler: (req, res) => route.handler(Object.assign(req, { params: {} }), res),
  };
}
