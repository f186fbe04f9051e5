import { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import { SlackUserIdSchema } from '../../domain/primitives';
import { HISTORY_PAGE_DETAIL, RoleSchema, ScopeKindSchema, StepSchema, SuggestionsMetadataSchema } from '../ids';
import {
  ActingUser,
  Channel,
  jsonText,
  modelValue,
  SlackToken,
  SourceMessage,
  Team,
  ViewRef,
  ViewStateValues,
} from './payload-fields';
import { told } from './refusals';

/**
 * One schema per block action: exactly the fields its listener reads, as Slack sends them. The
 * edge (./edge-routes) parses every payload with its action's schema before the listener runs.
 */

/** Listeners of block actions take the workspace from `team` (an org-wide install, which sends none, is not supported). */
const Base = {
  type: z.literal('block_actions'),
  user: ActingUser,
  team: Team.unwrap().unwrap(),
  trigger_id: SlackToken,
};
/** A click on a message in a channel: the listener answers privately there. */
const InMessage = { ...Base, channel: Channel, message: SourceMessage.optional() };
/** A click inside a modal: the listener updates that view. */
const InModal = { ...Base, view: ViewRef.extend({ state: z.looseObject({ values: ViewStateValues }) }) };

function blockAction(fields: z.ZodRawShape, action: z.ZodRawShape) {
  return z.looseObject({
    ...fields,
    actions: z.tuple([z.looseObject({ action_id: z.string(), ...action })], z.unknown()),
  });
}

const page = z.string().regex(/^[1-9]\d{0,3}$/);
const elementChoice = z.string().regex(/^[a-z]+:[A-Z]{1,3}-[1-9]\d{0,5}$/);

/** A button whose value names the model (`TM-7`), with an optional detail in the form given. */
export const modelButton = (detail?: z.ZodType<unknown>) => blockAction(InMessage, { value: modelValue(detail) });

export const FinishStepPayload = modelButton(StepSchema);
export const NextPromptsPayload = blockAction(
  { ...InMessage, message: SourceMessage },
  { value: modelValue(z.string().regex(/^[a-z_]+:[a-z_]+:\d{1,4}$/)) },
);
export const ScopeAddPayload = modelButton(ScopeKindSchema);
export const SummaryPagePayload = modelButton(page);
export const SnoozePayload = modelButton(z.enum(['review.1', 'review.3', 'idle.1', 'idle.3']));
export const RiskDecisionPayload = modelButton(z.string().regex(/^T-[1-9]\d{0,5}@\d{4}-\d{2}-\d{2}T[\d:.]+Z$/));
/** "Propose for the catalog" on a read-only list line: `TM-7|T-3` or `TM-7|M-2`. */
export const ProposePayload = modelButton(z.string().regex(/^[TM]-[1-9]\d{0,5}$/));
/** Overflow menus on list lines: `TM-7|<verb>:<element id>`. */
export const ElementMenuPayload = blockAction(InMessage, {
  selected_option: z.looseObject({ value: modelValue(elementChoice) }),
});

/** A role's user picker: at most LIMITS.roleHoldersMax people, which the person is told in so many words. */
export const RolePickerPayload = blockAction(InMessage, {
  block_id: modelValue(RoleSchema),
  selected_users: z
    .array(SlackUserIdSchema)
    .max(1000)
    .superRefine(
      told(
        (users) => users.length <= LIMITS.roleHoldersMax,
        (users) =>
          `At most ${LIMITS.roleHoldersMax} people can hold one role; you picked ${users.length}. Nothing was changed.`,
      ),
    ),
});

export const ReassignPayload = blockAction(InMessage, {
  block_id: modelValue(),
  selected_user: SlackUserIdSchema,
});

export const BaselineAddPayload = blockAction(InModal, {
  value: modelValue(z.string().regex(/^T-[1-9]\d{0,5}:[\w.-]{1,60}$/)),
});
export const SuggestionsPagePayload = blockAction(
  { ...InModal, view: InModal.view.extend({ private_metadata: jsonText(SuggestionsMetadataSchema) }) },
  { value: page },
);
/** A checkbox of the suggestions modal: nothing is read but who and where. */
export const SuggestionTicksPayload = z.looseObject(Base);
/**
 * "Edit settings" in the Home tab: nothing but who, where (the verified team) and the trigger; the
 * button names no workspace, so none can be forged into it.
 */
export const EditSettingsPayload = blockAction(
  { ...Base, view: z.looseObject({ type: z.literal('home') }) },
  { value: z.literal('workspace-settings') },
);
/** Previous / Next in the History modal: `TM-7|<page>:<stream entry id>`. */
export const HistoryPagePayload = blockAction(InModal, { value: modelValue(z.string().regex(HISTORY_PAGE_DETAIL)) });
