import type { JsonObject } from '../../dev/stand-in/json';
import type { EdgeRoute } from '../../src/slack/edge/edge-routes';
import type { Surface } from '../../src/slack/edge/refusals';
import { blockActions, commandFields, eventCallback, type Sender, viewSubmission } from './hand-made-payloads';

/**
 * The fuzz corpus: for every id the app registers (read from its registry, so a new action,
 * form, command or event is covered without touching this file), a payload as Slack would send
 * it, then that payload spoiled one field at a time (missing, null, of the wrong type, huge,
 * hostile text, another workspace's id), plus prototype-polluting keys and foreign workspaces.
 * The base payload comes from someone outside the model's channel, so even a payload the app
 * rightly accepts may not change the model: anything that does is a finding.
 */
export interface FuzzCase {
  /** e.g. `action roles.select.adversary: actions.0.selected_users -> huge`. */
  name: string;
  delivery: 'interaction' | 'command' | 'event';
  body: unknown;
}

/** What the corpus needs from the test: who sends, and fresh trigger ids and response URLs. */
export interface FuzzSetup {
  sender: Sender;
  modelId: string;
  /** A modal the sender has open (actions inside modals point at it). */
  openView: { id: string };
  trigger: () => string;
  responseUrl: () => string;
}

const OTHER_WORKSPACE = 'T0OTHERWS';
const HOSTILE = '\u202Edevorppa\u202C <!channel> <@U0BOB0001> \u0000 {{__proto__}} ../../etc/passwd';

/** Ways to spoil one field; the corpus takes them in turn so every field meets each over the ids. */
const SPOILERS: [string, (value: unknown) => unknown][] = [
  ['missing', () => undefined],
  ['null', () => null],
  ['number', () => 12_345],
  ['array', (value) => [value, value]],
  ['object', () => ({ nested: { deeper: [1, 'two'] } })],
  ['huge', () => 'A'.repeat(50_000)],
  ['hostile', () => HOSTILE],
  ['another workspace', () => OTHER_WORKSPACE],
  ['empty', () => ''],
  ['boolean', () => true],
];

/** Metadata each known modal is opened with; a new modal is fuzzed with the model id alone. */
const METADATA: Record<string, JsonObject> = {
  'scope.element': { kind: 'asset' },
  'threat.suggestions': { page: 1, picked: [] },
};

function basePayload(surface: Surface, id: string, setup: FuzzSetup): Pick<FuzzCase, 'delivery' | 'body'> {
  const { sender, modelId } = setup;
  switch (surface) {
    case 'action':
      return {
        delivery: 'interaction',
        body: {
          ...blockActions(sender, {
            type: 'button',
            action_id: id,
            block_id: `${modelId}|adversary`,
            value: `${modelId}|1`,
            selected_users: [sender.userId],
            selected_user: sender.userId,
            selected_option: { value: `${modelId}|edit:T-1` },
          }),
          trigger_id: setup.trigger(),
          view: {
            id: setup.openView.id,
            callback_id: 'threat.suggestions',
            private_metadata: JSON.stringify({ modelId, page: 1, picked: [] }),
            state: { values: {} },
          },
        },
      };
    case 'view':
      return {
        delivery: 'interaction',
        body: viewSubmission(sender, {
          callback_id: id,
          private_metadata: JSON.stringify({ modelId, ...METADATA[id] }),
          blocks: [{ type: 'input', block_id: 'name', element: { type: 'plain_text_input', action_id: 'name' } }],
          state: { values: { name: { name: { type: 'plain_text_input', value: 'Card data' } } } },
        }),
      };
    case 'command':
      return {
        delivery: 'command',
        body: {
          ...commandFields(sender, id, `status ${modelId}`),
          response_url: setup.responseUrl(),
          trigger_id: setup.trigger(),
        },
      };
    case 'shortcut':
      return {
        delivery: 'interaction',
        body: {
          type: 'message_action',
          callback_id: id,
          trigger_id: setup.trigger(),
          response_url: setup.responseUrl(),
          user: { id: sender.userId, team_id: 'T0WORKSPC' },
          team: { id: 'T0WORKSPC' },
          channel: { id: sender.channelId },
          message: { type: 'message', ts: '1700000000.000100', text: 'Someone could replay the refund call' },
        },
      };
    case 'event':
      return {
        delivery: 'event',
        body: eventCallback(
          { type: id, user: sender.userId, channel: sender.channelId, ts: '1700000000.000100', tab: 'home' },
          `Ev0FUZZ${id.length}`,
        ),
      };
  }
}

/**
 * Fields Slack sends that neither Bolt nor any listener reads: spoiling them proves nothing more
 * than spoiling one of them does, so the corpus (and its run time) leaves them out.
 */
const INERT = new Set([
  'token',
  'api_app_id',
  'enterprise',
  'is_enterprise_install',
  'action_ts',
  'container',
  'name',
  'username',
  'domain',
  'response_urls',
  'event_time',
  'authorizations',
  'team_domain',
  'channel_name',
  'user_name',
]);

/** Every path to a leaf (and to each object on the way), up to `depth` levels down, inert fields aside. */
function paths(value: unknown, depth = 4, prefix: string[] = []): string[][] {
  if (depth === 0 || value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const own = Object.entries(value)
    .filter(([key]) => !INERT.has(key))
    .flatMap(([key, child]) => paths(child, depth - 1, [...prefix, key]));
  return prefix.length ? [prefix, ...own] : own;
}

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/** A deep copy with the field at `path` replaced (or removed when the spoiler gives undefined); undefined when there is no such field's parent. */
function spoiled(body: unknown, path: string[], spoil: (value: unknown) => unknown): unknown {
  const copy: unknown = structuredClone(body);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = isObject(parent) ? Reflect.get(parent, key) : undefined;
  if (!isObject(parent)) return undefined;
  const last = path.at(-1) ?? '';
  const next = spoil(Reflect.get(parent, last));
  if (next === undefined) Reflect.deleteProperty(parent, last);
  else Reflect.set(parent, last, next);
  return copy;
}

/** The body with prototype-polluting keys at the top and in each object below it, as raw JSON carries them. */
function polluted(body: unknown, key: '__proto__' | 'constructor'): unknown {
  const payload = key === '__proto__' ? { polluted: true, isAdmin: true } : { prototype: { polluted: true } };
  const text = JSON.stringify(body).replace(/\{"/g, `{"${key}":${JSON.stringify(payload)},"`);
  return JSON.parse(text);
}

/** The whole corpus for these routes. */
export function fuzzCorpus(routes: readonly EdgeRoute[], setup: FuzzSetup): FuzzCase[] {
  const cases: FuzzCase[] = [];
  let turn = 0;
  for (const route of routes) {
    for (const id of route.ids) {
      // A fresh payload per case: trigger ids and response URLs are single use, as Slack's are.
      const fresh = () => basePayload(route.surface, id, setup);
      const { delivery } = fresh();
      const named = (what: string, body: unknown) =>
        cases.push({ name: `${route.surface} ${id}: ${what}`, delivery, body });
      for (const path of paths(fresh().body)) {
        const [kind, spoil] = SPOILERS[turn++ % SPOILERS.length] ?? ['missing', () => undefined];
        named(`${path.join('.')} -> ${kind}`, spoiled(fresh().body, path, spoil));
      }
      named('__proto__ keys everywhere', polluted(fresh().body, '__proto__'));
      named('constructor.prototype keys everywhere', polluted(fresh().body, 'constructor'));
      for (const path of [['team', 'id'], ['user', 'team_id'], ['team_id']]) {
        const foreign = spoiled(fresh().body, path, () => OTHER_WORKSPACE);
        if (foreign !== undefined) named(`${path.join('.')} of another workspace`, foreign);
      }
    }
  }
  // Ids of no route (an older version's button, form, command, shortcut): the catch-all answers them.
  for (const surface of ['action', 'view', 'command', 'shortcut', 'event'] as const) {
    const retired = surface === 'command' ? '/retired' : 'retired.v0';
    cases.push({ name: `${surface} ${retired}: unknown id`, ...basePayload(surface, retired, setup) });
  }
  return cases;
}
