import { nativeKind } from '../../catalog/catalog-queries';
import type { ThreatModel } from '../../domain/model';
import { CUSTOM_ENTRY_POINT_KIND, type EntryPoint } from '../../domain/scope';
import type { ChoiceGroup, FormContext } from './field';

/**
 * The entry-point kinds the modal offers. The component is chosen in the same modal, so the kind
 * select offers the native kinds of every component type in the model, one group per type, plus
 * "custom"; the submission is checked so that the kind fits the component chosen. (Offering kinds
 * only after a component is picked would need a views.update round trip on every pick.) A native
 * option's value is `type/kind`, since two types may name a kind alike (ssh).
 */

const CUSTOM_CHOICE = { text: 'Custom: something the feature adds', value: CUSTOM_ENTRY_POINT_KIND };

export function entryPointKindChoices({ model, catalog }: FormContext): ChoiceGroup[] {
  const typeIds = [...new Set(model.scope.components.map((c) => c.type))];
  const groups = typeIds.flatMap((typeId): ChoiceGroup[] => {
    const type = catalog.componentTypes.get(typeId);
    if (!type) return [];
    return [
      { label: type.name, choices: type.entryPointKinds.map((k) => ({ text: k.name, value: `${typeId}/${k.id}` })) },
    ];
  });
  return model.scope.components.length > 0 ? [...groups, { label: 'Any component', choices: [CUSTOM_CHOICE] }] : [];
}

/** The select's value for an entry point's stored kind (none for models saved before kinds). */
export function entryPointKindValue(model: ThreatModel, entryPoint: EntryPoint): string | undefined {
  if (!entryPoint.kind || entryPoint.kind === CUSTOM_ENTRY_POINT_KIND) return entryPoint.kind;
  const component = model.scope.components.find((c) => c.id === entryPoint.componentId);
  return component && `${component.type}/${entryPoint.kind}`;
}

/**
 * Check the chosen kind against the chosen component and turn the select's value into the stored
 * kind id. Exposure is asked for where the kind offers it, and dropped where it does not (a
 * select cannot be cleared in Slack, so a leftover choice must not be held against anyone).
 */
export function checkEntryPointKind(
  raw: Record<string, unknown>,
  context: FormContext,
  errors: Record<string, string>,
) {
  if (typeof raw.kind !== 'string') return;
  const component = context.model.scope.components.find((c) => c.id === raw.componentId);
  if (raw.kind === CUSTOM_ENTRY_POINT_KIND || !component) return;
  const [typeId = '', kindId = ''] = raw.kind.split('/');
  const kind = nativeKind(context.catalog, typeId, kindId);
  const typeName = context.catalog.componentTypes.get(component.type)?.name ?? component.type;
  if (typeId !== component.type || !kind) {
    errors.kind = `That is not a way into ${component.id} (${typeName}): choose one of ${typeName}'s kinds, or Custom.`;
    return;
  }
  raw.kind = kind.id;
  if (!kind.exposure) delete raw.exposure;
  else if (raw.exposure === undefined) errors.exposure = `${kind.name} can be private or public: choose one.`;
}
