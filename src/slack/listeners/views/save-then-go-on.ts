import type { AckFn, ViewResponseAction } from '@slack/bolt';
import type { ThreatModel } from '../../../domain/model';
import type { UseCaseOutcome } from '../../../use-cases/outcome';
import type { SlackServices } from '../../deps';
import type { ViewState } from '../../forms/form-values';
import { chosenNextForm, type NextForm, picksWhatWasSaved } from '../../forms/next-form';
import { tellInModelThread } from '../../presenters/in-model-thread';
import { noticeModal } from '../../views/notice-modal';
import type { Modal } from '../../views/surfaces';
import { nextFormModal } from './next-form-modal';

export interface SaveThenGoOn<T extends { model: ThreatModel }> {
  ack: AckFn<ViewResponseAction> | AckFn<void>;
  state: ViewState;
  /** The model as the submission was checked against, and who submitted. */
  model: ThreatModel;
  userId: string;
  /** Which form this is, what it offers to go on to, and the field a refused save is shown on. */
  current: NextForm;
  offered: readonly NextForm[];
  errorField: string;
  save: () => Promise<UseCaseOutcome<T>>;
  /** What the thread is told once saved. */
  announce: (saved: { ok: true } & T) => void;
}

/**
 * The end of a form that adds something. Nothing picked under "After saving": acknowledge at once
 * (the modal closes) and save after the ack. A form picked is the answer, in place of this one: no
 * `views.open`, no trigger. When it can pick what this form adds (picksWhatWasSaved), the save
 * comes first and the form is rendered from the saved model; a refused save is then shown inline.
 * Otherwise the form is rendered from the model as checked and the save follows the ack, as when
 * the modal closes.
 */
export async function saveThenGoOn<T extends { model: ThreatModel }>(
  services: SlackServices,
  submission: SaveThenGoOn<T>,
): Promise<void> {
  const ack = submission.ack as AckFn<ViewResponseAction>;
  const next = chosenNextForm(submission.state, submission.offered);
  if (!next || !picksWhatWasSaved(submission.current, next)) {
    const view = next && nextFormModal(services, next, submission.model);
    await (view ? ack({ response_action: 'update', view: answerView(view) }) : ack());
    await services.afterAck.run(async () => {
      const saved = await submission.save();
      if (!saved.ok) return tellInModelThread(services, submission.model, submission.userId, saved.message);
      submission.announce(saved);
    });
    return;
  }
  let saved: UseCaseOutcome<T>;
  try {
    saved = await submission.save();
  } catch (error) {
    // Closed first: the error handler then tells the person, as for a save after the ack.
    await ack();
    throw error;
  }
  if (!saved.ok) {
    await ack({ response_action: 'errors', errors: { [submission.errorField]: saved.message } });
    return;
  }
  await ack({ response_action: 'update', view: answerView(nextFormModal(services, next, saved.model)) });
  await services.afterAck.run(async () => submission.announce(saved));
}

/** The next form, or a note saying why it cannot open yet. */
const answerView = (view: Modal | string): Modal => (typeof view === 'string' ? noticeModal(`Saved. ${view}`) : view);
