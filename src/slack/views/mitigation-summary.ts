import type { ThreatModel } from '../../domain/model';
import { ACTIONS, encodeValue } from '../ids';
import { context, mention, option, section, truncate, userLine } from './text';

const SHOWN = 20;

/** The mitigations of a model in its thread: what, for which threats, status, owner; Edit and Remove. */
export function mitigationSummaryMessage(model: ThreatModel) {
  const editable = model.status === 'draft' || model.status === 'changes_requested';
  const count = model.mitigations.length;
  const blocks: object[] = [section(`*Mitigations of ${model.id}* · ${count}`)];
  if (count === 0) blocks.push(context('None yet. Use *Add mitigation* above.'));
  for (const m of model.mitigations.slice(0, SHOWN)) {
    const facts = [
      `for ${m.threatIds.join(', ')}`,
      m.status.replace('_', ' '),
      ...(m.owner ? [`owner ${mention(m.owner)}`] : []),
      ...(m.baselineControlId ? [`baseline \`${m.baselineControlId}\`${m.deviation ? ' set aside' : ''}`] : []),
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
              ],
            }
          : undefined,
      ),
    );
  }
  if (count > SHOWN) blocks.push(context(`and ${count - SHOWN} more.`));
  return { text: truncate(`Mitigations of ${model.id}: ${count}`, 3000), blocks };
}
