import type { FormContext } from '../forms/field';
import { MITIGATION_FIELDS } from '../forms/mitigation-fields';
import { type MitigationModalMetadata, VIEWS } from '../ids';
import { fieldBlocks } from './form-blocks';
import { plain, truncate } from './text';

/** The modal to add a mitigation. */
export function mitigationModal(context: FormContext): Record<string, unknown> {
  const metadata: MitigationModalMetadata = { modelId: context.model.id };
  return {
    type: 'modal',
    callback_id: VIEWS.mitigation,
    private_metadata: JSON.stringify(metadata),
    title: plain('Add mitigation', 24),
    submit: plain('Add', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'context', elements: [plain(`${context.model.id} ${truncate(context.model.title, 100)}`, 2000)] },
      ...fieldBlocks(MITIGATION_FIELDS, context),
    ],
  };
}
