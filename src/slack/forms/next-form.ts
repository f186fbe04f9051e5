import { z } from 'zod';
import { SCOPE_KIND_NAMES, SCOPE_KINDS, type ScopeKind } from '../../domain/scope-edits';
import type { Field } from './field';
import { rawValues, type ViewState } from './form-values';

/**
 * "After saving": the form a person goes on to from the one they submit, picked in the form
 * itself. The next form replaces the saved one in the same modal (`response_action: update`),
 * which costs no Slack call: no `views.open`, whose per-workspace budget (Tier 4) a whole
 * workshop opening a modal per click would spend, and no trigger to expire.
 */
export const NEXT_FORMS = [...SCOPE_KINDS, 'threat', 'mitigation', 'risk'] as const;
export type NextForm = (typeof NEXT_FORMS)[number];
const NextFormSchema = z.enum(NEXT_FORMS);

export const isScopeForm = (next: NextForm): next is ScopeKind => (SCOPE_KINDS as readonly string[]).includes(next);

/** What each form offers next: more of the same, and what usually follows it in the step. */
export const NEXT_AFTER = {
  scope: SCOPE_KINDS,
  threat: ['threat', 'risk', 'mitigation'],
  mitigation: ['mitigation', 'risk'],
  risk: ['risk', 'mitigation'],
} as const satisfies Record<string, readonly NextForm[]>;

function label(next: NextForm, same: boolean): string {
  if (next === 'risk') return same ? 'review another risk' : 'review a risk';
  const noun = isScopeForm(next) ? SCOPE_KIND_NAMES[next] : next;
  if (same) return `add another ${noun}`;
  return `add ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Whether the next form can pick what the current one saves, and so must be rendered from the
 * saved model: another kind of scope element (an entry point on the new component, a data flow
 * from it), or a threat's risk and mitigation. Otherwise the next form is the same whether or not
 * the save has landed, and is answered at once, the save following after the ack.
 */
export function picksWhatWasSaved(current: NextForm, next: NextForm): boolean {
  if (isScopeForm(current)) return isScopeForm(next) && next !== current;
  return current === 'threat' && next !== 'threat';
}

/** The form's "After saving" field (optional: left empty, saving closes the modal). */
export function nextFormField(offered: readonly NextForm[], current: NextForm): Field {
  return {
    name: 'afterSaving',
    label: 'After saving',
    type: 'select',
    optional: true,
    placeholder: 'close this form',
    hint: 'Go straight on to another form, without a click on the card.',
    choices: () => offered.map((next) => ({ text: label(next, next === current), value: next })),
  };
}

/** The form picked to go on to, if any and if the form offered it. */
export function chosenNextForm(state: ViewState, offered: readonly NextForm[]): NextForm | undefined {
  const raw = rawValues([nextFormField(offered, offered[0] ?? 'threat')], state).afterSaving;
  const parsed = NextFormSchema.safeParse(raw);
  return parsed.success && offered.includes(parsed.data) ? parsed.data : undefined;
}
