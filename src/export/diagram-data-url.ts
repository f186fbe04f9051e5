import { PNG_MAX_WIDTH, svgToPng } from './render-images';
import { THREAT_COMPOSER_LIMITS } from './threat-composer-schema';

const PREFIX = 'data:image/png;base64,';
/** The narrowest PNG worth embedding; a diagram that does not fit even then is left out. */
const MIN_WIDTH = 400;

/**
 * The data-flow diagram as a `data:image/png;base64,` URL within Threat Composer's 1,000,000
 * character limit for an embedded image: the export's own PNG when it fits, else the SVG drawn
 * again narrower (halving the width, down to MIN_WIDTH), else undefined. A PNG, because every
 * browser shows it in Threat Composer's `<img>` and its base64 holds nothing the importer's HTML
 * sanitiser would touch. Deterministic: the same diagram gives the same URL.
 */
export async function diagramDataUrl(svg: string, png: Buffer): Promise<string | undefined> {
  const fits = (image: Buffer) =>
    PREFIX.length + Math.ceil(image.length / 3) * 4 <= THREAT_COMPOSER_LIMITS.imageBase64Max;
  if (fits(png)) return `${PREFIX}${png.toString('base64')}`;
  for (let width = PNG_MAX_WIDTH / 2; width >= MIN_WIDTH; width /= 2) {
    const smaller = await svgToPng(svg, { width });
    if (fits(smaller)) return `${PREFIX}${smaller.toString('base64')}`;
  }
  return undefined;
}
