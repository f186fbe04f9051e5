import { z } from 'zod';

/**
 * Where exports go inside a repository, as configuration names it (the environment, or a
 * workspace's settings): one rule for each, used by both.
 */

/**
 * A configured export folder: relative, forward slashes, segments of letters, digits, `.`, `_`
 * and `-`, never `.` or `..`. Returns the normalised folder, or undefined when it is not one.
 */
export function safeFolder(folder: string): string | undefined {
  const trimmed = folder.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return undefined;
  const segments = trimmed.split('/');
  const ok = segments.every((segment) => /^[A-Za-z0-9._-]+$/.test(segment) && segment !== '.' && segment !== '..');
  return ok ? segments.join('/') : undefined;
}

/** A branch exports start from: a safe git ref (no `..`, `//`, trailing `/` or `.lock`, no leading `-`). */
export const BaseBranchSchema = z
  .string()
  .regex(/^(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/)
  .refine((branch) => !branch.endsWith('.lock') && !branch.endsWith('/'));

/** `owner/name` of a GitHub repository. */
export const GitHubRepositorySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/)
  .refine((repository) => repository.split('/').every((part) => part !== '.' && part !== '..'));

/**
 * `<space>/` for a workspace's part of a shared repository (its id in lowercase: checked to be
 * letters and digits, so always a safe folder and ref part), else nothing.
 */
export function spaced(workspaceSpace: string | undefined): string {
  if (workspaceSpace === undefined) return '';
  if (!/^[a-z][a-z0-9]{1,30}$/.test(workspaceSpace)) throw new Error(`not a workspace space: ${workspaceSpace}`);
  return `${workspaceSpace}/`;
}
