import type { InputBlock, KnownBlock } from '@slack/types';
import type { ThreatSuggestion } from '../../catalog/catalog-queries';
import { OWASP_TOP10_IDS, owaspCategory, owaspCategoryName } from '../../catalog/owasp-top10';
import { referenceLine } from '../../catalog/reference-labels';
import type { ThreatModel } from '../../domain/model';
import { ACTIONS, type SuggestionsMetadata, VIEWS } from '../ids';
import type { Modal } from './surfaces';
import { actions, button, context, option, plain, section, truncate } from './text';

/** Checkbox groups hold at most 10 options; three groups make a page. */
export const SUGGESTIONS_PER_GROUP = 10;
export const SUGGESTIONS_PER_PAGE = 30;
/** Room for the references in an option's description (75 characters), leaving some for "fits C-1". */
const REFERENCES_IN_OPTION = 36;

/**
 * Catalog threats that fit the model's components, as ticks a page at a time: most relevant
 * first in groups of ten, or (browsing by OWASP Top 10) in a group per category. Each tick shows
 * the threat's STRIDE letters, severity and public ids. Ticks already made on other pages travel
 * in private_metadata.
 */
export function catalogSuggestionsModal(
  model: ThreatModel,
  suggestions: readonly ThreatSuggestion[],
  metadata: SuggestionsMetadata,
): Modal {
  const byTop10 = metadata.order === 'owaspTop10';
  const pages = Math.max(1, Math.ceil(suggestions.length / SUGGESTIONS_PER_PAGE));
  const page = Math.min(Math.max(1, metadata.page), pages);
  const start = (page - 1) * SUGGESTIONS_PER_PAGE;
  const toOption = (s: ThreatSuggestion) =>
    option(
      s.threat.title,
      s.threat.id,
      truncate(
        [
          s.threat.stride.join(''),
          s.threat.severity,
          referenceLine(s.threat.references, REFERENCES_IN_OPTION),
          `fits ${s.componentIds.join(', ')}`,
        ]
          .filter(Boolean)
          .join(' · '),
        75,
      ),
    );
  const groups: InputBlock[] = pageGroups(suggestions, start, byTop10).map(({ first, label, chunk }) => {
    const ticked = chunk.filter((s) => metadata.picked.includes(s.threat.id)).map(toOption);
    return {
      type: 'input',
      block_id: `suggestions_${first}`,
      optional: true,
      label: plain(label, 2000),
      element: {
        type: 'checkboxes',
        action_id: `picked_${first}`,
        options: chunk.map(toOption),
        ...(ticked.length > 0 && { initial_options: ticked }),
      },
    };
  });
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
    title: plain(byTop10 ? 'OWASP Top 10' : 'Suggested threats', 24),
    submit: plain('Add ticked threats', 24),
    close: plain('Cancel', 24),
    blocks:
      suggestions.length === 0
        ? [section(nothingLeft(byTop10))]
        : [
            context(
              byTop10
                ? `${model.id}: threats from the catalog that fit its components, by OWASP Top 10 2021 category. Tick the ones that apply.`
                : `${model.id}: threats from the catalog that fit its components, most relevant first. Tick the ones that apply.`,
            ),
            ...groups,
            ...navigation,
            ...(byTop10 ? categoriesWithNothing(suggestions) : []),
          ],
  };
}

function nothingLeft(byTop10: boolean): string {
  return byTop10
    ? 'The catalog has nothing more with an OWASP Top 10 category for these components: every such threat is already in the model. Walk the Top 10 anyway, and add what fits with *Add threat*.'
    : 'The catalog has nothing more for these components: every fitting threat is already in the model.';
}

interface Group {
  /** The suggestion's position in the whole list, from 1: it names the group's block and checkboxes. */
  first: number;
  label: string;
  chunk: readonly ThreatSuggestion[];
}

/** A page's checkbox groups: ten at a time, or by Top 10 category (a category longer than ten, or split by a page, goes on under the same name). */
function pageGroups(suggestions: readonly ThreatSuggestion[], start: number, byTop10: boolean): Group[] {
  const shown = suggestions.slice(start, start + SUGGESTIONS_PER_PAGE);
  const category = (s: ThreatSuggestion | undefined) => (s ? owaspCategory(s.threat) : undefined);
  const groups: Group[] = [];
  shown.forEach((suggestion, i) => {
    const last = groups.at(-1);
    const sameCategory = !byTop10 || category(shown[i - 1]) === category(suggestion);
    if (last && sameCategory && last.chunk.length < SUGGESTIONS_PER_GROUP) {
      last.chunk = [...last.chunk, suggestion];
      return;
    }
    const first = start + i + 1;
    const top10 = category(suggestion);
    groups.push({ first, label: byTop10 && top10 ? owaspCategoryName(top10) : '', chunk: [suggestion] });
  });
  return groups.map((group) => ({
    ...group,
    label: group.label || `Suggestions ${group.first} to ${group.first + group.chunk.length - 1}`,
  }));
}

/** The Top 10 is a list to walk: the categories the catalog offers nothing more for are named, to think about anyway. */
function categoriesWithNothing(suggestions: readonly ThreatSuggestion[]): KnownBlock[] {
  const offered = new Set(suggestions.map((s) => owaspCategory(s.threat)));
  const missing = OWASP_TOP10_IDS.filter((id) => !offered.has(id));
  if (missing.length === 0) return [];
  return [
    context(
      `Nothing more in the catalog for ${missing.map(owaspCategoryName).join(', ')}: worth a thought for this design all the same.`,
    ),
  ];
}
