import type { FormContext } from '../forms/field';
import { type NextForm, nextFormField } from '../forms/next-form';
import { fieldBlocks } from './form-blocks';

/** The "After saving" select at the foot of a form that adds something (see forms/next-form.ts). */
export function nextFormBlocks(
  offered: readonly NextForm[],
  current: NextForm,
  context: FormContext,
  chosen?: NextForm,
) {
  return fieldBlocks([nextFormField(offered, current)], context, chosen && { afterSaving: chosen });
}
