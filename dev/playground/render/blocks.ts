import { bool, isRecord, type Json, rec, recs, str, textOf } from './block-data';
import { lookupError, type RenderContext, renderText } from './context';
import { isImageUrl, type Placement, renderElement } from './elements';
import { attrs, type Html, html } from './html';
import { renderRichText } from './rich-text';

function unsupported(type: string | undefined): Html {
  return html`<div class="block block-unsupported">Unsupported block: ${type ?? 'unknown'}</div>`;
}

function section(block: Json, blockId: string, ctx: RenderContext): Html {
  const fields = recs(block, 'fields');
  const accessory = rec(block, 'accessory');
  const placement: Placement = { blockId, dispatch: true };
  return html`<div class="block block-section"><div class="section-body">${
    rec(block, 'text') ? html`<div class="section-text">${renderText(rec(block, 'text'), ctx)}</div>` : ''
  }${
    fields.length > 0
      ? html`<div class="section-fields">${fields.map((field) => html`<div class="section-field">${renderText(field, ctx)}</div>`)}</div>`
      : ''
  }</div>${accessory ? html`<div class="section-accessory">${renderElement(accessory, placement, ctx)}</div>` : ''}</div>`;
}

function context(block: Json, blockId: string, ctx: RenderContext): Html {
  const parts = recs(block, 'elements').map((element) =>
    str(element, 'type') === 'image'
      ? renderElement(element, { blockId, dispatch: false }, ctx)
      : html`<span class="context-text">${renderText(element, ctx)}</span>`,
  );
  return html`<div class="block block-context">${parts}</div>`;
}

function image(block: Json): Html {
  const url = str(block, 'image_url') ?? '';
  const alt = str(block, 'alt_text') ?? '';
  const title = textOf(block, 'title');
  return html`<figure class="block block-image">${title ? html`<figcaption>${title}</figcaption>` : ''}${
    isImageUrl(url)
      ? html`<a href="${url}" target="_blank" rel="noopener noreferrer"><img src="${url}" alt="${alt}" loading="lazy"></a>`
      : html`<span class="unsupported">[image: ${alt}]</span>`
  }</figure>`;
}

function input(block: Json, blockId: string, ctx: RenderContext): Html {
  const element = rec(block, 'element');
  const error = lookupError(ctx, blockId);
  const hint = rec(block, 'hint');
  const placement: Placement = { blockId, dispatch: bool(block, 'dispatch_action') };
  const hooks = attrs({ 'data-block-id': blockId, 'data-required': !bool(block, 'optional') });
  return html`<div class="block block-input${error ? ' has-error' : ''}"${hooks}><div class="input-label">${renderText(rec(block, 'label'), ctx)}${
    bool(block, 'optional') ? html` <span class="optional">(optional)</span>` : ''
  }</div>${element ? renderElement(element, placement, ctx) : unsupported('input without element')}${
    hint ? html`<div class="input-hint">${renderText(hint, ctx)}</div>` : ''
  }${error ? html`<div class="input-error" role="alert">${error}</div>` : ''}</div>`;
}

function renderBlock(block: Json, index: number, ctx: RenderContext): Html {
  const type = str(block, 'type');
  // Slack makes up a block id when a block has none; the index is stable across re-renders of one payload.
  const blockId = str(block, 'block_id') ?? `block-${index}`;
  switch (type) {
    case 'header':
      return html`<div class="block block-header">${renderText(rec(block, 'text'), ctx)}</div>`;
    case 'section':
      return section(block, blockId, ctx);
    case 'context':
      return context(block, blockId, ctx);
    case 'divider':
      return html`<hr class="block block-divider">`;
    case 'image':
      return image(block);
    case 'actions':
      return html`<div class="block block-actions">${recs(block, 'elements').map((element) =>
        renderElement(element, { blockId, dispatch: true }, ctx),
      )}</div>`;
    case 'input':
      return input(block, blockId, ctx);
    case 'rich_text':
      return renderRichText(block, ctx);
    default:
      return unsupported(type);
  }
}

/**
 * Block Kit blocks as HTML. Every piece of text is escaped (mrkdwn through renderMrkdwn), links
 * and images only ever point at http(s) (images also at the playground's own paths), and
 * interactive elements carry `data-kind`, `data-action-id`, `data-block-id` and their values for
 * the DOM layer. Anything unknown renders as a visible note, never silently.
 */
export function renderBlocks(blocks: unknown[], ctx: RenderContext): string {
  return blocks
    .map((block, index) =>
      isRecord(block) ? renderBlock(block, index, ctx).value : unsupported('not an object').value,
    )
    .join('');
}
