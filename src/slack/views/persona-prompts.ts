import type { KnownBlock } from '@slack/types';
import type { Flow } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';
import { promptsFor } from '../../domain/prompts';
import { ROLE_NAMES, ROLES, type Role } from '../../domain/roles';
import { type Step, stepNumber } from '../../domain/steps';
import { ACTIONS, encodeValue } from '../ids';
import type { SlackMessage } from './surfaces';
import { actions, button, context, mention, section, truncate, userText } from './text';

/** Prompts shown at once: a few at a time, never a wall of messages. */
export const PROMPTS_PER_MESSAGE = 3;

/**
 * One role's prompts for a step, addressed to `to` (by default everyone holding the role; a late
 * arrival's greeting addresses only the newcomers), a few at a time with a "Next" button that
 * shows the following ones in the same message.
 */
export function personaPromptsMessage(
  model: ThreatModel,
  flow: Flow,
  step: Step,
  role: Role,
  offset = 0,
  to: readonly string[] = model.roles[role],
): SlackMessage {
  const prompts = promptsFor(flow, step, role, model);
  const start = Math.min(Math.max(0, offset), Math.max(0, prompts.length - 1));
  const shown = prompts.slice(start, start + PROMPTS_PER_MESSAGE);
  const who = to.map(mention).join(' ');
  const range = prompts.length > 0 ? ` (${start + 1}–${start + shown.length} of ${prompts.length})` : '';
  const lines = shown.map((prompt) => `• ${userText(prompt.text, 700)}`).join('\n');
  const blocks: KnownBlock[] = [
    section(truncate(`${who} *${ROLE_NAMES[role]}* prompts for step ${stepNumber(step)}${range}:\n${lines}`, 3000)),
  ];
  const next = start + PROMPTS_PER_MESSAGE;
  if (next < prompts.length) {
    blocks.push(
      actions(`prompts_${role}`, [
        button('Next prompts', ACTIONS.nextPrompts, encodeValue(model.id, `${step}:${role}:${next}`)),
      ]),
    );
  } else if (prompts.length > PROMPTS_PER_MESSAGE) {
    blocks.push(
      context('That was the last of these prompts. Capture any idea from the thread with *Capture as threat*.'),
    );
  }
  return { text: truncate(`${ROLE_NAMES[role]} prompts for ${model.id}, step ${stepNumber(step)}`, 3000), blocks };
}

/** Roles that have prompts in this step but nobody to answer them: called out once. */
export function unheldRolesMessage(model: ThreatModel, flow: Flow, step: Step): SlackMessage | undefined {
  const missing = ROLES.filter(
    (role) => model.roles[role].length === 0 && promptsFor(flow, step, role, model).length > 0,
  );
  if (missing.length === 0) return undefined;
  const names = missing.map((role) => `*${ROLE_NAMES[role]}*`).join(', ');
  const text = `Nobody holds ${names} yet, so ${missing.length === 1 ? 'its' : 'their'} prompts for step ${stepNumber(step)} wait. Pick someone in the roles message above.`;
  return { text: truncate(text, 3000), blocks: [context(text)] };
}
