import type { ActionsBlock } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import type { ReminderKind } from '../../ports/job-payloads';
import { ACTIONS, encodeValue } from '../ids';
import { age, slackDate } from './slack-dates';
import type { SlackMessage } from './surfaces';
import { actions, button, mention, section, truncate, userLine } from './text';

function snoozeButtons(model: ThreatModel, kind: ReminderKind): ActionsBlock {
  return actions(
    'snooze',
    [1, 3].map((days) =>
      button(
        `Snooze ${days} day${days === 1 ? '' : 's'}`,
        ACTIONS.snooze(days),
        encodeValue(model.id, `${kind}.${days}`),
      ),
    ),
  );
}

/** A DM to the reviewer of an overdue review. */
export function reviewNudgeMessage(
  model: ThreatModel,
  dueAt: string,
  now: Date,
  permalink: string | undefined,
): SlackMessage {
  const text = truncate(
    `:alarm_clock: The AppSec review of *${model.id}* ${userLine(model.title, 200)} was due ${slackDate(dueAt)} ` +
      `(${age(dueAt, now)} ago).${permalink ? ` <${permalink}|Open the model's thread>` : ''}`,
    3000,
  );
  return { text, blocks: [section(text), snoozeButtons(model, 'review')] };
}

/** Told in the AppSec channel when a review stays overdue. */
export function escalationMessage(model: ThreatModel, reviewerId: string, dueAt: string, now: Date): SlackMessage {
  const text = truncate(
    `:rotating_light: The review of *${model.id}* ${userLine(model.title, 200)} by ${mention(reviewerId)} is overdue ` +
      `since ${slackDate(dueAt)} (${age(dueAt, now)}). Can someone help or reassign it?`,
    3000,
  );
  return { text, blocks: [section(text)] };
}

/** In the thread of a stalled draft: the owner, and after a few nudges the role holders too. */
export function draftIdleMessage(model: ThreatModel, mentions: readonly string[], now: Date): SlackMessage {
  const who = mentions.map(mention).join(' ');
  const text = truncate(
    `${who} *${model.id}* has not changed for ${age(model.updatedAt, now)}. ` +
      'Pick it up where you left it, or snooze this reminder.',
    3000,
  );
  return { text, blocks: [section(text), snoozeButtons(model, 'idle')] };
}

/** What a nudge shows once snoozed: the buttons go, the new time stays. */
export function snoozedMessage(until: Date): SlackMessage {
  const text = `:zzz: Snoozed until ${slackDate(until)}.`;
  return { text, blocks: [section(text)] };
}
