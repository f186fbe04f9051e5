import type { KnownBlock } from '@slack/types';
import type { Coverage } from '../../domain/coverage';
import type { ThreatModel } from '../../domain/model';
import { STRIDE_NAMES } from '../../domain/stride';
import type { Modal } from './surfaces';
import { context, plain, section, userLine } from './text';

/** Elements shown in one modal: with the heading blocks, far below the 100 blocks a view holds. */
export const COVERAGE_MAX_ELEMENTS = 90;

const KIND_LABELS = {
  external_entity: 'actor',
  process: 'process',
  data_store: 'data store',
  data_flow: 'data flow',
} as const;

/**
 * STRIDE-per-element coverage: for each element, the categories that apply, which have a
 * threat and which do not yet. Elements with gaps come first.
 */
export function coverageModal(model: ThreatModel, coverage: Coverage): Modal {
  const elements = [...coverage.elements].sort((a, b) => b.missing.length - a.missing.length);
  const shown = elements.slice(0, COVERAGE_MAX_ELEMENTS);
  const percent =
    coverage.applicablePairs === 0 ? 0 : Math.round((100 * coverage.coveredPairs) / coverage.applicablePairs);
  const blocks: KnownBlock[] = [
    section(
      `*${model.id}*: ${coverage.coveredPairs} of ${coverage.applicablePairs} applicable element × STRIDE pairs have a threat (${percent}%).`,
    ),
    context(
      '✅ has a threat · ⬜ applies, no threat yet. Threats on an entry point count for the component behind it.',
    ),
  ];
  for (const element of shown) {
    const marks = element.applicable
      .map((letter) => `${element.covered.includes(letter) ? '✅' : '⬜'} ${letter}`)
      .join('  ');
    const gaps =
      element.missing.length > 0
        ? `\nNo threat yet for: ${element.missing.map((l) => STRIDE_NAMES[l]).join(', ')}`
        : '';
    blocks.push(
      section(`*${element.elementId}* ${userLine(element.name, 200)} · ${KIND_LABELS[element.kind]}\n${marks}${gaps}`),
    );
  }
  if (elements.length > shown.length)
    blocks.push(context(`${elements.length - shown.length} more elements, all with fewer gaps, are not shown.`));
  if (elements.length === 0) blocks.push(context('The scope has no actors, components or data flows yet.'));
  const { actors, components, dataFlows } = model.scope;
  const setAside = [...actors, ...components, ...dataFlows].filter((e) => e.outOfScopeReason !== undefined);
  if (setAside.length) {
    const ids = setAside.slice(0, 40).map((e) => e.id);
    const more = setAside.length > ids.length ? ` and ${setAside.length - ids.length} more` : '';
    blocks.push(context(`Out of scope, not counted: ${ids.join(', ')}${more}.`));
  }
  return { type: 'modal', title: plain('STRIDE coverage', 24), close: plain('Close', 24), blocks };
}
