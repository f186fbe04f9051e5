import type { ThreatInput } from '../../domain/threat-edits';
import type { FormContext } from '../forms/field';
import { NEXT_AFTER, type NextForm } from '../forms/next-form';
import { THREAT_FIELDS } from '../forms/threat-fields';
import { type ThreatModalMetadata, VIEWS } from '../ids';
import { fieldBlocks } from './form-blocks';
import { nextFormBlocks } from './next-form-blocks';
import type { Modal } from './surfaces';
import { plain, section, truncate, userText } from './text';

export interface ThreatModalState {
  threatId?: string;
  /** Values to show (an existing threat, or what was just submitted for preview). */
  values?: ThreatInput;
  /** The sentence the values make, shown before saving. */
  preview?: string;
  /** Fingerprint of the values previewed: submitting them unchanged saves. */
  previewed?: string;
  /** Permalink of the thread message the threat is captured from. */
  capturedFrom?: string;
  /** The form picked to go on to after saving (kept across the preview). */
  goOnTo?: NextForm;
}

/**
 * The threat modal. The first submission shows the sentence the grammar makes; submitting it
 * unchanged saves it, and changing any field shows the new sentence first.
 */
export function threatModal(context: FormContext, state: ThreatModalState = {}): Modal {
  const metadata: ThreatModalMetadata = {
    modelId: context.model.id,
    ...(state.threatId && { threatId: state.threatId }),
    ...(state.previewed && { previewed: state.previewed }),
    ...(state.capturedFrom && { capturedFrom: state.capturedFrom }),
  };
  const preview = state.preview
    ? [
        section(`*The threat reads:*\n>${userText(state.preview, 1500)}`),
        { type: 'context', elements: [plain('Save it as it is, or change a field and see the new sentence.', 2000)] },
      ]
    : [{ type: 'context', elements: [plain('You will see the sentence these parts make before it is saved.', 2000)] }];
  const captured = state.capturedFrom
    ? [
        {
          type: 'context',
          elements: [plain("Captured from a message in the thread; it stays linked as the threat's origin.", 2000)],
        },
      ]
    : [];
  return {
    type: 'modal',
    callback_id: VIEWS.threat,
    private_metadata: JSON.stringify(metadata),
    title: plain(state.threatId ? `Edit ${state.threatId}` : 'Add threat', 24),
    submit: plain(state.preview ? 'Save threat' : 'Preview', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'context', elements: [plain(`${context.model.id} ${truncate(context.model.title, 100)}`, 2000)] },
      ...captured,
      ...preview,
      ...fieldBlocks(THREAT_FIELDS, context, state.values),
      ...(state.threatId ? [] : nextFormBlocks(NEXT_AFTER.threat, 'threat', context, state.goOnTo)),
    ],
  };
}
