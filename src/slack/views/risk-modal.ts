import type { FormContext } from '../forms/field';
import { RISK_FIELDS } from '../forms/risk-fields';
import { type RiskModalMetadata, VIEWS } from '../ids';
import { fieldBlocks } from './form-blocks';
import type { Modal } from './surfaces';
import { plain, truncate } from './text';

/** The risk review of one threat: the threat, its ratings before and after mitigation, the decision. */
export function riskModal(context: FormContext): Modal {
  const metadata: RiskModalMetadata = { modelId: context.model.id };
  return {
    type: 'modal',
    callback_id: VIEWS.risk,
    private_metadata: JSON.stringify(metadata),
    title: plain('Review a risk', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'context', elements: [plain(`${context.model.id} ${truncate(context.model.title, 100)}`, 2000)] },
      ...fieldBlocks(RISK_FIELDS, context),
    ],
  };
}
