import type { KnownBlock } from '@slack/types';
import type { Catalog } from '../../catalog/catalog';
import type { ThreatModel } from '../../domain/model';
import type { Component } from '../../domain/scope';
import { RESPONSIBILITY, type ResponsibilityModel } from '../../domain/shared-responsibility';
import type { SlackMessage } from './surfaces';
import { mention, section, truncate, userLine } from './text';

/** A component's model: as recorded when it was added, else its catalog type's (older models). */
function responsibilityOf(component: Component, catalog: Catalog): ResponsibilityModel | undefined {
  return component.responsibility ?? catalog.componentTypes.get(component.type)?.responsibility;
}

/**
 * Posted in the thread when a component is added: its type and, when the type has a shared
 * responsibility model, what the provider secures and what the team must mitigate itself.
 */
export function componentAddedMessage(userId: string, component: Component, catalog: Catalog): SlackMessage {
  const typeName = catalog.componentTypes.get(component.type)?.name ?? component.type;
  const model = responsibilityOf(component, catalog);
  const head = `${mention(userId)} added *${component.id}* ${userLine(component.name, 80)} (${typeName}).`;
  const split = model && RESPONSIBILITY[model];
  const text = split
    ? `${head}\n*Shared responsibility: ${split.name.toLowerCase()}.* ${capital(split.provider)}. *The team must mitigate* ${split.team}.`
    : head;
  return { text: truncate(text, 3000), blocks: [section(truncate(text, 3000))] };
}

/**
 * For step 3: one line per component whose type has a model, saying what the team must mitigate
 * (the provider secures the rest). Empty when no component has one.
 */
export function responsibilityBlocks(model: ThreatModel, catalog: Catalog): KnownBlock[] {
  const lines = model.scope.components.flatMap((component) => {
    const of = responsibilityOf(component, catalog);
    if (!of) return [];
    return [
      `• *${component.id}* ${userLine(component.name, 60)} (${RESPONSIBILITY[of].name.toLowerCase()}): ${RESPONSIBILITY[of].team}`,
    ];
  });
  if (lines.length === 0) return [];
  return [
    section(
      truncate(
        `*Shared responsibility.* The provider secures the rest; the team must mitigate:\n${lines.join('\n')}`,
        3000,
      ),
    ),
  ];
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
