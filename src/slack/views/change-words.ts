import { ROLE_NAMES, RoleSchema } from '../../domain/roles';
import { SCOPE_KIND_NAMES, SCOPE_KINDS, SCOPE_LISTS } from '../../domain/scope-edits';
import { STEP_NAMES, StepSchema, stepNumber } from '../../domain/steps';
import { mention } from './text';

/** What the audit trail records of one change (the store's AuditEntry has these fields). */
export interface RecordedChange {
  actor: string;
  action: string;
  paths: readonly string[];
}

/**
 * One audit-trail entry as a sentence for people: "<@U…> added threat T-3". The trail records an
 * action name and the paths that changed (`threats[T-3].risk`); the element ids come from the
 * paths, so an entry needs no more than the trail holds. An action this file does not know yet is
 * shown by its name, never dropped.
 */
export function changeInWords(entry: RecordedChange): string {
  const who = entry.actor === 'system' ? 'Threadmodel' : mention(entry.actor);
  return `${who} ${actionInWords(entry.action, entry.paths)}`;
}

const FIXED: Readonly<Record<string, string>> = {
  'model.create': 'started the model',
  'model.thread': "opened the model's thread",
  'model.abandon': 'abandoned the model (its thread could not be posted)',
  'model.archive_idle': 'archived the idle draft',
  'model.reuse': 'brought in an exported model',
  'model.revise': 'opened a new version of the approved model',
  'review.request': 'requested an AppSec review',
  'review.assigned': 'assigned the review',
  'review.claimed': 'took the review',
  'review.reassigned': 'reassigned the review',
  'review.approve': 'approved the model',
  'review.request_changes': 'requested changes',
  'mitigation.backlog': 'linked backlog issues',
};

const RISK_WORDS: Readonly<Record<string, string>> = {
  rate: 'rated the risk of',
  mitigate: 'decided to mitigate',
  accept: 'accepted the risk of',
  transfer: 'transferred the risk of',
  avoid: 'decided to avoid',
};

function actionInWords(action: string, paths: readonly string[]): string {
  const fixed = FIXED[action];
  if (fixed) return fixed;
  const [area, first, second] = action.split('.');
  const threats = idsIn(paths, 'threats');
  const mitigations = idsIn(paths, 'mitigations');
  switch (area) {
    case 'threat':
      return threatWords(first, threats);
    case 'mitigation':
      return mitigationWords(first, mitigations);
    case 'scope':
      return scopeWords(first, second, paths);
    case 'roles': {
      const role = RoleSchema.safeParse(first);
      if (role.success) return `changed who holds the ${ROLE_NAMES[role.data]} role`;
      break;
    }
    case 'step': {
      const step = StepSchema.safeParse(first);
      if (step.success && second === 'complete')
        return `finished step ${stepNumber(step.data)} (${STEP_NAMES[step.data]})`;
      break;
    }
    case 'risk':
      return riskWords(first, second, threats);
    case 'catalog':
      if (first === 'propose') {
        const items = idsIn(paths, 'catalogProposals');
        return `proposed ${items.length > 0 ? items.join(', ') : 'an item'} for the catalog`;
      }
      break;
  }
  return `made a change (${code(action)})`;
}

function threatWords(verb: string | undefined, ids: string[]): string {
  const which = listed('threat', ids);
  if (verb === 'add') return `added ${which}`;
  if (verb === 'edit') return `edited ${which}`;
  if (verb === 'remove') return `removed ${which}`;
  if (verb === 'add_from_catalog') return `added ${which} from the catalog`;
  return `changed ${which}`;
}

function mitigationWords(verb: string | undefined, ids: string[]): string {
  const which = listed('mitigation', ids);
  if (verb === 'add') return `added ${which}`;
  if (verb === 'edit') return `edited ${which}`;
  if (verb === 'remove') return `removed ${which}`;
  if (verb === 'adopt_baseline') return `adopted a baseline control as ${which}`;
  return `changed ${which}`;
}

function scopeWords(kind: string | undefined, verb: string | undefined, paths: readonly string[]): string {
  const known = SCOPE_KINDS.find((k) => k === kind);
  if (!known) return 'changed the scope';
  const name = SCOPE_KIND_NAMES[known];
  const ids = idsIn(paths, `scope.${SCOPE_LISTS[known]}`);
  const which = ids.length > 0 ? `${name} ${ids.join(', ')}` : `a ${name}`;
  if (verb === 'add') return `added ${which}`;
  if (verb === 'edit') return `edited ${which}`;
  if (verb === 'remove') return `removed ${which}`;
  return `changed ${which}`;
}

function riskWords(type: string | undefined, outcome: string | undefined, ids: string[]): string {
  const which = ids.length > 0 ? ids.join(', ') : 'a threat';
  const decision = type === 'accept' ? 'accepting' : type === 'transfer' ? 'transferring' : type;
  if (outcome === 'proposed') return `proposed ${decision} the risk of ${which}`;
  if (outcome === 'accepted') return `agreed to ${decision} the risk of ${which}`;
  if (outcome === 'declined') return `declined ${decision} the risk of ${which}`;
  return `${RISK_WORDS[type ?? ''] ?? 'reviewed the risk of'} ${which}`;
}

/** `threat T-3`, `threats T-4, T-5`, or `a threat` when the paths name none. */
function listed(noun: string, ids: string[]): string {
  if (ids.length === 0) return `a ${noun}`;
  return `${noun}${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`;
}

/** The ids of a list's items that changed: `threats[T-3].risk` → T-3, once each, in order. */
function idsIn(paths: readonly string[], list: string): string[] {
  const prefix = `${list}[`;
  const ids = paths.flatMap((path) => {
    if (!path.startsWith(prefix)) return [];
    const id = path.slice(prefix.length, path.indexOf(']'));
    return /^[A-Z]{1,3}-\d{1,6}$/.test(id) ? [id] : [];
  });
  return [...new Set(ids)];
}

/** An action name as Slack code; action names are ours (dots, letters, underscores). */
function code(action: string): string {
  return `\`${action.replace(/[^\w.-]/g, '').slice(0, 80)}\``;
}
