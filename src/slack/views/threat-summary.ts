import type { KnownBlock } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import { threatStatementForChat } from '../../domain/statement';
import { ACTIONS, encodeValue } from '../ids';
import type { SlackMessage } from './surfaces';
import { actions, button, context, option, PROPOSE_LABEL, section, truncate, userLine } from './text';

/** Threats per page: each is one section, so a page stays far below 50 blocks and the text cap. */
export const THREAT_PAGE_SIZE = 15;

/**
 * The threats of a model in its thread: each sentence with its STRIDE letters and where it
 * applies, an Edit/Remove menu (a "Propose for the catalog" button once the model is read-only), a
 * page at a time.
 */
export function threatSummaryMessage(model: ThreatModel, requestedPage = 1): SlackMessage & { page: number } {
  const pages = Math.max(1, Math.ceil(model.threats.length / THREAT_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const shown = model.threats.slice((page - 1) * THREAT_PAGE_SIZE, page * THREAT_PAGE_SIZE);
  const editable = model.status === 'draft' || model.status === 'changes_requested';
  const count = model.threats.length;
  const blocks: KnownBlock[] = [section(`*Threats of ${model.id}* · ${count} threat${count === 1 ? '' : 's'}`)];
  if (count === 0) blocks.push(context('None yet. Use *Add threat* above.'));
  for (const threat of shown) {
    const where =
      (threat.affectedElementIds.length > 0 ? ` · on ${threat.affectedElementIds.join(', ')}` : '') +
      (threat.inherited ? ` · inherited from ${threat.inherited.modelId} ${userLine(threat.inherited.title, 60)}` : '');
    const stride = threat.stride.length > 0 ? threat.stride.join('') : 'no STRIDE yet';
    const text = `*${threat.id}* ${truncate(threatStatementForChat(threat, model.scope.assets), 600)}\n_${stride}${where}_`;
    blocks.push(
      section(
        text,
        editable
          ? {
              type: 'overflow',
              action_id: ACTIONS.threatMenu,
              options: [
                option('Edit', encodeValue(model.id, `edit:${threat.id}`)),
                option('Baseline controls', encodeValue(model.id, `baseline:${threat.id}`)),
                option('Remove', encodeValue(model.id, `remove:${threat.id}`)),
                option(PROPOSE_LABEL, encodeValue(model.id, `propose:${threat.id}`)),
              ],
            }
          : button(PROPOSE_LABEL, ACTIONS.proposeForCatalog, encodeValue(model.id, threat.id)),
      ),
    );
  }
  if (pages > 1) {
    blocks.push(
      actions('threat_pages', [
        ...(page > 1 ? [button('◀ Previous', ACTIONS.threatPrevious, encodeValue(model.id, page - 1))] : []),
        ...(page < pages ? [button('Next ▶', ACTIONS.threatNext, encodeValue(model.id, page + 1))] : []),
      ]),
    );
    blocks.push(context(`Page ${page} of ${pages}`));
  }
  return { text: `Threats of ${model.id}: ${count}`, blocks, page };
}
