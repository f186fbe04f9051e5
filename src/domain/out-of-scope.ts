import type { Scope } from './scope';

/**
 * An element marked out of scope stays in the model and the diagram (drawn as such), but STRIDE
 * coverage and the step rules ignore it: the team decided, with a written reason, not to model it.
 */
export function isInScope(element: { outOfScopeReason?: string | undefined }): boolean {
  return element.outOfScopeReason === undefined;
}

/** The scope with out-of-scope elements left out, for the checks that must ignore them. */
export function inScopeOnly(scope: Scope): Scope {
  return {
    ...scope,
    assets: scope.assets.filter(isInScope),
    actors: scope.actors.filter(isInScope),
    entryPoints: scope.entryPoints.filter(isInScope),
    components: scope.components.filter(isInScope),
    dataFlows: scope.dataFlows.filter(isInScope),
    trustBoundaries: scope.trustBoundaries.filter(isInScope),
    useCases: scope.useCases.filter(isInScope),
  };
}
