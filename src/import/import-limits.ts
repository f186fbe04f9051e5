/** Limits of an imported file, checked before it is parsed. */
export const IMPORT_LIMITS = {
  /** A file's size: Threat Composer files with a base64 diagram run to about 1 MB. */
  fileBytesMax: 2_000_000,
  /** Lines of "not imported" listed in the thread; the rest are counted. */
  unmappedShownMax: 40,
} as const;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** The one wording of a file over the size limit, wherever the file came from. */
export function tooLargeProblem(name: string, bytes: number): string {
  return `\`${name.slice(0, 80)}\` is ${megabytes(bytes)}; I import files of up to ${megabytes(IMPORT_LIMITS.fileBytesMax)}.`;
}
