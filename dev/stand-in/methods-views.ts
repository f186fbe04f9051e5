/** views.* methods of the stand-in: trigger ids, modal stacks, hashes, Home tabs. */
import { blockKitProblems, type Surface, slackErrorFor } from './block-kit-rules';
import { isObject, type JsonObject } from './json';
import { arg, fail, type MethodCall, type MethodHandler } from './method-types';
import type { StandInStore } from './stand-in-store';

/** The view argument checked against Block Kit rules: the view object, or Slack's error reply. */
function validView(store: StandInStore, method: string, surface: Surface, view: unknown): JsonObject {
  if (!isObject(view))
    return fail('invalid_arguments', { response_metadata: { messages: ['view: required JSON object'] } });
  const problems = blockKitProblems(surface, view);
  if (problems.length === 0) return view;
  store.recordViolation(method, problems);
  return fail(slackErrorFor(surface, problems), { response_metadata: { messages: problems } });
}

function isRefusal(result: JsonObject): boolean {
  return result.ok === false;
}

function open({ store, args }: MethodCall): JsonObject {
  const view = validView(store, 'views.open', 'modal', args.view);
  if (isRefusal(view)) return view;
  if (store.views.externalIdTaken(view)) return fail('duplicate_external_id');
  const trigger = store.useTrigger(args.trigger_id);
  if ('error' in trigger) return fail(trigger.error);
  return { ok: true, view: store.views.open(trigger.userId, view) };
}

function push({ store, args }: MethodCall): JsonObject {
  const view = validView(store, 'views.push', 'modal', args.view);
  if (isRefusal(view)) return view;
  if (store.views.externalIdTaken(view)) return fail('duplicate_external_id');
  const trigger = store.useTrigger(args.trigger_id);
  if ('error' in trigger) return fail(trigger.error);
  const pushed = store.views.push(trigger.userId, view);
  if (pushed === undefined) return fail('not_found');
  if (pushed === 'push_limit_reached') return fail(pushed);
  return { ok: true, view: pushed };
}

function update({ store, args }: MethodCall): JsonObject {
  const viewId = arg(args, 'view_id');
  const existing = viewId !== '' ? store.views.byId(viewId) : store.views.byExternalId(arg(args, 'external_id'));
  if (!existing) return fail('not_found');
  const hash = arg(args, 'hash');
  if (hash !== '' && hash !== existing.hash) return fail('hash_conflict');
  const view = validView(store, 'views.update', existing.type, args.view);
  if (isRefusal(view)) return view;
  if (store.views.externalIdTaken(view, existing.id)) return fail('duplicate_external_id');
  return { ok: true, view: store.views.update(existing, view) };
}

function publish({ store, args }: MethodCall): JsonObject {
  const userId = arg(args, 'user_id');
  if (!store.user(userId)) return fail('user_not_found');
  const hash = arg(args, 'hash');
  const existing = store.views.home(userId);
  if (hash !== '' && existing && hash !== existing.hash) return fail('hash_conflict');
  const view = validView(store, 'views.publish', 'home', args.view);
  if (isRefusal(view)) return view;
  return { ok: true, view: store.views.publish(userId, view) };
}

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
