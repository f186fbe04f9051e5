import type { KnownBlock } from '@slack/types';
import type { ThreatModel } from '../../domain/model';
import { unaddressedThreats } from '../../domain/risk';
import { threatStatementForChat } from '../../domain/statement';
import type { Modal } from './surfaces';
import { context, plain, section, truncate } from './text';

const SHOWN = 90;

/** Threats with neither an active mitigation nor a risk decision: what step 3 still needs. */
export function unaddressedModal(model: ThreatModel): Modal {
  const open = unaddressedThreats(model.threats, model.mitigations);
  const blocks: KnownBlock[] = [
    section(
      open.length === 0
        ? `Every threat of ${model.id} has an active mitigation or a risk decision.`
        : `*${open.length} of ${model.threats.length} threats* have no active mitigation and no risk decision yet:`,
    ),
    ...open
      .slice(0, SHOWN)
      .map((threat) => section(`*${threat.id}* ${truncate(threatStatementForChat(threat, model.scope.assets), 2900)}`)),
  ];
  if (open.length > SHOWN) blocks.push(context(`and ${open.length - SHOWN} more.`));
  return { type: 'modal', title: plain('Not yet addressed', 24), close: plain('Close', 24), blocks };
}
