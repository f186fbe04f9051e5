import { z } from 'zod';
import { LIMITS } from './limits';
import { text } from './primitives';

/**
 * Where an inherited element comes from: a model exported earlier, imported as a dependency of
 * this one because the feature uses the same components. Inherited elements are read-only here;
 * they are changed in their own model and imported again.
 */
export const InheritedFromSchema = z
  .strictObject({
    modelId: z.string().regex(/^TM-[1-9]\d{0,8}$/, 'must be a model id such as TM-42'),
    title: text(LIMITS.titleMax),
    version: z.number().int().min(1),
    /** The element's id in that model (C-2, T-5, M-1). */
    elementId: z.string().regex(/^(C|T|M)-[1-9]\d{0,5}$/),
  })
  .describe('The exported model this element was inherited from');
export type InheritedFrom = z.infer<typeof InheritedFromSchema>;

/** "inherited from TM-3 Payments API (version 12, C-2)". */
export function inheritedLabel(from: InheritedFrom): string {
  return `inherited from ${from.modelId} ${from.title} (version ${from.version}, ${from.elementId})`;
}
