import path from 'node:path';
import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import type { Flow } from '../domain/flow';
import type { ThreatModel } from '../domain/model';
import { DIAGRAM_FONT, dataFlowDiagramDot } from './dfd-dot';
import { riskMatrixSvg } from './risk-matrix-svg';

// @viz-js/viz ships its types as an ES module but also has a CommonJS build (`dist/viz.cjs`,
// its "require" export). This project compiles to CommonJS, where a static import of an ES
// module's types is refused, so the types come in with resolution-mode "import" and the code
// is loaded with require, which picks the CommonJS build.
type VizModule = typeof import('@viz-js/viz', { with: { 'resolution-mode': 'import' }});
type Viz = Awaited<ReturnType<VizModule['instance']>>;

let vizInstance: Promise<Viz> | undefined;

/** The Graphviz WebAssembly instance, created on first use and reused by every render. */
function graphviz(): Promise<Viz> {
  if (!vizInstance) {
    const viz: VizModule = require('@viz-js/viz');
    vizInstance = viz.instance().catch((error: unknown) => {
      vizInstance = undefined; // let the next render try again
      throw error;
    });
  }
  return vizInstance;
}

/**
 * Lay out a DOT graph and return it as SVG. Graphviz is given no fonts of its own: it sizes
 * labels with its built-in metrics for the font the DOT names (DejaVu Sans), and `svgToPng`
 * draws them with the same font, so text fits its boxes. Throws if Graphviz refuses the DOT.
 */
export async function renderSvg(dot: string): Promise<string> {
  const result = (await graphviz()).render(dot, { format: 'svg', engine: 'dot' });
  if (result.status !== 'success') {
    const reasons = result.errors.map((error) => error.message).join('; ');
    throw new Error(`Graphviz could not render the diagram: ${reasons || 'no reason given'}`);
  }
  return result.output;
}

/** The widest PNG made; wider diagrams are scaled down to it. */
export const PNG_MAX_WIDTH = 1600;
/** The tallest PNG made: a very tall, narrow diagram is fitted to this height instead. */
export const PNG_MAX_HEIGHT = 4800;
/** Without a requested width, an SVG is drawn at twice its size (sharp on high-density screens), within the limits. */
const DEFAULT_SCALE = 2;

const FONT_FILE_NAMES = [
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSans-Oblique.ttf',
  'DejaVuSans-BoldOblique.ttf',
];
let fontFiles: string[] | undefined;

/** Paths of the DejaVu Sans files bundled by the `dejavu-fonts-ttf` package: the only fonts a PNG is drawn with. */
export function bundledFontFiles(): string[] {
  fontFiles ??= FONT_FILE_NAMES.map((name) =>
    path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', name),
  );
  return fontFiles;
}

export interface PngOptions {
  /** Width in pixels, at most PNG_MAX_WIDTH; the height follows the SVG's aspect ratio. */
  width?: number;
}

/**
 * Draw an SVG as a PNG on a white background, with only the bundled DejaVu fonts (system fonts
 * are never loaded), so a slim container without fonts draws the same labels as a laptop.
 * The width is the requested one, else twice the SVG's own, never more than PNG_MAX_WIDTH;
 * a result taller than PNG_MAX_HEIGHT is fitted to that height instead. The drawing runs off
 * the event loop (resvg's thread pool): a large diagram takes about a second, and the process
 * that draws it may also be answering Slack within its 3 seconds.
 */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  // Sizing needs no fonts: text never changes an SVG's declared size.
  const natural = new Resvg(svg, { font: { loadSystemFonts: false } });
  const rendered = await renderAsync(svg, {
    fitTo: fitTo(natural.width, natural.height, options.width),
    background: '#ffffff',
    font: { fontFiles: bundledFontFiles(), loadSystemFonts: false, defaultFontFamily: DIAGRAM_FONT },
  });
  return rendered.asPng();
}

function fitTo(width: number, height: number, requested: number | undefined): ResvgRenderOptions['fitTo'] {
  const target = Math.round(Math.min(Math.max(requested ?? width * DEFAULT_SCALE, 1), PNG_MAX_WIDTH));
  if (width > 0 && (height * target) / width > PNG_MAX_HEIGHT) return { mode: 'height', value: PNG_MAX_HEIGHT };
  return { mode: 'width', value: target };
}

/** The two pictures of a model, as SVG (for a report) and PNG (for Slack). */
export interface ModelDiagrams {
  dfdSvg: string;
  dfdPng: Buffer;
  /** Before and after mitigation, side by side. */
  matrixSvg: string;
  matrixPng: Buffer;
}

export async function modelDiagrams(model: ThreatModel, flow: Flow): Promise<ModelDiagrams> {
  const dfdSvg = await renderSvg(dataFlowDiagramDot(model));
  const matrixSvg = riskMatrixSvg(model, flow, 'both');
  return { dfdSvg, dfdPng: await svgToPng(dfdSvg), matrixSvg, matrixPng: await svgToPng(matrixSvg) };
}

/** One picture as PNG: the data-flow diagram, or the risk matrix before and after. */
export async function modelPicture(
  model: ThreatModel,
  flow: Flow,
  picture: 'data_flow' | 'risk_matrix',
): Promise<Buffer> {
  const svg = picture === 'data_flow' ? await renderSvg(dataFlowDiagramDot(model)) : riskMatrixSvg(model, flow, 'both');
  return svgToPng(svg);
}
