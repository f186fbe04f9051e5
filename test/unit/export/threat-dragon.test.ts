import type { Mitigation } from '../../../src/domain/mitigation';
import type { ThreatModel } from '../../../src/domain/model';
import type { Threat } from '../../../src/domain/threat';
import { toThreatDragon } from '../../../src/export/threat-dragon';
import {
  carriesThreats,
  type ThreatDragonCell,
  type ThreatDragonModel,
  ThreatDragonModelSchema,
} from '../../../src/export/threat-dragon-schema';
import {
  BOB,
  buildMitigation,
  buildModel,
  buildModelWith,
  buildScopedModel,
  buildThreat,
  CAROL,
  defaultFlow,
  NOW,
} from '../../support/build-model';
import { hiddenCharactersIn } from '../../support/hidden-characters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const at = NOW.toISOString();

function exportOf(model: ThreatModel): ThreatDragonModel {
  return toThreatDragon(model, defaultFlow());
}

function cellsOf(file: ThreatDragonModel): ThreatDragonCell[] {
  const [diagram] = file.detail.diagrams;
  if (!diagram) throw new Error('no diagram');
  return diagram.cells;
}

type Boxed = Extract<ThreatDragonCell, { position: unknown }>;
const isNode = (cell: ThreatDragonCell): cell is Boxed & { shape: 'actor' | 'process' | 'store' } =>
  cell.shape === 'actor' || cell.shape === 'process' || cell.shape === 'store';

function named(file: ThreatDragonModel, name: string): ThreatDragonCell {
  const found = cellsOf(file).filter((cell) => cell.data.name === name);
  if (found.length !== 1) throw new Error(`expected one cell named ${name}, found ${found.length}`);
  return found[0] as ThreatDragonCell;
}

function threatsOn(file: ThreatDragonModel, name: string) {
  const cell = named(file, name);
  return carriesThreats(cell) ? cell.data.threats : [];
}

function overlaps(a: Boxed, b: Boxed): boolean {
  return (
    a.position.x < b.position.x + b.size.width &&
    b.position.x < a.position.x + a.size.width &&
    a.position.y < b.position.y + b.size.height &&
    b.position.y < a.position.y + a.size.height
  );
}

function inside(inner: Boxed, outer: Boxed): boolean {
  return (
    inner.position.x >= outer.position.x &&
    inner.position.y >= outer.position.y &&
    inner.position.x + inner.size.width <= outer.position.x + outer.size.width &&
    inner.position.y + inner.size.height <= outer.position.y + outer.size.height
  );
}

function overlappingPairs(cells: Boxed[]): string[] {
  return cells.flatMap((a, i) =>
    cells.slice(i + 1).flatMap((b) => (overlaps(a, b) ? [`${a.data.name} / ${b.data.name}`] : [])),
  );
}

/** 40 actors, 60 components of every kind in five boundaries (some outside), 100 flows. */
function buildLargeModel(): ThreatModel {
  const actors = Array.from({ length: 40 }, (_, i) => ({
    id: `AC-${i + 1}`,
    name: `Actor ${i + 1}`,
    kind: i % 2 ? ('system' as const) : ('human' as const),
    ...(i % 5 === 0 ? { trustBoundaryId: 'TB-1' } : {}),
  }));
  const kinds = ['process', 'process', 'data_store', 'external_entity'] as const;
  const components = Array.from({ length: 60 }, (_, i) => ({
    id: `C-${i + 1}`,
    name: `Component ${i + 1}`,
    type: 'aws-lambda',
    kind: kinds[i % kinds.length] ?? 'process',
    ...(i % 6 === 5 ? {} : { trustBoundaryId: `TB-${(i % 5) + 1}` }),
  }));
  const entryPoints = Array.from({ length: 10 }, (_, i) => ({
    id: `EP-${i + 1}`,
    name: `Route ${i + 1}`,
    componentId: `C-${i * 4 + 1}`,
    authentication: 'oauth2' as const,
  }));
  const ends = [...actors.map((actor) => actor.id), ...components.map((component) => component.id)];
  const dataFlows = Array.from({ length: 100 }, (_, i) => {
    const from = ends[i % ends.length] as string;
    const to = ends[(i * 7 + 13) % ends.length] as string;
    return { id: `DF-${i + 1}`, from, to: to === from ? (ends[(i + 1) % ends.length] as string) : to };
  }).map((flow) => ({ ...flow, data: `payload ${flow.id}`, crossesTrustBoundary: false }));
  const trustBoundaries = Array.from({ length: 6 }, (_, i) => ({ id: `TB-${i + 1}`, name: `Zone ${i + 1}` }));
  return buildModel({
    scope: { actors, components, entryPoints, dataFlows, trustBoundaries },
    counters: {
      asset: 0,
      actor: 40,
      entryPoint: 10,
      component: 60,
      dataFlow: 100,
      trustBoundary: 6,
      useCase: 0,
      designLink: 0,
      threat: 0,
      mitigation: 0,
    },
  });
}

/** The scoped Refunds API, plus an external payment provider and a boundary nothing names. */
function buildRichModel(threats: Threat[] = [], mitigations: Mitigation[] = []): ThreatModel {
  const scoped = buildScopedModel();
  return buildModelWith(threats, mitigations, {
    scope: {
      ...scoped.scope,
      components: [
        ...scoped.scope.components,
        { id: 'C-4', name: 'Payment provider', type: 'saas-api', kind: 'external_entity' },
        { id: 'C-5', name: 'Payout worker', type: 'aws-lambda', kind: 'process', trustBoundaryId: 'TB-1' },
      ],
      dataFlows: [
        ...scoped.scope.dataFlows,
        { id: 'DF-3', from: 'C-3', to: 'C-5', data: 'payout job', crossesTrustBoundary: false },
        { id: 'DF-4', from: 'C-5', to: 'C-4', data: 'payout', protocol: 'HTTPS', crossesTrustBoundary: true },
      ],
      trustBoundaries: [...scoped.scope.trustBoundaries, { id: 'TB-2', name: 'Internet edge' }],
    },
    counters: {
      ...scoped.counters,
      component: 5,
      dataFlow: 4,
      trustBoundary: 2,
      threat: Math.max(0, ...threats.map((threat) => Number(threat.id.slice(2)))),
      mitigation: mitigations.length,
    },
  });
}

describe('Threat Dragon export', () => {
  describe('the file', () => {
    it('has every field the Threat Dragon v2 schema requires', () => {
      const model = buildRichModel([buildThreat('T-1')]);

      const file = exportOf(model);

      expect(ThreatDragonModelSchema.safeParse(file).error?.issues).toBeUndefined();
      expect(file.version).toMatch(/^2\.\d+\.\d+$/);
      expect(file.summary).toEqual({
        title: 'Refunds API',
        owner: model.ownerId,
        description: model.scope.description,
        id: 'TM-1',
      });
      expect(file.detail).toMatchObject({ contributors: [{ name: model.ownerId }], diagramTop: 1, reviewer: '' });
      expect(file.detail.threatTop).toBe(model.counters.threat);
      expect(file.detail.diagrams).toHaveLength(1);
      expect(file.detail.diagrams[0]).toMatchObject({ id: 0, diagramType: 'STRIDE', version: file.version });
    });

    it('adds the AppSec approval, its comment and follow-up actions to the summary of an approved model', () => {
      const model = buildRichModel([buildThreat('T-1')]);
      const at = '2026-11-25T10:00:00.000Z';
      const approved = {
        ...model,
        status: 'approved' as const,
        review: {
          requestedBy: model.ownerId,
          requestedAt: at,
          incomplete: false,
          reviewerId: 'U0SEC0001',
          history: [
            {
              type: 'approved' as const,
              by: 'U0SEC0001',
              at,
              comment: 'Good.',
              followUps: ['Pen-test the refund API'],
            },
          ],
        },
      };
      const file = exportOf(approved);
      expect(ThreatDragonModelSchema.safeParse(file).error?.issues).toBeUndefined();
      expect(file.summary.description).toBe(
        `${model.scope.description}\n\nApproved by AppSec (U0SEC0001) on 2026-11-25: Good.\nFollow-up actions:\n- Pen-test the refund API`,
      );
    });

    it('is valid for an empty model too', () => {
      expect(ThreatDragonModelSchema.safeParse(exportOf(buildModel())).success).toBe(true);
    });
  });

  describe('cells', () => {
    it('draws every actor and component as exactly one cell of its shape', () => {
      const file = exportOf(buildRichModel());

      const shapes = cellsOf(file)
        .filter(isNode)
        .map((cell) => [cell.data.name, cell.shape, cell.data.type]);
      expect(shapes).toEqual([
        ['Customer', 'actor', 'tm.Actor'],
        ['Payment provider', 'actor', 'tm.Actor'],
        ['Refunds API', 'process', 'tm.Process'],
        ['Payments DB', 'store', 'tm.Store'],
        ['Payout queue', 'store', 'tm.Store'],
        ['Payout worker', 'process', 'tm.Process'],
      ]);
    });

    it('draws every data flow as an edge between the cells of its two ends', () => {
      const file = exportOf(buildRichModel());
      const idOf = (name: string) => named(file, name).id;

      const edges = cellsOf(file).flatMap((cell) =>
        cell.shape === 'flow' ? [[cell.data.name, cell.source.cell, cell.target.cell]] : [],
      );
      expect(edges).toEqual([
        ['refund request', idOf('Customer'), idOf('Refunds API')],
        ['refund record', idOf('Refunds API'), idOf('Payments DB')],
        ['payout job', idOf('Payout queue'), idOf('Payout worker')],
        ['payout', idOf('Payout worker'), idOf('Payment provider')],
      ]);
      expect(named(file, 'payout')).toMatchObject({ data: { protocol: 'HTTPS' } });
    });

    it('boxes a trust boundary around exactly the elements that name it', () => {
      const file = exportOf(buildRichModel());
      const box = named(file, 'Payments VPC');
      if (box.shape !== 'trust-boundary-box') throw new Error(`expected a box, got ${box.shape}`);

      expect(box.data).toMatchObject({ type: 'tm.BoundaryBox', isTrustBoundary: true, hasOpenThreats: false });
      const nodes = cellsOf(file).filter(isNode);
      expect(nodes.filter((cell) => inside(cell, box)).map((cell) => cell.data.name)).toEqual([
        'Refunds API',
        'Payments DB',
        'Payout queue',
        'Payout worker',
      ]);
      expect(nodes.filter((cell) => overlaps(cell, box) && !inside(cell, box))).toEqual([]);
    });

    it('draws a boundary no element names as a dashed line between two columns', () => {
      const file = exportOf(buildRichModel());
      const line = named(file, 'Internet edge');
      if (line.shape !== 'trust-boundary-curve') throw new Error(`expected a curve, got ${line.shape}`);
      const customer = named(file, 'Customer') as Boxed;
      const api = named(file, 'Refunds API') as Boxed;

      expect(line.data).toMatchObject({ type: 'tm.Boundary', isTrustBoundary: true });
      expect(line.source.x).toBe(line.target.x);
      expect(line.source.x).toBeGreaterThan(customer.position.x + customer.size.width);
      expect(line.source.x).toBeLessThan(api.position.x);
    });
  });

  describe('threats on cells', () => {
    /** Bob, who decides the risks below, is the developer. */
    const onTeam = (model: ThreatModel): ThreatModel => ({
      ...model,
      roles: { ...model.roles, developer: [BOB] },
    });
    const decided = (type: 'mitigate' | 'accept', reason?: string) => ({
      decision: { type, decidedBy: BOB, decidedAt: at, ...(reason ? { reason } : {}) },
    });
    const accepted = buildThreat('T-1', {
      threatAction: 'read refund records from a replica',
      stride: ['I'],
      affectedElementIds: ['C-2'],
      risk: { before: { likelihood: 2, impact: 2 }, ...decided('accept', 'Read-only replica, data is public') },
    });
    const mitigated = buildThreat('T-2', {
      stride: ['T'],
      affectedElementIds: ['EP-1'],
      risk: { before: { likelihood: 4, impact: 4 }, after: { likelihood: 2, impact: 3 }, ...decided('mitigate') },
    });
    const openHigh = buildThreat('T-3', {
      stride: ['D'],
      affectedElementIds: ['DF-1', 'C-1'],
      risk: { before: { likelihood: 4, impact: 4 } },
    });
    const file = exportOf(
      onTeam(
        buildRichModel(
          [accepted, mitigated, openHigh],
          [buildMitigation('M-1', ['T-2'], { description: 'Idempotency key on POST /refunds', status: 'implemented' })],
        ),
      ),
    );

    it('lists on each cell the threats affecting its element, an entry point’s on its component', () => {
      const titles = (name: string) => threatsOn(file, name).map((threat) => threat.title);

      expect(titles('Payments DB')).toEqual(['T-1: Read refund records from a replica']);
      expect(titles('Refunds API')).toEqual(['T-2: Replay a refund request', 'T-3: Replay a refund request']);
      expect(titles('refund request')).toEqual(['T-3: Replay a refund request']);
      expect(titles('Customer')).toEqual([]);
    });

    it('carries an accepted risk as NotApplicable, with the decision as its mitigation', () => {
      expect(threatsOn(file, 'Payments DB')).toEqual([
        expect.objectContaining({
          type: 'Information disclosure',
          status: 'NotApplicable',
          severity: 'Low',
          score: 'L2×I2=4',
          mitigation: `Risk accepted by ${BOB}: Read-only replica, data is public`,
          modelType: 'STRIDE',
          number: 1,
        }),
      ]);
      expect(named(file, 'Payments DB').data.hasOpenThreats).toBe(false);
    });

    it('carries a threat mitigated within appetite by an implemented mitigation as Mitigated, at its residual severity', () => {
      const [threat] = threatsOn(file, 'Refunds API');

      expect(threat).toMatchObject({
        type: 'Tampering',
        status: 'Mitigated',
        severity: 'Medium',
        score: 'L2×I3=6 (before mitigation L4×I4=16)',
        mitigation: 'M-1 (implemented): Idempotency key on POST /refunds',
        description:
          'An internet-based threat actor with a stolen customer session can replay a refund request, which leads to ' +
          'refunds paid twice, resulting in reduced integrity of Refund records\n' +
          'Risk before mitigation: L4×I4=16 (high); after mitigation: L2×I3=6 (medium)',
      });
    });

    it('never labels a threat Mitigated on the strength of a proposed or planned mitigation', () => {
      for (const status of ['proposed', 'planned'] as const) {
        const planned = exportOf(
          onTeam(
            buildRichModel([mitigated], [buildMitigation('M-1', ['T-2'], { description: 'Idempotency key', status })]),
          ),
        );
        expect(threatsOn(planned, 'Refunds API')[0]).toMatchObject({
          status: 'Open',
          mitigation: `M-1 (${status}, not in place yet): Idempotency key`,
        });
      }
    });

    it('reproduces "residual risk is ignored": 5x5 after mitigation, decided "mitigate", is Open and Critical', () => {
      const critical = buildThreat('T-2', {
        stride: ['T'],
        affectedElementIds: ['EP-1'],
        risk: { before: { likelihood: 5, impact: 5 }, after: { likelihood: 5, impact: 5 }, ...decided('mitigate') },
      });
      const out = exportOf(buildRichModel([critical], [buildMitigation('M-1', ['T-2'], { status: 'implemented' })]));
      expect(threatsOn(out, 'Refunds API')[0]).toMatchObject({ status: 'Open', severity: 'Critical' });
    });

    it('shows who proposed a high risk acceptance and who accepted it, and keeps a pending one Open', () => {
      const high = { before: { likelihood: 4, impact: 4 }, after: { likelihood: 4, impact: 4 } };
      const proposal = { type: 'accept' as const, reason: 'Capped at 50 EUR', decidedBy: BOB, decidedAt: at };
      const accepted = buildThreat('T-2', {
        stride: ['T'],
        affectedElementIds: ['EP-1'],
        risk: {
          ...high,
          decision: { ...proposal, acceptance: { status: 'accepted', by: CAROL, at, asRole: 'business' } },
        },
      });
      const pending = buildThreat('T-2', {
        ...accepted,
        risk: { ...high, decision: { ...proposal, acceptance: { status: 'pending', awaiting: 'business' } } },
      });
      const withCarol = (threat: Threat) => {
        const model = buildRichModel([threat]);
        return exportOf({ ...model, roles: { ...model.roles, business: [CAROL] } });
      };
      expect(threatsOn(withCarol(accepted), 'Refunds API')[0]).toMatchObject({
        status: 'NotApplicable',
        mitigation: `Risk accepted by ${CAROL} (proposed by ${BOB}): Capped at 50 EUR`,
      });
      expect(threatsOn(withCarol(pending), 'Refunds API')[0]).toMatchObject({
        status: 'Open',
        mitigation: `Risk to be accepted: proposed by ${BOB}, waiting for the Business role holder: Capped at 50 EUR`,
      });
    });

    it('keeps an untreated high risk Open and marks its cells as having open threats', () => {
      const onFlow = threatsOn(file, 'refund request');

      expect(onFlow).toEqual([
        expect.objectContaining({ type: 'Denial of service', status: 'Open', severity: 'High', mitigation: '' }),
      ]);
      expect(named(file, 'refund request').data.hasOpenThreats).toBe(true);
      expect(named(file, 'Refunds API').data.hasOpenThreats).toBe(true);
      const [onApi] = threatsOn(file, 'Refunds API').slice(1);
      expect(onApi?.number).toBe(onFlow[0]?.number);
      expect(onApi?.id).not.toBe(onFlow[0]?.id);
    });

    it.each([
      [{ likelihood: 1, impact: 1 }, 'Low'],
      [{ likelihood: 3, impact: 3 }, 'Medium'],
      [{ likelihood: 3, impact: 4 }, 'High'],
      [{ likelihood: 5, impact: 5 }, 'Critical'],
      [undefined, 'TBD'],
    ] as const)('rates a residual risk of %o as severity %s', (before, severity) => {
      const threat = buildThreat('T-1', { affectedElementIds: ['C-1'], risk: before ? { before } : {} });

      const [exported] = threatsOn(exportOf(buildRichModel([threat])), 'Refunds API');

      expect(exported?.severity).toBe(severity);
    });

    it('types a threat by its first STRIDE category and names the others under the statement', () => {
      const several = buildThreat('T-1', { stride: ['I', 'T'], affectedElementIds: ['C-2'] });
      const none = buildThreat('T-2', { stride: [], affectedElementIds: ['C-2'] });

      const [first, second] = threatsOn(exportOf(buildRichModel([several, none])), 'Payments DB');

      expect(first?.type).toBe('Tampering');
      expect(first?.description).toMatch(/\n\nSTRIDE: Tampering, Information disclosure$/);
      expect(second?.type).toBe('Tampering');
      expect(second?.description).toMatch(/\n\nNo STRIDE category chosen yet in Threadmodel\.$/);
    });

    it('lists threats that affect no element in a text block, so none is lost', () => {
      const loose = buildThreat('T-1', { affectedElementIds: [] });

      const cells = cellsOf(exportOf(buildRichModel([loose])));

      const note = cells.find((cell) => cell.shape === 'td-text-block');
      expect(note?.data.name).toContain('T-1: An internet-based threat actor');
      expect(cells.filter(carriesThreats).flatMap((cell) => cell.data.threats)).toEqual([]);
    });
  });

  describe('layout', () => {
    it('places no two element cells over each other, and no box over another', () => {
      const cells = cellsOf(exportOf(buildRichModel()));

      expect(overlappingPairs(cells.filter(isNode))).toEqual([]);
      expect(overlappingPairs(cells.filter((cell): cell is Boxed => cell.shape === 'trust-boundary-box'))).toEqual([]);
    });

    it('bends a flow around an element its straight line would cross', () => {
      const cells = cellsOf(exportOf(buildRichModel()));
      const nodes = cells.filter(isNode);
      const centre = (id: string) => {
        const node = nodes.find((cell) => cell.id === id);
        if (!node) throw new Error(`no node ${id}`);
        return { x: node.position.x + node.size.width / 2, y: node.position.y + node.size.height / 2 };
      };
      const crossed = cells.flatMap((cell) => {
        if (cell.shape !== 'flow') return [];
        const path = [centre(cell.source.cell), ...(cell.vertices ?? []), centre(cell.target.cell)];
        const others = nodes.filter((node) => node.id !== cell.source.cell && node.id !== cell.target.cell);
        const hit = path.slice(1).some((end, i) => {
          const start = path[i] ?? end;
          return Array.from({ length: 101 }, (_, step) => step / 100).some((t) => {
            const point = { x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t };
            return others.some((node) => overlaps({ ...node, position: point, size: { width: 1, height: 1 } }, node));
          });
        });
        return hit ? [cell.data.name] : [];
      });

      expect(named(exportOf(buildRichModel()), 'refund record')).toMatchObject({ vertices: [expect.anything()] });
      expect(crossed).toEqual([]);
    });

    it('lays out a large model (40 actors, 60 components, 100 flows) without overlap', () => {
      const model = buildLargeModel();

      const file = exportOf(model);

      expect(ThreatDragonModelSchema.safeParse(file).error?.issues).toBeUndefined();
      const cells = cellsOf(file);
      const nodes = cells.filter(isNode);
      const boxes = cells.filter((cell): cell is Boxed => cell.shape === 'trust-boundary-box');
      expect(nodes).toHaveLength(100);
      expect(cells.filter((cell) => cell.shape === 'flow')).toHaveLength(100);
      expect(overlappingPairs(nodes)).toEqual([]);
      expect(overlappingPairs(boxes)).toEqual([]);
      for (const box of boxes) {
        const members = new Set(
          [...model.scope.actors, ...model.scope.components]
            .filter((element) => `Zone ${element.trustBoundaryId?.slice(3)}` === box.data.name)
            .map((element) => element.name),
        );
        expect(nodes.filter((node) => overlaps(node, box)).every((node) => members.has(node.data.name))).toBe(true);
        expect(nodes.filter((node) => members.has(node.data.name)).every((node) => inside(node, box))).toBe(true);
      }
      expect(nodes.every((node) => node.position.x >= 0 && node.position.y >= 0)).toBe(true);
    });
  });

  describe('determinism', () => {
    it('gives byte-identical JSON for the same model', () => {
      const model = buildRichModel([buildThreat('T-1', { affectedElementIds: ['EP-1', 'DF-2'] })]);

      expect(JSON.stringify(exportOf(model))).toBe(JSON.stringify(exportOf(structuredClone(model))));
    });

    it('identifies every cell and threat by a distinct UUID', () => {
      const file = exportOf(buildRichModel([buildThreat('T-1', { affectedElementIds: ['EP-1', 'DF-2', 'AC-1'] })]));
      const cells = cellsOf(file);
      const ids = [...cells.map((cell) => cell.id), ...cells.filter(carriesThreats).flatMap((c) => c.data.threats)];
      const all = ids.map((id) => (typeof id === 'string' ? id : id.id));

      expect(all.every((id) => UUID.test(id))).toBe(true);
      expect(new Set(all).size).toBe(all.length);
    });

    it('gives another model in another workspace other ids', () => {
      const model = buildRichModel();
      const other = { ...model, workspaceId: 'T0OTHERWS' };

      expect(named(exportOf(model), 'Customer').id).not.toBe(named(exportOf(other), 'Customer').id);
    });
  });

  describe('what the model says (issue 16)', () => {
    it('names a trust-boundary box in attrs.label.text, which Threat Dragon 2.4+ draws', () => {
      const box = named(exportOf(buildRichModel()), 'Payments VPC');

      expect(box.shape).toBe('trust-boundary-box');
      expect(box.attrs).toMatchObject({ label: { text: 'Payments VPC' }, headerText: { text: 'Payments VPC' } });
    });

    it('keeps the inherent rating beside the residual one, in the score and the description', () => {
      const threat = buildThreat('T-1', {
        affectedElementIds: ['C-1'],
        risk: { before: { likelihood: 4, impact: 4 }, after: { likelihood: 2, impact: 3 } },
      });
      const [exported] = threatsOn(exportOf(buildRichModel([threat])), 'Refunds API');

      expect(exported?.score).toBe('L2×I3=6 (before mitigation L4×I4=16)');
      expect(exported?.description).toContain(
        'Risk before mitigation: L4×I4=16 (high); after mitigation: L2×I3=6 (medium)',
      );
    });

    it('says a threat is not rated after mitigation when only the inherent rating is given', () => {
      const threat = buildThreat('T-1', {
        affectedElementIds: ['C-1'],
        risk: { before: { likelihood: 4, impact: 4 } },
      });
      const [exported] = threatsOn(exportOf(buildRichModel([threat])), 'Refunds API');

      expect(exported?.description).toContain('Risk before mitigation: L4×I4=16 (high); not rated after mitigation');
    });

    it('writes each mitigation’s owner, references and backlog link into the threat’s mitigation text', () => {
      const threat = buildThreat('T-1', { affectedElementIds: ['C-1'] });
      const mitigation = buildMitigation('M-1', ['T-1'], {
        description: 'Idempotency key',
        owner: CAROL,
        references: ['https://cheatsheetseries.owasp.org/x', 'docs/refunds.md#L12'],
        backlogLink: 'https://jira.example.com/browse/PAY-12',
      });
      const [exported] = threatsOn(exportOf(buildRichModel([threat], [mitigation])), 'Refunds API');

      expect(exported?.mitigation).toBe(
        [
          'M-1 (planned, not in place yet): Idempotency key',
          `Owner: ${CAROL}`,
          'References: https://cheatsheetseries.owasp.org/x, docs/refunds.md#L12',
          'Backlog: https://jira.example.com/browse/PAY-12',
        ].join('\n'),
      );
    });

    it('keeps no control or bidi character, even from a model that skipped the schema', () => {
      const dirty = 'Pay\u202Eouts\u0007 \u200Bqueue\u0000';
      const base = buildRichModel(
        [buildThreat('T-1', { affectedElementIds: ['C-1'] })],
        [buildMitigation('M-1', ['T-1'])],
      );
      const model: ThreatModel = {
        ...base,
        title: dirty,
        ownerId: `U0ALICE01${'\u202E'}`,
        scope: {
          ...base.scope,
          description: dirty,
          trustBoundaries: base.scope.trustBoundaries.map((b) => ({ ...b, name: dirty, trustLevel: dirty })),
          components: base.scope.components.map((c) => ({ ...c, name: dirty, type: dirty, description: dirty })),
          actors: base.scope.actors.map((a) => ({ ...a, name: dirty, trustLevel: dirty })),
          dataFlows: base.scope.dataFlows.map((f) => ({ ...f, data: dirty, protocol: dirty })),
        },
        threats: base.threats.map((t) => ({ ...t, threatAction: dirty, threatSource: dirty })),
        mitigations: base.mitigations.map((m) => ({ ...m, description: dirty })),
      };

      expect(hiddenCharactersIn(exportOf(model))).toEqual([]);
    });
  });

  describe('hostile text', () => {
    it('carries markup and Slack broadcasts as plain data, unescaped and unevaluated', () => {
      const hostile = '<script>alert(1)</script> <!channel>';
      const scoped = buildScopedModel();
      const model = buildModelWith([buildThreat('T-1', { threatAction: hostile, affectedElementIds: ['AC-1'] })], [], {
        title: `Refunds ${hostile}`,
        scope: {
          ...scoped.scope,
          actors: [{ id: 'AC-1', name: hostile, kind: 'human' }],
          dataFlows: scoped.scope.dataFlows.map((flow) => ({ ...flow, data: hostile })),
        },
      });

      const file = exportOf(model);
      const json = JSON.stringify(file);

      expect(ThreatDragonModelSchema.safeParse(JSON.parse(json)).success).toBe(true);
      expect(file.summary.title).toBe(`Refunds ${hostile}`);
      const carrying = cellsOf(file).filter((cell) => cell.data.name === hostile);
      expect(carrying.map((cell) => cell.shape)).toEqual(['actor', 'flow', 'flow']);
      const [actor] = carrying.filter(carriesThreats);
      expect(actor?.data.threats.map((threat) => threat.title)).toEqual([`T-1: ${hostile}`]);
      expect(json).not.toContain('&lt;');
    });
  });
});
