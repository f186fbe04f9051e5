import type { ThreatModel } from './model';

/** The formats a model can be imported from. */
export const IMPORT_FORMATS = ['threat_composer', 'threat_dragon'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  threat_composer: 'Threat Composer',
  threat_dragon: 'Threat Dragon',
};

/**
 * What an imported file becomes: the content of a new model, and, line by line, everything in
 * the file that has no place in it (said in the thread, never dropped silently).
 */
export interface ImportedModel {
  format: ImportFormat;
  title: string;
  content: Pick<ThreatModel, 'scope' | 'threats' | 'mitigations' | 'counters'>;
  unmapped: string[];
}
