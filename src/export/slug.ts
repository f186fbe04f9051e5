import type { ModelId } from '../domain/model';
import { spaced } from '../domain/repository-paths';

const SLUG_MAX = 60;

/**
 * A folder name for a model: its id and title in lowercase ASCII letters, digits and single
 * hyphens (`tm-12-refunds-api`). Whatever the title holds (dots, slashes, `..`, unicode, control
 * characters), the slug can never leave its folder or make an invalid git ref.
 */
export function modelSlug(modelId: ModelId, title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const slug = `${modelId.toLowerCase()}${words ? `-${words}` : ''}`.slice(0, SLUG_MAX).replace(/-+$/, '');
  return slug;
}

/**
 * The branch a model's export goes to: `threadmodel/TM-12`, or in a workspace's part of a shared
 * repository `threadmodel/t0acme/TM-12` (ids are validated, so always a valid ref).
 */
export function exportBranch(modelId: ModelId, workspaceSpace?: string): string {
  if (!/^TM-[1-9]\d{0,8}$/.test(modelId)) throw new Error(`not a model id: ${JSON.stringify(modelId)}`);
  return `threadmodel/${spaced(workspaceSpace)}${modelId}`;
}

/** Export folders follow the rule configuration and workspace settings share. */
export { safeFolder } from '../domain/repository-paths';
