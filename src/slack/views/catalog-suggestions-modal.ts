import type { InputBlock, KnownBlock } from '@slack/types';
import type { ThreatSuggestion } from '../../catalog/catalog-queries';
import type { ThreatModel } from '../../domain/model';
import { ACTIONS, type SuggestionsMetadata, VIEWS } from '../ids';
import type { Modal } from './surfaces';
import { actions, button, context, option, plain, section, truncate } from './text';

/** Checkbox groups hold at most 10 options; three groups make a page. */
export const SUGGESTIONS_PER_GROUP = 10;
export const SUGGESTIONS_PER_PAGE = 30;

/**
 * Catalog threats that fit the model's components, most relevant first, as ticks in groups of
 * ten, a page at a time. Ticks already made on other pages travel in private_metadata.
 */
export function catalogSuggestionsModal(
  model: ThreatModel,
  suggestions: readonly ThreatSuggestion[],
  metadata: SuggestionsMetadata,
): Modal {
  const pages = Math.max(1, Math.ceil(suggestions.length / SUGGESTIONS_PER_PAGE));
  const page = Math.min(Math.max(1, metadata.page), pages);
  const start = (page - 1) * SUGGESTIONS_PER_PAGE;
  const shown = suggestions.slice(start, start + SUGGESTIONS_PER_PAGE);
  const groups: InputBlock[] = [];
  for (let i = 0; i < shown.length; i += SUGGESTIONS_PER_GROUP) {
    const chunk = shown.slice(i, i + SUGGESTIONS_PER_GROUP);
    const toOption = (s: ThreatSuggestion) =>
      option(
        s.threat.title,
        s.threat.id,
        truncate(`${s.threat.stride.join('')} · ${s.threat.severity} · fits ${s.componentIds.join(', ')}`, 75),
      );
    const ticked = chunk.filter((s) => metadata.picked.includes(s.threat.id)).map(toOption);
    groups.push({
      type: 'input',
      block_id: `suggestions_${start + i + 1}`,
      optional: true,
      label: plain(`Suggestions ${start + i + 1} to ${start + i + chunk.length}`, 2000),
      element: {
        type: 'checkboxes',
        action_id: `picked_${start + i + 1}`,
        options: chunk.map(toOption),
        ...(ticked.length > 0 && { initial_options: ticked }),
      },
    });
  }
  const navigation: KnownBlock[] =
    pages > 1
      ? [
          actions('suggestion_pages', [
            ...(page > 1 ? [button('◀ Previous', ACTIONS.suggestionsPrevious, String(page - 1))] : []),
            ...(page < pages ? [button('Next ▶', ACTIONS.suggestionsNext, String(page + 1))] : []),
          ]),
          context(`Page ${page} of ${pages} · ${metadata.picked.length} ticked so far`),
        ]
      : [];
  return {
    type: 'modal',
    callback_id: VIEWS.catalogSuggestions,
    private_metadata: JSON.stringify({ ...metadata, page }),
    title: plain('Suggested threats', 24),
    submit: plain('Add ticked threats', 24),
    close: plain('Cancel', 24),
    blocks:
      suggestions.length === 0
        ? [section('The catalog has nothing more for these components: every fitting threat is already in the model.')]
        : [
            context(
              `${model.id}: threats from the catalog that fit its components, most relevant first. Tick the ones that apply.`,
            ),
            ...groups,
            ...navigation,
          ],
  };
}
