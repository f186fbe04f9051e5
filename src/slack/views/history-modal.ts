import type { KnownBlock } from '@slack/types';
import { HISTORY_PAGE_SIZE, type HistoryPage } from '../../use-cases/read-history';
import { ACTIONS, encodeHistoryPage, encodeValue } from '../ids';
import { changeInWords } from './change-words';
import { slackDate } from './slack-dates';
import type { Modal } from './surfaces';
import { actions, button, context, plain, section, userLine } from './text';

/**
 * The History modal: one line per change, newest first ("<@U…> added threat T-3 · Tue 3 Dec
 * 10:04"), twenty a page. Previous and Next carry the entry they page from, so a page turn reads
 * only the page it shows.
 */
export function historyModal({ model, page, entries, total, more }: HistoryPage): Modal {
  const from = (page - 1) * HISTORY_PAGE_SIZE + 1;
  const first = entries[0];
  const last = entries.at(-1);
  const turns = [
    ...(page > 1 && first
      ? [button('◀ Previous', ACTIONS.historyPrevious, encodeValue(model.id, encodeHistoryPage(page - 1, first.id)))]
      : []),
    ...(more && last
      ? [button('Next ▶', ACTIONS.historyNext, encodeValue(model.id, encodeHistoryPage(page + 1, last.id)))]
      : []),
  ];
  const blocks: KnownBlock[] = [
    context(
      entries.length === 0
        ? `*${model.id}* ${userLine(model.title, 200)}: no changes recorded.`
        : `*${model.id}* ${userLine(model.title, 200)}: changes ${from} to ${from + entries.length - 1} of ${total}, newest first.`,
    ),
    ...entries.map((entry, i) => ({
      ...section(`${changeInWords(entry)} · ${slackDate(entry.at)}`),
      block_id: `change_${from + i}`,
    })),
    ...(turns.length > 0 ? [actions('history_pages', turns)] : []),
  ];
  return { type: 'modal', title: plain('History', 24), close: plain('Close', 24), blocks };
}
