import { type Flow, RISK_BANDS, type RiskBand, type RiskMatrix } from '../domain/flow';
import type { ThreatModel } from '../domain/model';
import { countedResidualRating, scoreRisk } from '../domain/risk';
import { RISK_LEVEL_MAX } from '../domain/risk-assessment';
import { DIAGRAM_FONT, markupText, wrapText } from './dfd-dot';

/** Which rating a heat map counts: before mitigation (inherent) or after (residual). */
export type RiskView = 'before' | 'after';

export interface RiskMatrixCounts {
  view: RiskView;
  /** Ids of the threats rated in each cell, `[likelihood - 1][impact - 1]` like the bands. */
  cells: string[][][];
  /** Threats that have a rating for this view. */
  rated: number;
  total: number;
}

/**
 * Where the threats of a model sit on the matrix. "After" places each threat by its residual risk
 * as approval counts it (`countedResidualRating`: a lower rating without a mitigation behind it
 * counts as the inherent one; an accepted risk rated only before counts by that rating; a threat
 * not rated after mitigation is left out), as the report's After column and the risk-matrix message
 * in the thread do, so every view agrees; the heading says how many are counted.
 */
export function riskMatrixCounts(model: ThreatModel, view: RiskView): RiskMatrixCounts {
  const cells = LEVELS.map(() => LEVELS.map((): string[] => []));
  let rated = 0;
  for (const threat of model.threats) {
    const rating = view === 'before' ? threat.risk.before : countedResidualRating(threat, model.mitigations);
    if (!rating) continue;
    cells[rating.likelihood - 1]?.[rating.impact - 1]?.push(threat.id);
    rated += 1;
  }
  return { view, cells, rated, total: model.threats.length };
}

/**
 * The risk matrix as a standalone SVG heat map: likelihood rows (5 at the top), impact columns
 * (1 on the left), each cell filled with its band's colour and showing how many threats are
 * rated there, the axes labelled with the flow's level labels, and a legend with the count per
 * band. `'both'` draws the before and after maps side by side under one title (what the
 * diagram export uses); `'before'` or `'after'` draws one. Every cell is a
 * `<rect class="cell" data-likelihood data-impact data-band data-count>`; all text is escaped.
 */
export function riskMatrixSvg(model: ThreatModel, flow: Flow, which: RiskView | 'both'): string {
  const views: RiskView[] = which === 'both' ? ['before', 'after'] : [which];
  const width = PAD * 2 + views.length * PANEL_WIDTH + (views.length - 1) * PANEL_GAP;
  const height = PANEL_TOP + PANEL_HEIGHT + PAD;
  const title = `${model.id} · ${model.title}: risk matrix`;
  const panels = views.map((view, index) =>
    panel(flow.risk, riskMatrixCounts(model, view), PAD + index * (PANEL_WIDTH + PANEL_GAP), PANEL_TOP),
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${DIAGRAM_FONT}" role="img" aria-label="${markupText(title)}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    text(PAD, PAD + 16, truncated(title, 110), { size: 16, bold: true }),
    ...panels,
    '</svg>',
    '',
  ].join('\n');
}

const LEVELS = Array.from({ length: RISK_LEVEL_MAX }, (_, index) => index + 1);

export const BAND_COLORS: Readonly<Record<RiskBand, { fill: string; text: string }>> = {
  low: { fill: '#81c784', text: '#1b1b1b' },
  medium: { fill: '#ffd54f', text: '#1b1b1b' },
  high: { fill: '#ff9800', text: '#1b1b1b' },
  critical: { fill: '#e53935', text: '#ffffff' },
};
const BAND_NAMES: Readonly<Record<RiskBand, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
const VIEW_TITLES: Readonly<Record<RiskView, string>> = {
  before: 'Before mitigation (inherent risk)',
  after: 'After mitigation (residual risk)',
};

const PAD = 20;
const PANEL_GAP = 40;
const PANEL_TOP = PAD + 30;
const CELL = { width: 92, height: 60 };
const AXIS_TITLE_WIDTH = 24;
const ROW_LABEL = { width: 180, chars: 28, lines: 4, size: 10, lineHeight: 12 };
const COLUMN_LABEL = { chars: 15, lines: 5, size: 10, lineHeight: 12 };
const GRID_LEFT = AXIS_TITLE_WIDTH + ROW_LABEL.width + 8;
const GRID_TOP = 44;
const GRID_SIZE = { width: CELL.width * LEVELS.length, height: CELL.height * LEVELS.length };
const COLUMN_LABEL_TOP = GRID_TOP + GRID_SIZE.height + 14;
const IMPACT_TITLE_TOP = COLUMN_LABEL_TOP + COLUMN_LABEL.lines * COLUMN_LABEL.lineHeight + 6;
const LEGEND_TOP = IMPACT_TITLE_TOP + 28;
const PANEL_WIDTH = GRID_LEFT + GRID_SIZE.width;
const PANEL_HEIGHT = LEGEND_TOP + 20;

/** One heat map with its headings, axis labels and legend, its top-left corner at (x, y). */
function panel(matrix: RiskMatrix, counts: RiskMatrixCounts, x: number, y: number): string {
  const gridX = x + GRID_LEFT;
  const gridY = y + GRID_TOP;
  const parts = [
    `<g class="panel" data-view="${counts.view}">`,
    text(x, y + 14, VIEW_TITLES[counts.view], { size: 14, bold: true }),
    text(x, y + 30, `${counts.rated} of ${counts.total} threats rated ${counts.view} mitigation`, {
      size: 10,
      color: '#555555',
    }),
  ];
  for (const likelihood of LEVELS) {
    const rowY = gridY + (RISK_LEVEL_MAX - likelihood) * CELL.height;
    const label = matrix.likelihoodLevels[likelihood - 1] ?? String(likelihood);
    parts.push(rowLabel(gridX - 8, rowY + CELL.height / 2, label));
    for (const impact of LEVELS) {
      const ids = counts.cells[likelihood - 1]?.[impact - 1] ?? [];
      parts.push(cell(matrix, likelihood, impact, ids, gridX + (impact - 1) * CELL.width, rowY));
    }
  }
  for (const impact of LEVELS) {
    const label = matrix.impactLevels[impact - 1] ?? String(impact);
    const centre = gridX + (impact - 0.5) * CELL.width;
    wrapText(label, COLUMN_LABEL.chars, COLUMN_LABEL.lines).forEach((line, index) => {
      const lineY = y + COLUMN_LABEL_TOP + index * COLUMN_LABEL.lineHeight;
      parts.push(text(centre, lineY, line, { size: COLUMN_LABEL.size, anchor: 'middle' }));
    });
  }
  const axisX = x + AXIS_TITLE_WIDTH / 2 + 4;
  const axisY = gridY + GRID_SIZE.height / 2;
  parts.push(
    `<text x="${axisX}" y="${axisY}" font-size="12" font-weight="bold" text-anchor="middle" transform="rotate(-90 ${axisX} ${axisY})">Likelihood →</text>`,
    text(gridX + GRID_SIZE.width / 2, y + IMPACT_TITLE_TOP, 'Impact →', { size: 12, bold: true, anchor: 'middle' }),
    legend(matrix, counts, gridX, y + LEGEND_TOP),
    '</g>',
  );
  return parts.join('\n');
}

function cell(matrix: RiskMatrix, likelihood: number, impact: number, ids: readonly string[], x: number, y: number) {
  const { band, score } = scoreRisk(matrix, { likelihood, impact });
  const colors = BAND_COLORS[band];
  const listed = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', ');
  const tooltip = `Likelihood ${likelihood} × impact ${impact} = ${score} (${band}): ${ids.length} threat${ids.length === 1 ? '' : 's'}${listed ? ` (${listed})` : ''}`;
  return [
    `<rect class="cell" x="${x}" y="${y}" width="${CELL.width}" height="${CELL.height}" fill="${colors.fill}" stroke="#ffffff" stroke-width="2" data-likelihood="${likelihood}" data-impact="${impact}" data-band="${band}" data-count="${ids.length}"><title>${markupText(tooltip)}</title></rect>`,
    text(x + CELL.width / 2, y + CELL.height / 2 + 7, String(ids.length), {
      size: ids.length > 0 ? 20 : 14,
      bold: ids.length > 0,
      anchor: 'middle',
      color: colors.text,
      opacity: ids.length > 0 ? 1 : 0.4,
    }),
  ].join('\n');
}

function rowLabel(right: number, middle: number, label: string): string {
  const lines = wrapText(label, ROW_LABEL.chars, ROW_LABEL.lines);
  const top = middle - ((lines.length - 1) * ROW_LABEL.lineHeight) / 2 + ROW_LABEL.size / 3;
  return lines
    .map((line, index) =>
      text(right, top + index * ROW_LABEL.lineHeight, line, { size: ROW_LABEL.size, anchor: 'end' }),
    )
    .join('\n');
}

function legend(matrix: RiskMatrix, counts: RiskMatrixCounts, x: number, y: number): string {
  const perBand = new Map<RiskBand, number>();
  for (const likelihood of LEVELS) {
    for (const impact of LEVELS) {
      const { band } = scoreRisk(matrix, { likelihood, impact });
      const count = counts.cells[likelihood - 1]?.[impact - 1]?.length ?? 0;
      perBand.set(band, (perBand.get(band) ?? 0) + count);
    }
  }
  return RISK_BANDS.map((band, index) => {
    const left = x + index * 112;
    return [
      `<rect class="swatch" x="${left}" y="${y - 11}" width="14" height="14" rx="2" fill="${BAND_COLORS[band].fill}" data-band="${band}"/>`,
      text(left + 20, y, `${BAND_NAMES[band]}: ${perBand.get(band) ?? 0}`, { size: 11 }),
    ].join('\n');
  }).join('\n');
}

interface TextStyle {
  size: number;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  color?: string;
  opacity?: number;
}

/** One line of text; the content is escaped, the style comes only from constants above. */
function text(x: number, y: number, content: string, style: TextStyle): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${style.size}"`,
    style.bold ? 'font-weight="bold"' : '',
    style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
    `fill="${style.color ?? '#1b1b1b'}"`,
    style.opacity !== undefined && style.opacity < 1 ? `fill-opacity="${style.opacity}"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${markupText(content)}</text>`;
}

function truncated(value: string, chars: number): string {
  return wrapText(value, chars, 1)[0] ?? '';
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
