import type { Mitigation } from '../../domain/mitigation';
import type { FormContext } from '../forms/field';
import { MITIGATION_FIELDS } from '../forms/mitigation-fields';
import { NEXT_AFTER } from '../forms/next-form';
import { type MitigationModalMetadata, VIEWS } from '../ids';
import { fieldBlocks } from './form-blocks';
import { nextFormBlocks } from './next-form-blocks';
import { responsibilityBlocks } from './responsibility-messages';
import type { Modal } from './surfaces';
import { plain, truncate } from './text';

/** The form's values for an existing mitigation (references one per line, the deviation split). */
function formValues(mitigation: Mitigation): Record<string, unknown> {
  return {
    ...mitigation,
    references: mitigation.references.join('\n'),
    deviationReason: mitigation.deviation?.reason,
    deviationExplanation: mitigation.deviation?.explanation,
  };
}

/** The modal to add a mitigation, or to edit one. */
export function mitigationModal(context: FormContext, existing?: Mitigation): Modal {
  const metadata: MitigationModalMetadata = {
    modelId: context.model.id,
    ...(existing && { mitigationId: existing.id }),
  };
  return {
    type: 'modal',
    callback_id: VIEWS.mitigation,
    private_metadata: JSON.stringify(metadata),
    title: plain(existing ? `Edit ${existing.id}` : 'Add mitigation', 24),
    submit: plain(existing ? 'Save' : 'Add', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'context', elements: [plain(`${context.model.id} ${truncate(context.model.title, 100)}`, 2000)] },
      ...responsibilityBlocks(context.model, context.catalog),
      ...fieldBlocks(MITIGATION_FIELDS, context, existing && formValues(existing)),
      ...(existing ? [] : nextFormBlocks(NEXT_AFTER.mitigation, 'mitigation', context)),
    ],
  };
}
