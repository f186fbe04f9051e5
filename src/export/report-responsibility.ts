import type { Scope } from '../domain/scope';
import { RESPONSIBILITY } from '../domain/shared-responsibility';
import { md, table } from './markdown-text';

/**
 * The report's "Shared responsibility" section: each component with the model its catalog type
 * had when it was added, what the provider secures and what the team must mitigate. A component
 * without one (its type names none, or it was added before models were kept) says "Not recorded"
 * rather than guess. None when there is no component.
 */
export function sharedResponsibilitySection(scope: Scope): string | undefined {
  if (scope.components.length === 0) return undefined;
  const rows = scope.components.map((c) => {
    const split = c.responsibility && RESPONSIBILITY[c.responsibility];
    const name = `${c.id} ${md(c.name, 80)}`;
    return split ? [name, split.name, md(split.provider, 300), md(split.team, 300)] : [name, 'Not recorded', '', ''];
  });
  return `## Shared responsibility\n\n${table(['Component', 'Model', 'The provider secures', 'The team must mitigate'], rows)}`;
}

/** An entry point's kind for the report: "s3-api, public"; empty for models saved before kinds. */
export function entryPointKindCell(entryPoint: Scope['entryPoints'][number]): string {
  if (!entryPoint.kind) return '';
  return entryPoint.exposure ? `${entryPoint.kind}, ${entryPoint.exposure}` : entryPoint.kind;
}
