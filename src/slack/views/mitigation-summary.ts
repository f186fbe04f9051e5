import type { KnownBlock } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import { ACTIONS, encodeValue } from '../ids';
import type { SlackMessage } from './surfaces';
import { actions, button, context, mention, option, PROPOSE_LABEL, section, truncate, userLine } from './text';

/** Mitigations per page: within the 50 blocks and the text a message holds. */
export const MITIGATION_PAGE_SIZE = 20;

/** The mitigations of a model in its thread: what, for which threats, status, owner; Edit, Remove and "Propose for the
 * catalog" while editable, a "Propose for the catalog" button once read-only; paged. */
export function mitigationSummaryMessage(model: ThreatModel, requestedPage = 1): SlackMessage {
  const editable = model.status === 'draft' || model.status === 'changes_requested';
  const count = model.mitigations.length;
  const pages = Math.max(1, Math.ceil(count / MITIGATION_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const blocks: KnownBlock[] = [section(`*Mitigations of ${model.id}* · ${count}`)];
  if (count === 0) blocks.push(context('None yet. Use *Add mitigation* above.'));
  for (const m of model.mitigations.slice((page - 1) * MITIGATION_PAGE_SIZE, page * MITIGATION_PAGE_SIZE)) {
    const facts = [
      `for ${m.threatIds.join(', ')}`,
      m.status.replace('_', ' '),
      ...(m.owner ? [`owner ${mention(m.owner)}`] : []),
      ...(m.baselineControlId ? [`baseline \`${m.baselineControlId}\`${m.deviation ? ' set aside' : ''}`] : []),
      ...(m.inherited ? [`inherited from ${m.inherited.modelId} ${userLine(m.inherited.title, 60)}`] : []),
    ].join(' · ');
    blocks.push(
      section(
        `*${m.id}* ${userLine(m.description, 300)}\n_${facts}_`,
        editable
          ? {
              type: 'overflow',
              action_id: ACTIONS.mitigationMenu,
              options: [
                option('Edit', encodeValue(model.id, `edit:${m.id}`)),
                option('Remove', encodeValue(model.id, `remove:${m.id}`)),
                option(PROPOSE_LABEL, encodeValue(model.id, `propose:${m.id}`)),
              ],
            }
          : button(PROPOSE_LABEL, ACTIONS.proposeForCatalog, encodeValue(model.id, m.id)),
      ),
    );
  }
  if (pages > 1) {
    blocks.push(
      actions('mitigation_pages', [
        ...(page > 1 ? [button('◀ Previous', ACTIONS.mitigationPrevious, encodeValue(model.id, page - 1))] : []),
        ...(page < pages ? [button('Next ▶', ACTIONS.mitigationNext, encodeValue(model.id, page + 1))] : []),
      ]),
    );
    blocks.push(context(`Page ${page} of ${pages}`));
  }
  return { text: truncate(`Mitigations of ${model.id}: ${count}`, 3000), blocks };
}
