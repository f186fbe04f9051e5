import type { ThreatModel } from '../../../domain/model';
import { threatFormRefusal } from '../../../use-cases/model-access';
import { mitigationFormRefusal } from '../../../use-cases/open-mitigation-form';
import { riskReviewRefusal } from '../../../use-cases/open-risk-review';
import type { SlackServices } from '../../deps';
import { isScopeForm, type NextForm } from '../../forms/next-form';
import { missingPrerequisite } from '../../forms/scope-fields';
import { mitigationModal } from '../../views/mitigation-modal';
import { riskModal } from '../../views/risk-modal';
import { scopeElementModal } from '../../views/scope-element-modal';
import type { Modal } from '../../views/surfaces';
import { threatModal } from '../../views/threat-modal';

/** The form to go on to, as its button would open it on the saved model, or why it cannot open yet. */
export function nextFormModal(services: SlackServices, next: NextForm, model: ThreatModel): Modal | string {
  const context = { model, catalog: services.catalog, flow: services.flow };
  if (isScopeForm(next)) return missingPrerequisite(next, context) ?? scopeElementModal(next, context);
  if (next === 'threat') return threatFormRefusal(model) ?? threatModal(context);
  if (next === 'mitigation') return mitigationFormRefusal(model) ?? mitigationModal(context);
  return riskReviewRefusal(model) ?? riskModal(context);
}
