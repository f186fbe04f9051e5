import type { KnownBlock, SectionBlock } from '@slack/types';
import type { Flow } from '../../domain/flow';
import { flowStep } from '../../domain/flow';
import { LIMITS } from '../../domain/limits';
import type { ThreatModel } from '../../domain/model';
import { stepIntro } from '../../domain/prompts';
import { lastReviewDecision } from '../../domain/review-workflow';
import { ROLE_NAMES, ROLES, type Role } from '../../domain/roles';
import { SCOPE_KIND_NAMES, SCOPE_KINDS } from '../../domain/scope-edits';
import type { ReopenedSteps } from '../../domain/stale-steps';
import type { MissingItem } from '../../domain/step-engine';
import { STEP_NAMES, type Step, stepNumber } from '../../domain/steps';
import { ACTIONS, encodeValue } from '../ids';
import type { SlackMessage } from './surfaces';
import { actions, button, context, mention, plain, section, truncate, userText } from './text';

/** The roles message in the thread: one user picker per persona. */
export function rolesMessage(model: ThreatModel, flow: Flow): SlackMessage {
  return {
    text: `Who plays each role in ${model.id}?`,
    blocks: [
      section(
        '*Who plays each role?* One person may hold several. Everyone picked gets a short brief and the open step’s prompts for their role here.',
      ),
      ...ROLES.map(
        (role): SectionBlock => ({
          type: 'section',
          block_id: encodeValue(model.id, role),
          text: { type: 'mrkdwn', text: `*${ROLE_NAMES[role]}*\n${truncate(flow.roles[role], 180)}` },
          accessory: {
            type: 'multi_users_select',
            action_id: ACTIONS.roleSelect(role),
            max_selected_items: LIMITS.roleHoldersMax,
            placeholder: plain(`Pick the ${ROLE_NAMES[role]}`, 150),
            ...(model.roles[role].length > 0 && { initial_users: model.roles[role] }),
          },
        }),
      ),
    ],
  };
}

/** The greeting for someone just given a role. */
export function roleGreeting(userId: string, role: Role, flow: Flow): SlackMessage {
  const text = `${mention(userId)}, you are the *${ROLE_NAMES[role]}* for this model. ${userText(flow.roles[role], 1500)}`;
  return { text, blocks: [section(text)] };
}

/** A step opening in the thread: its intro, with the scope step's "add" buttons. */
export function stepOpenedMessage(model: ThreatModel, flow: Flow, step: Step): SlackMessage {
  const intro = stepIntro(flow, step, model);
  const header = `*Step ${stepNumber(step)} of 4: ${flowStep(flow, step).title}*`;
  const blocks: KnownBlock[] = [section(`${header}\n${userText(intro, 2800)}`)];
  if (step === 'scope') {
    blocks.push(
      actions(
        'scope_add',
        SCOPE_KINDS.map((kind) =>
          button(`Add ${SCOPE_KIND_NAMES[kind]}`, ACTIONS.scopeAdd(kind), encodeValue(model.id, kind)),
        ),
      ),
    );
  }
  if (step === 'threats') {
    blocks.push(
      actions('threat_add', [
        button('Add threat', ACTIONS.threatAdd, encodeValue(model.id)),
        button('Suggest from catalog', ACTIONS.suggestThreats, encodeValue(model.id)),
        button('Browse by OWASP Top 10', ACTIONS.browseOwaspTop10, encodeValue(model.id)),
        button('STRIDE coverage', ACTIONS.coverage, encodeValue(model.id)),
        // Assumptions surface while threats are found; the same modal as in step 1.
        button('Add assumption', ACTIONS.scopeAdd('assumption'), encodeValue(model.id, 'assumption')),
      ]),
    );
  }
  if (step === 'risk') {
    blocks.push(actions('risk_review', [button('Review a risk', ACTIONS.riskReview, encodeValue(model.id))]));
  }
  if (step === 'mitigations') {
    blocks.push(
      actions('mitigation_add', [
        button('Add mitigation', ACTIONS.mitigationAdd, encodeValue(model.id)),
        button('Not yet addressed', ACTIONS.unaddressed, encodeValue(model.id)),
      ]),
    );
  }
  blocks.push(
    actions('step_finish', [
      button(`Finish step ${stepNumber(step)}`, ACTIONS.finishStep, encodeValue(model.id, step), 'primary'),
    ]),
  );
  return { text: `Step ${stepNumber(step)} of ${model.id}: ${flowStep(flow, step).title}`, blocks };
}

/** Why a step cannot be finished yet. */
export function missingItemsMessage(step: Step, missing: readonly MissingItem[]): SlackMessage {
  const lines = missing.map((item) => `• ${item.message}`).join('\n');
  const text = `Step ${stepNumber(step)} cannot be finished yet:\n${lines}`;
  return { text: truncate(text, 3000), blocks: [section(truncate(text, 3000))] };
}

/**
 * Posted once in the thread when a change broke completed steps: which steps are open again and
 * why, and when the model was in review, that it went back to the team.
 */
export function stepsReopenedMessage(model: ThreatModel, reopened: ReopenedSteps): SlackMessage {
  const names = reopened.steps.map((step) => `step ${stepNumber(step)} (${STEP_NAMES[step]})`);
  const which = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'a step');
  const first = reopened.steps[0];
  const lead = `:leftwards_arrow_with_hook: *${which.charAt(0).toUpperCase()}${which.slice(1)} of ${model.id} ${names.length > 1 ? 'are' : 'is'} open again* after the last change`;
  const why = reopened.reasons.map((reason) => `• ${userText(reason, 400)}`).join('\n');
  const next = first ? `Pick up at step ${stepNumber(first)}.` : '';
  const review = reopened.backToTeam ? '\nThe review goes back to the team: changes made during review.' : '';
  const text = truncate(`${lead}:\n${why}\n${next}${review}`, 3000);
  return { text, blocks: [section(text)] };
}

/** A short notice in the thread or to one user. */
export function notice(text: string): SlackMessage {
  return { text: truncate(text, 3000), blocks: [section(truncate(text, 3000))] };
}

/** Posted in the model's thread when AppSec requests changes: the reviewer's comments, quoted, to the owner. */
export function changesRequestedMessage(model: ThreatModel, by: string, comment: string): SlackMessage {
  const quoted = userText(comment.trim(), 2500).replace(/\n/g, '\n>');
  return notice(
    `${mention(model.ownerId)}, ${mention(by)} requested changes to *${model.id}*:\n>${quoted}\n` +
      'Answer here, make the changes, then request the review again from the card.',
  );
}

/**
 * Posted in the model's thread when AppSec approves it: who approved, their comment and the
 * follow-up actions they asked for (as recorded in the review history's last approval).
 */
export function approvedMessage(model: ThreatModel): SlackMessage {
  const last = lastReviewDecision(model);
  const approval = last?.type === 'approved' ? last : undefined;
  const by = approval?.by ?? '';
  const lines = [`:white_check_mark: ${mention(by)} approved *${model.id}*. Well done, ${mention(model.ownerId)}!`];
  if (approval?.comment) lines.push(`>${userText(approval.comment, 1500).replace(/\n/g, '\n>')}`);
  const followUps = approval?.followUps ?? [];
  if (followUps.length > 0) {
    lines.push(`*Follow-up actions*\n${followUps.map((item) => `• ${userText(item, 300)}`).join('\n')}`);
  }
  const text = truncate(lines.join('\n'), 3000);
  return { text, blocks: [section(text)] };
}

/** Shown when someone finishes a step. */
export function stepCompletedMessage(userId: string, message: string): SlackMessage {
  const text = `${mention(userId)}: ${message}`;
  return { text, blocks: [context(text)] };
}

/** Posted in the thread when someone adds or changes a threat, so the team sees it. */
export function threatSavedMessage(userId: string, threatId: string, sentence: string, edited: boolean): SlackMessage {
  const text = `${mention(userId)} ${edited ? 'changed' : 'added'} *${threatId}*: ${userText(sentence, 1500)}`;
  return { text: truncate(text, 3000), blocks: [section(truncate(text, 3000))] };
}
