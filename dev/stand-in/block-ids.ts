/** Slack gives every block without a block_id a generated one; the stand-in does the same when storing. */
import { randomBytes } from 'node:crypto';
import { isObject } from './json';

function generatedBlockId(): string {
  return randomBytes(4).toString('base64url').slice(0, 5);
}

/** A deep copy of the blocks, each with a block_id. */
export function withBlockIds(blocks: unknown[]): unknown[] {
  return structuredClone(blocks).map((block) =>
    isObject(block) && block.block_id === undefined ? { ...block, block_id: generatedBlockId() } : block,
  );
}
