import type { Flow } from '../../domain/flow';
import { accepterName } from '../../domain/risk';
import type { FormContext } from '../forms/field';
import { NEXT_AFTER } from '../forms/next-form';
import { RISK_FIELDS } from '../forms/risk-fields';
import { type RiskModalMetadata, VIEWS } from '../ids';
import { fieldBlocks } from './form-blocks';
import { nextFormBlocks } from './next-form-blocks';
import type { Modal } from './surfaces';
import { context as contextBlock, plain, truncate } from './text';

/** The rules in a line: what the appetite accepts, and who may accept what lies above it. */
function rulesLine(flow: Flow): string {
  const { appetite } = flow.risk;
  return (
    `The risk after mitigation is what counts: up to *${appetite}* it is within the appetite. ` +
    `Above it, a high risk is accepted, transferred or avoided by ${accepterName(flow, 'high')}, ` +
    `a critical one by ${accepterName(flow, 'critical')} (anyone else proposes it, and they are asked). ` +
    'A lower rating after mitigation needs a mitigation for the threat.'
  );
}

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
      ...(context.flow ? [contextBlock(rulesLine(context.flow))] : []),
      ...fieldBlocks(RISK_FIELDS, context),
      ...nextFormBlocks(NEXT_AFTER.risk, 'risk', context),
    ],
  };
}
