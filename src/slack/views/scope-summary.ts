import type { KnownBlock } from '@slack/types';
import type { Catalog } from '../../catalog/catalog';
import { nativeKind } from '../../catalog/catalog-queries';
import type { ThreatModel } from '../../domain/model';
import { CUSTOM_ENTRY_POINT_KIND, type EntryPoint } from '../../domain/scope';
import { SCOPE_KIND_NAMES, SCOPE_KINDS, SCOPE_LISTS, type ScopeKind } from '../../domain/scope-edits';
import { ACTIONS, encodeValue } from '../ids';
import type { SlackMessage } from './surfaces';
import { actions, button, context, option, section, userLine } from './text';

/** Elements per page: with kind headings and navigation, a page stays far below 50 blocks. */
export const SCOPE_PAGE_SIZE = 20;

interface Line {
  kind: ScopeKind;
  id: string;
  text: string;
}

const names = (model: ThreatModel) =>
  new Map<string, string>([
    ...model.scope.actors.map((a) => [a.id, a.name] as const),
    ...model.scope.components.map((c) => [c.id, c.name] as const),
    ...model.scope.assets.map((a) => [a.id, a.name] as const),
  ]);

/** One line per element: id, name and the facts a reviewer scans for. User text is escaped. */
function lines(model: ThreatModel, catalog: Catalog): Line[] {
  const named = names(model);
  const ref = (id: string) => `${id} ${userLine(named.get(id) ?? '', 60)}`.trim();
  const describe: { [K in ScopeKind]: (e: ThreatModel['scope'][(typeof SCOPE_LISTS)[K]][number]) => string } = {
    asset: (a) => `${userLine(a.name)} · ${a.classification}`,
    actor: (a) =>
      `${userLine(a.name)} · ${a.kind === 'human' ? 'person' : 'system'}${a.trustLevel ? ` · ${userLine(a.trustLevel)}` : ''}`,
    entryPoint: (e) =>
      `${userLine(e.name)} · on ${ref(e.componentId)}${kindText(model, catalog, e)} · auth: ${e.authentication.replace(/_/g, ' ')}`,
    component: (c) =>
      `${userLine(c.name)} · ${catalog.componentTypes.get(c.type)?.name ?? c.type}${c.inherited ? ` · _inherited from ${c.inherited.modelId} ${userLine(c.inherited.title, 60)}_` : ''}`,
    dataFlow: (f) =>
      `${ref(f.from)} → ${ref(f.to)}: ${userLine(f.data)}${f.crossesTrustBoundary ? ' · crosses a trust boundary' : ''}`,
    trustBoundary: (b) => `${userLine(b.name)}${b.trustLevel ? ` · ${userLine(b.trustLevel)}` : ''}`,
    useCase: (u) => userLine(u.name),
    designLink: (d) => `${userLine(d.title)} · ${userLine(d.url)}`,
    assumption: (a) => {
      const links = [...a.threatIds, ...a.mitigationIds];
      return `${userLine(a.description, 200)}${links.length ? ` · for ${links.join(', ')}` : ''}`;
    },
  };
  return SCOPE_KINDS.flatMap((kind) =>
    (model.scope[SCOPE_LISTS[kind]] as { id: string; outOfScopeReason?: string }[]).map((element) => ({
      kind,
      id: element.id,
      text: `*${element.id}* ${(describe[kind] as (e: unknown) => string)(element)}${outOfScopeNote(element)}`,
    })),
  );
}

/** " · _out of scope: reason_" for an element the team set aside. */
function outOfScopeNote(element: { outOfScopeReason?: string }): string {
  return element.outOfScopeReason ? ` · _out of scope: ${userLine(element.outOfScopeReason, 120)}_` : '';
}

/** " · S3 API (bucket and object requests), public": an entry point's kind by its catalog name. */
function kindText(model: ThreatModel, catalog: Catalog, entryPoint: EntryPoint): string {
  if (!entryPoint.kind) return '';
  const type = model.scope.components.find((c) => c.id === entryPoint.componentId)?.type ?? '';
  const name =
    entryPoint.kind === CUSTOM_ENTRY_POINT_KIND
      ? 'custom'
      : (nativeKind(catalog, type, entryPoint.kind)?.name ?? entryPoint.kind);
  return ` · ${name}${entryPoint.exposure ? `, ${entryPoint.exposure}` : ''}`;
}

/**
 * The scope summary in the thread: every element with an Edit/Remove menu, a page at a time so
 * that no message breaks Block Kit's limits however large the scope grows.
 */
export function scopeSummaryMessage(
  model: ThreatModel,
  catalog: Catalog,
  requestedPage = 1,
): SlackMessage & { page: number } {
  const all = lines(model, catalog);
  const pages = Math.max(1, Math.ceil(all.length / SCOPE_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const shown = all.slice((page - 1) * SCOPE_PAGE_SIZE, page * SCOPE_PAGE_SIZE);
  const editable = model.status === 'draft' || model.status === 'changes_requested';
  const blocks: KnownBlock[] = [
    section(`*Scope of ${model.id}* · ${all.length} element${all.length === 1 ? '' : 's'}`),
  ];
  if (all.length === 0) blocks.push(context('Nothing yet. Use the *Add* buttons above.'));
  let lastKind: ScopeKind | undefined;
  for (const line of shown) {
    if (line.kind !== lastKind) {
      blocks.push(context(`*${SCOPE_KIND_NAMES[line.kind]}s*`));
      lastKind = line.kind;
    }
    blocks.push(
      section(
        line.text,
        editable
          ? {
              type: 'overflow',
              action_id: ACTIONS.scopeElementMenu,
              options: [
                option('Edit', encodeValue(model.id, `edit:${line.id}`)),
                option('Remove', encodeValue(model.id, `remove:${line.id}`)),
              ],
            }
          : undefined,
      ),
    );
  }
  if (pages > 1) {
    blocks.push(
      actions('scope_pages', [
        ...(page > 1 ? [button('◀ Previous', ACTIONS.scopePrevious, encodeValue(model.id, page - 1))] : []),
        ...(page < pages ? [button('Next ▶', ACTIONS.scopeNext, encodeValue(model.id, page + 1))] : []),
      ]),
    );
    blocks.push(context(`Page ${page} of ${pages}`));
  }
  return { text: `Scope of ${model.id}: ${all.length} elements`, blocks, page };
}
