import type { ScopeElement, ScopeKind } from '../../domain/scope-edits';
import { SCOPE_KIND_NAMES } from '../../domain/scope-edits';
import { entryPointKindValue } from '../forms/entry-point-kinds';
import type { FormContext } from '../forms/field';
import { NEXT_AFTER } from '../forms/next-form';
import { SCOPE_FIELDS } from '../forms/scope-fields';
import { type ScopeModalMetadata, VIEWS } from '../ids';
import { fieldBlocks } from './form-blocks';
import { nextFormBlocks } from './next-form-blocks';
import type { Modal } from './surfaces';
import { plain, truncate } from './text';

/** An element's values as the form shows them: an entry point's kind as its select's value. */
function formValues(kind: ScopeKind, context: FormContext, existing: ScopeElement<ScopeKind>): object {
  if (kind !== 'entryPoint') return existing;
  const entryPoint = existing as ScopeElement<'entryPoint'>;
  return { ...entryPoint, kind: entryPointKindValue(context.model, entryPoint) };
}

/**
 * The modal to add or edit one scope element. Fields come from SCOPE_FIELDS; a choice field with
 * nothing to choose from yet becomes a note telling the team what to add first.
 */
export function scopeElementModal(kind: ScopeKind, context: FormContext, existing?: ScopeElement<ScopeKind>): Modal {
  const metadata: ScopeModalMetadata = { modelId: context.model.id, kind, ...(existing && { elementId: existing.id }) };
  const noun = SCOPE_KIND_NAMES[kind];
  const blocks = fieldBlocks(SCOPE_FIELDS[kind], context, existing && formValues(kind, context, existing));
  return {
    type: 'modal',
    callback_id: VIEWS.scopeElement,
    private_metadata: JSON.stringify(metadata),
    title: plain(truncate(`${existing ? 'Edit' : 'Add'} ${noun}`, 24), 24),
    submit: plain(existing ? 'Save' : 'Add', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'context',
        elements: [
          plain(
            `${context.model.id} ${truncate(context.model.title, 100)}${existing ? ` · ${existing.id}` : ''}`,
            2000,
          ),
        ],
      },
      ...blocks,
      ...(existing ? [] : nextFormBlocks(NEXT_AFTER.scope, kind, context)),
    ],
  };
}
