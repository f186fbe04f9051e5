import type { ModalView } from '@slack/types';
import { plain, section } from './text';

/**
 * A modal that only says something and can only be closed: what a submission is answered with
 * when the form cannot be read or is from an older version of the app (it replaces the form, so
 * nothing is submitted twice).
 */
export function noticeModal(text: string): ModalView {
  return {
    type: 'modal',
    title: plain('Threadmodel', 24),
    close: plain('Close', 24),
    blocks: [section(text)],
  };
}
