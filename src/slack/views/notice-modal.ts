import type { Modal } from './surfaces';
import { plain } from './text';
import { notice } from './thread-messages';

/**
 * A modal that only says something and can only be closed: pushed over a modal where an ephemeral
 * message would not be seen, or the answer to a submission whose form cannot be read or is from an
 * older version of the app (it replaces the form, so nothing is submitted twice).
 */
export function noticeModal(text: string): Modal {
  return { type: 'modal', title: plain('Threadmodel', 24), close: plain('Close', 24), blocks: notice(text).blocks };
}
