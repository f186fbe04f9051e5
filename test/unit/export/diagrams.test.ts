import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import type { Flow } from '../../../src/domain/flow';
import { type ThreatModel, type ThreatModelInput, ThreatModelSchema } from '../../../src/domain/model';
import type { Scope } from '../../../src/domain/scope';
import { dataFlowDiagramDot } from '../../../src/export/dfd-dot';
import { markdownReport } from '../../../src/export/markdown-report';
import { bundledFontFiles, modelDiagrams, PNG_MAX_WIDTH, renderSvg, svgToPng } from '../../../src/export/render-images';
import { riskMatrixCounts, riskMatrixSvg } from '../../../src/export/risk-matrix-svg';
import {
  buildMitigation,
  buildModel,
  buildModelWith,
  buildScopedModel,
  buildThreat,
  defaultFlow,
} from '../../support/build-model';

const flow = defaultFlow();

/** The scoped Refunds API plus a partner system in its own boundary and a third-party processor. */
function buildDiagramModel(overrides: Partial<ThreatModelInput> = {}): ThreatModel {
  const scoped = buildScopedModel();
  const scope: Scope = {
    ...scoped.scope,
    actors: [...scoped.scope.actors, { id: 'AC-2', name: 'Partner bank', kind: 'system', trustBoundaryId: 'TB-2' }],
    components: [
      ...scoped.scope.components,
      { id: 'C-4', name: 'Card processor', type: 'saas-api', kind: 'external_entity' },
    ],
    entryPoints: [
      ...scoped.scope.entryPoints,
      { id: 'EP-2', name: 'Payout webhook', componentId: 'C-3', authentication: 'none' },
    ],
    dataFlows: [
      ...scoped.scope.dataFlows,
      { id: 'DF-3', from: 'C-3', to: 'AC-2', data: 'payout', assetIds: [], crossesTrustBoundary: true },
      { id: 'DF-4', from: 'C-1', to: 'C-4', data: 'card token', assetIds: ['AS-1'], crossesTrustBoundary: true },
    ],
    trustBoundaries: [...scoped.scope.trustBoundaries, { id: 'TB-2', name: 'Partner network' }],
  };
  return ThreatModelSchema.parse({
    ...scoped,
    scope,
    counters: { ...scoped.counters, actor: 2, component: 4, entryPoint: 2, dataFlow: 4, trustBoundary: 2 },
    ...overrides,
  });
}

/** What Graphviz drew: the titles of its node, edge and cluster groups. */
function drawn(svg: string) {
  const groups = (kind: string) =>
    [...svg.matchAll(new RegExp(`<g id="[^"]*" class="${kind}">\\s*<title>([^<]*)</title>`, 'g'))].map((match) =>
      decodeEntities(match[1] ?? ''),
    );
  return { nodes: groups('node'), edges: groups('edge'), clusters: groups('cluster') };
}

/** The text an SVG shows, entities decoded, one string per `<text>` element. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) => decodeEntities(match[1] ?? ''));
}

function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return named[body] ?? entity;
  });
}

/** A tiny well-formedness check: tags nest and close, and every `&` starts an entity. */
function expectWellFormedXml(xml: string): void {
  const body = xml.replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '');
  const open: string[] = [];
  for (const [, closing, name, , selfClosing] of body.matchAll(
    /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g,
  )) {
    if (closing) expect(open.pop()).toBe(name);
    else if (!selfClosing && name) open.push(name);
  }
  expect(open).toEqual([]);
  expect(body.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
  expect(body).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i);
}

interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  pixels: Buffer;
}

/** Enough of a PNG decoder for resvg's output: 8-bit grey, RGB or RGBA, not interlaced. */
function decodePng(png: Buffer): DecodedPng {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [bitDepth, colorType, , , interlace] = png.subarray(24, 29);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType ?? -1];
  if (bitDepth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG ${bitDepth}/${colorType}`);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor =
        filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      pixels[y * stride + x] = ((raw[y * (stride + 1) + 1 + x] ?? 0) + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Pixels clearly darker than the light fills the diagrams use: where text and lines are drawn. */
function darkPixels(image: { channels: number; pixels: Buffer }): number {
  let dark = 0;
  for (let at = 0; at < image.pixels.length; at += image.channels) {
    const grey =
      image.channels >= 3
        ? ((image.pixels[at] ?? 0) + (image.pixels[at + 1] ?? 0) + (image.pixels[at + 2] ?? 0)) / 3
        : (image.pixels[at] ?? 0);
    if (grey < 96) dark += 1;
  }
  return dark;
}

const HOSTILE = [
  '"]; evil [label="x',
  '<script>x</script>',
  'back\\slash \\N \\G \\l',
  'two\nlines\r\nhere',
  '<!channel> & @here',
  '}} digraph { evil',
  'bell\u0007 \u202Eright-to-left',
];

describe('diagram export', () => {
  describe('the data-flow diagram', () => {
    it('draws one node per actor and component, one edge per data flow and one cluster per trust boundary', async () => {
      const model = buildDiagramModel();

      const svg = await renderSvg(dataFlowDiagramDot(model));

      const { nodes, edges, clusters } = drawn(svg);
      expect(nodes.sort()).toEqual(['AC-1', 'AC-2', 'C-1', 'C-2', 'C-3', 'C-4']);
      expect(edges.sort()).toEqual(['AC-1->C-1', 'C-1->C-2', 'C-1->C-4', 'C-3->AC-2']);
      expect(clusters.sort()).toEqual(['cluster_TB-1', 'cluster_TB-2']);
      expect(svg).toMatch(/<g id="DF&#45;3" class="edge">/);
    });

    it('gives each kind of element its DFD shape and lays it out left to right', () => {
      const dot = dataFlowDiagramDot(buildDiagramModel());
      const attributes = (id: string) => dot.match(new RegExp(`^\\s*"${id}" \\[([^\\n]*)\\];$`, 'm'))?.[1] ?? '';

      expect(dot).toMatch(/rankdir=LR/);
      expect(attributes('AC-1')).toMatch(/^shape=box, style="filled"/);
      expect(attributes('C-4')).toMatch(/^shape=box, style="filled"/);
      expect(attributes('C-1')).toMatch(/^shape=box, style="rounded,filled"/);
      expect(attributes('C-2')).toMatch(/^shape=cylinder/);
      expect(dot).toMatch(/subgraph "cluster_TB-1" \{\n\s+graph \[[^\n]*style="dashed,rounded", color="#d32f2f"/);
      expect(dot.match(/fontname="DejaVu Sans"/g)).toHaveLength(3);
    });

    it('shows entry points on their component, flow labels, and boundary crossings in red', async () => {
      const svg = await renderSvg(dataFlowDiagramDot(buildDiagramModel()));
      const texts = svgTexts(svg);

      expect(texts).toEqual(expect.arrayContaining(['▸ POST /refunds · oauth2', 'refund request', 'DF-1 · HTTPS']));
      expect(texts).toEqual(expect.arrayContaining(['▸ Payout webhook · ', 'no auth', 'Partner network']));
      expect(svg).toMatch(/<g id="DF&#45;1" class="edge">[\s\S]*?stroke="#c62828"/);
      expect(svg).not.toMatch(/font-family="Times/);
    });

    it('puts members inside their boundary, and a placeholder in a boundary with none', async () => {
      const model = buildDiagramModel();
      const empty = ThreatModelSchema.parse({
        ...model,
        scope: { ...model.scope, trustBoundaries: [...model.scope.trustBoundaries, { id: 'TB-3', name: 'DMZ' }] },
        counters: { ...model.counters, trustBoundary: 3 },
      });

      const dot = dataFlowDiagramDot(empty);
      const svg = await renderSvg(dot);

      const tb1 = dot.slice(dot.indexOf('subgraph "cluster_TB-1"'), dot.indexOf('subgraph "cluster_TB-2"'));
      expect(tb1.match(/^\s+"(C-\d+)" \[/gm)?.map((line) => line.trim().slice(0, 5))).toEqual([
        '"C-1"',
        '"C-2"',
        '"C-3"',
      ]);
      expect(drawn(svg).clusters).toHaveLength(3);
      expect(svgTexts(svg)).toContain('nothing inside yet');
    });

    it('is the same DOT for the same model', () => {
      expect(dataFlowDiagramDot(buildDiagramModel())).toBe(dataFlowDiagramDot(buildDiagramModel()));
    });

    it('wraps long names and cuts them with an ellipsis', async () => {
      const model = buildDiagramModel();
      const long = 'Reconciliation service for refunds, chargebacks and disputes across all regions';
      const named = ThreatModelSchema.parse({
        ...model,
        scope: { ...model.scope, components: model.scope.components.map((c) => ({ ...c, name: long.slice(0, 75) })) },
      });

      const texts = svgTexts(await renderSvg(dataFlowDiagramDot(named)));

      expect(texts).toEqual(expect.arrayContaining(['Reconciliation service', 'for refunds, chargebacks']));
      expect(texts).toContain('and disputes across all…');
      expect(texts.join(' ')).not.toContain('regions');
    });

    describe('when names are hostile', () => {
      it.each(HOSTILE)('%j stays text and adds no node', async (hostile) => {
        const model = buildDiagramModel({ title: `Refunds ${hostile}` });
        const scope = model.scope;
        const attacked = ThreatModelSchema.parse({
          ...model,
          scope: {
            ...scope,
            actors: scope.actors.map((actor) => ({ ...actor, name: hostile, trustLevel: hostile })),
            components: scope.components.map((component) => ({ ...component, name: hostile })),
            entryPoints: scope.entryPoints.map((entry) => ({ ...entry, name: hostile })),
            dataFlows: scope.dataFlows.map((dataFlow) => ({ ...dataFlow, data: hostile, protocol: hostile })),
            trustBoundaries: scope.trustBoundaries.map((boundary) => ({ ...boundary, name: hostile })),
          },
        });

        const svg = await renderSvg(dataFlowDiagramDot(attacked));

        expect(drawn(svg)).toEqual(drawn(await renderSvg(dataFlowDiagramDot(model))));
        expect(svg).not.toMatch(/<script|evil"|<g[^>]*class="node">\s*<title>evil/);
        const shown = hostile.replace('\u0007', '').replace('\u202E', '').replace(/\s+/g, ' ');
        expect(svgTexts(svg).filter((line) => line === shown).length).toBeGreaterThanOrEqual(6);
        expectWellFormedXml(svg);
      });
    });
  });

  describe('the risk matrix', () => {
    const model = buildModelWith(
      [
        buildThreat('T-1', { risk: { before: { likelihood: 4, impact: 4 }, after: { likelihood: 2, impact: 3 } } }),
        buildThreat('T-2', { risk: { before: { likelihood: 4, impact: 4 } } }),
        buildThreat('T-3', { risk: { before: { likelihood: 5, impact: 5 }, after: { likelihood: 1, impact: 1 } } }),
        buildThreat('T-4'),
      ],
      [buildMitigation('M-1', ['T-1', 'T-3'])],
    );
    const cells = (svg: string) =>
      [
        ...svg.matchAll(
          /<rect class="cell"[^>]* data-likelihood="(\d)" data-impact="(\d)" data-band="(\w+)" data-count="(\d+)"/g,
        ),
      ].map(([, likelihood, impact, band, count]) => ({ at: `${likelihood}x${impact}`, band, count: Number(count) }));
    const occupied = (svg: string) => cells(svg).filter((cell) => cell.count > 0);

    it('counts the threats rated in each cell, before and after mitigation', () => {
      expect(riskMatrixCounts(model, 'before')).toMatchObject({ rated: 3, total: 4 });
      expect(riskMatrixCounts(model, 'before').cells[3]?.[3]).toEqual(['T-1', 'T-2']);
      expect(riskMatrixCounts(model, 'after')).toMatchObject({ rated: 2, total: 4 });

      expect(occupied(riskMatrixSvg(model, flow, 'before'))).toEqual([
        { at: '4x4', band: 'high', count: 2 },
        { at: '5x5', band: 'critical', count: 1 },
      ]);
      expect(occupied(riskMatrixSvg(model, flow, 'after'))).toEqual([
        { at: '1x1', band: 'low', count: 1 },
        { at: '2x3', band: 'medium', count: 1 },
      ]);
    });

    it('counts After by the one rule the report and approval use (countedResidual)', () => {
      const decided = { decidedBy: 'U0BOB0001', decidedAt: '2026-11-25T10:00:00.000Z' };
      const counted = buildModelWith(
        [
          // Rated lower after mitigation with no mitigation behind it: the inherent 4x4 still counts.
          buildThreat('T-1', { risk: { before: { likelihood: 4, impact: 4 }, after: { likelihood: 2, impact: 3 } } }),
          // Accepted with only the rating before: that one is the residual risk.
          buildThreat('T-2', {
            risk: {
              before: { likelihood: 3, impact: 3 },
              decision: { type: 'accept', reason: 'Low value', ...decided },
            },
          }),
          // Mitigated: the rating after counts.
          buildThreat('T-3', { risk: { before: { likelihood: 5, impact: 5 }, after: { likelihood: 1, impact: 1 } } }),
          // Not rated after mitigation: in neither view.
          buildThreat('T-4', { risk: { before: { likelihood: 5, impact: 5 } } }),
        ],
        [buildMitigation('M-1', ['T-3'])],
      );
      const report = markdownReport({ model: counted, flow });
      const reportAfter = Object.fromEntries(
        [...report.matchAll(/^\| (low|medium|high|critical) \| \d+ \| (\d+) \|$/gm)].map(([, band, n]) => [
          band,
          Number(n),
        ]),
      );
      const svg = riskMatrixSvg(counted, flow, 'after');
      const matrixAfter = Object.fromEntries(
        [
          ...svgTexts(svg)
            .join('\n')
            .matchAll(/^(Low|Medium|High|Critical): (\d+)$/gm),
        ].map(([, band, n]) => [band?.toLowerCase(), Number(n)]),
      );

      expect(reportAfter).toEqual({ critical: 0, high: 1, medium: 1, low: 1 });
      expect(matrixAfter).toEqual(reportAfter);
      expect(occupied(svg).map((cell) => cell.at)).toEqual(['1x1', '3x3', '4x4']);
    });

    it('colours all 25 cells by the band of the flow, with a legend of counts per band', () => {
      const svg = riskMatrixSvg(model, flow, 'before');

      expect(cells(svg)).toHaveLength(25);
      for (const cell of cells(svg)) {
        const [likelihood, impact] = cell.at.split('x').map(Number);
        expect(cell.band).toBe(flow.risk.bands[(likelihood ?? 0) - 1]?.[(impact ?? 0) - 1]);
      }
      expect(svg.match(/<rect class="swatch"/g)).toHaveLength(4);
      expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Low: 0', 'Medium: 0', 'High: 2', 'Critical: 1']));
      expect(svgTexts(svg)).toContain('3 of 4 threats rated before mitigation');
    });

    it('draws before and after side by side when asked for both', () => {
      const svg = riskMatrixSvg(model, flow, 'both');

      expect(cells(svg)).toHaveLength(50);
      expect(svg.match(/<g class="panel" data-view="(before|after)">/g)).toEqual([
        '<g class="panel" data-view="before">',
        '<g class="panel" data-view="after">',
      ]);
    });

    it("labels the axes with the flow's level labels, escaped, in DejaVu Sans", () => {
      const hostileFlow: Flow = {
        ...flow,
        risk: {
          ...flow.risk,
          likelihoodLevels: ['1 <rare> & "odd"', ...flow.risk.likelihoodLevels.slice(1)],
          impactLevels: [...flow.risk.impactLevels.slice(0, 4), "5 </text><script>x</script> 'it'"],
        },
      };
      const hostileModel = buildModelWith([], [], { title: 'Refunds <!channel> & co' });

      const svg = riskMatrixSvg(hostileModel, hostileFlow, 'both');

      expectWellFormedXml(svg);
      expect(svg).not.toMatch(/<script/);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* font-family="DejaVu Sans"/);
      const texts = svgTexts(svg);
      expect(texts).toEqual(
        expect.arrayContaining(['1 <rare> & "odd"', '5 Almost certain: automated', '4 Major: many']),
      );
      expect(texts).toContain('TM-1 · Refunds <!channel> & co: risk matrix');
      expect(texts.join(' ')).toContain("</text><script>x</script> 'it'".slice(0, 6));
      expect(svg).toContain('&lt;rare&gt; &amp; &quot;odd&quot;');
    });
  });

  describe('PNG rendering', () => {
    const matrix = riskMatrixSvg(buildModel(), flow, 'before');

    it('fits the requested width, keeping the aspect ratio', async () => {
      const png = await svgToPng(matrix, { width: 800 });

      const source = new Resvg(matrix, { font: { loadSystemFonts: false } });
      const image = decodePng(png);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([image.width, image.height]);
      expect(image.width).toBe(800);
      expect(Math.abs(image.height - (800 * source.height) / source.width)).toBeLessThanOrEqual(1);
    });

    it(`is twice the SVG's size by default, never wider than ${PNG_MAX_WIDTH} px`, async () => {
      const small = new Resvg(matrix, { font: { loadSystemFonts: false } });
      expect((await svgToPng(matrix)).readUInt32BE(16)).toBe(Math.min(PNG_MAX_WIDTH, small.width * 2));
      expect((await svgToPng(matrix, { width: 5000 })).readUInt32BE(16)).toBe(PNG_MAX_WIDTH);
    });

    it('draws text with the bundled DejaVu font, and with no system font', async () => {
      const textOnly =
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="28" font-family="DejaVu Sans" font-size="20">Threadmodel</text></svg>';

      const drawnText = darkPixels(decodePng(await svgToPng(textOnly, { width: 200 })));
      const withoutFonts = new Resvg(textOnly, { font: { loadSystemFonts: false }, background: 'white' }).render();

      expect(drawnText).toBeGreaterThan(200);
      expect(darkPixels({ channels: 4, pixels: withoutFonts.pixels })).toBe(0);
      expect(bundledFontFiles().map((file) => file.split(/[\\/]/).slice(-2).join('/'))).toContain('ttf/DejaVuSans.ttf');
    });

    it('renders both diagrams of a model as SVG and PNG, on white', async () => {
      const diagrams = await modelDiagrams(buildDiagramModel(), flow);

      const dfd = decodePng(diagrams.dfdPng);
      expect(drawn(diagrams.dfdSvg).nodes).toHaveLength(6);
      expect(diagrams.matrixSvg.match(/<rect class="cell"/g)).toHaveLength(50);
      expect(dfd.width).toBeLessThanOrEqual(PNG_MAX_WIDTH);
      expect(diagrams.matrixPng.readUInt32BE(16)).toBe(PNG_MAX_WIDTH);
      expect(darkPixels(dfd)).toBeGreaterThan(1000);
      expect([...dfd.pixels.subarray(0, dfd.channels)].slice(0, 3)).toEqual([255, 255, 255]);
    });
  });

  describe('a model of 30 components', () => {
    it('draws every element once', async () => {
      const model = buildPlatformModel();

      const svg = await renderSvg(dataFlowDiagramDot(model));

      const { nodes, edges, clusters } = drawn(svg);
      expect(nodes).toHaveLength(34);
      expect(edges).toHaveLength(37);
      expect(clusters).toHaveLength(3);
    });
  });
});

/**
 * A platform of 30 components in tiers: four actors call five gateways (edge boundary), each
 * gateway calls three services (services boundary), each service writes to one of eight stores
 * (data boundary), and three services call two third-party systems outside every boundary.
 */
function buildPlatformModel(): ThreatModel {
  const component = (n: number, kind: 'process' | 'data_store' | 'external_entity', boundary?: string) => ({
    id: `C-${n}`,
    name: `${kind === 'data_store' ? 'Store' : kind === 'process' ? 'Service' : 'Third party'} ${n} of the refunds platform`,
    type: kind === 'data_store' ? 'aws-dynamodb' : 'aws-lambda',
    kind,
    trustBoundaryId: boundary,
  });
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const links: [string, string][] = [
    ...range(1, 4).map((a): [string, string] => [`AC-${a}`, `C-${((a - 1) % 5) + 1}`]),
    ...range(6, 20).map((s): [string, string] => [`C-${Math.floor((s - 6) / 3) + 1}`, `C-${s}`]),
    ...range(6, 20).map((s): [string, string] => [`C-${s}`, `C-${21 + ((s - 6) % 8)}`]),
    ['C-6', 'C-29'],
    ['C-9', 'C-30'],
    ['C-12', 'C-29'],
  ];
  const scope: ThreatModelInput['scope'] = {
    actors: range(1, 4).map((n) => ({ id: `AC-${n}`, name: `Actor ${n}`, kind: n % 2 ? 'human' : 'system' })),
    components: [
      ...range(1, 5).map((n) => component(n, 'process', 'TB-1')),
      ...range(6, 20).map((n) => component(n, 'process', 'TB-2')),
      ...range(21, 28).map((n) => component(n, 'data_store', 'TB-3')),
      ...range(29, 30).map((n) => component(n, 'external_entity')),
    ],
    entryPoints: [
      ...range(1, 5).map((n) => ({
        id: `EP-${n}`,
        name: `POST /api/v1/gateway-${n}`,
        componentId: `C-${n}`,
        authentication: 'jwt' as const,
      })),
      { id: 'EP-6', name: 'Payout webhook', componentId: 'C-6', authentication: 'none' },
    ],
    dataFlows: links.map(([from, to], i) => ({
      id: `DF-${i + 1}`,
      from,
      to,
      data: `payload ${i + 1} with a customer reference`,
      protocol: 'HTTPS',
      crossesTrustBoundary: true,
    })),
    trustBoundaries: [
      { id: 'TB-1', name: 'Edge' },
      { id: 'TB-2', name: 'Services VPC' },
      { id: 'TB-3', name: 'Data' },
    ],
  };
  return buildModel({
    scope,
    counters: {
      asset: 0,
      actor: 4,
      entryPoint: 6,
      component: 30,
      dataFlow: links.length,
      trustBoundary: 3,
      useCase: 0,
      designLink: 0,
      threat: 0,
      mitigation: 0,
    },
  });
}
