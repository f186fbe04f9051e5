/** The longest path someone may ask to read from the export repository, in characters. */
export const REPOSITORY_PATH_MAX = 300;
const SEGMENTS_MAX = 20;

export type RepositoryPath = { ok: true; path: string } | { ok: false; problem: string };

const EXAMPLE = '`threat-models/tm-3-search/threat-model.tc.json`';

/**
 * A path typed by a person, as a path inside the repository, or why it is not one: relative (no
 * leading `/`), plain segments only (no empty, `.` or `..` segment, so it can never climb out or
 * name the same file two ways), no control, format or other invisible characters, no backslash,
 * backtick or angle bracket (they would change how git or Slack reads it), and bounded in length
 * and depth; one pair of backticks around it (pasted as code) is dropped. The problem never
 * repeats the path: a caller names it, escaped, when it shows one.
 */
export function repositoryPath(typed: string): RepositoryPath {
  // A path pasted as code (`…`) is the path inside the backticks.
  const text = typed.replace(/^`([^`]*)`$/, '$1');
  const refuse = (why: string): RepositoryPath => ({
    ok: false,
    problem: `${why}: give the path of a file inside the export repository, such as ${EXAMPLE}.`,
  });
  if (text === '') return refuse('No path given');
  if (text.length > REPOSITORY_PATH_MAX) return refuse(`That path is over ${REPOSITORY_PATH_MAX} characters`);
  if (/\p{C}/u.test(text)) return refuse('That path holds control or invisible characters');
  if (/[\\`<>]/.test(text)) return refuse('That path holds a backslash, backtick or angle bracket');
  if (text.startsWith('/')) return refuse('That path starts with `/`; paths are relative to the repository');
  const segments = text.split('/');
  if (segments.length > SEGMENTS_MAX) return refuse(`That path is more than ${SEGMENTS_MAX} folders deep`);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return refuse('That path has an empty, `.` or `..` part');
  }
  return { ok: true, path: text };
}
