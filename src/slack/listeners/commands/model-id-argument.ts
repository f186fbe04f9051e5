import { type ModelId, ModelIdSchema } from '../../../domain/model';

/** A model id typed in a command (`tm-12` is fine), or undefined when it is not one. */
export function modelIdArgument(word: string | undefined): ModelId | undefined {
  const id = ModelIdSchema.safeParse((word ?? '').toUpperCase());
  return id.success ? id.data : undefined;
}
