/**
 * A short fingerprint of a message's content (text and blocks), so the card the stand-in shows can
 * be matched with the card the app renders for a stored model version (bench/slack.ts). Block ids
 * are left out: Slack, like the stand-in, gives a block without one a random id when storing it.
 */
import { createHash } from 'node:crypto';
import { isObject } from '../dev/stand-in/json';

function withoutBlockId(block: unknown): unknown {
  if (!isObject(block)) return block;
  const { block_id: _blockId, ...rest } = block;
  return rest;
}

export function cardFingerprint(message: { text: string; blocks: readonly unknown[] }): string {
  const content = JSON.stringify({ text: message.text, blocks: message.blocks.map(withoutBlockId) });
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}
