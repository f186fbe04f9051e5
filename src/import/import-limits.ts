/** Limits of an imported file, checked before it is parsed. */
export const IMPORT_LIMITS = {
  /** A file's size: Threat Composer files with a base64 diagram run to about 1 MB. */
  fileBytesMax: 2_000_000,
  /** Lines of "not imported" listed in the thread; the rest are counted. */
  unmappedShownMax: 40,
} as const;
