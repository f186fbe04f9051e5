import type { Modal } from './surfaces';
import { plain } from './text';
import { notice } from './thread-messages';

/** A short notice pushed over a modal (where an ephemeral message would not be seen), with only Close. */
export function noticeModal(text: string): Modal {
  return { type: 'modal', title: plain('Threadmodel', 24), close: plain('Close', 24), blocks: notice(text).blocks };
}
