import type { Catalog } from '../catalog/catalog';
import { catalogReferences } from '../catalog/model-references';
import type { Flow } from '../domain/flow';
import type { ThreatModel } from '../domain/model';
import type { ModelDiff } from '../domain/model-diff';
import { diagramDataUrl } from './diagram-data-url';
import type { PublishedFile } from './git-publisher';
import { markdownReport, type ReportAuditEntry } from './markdown-report';
import { toNativeJson } from './native-json';
import { modelDiagrams } from './render-images';
import { toThreatComposer } from './threat-composer';
import { toThreatDragon } from './threat-dragon';

export const EXPORT_FILES = {
  report: 'README.md',
  native: 'threat-model.json',
  threatComposer: 'threat-model.tc.json',
  threatDragon: 'threat-model.threat-dragon.json',
  dfdSvg: 'data-flow.svg',
  dfdPng: 'data-flow.png',
  matrixSvg: 'risk-matrix.svg',
  matrixPng: 'risk-matrix.png',
} as const;

export interface ExportContext {
  names?: Readonly<Record<string, string>>;
  audit?: { total: number; recent: readonly ReportAuditEntry[] };
  /** The catalog the model's threats and baseline controls came from: their CWE, OWASP ... ids go into the report and the Threat Composer file. */
  catalog?: Catalog;
  /** A revised model's changes since its last approved version: a section of the report. */
  changes?: ModelDiff;
  /** The title the export folder is named after (a revision keeps v1's folder, even when retitled). */
  folderTitle?: string;
}

/**
 * Every file of a model's export folder: the Markdown report (named README.md so GitHub shows it
 * when the folder is opened) with its pictures, our JSON, and the Threat Composer and Threat
 * Dragon files (Threat Composer's with the data-flow diagram embedded). The same model and
 * context always give the same bytes.
 */
export async function exportFiles(
  model: ThreatModel,
  flow: Flow,
  context: ExportContext = {},
): Promise<PublishedFile[]> {
  const pictures = await modelDiagrams(model, flow);
  const diagramImage = await diagramDataUrl(pictures.dfdSvg, pictures.dfdPng);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const references = context.catalog ? catalogReferences(context.catalog, model) : undefined;
  return [
    {
      path: EXPORT_FILES.report,
      content: markdownReport({
        model,
        flow,
        ...(context.names && { names: context.names }),
        ...(context.audit && { audit: context.audit }),
        ...(references && { references }),
        ...(context.changes && { changes: context.changes }),
        images: { dataFlowDiagram: EXPORT_FILES.dfdSvg, riskMatrix: EXPORT_FILES.matrixSvg },
      }),
    },
    { path: EXPORT_FILES.native, content: toNativeJson(model) },
    {
      path: EXPORT_FILES.threatComposer,
      content: json(
        toThreatComposer(model, flow, {
          ...(context.names && { names: context.names }),
          ...(diagramImage && { diagramImage }),
          ...(references && { references }),
        }),
      ),
    },
    { path: EXPORT_FILES.threatDragon, content: json(toThreatDragon(model, flow)) },
    { path: EXPORT_FILES.dfdSvg, content: pictures.dfdSvg },
    { path: EXPORT_FILES.dfdPng, content: pictures.dfdPng },
    { path: EXPORT_FILES.matrixSvg, content: pictures.matrixSvg },
    { path: EXPORT_FILES.matrixPng, content: pictures.matrixPng },
  ];
}
